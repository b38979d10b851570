package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.types.PciAddress;

/**
 * A direct VIF: a macvtap device between the guest and a host device such as an SR-IOV
 * virtual function (libvirt type="direct").
 */
public final class VifDirect extends VifBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFDirect";
    /** Name of the device to create. */
    public static final Field<String> VIF_NAME;
    /** PCI address of the host device. */
    public static final Field<PciAddress> DEV_ADDRESS;
    /** Connection mode. */
    public static final Field<VifDirectMode> MODE;
    /** Name of the VLAN device to use. */
    public static final Field<String> VLAN_NAME;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifDirect> TYPE;

    static {
        ObjectType.Builder<VifDirect> b = ObjectType.builder(OBJ_NAME, VifDirect.class, VifBase.TYPE, VifDirect::new)
                .version("1.0", "Initial release");
        VIF_NAME = b.field("vif_name", FieldTypes.STRING);
        DEV_ADDRESS = b.field("dev_address", FieldTypes.PCI_ADDRESS);
        MODE = b.field("mode", FieldTypes.enumOf("VIFDirectMode", VifDirectMode.class));
        VLAN_NAME = b.field("vlan_name", FieldTypes.STRING);
        TYPE = b.build();
    }

    private VifDirect(State state) {
        super(state);
    }

    /** @return vif_name */
    public String vifName() {
        return value(VIF_NAME);
    }

    /** @return dev_address */
    public PciAddress devAddress() {
        return value(DEV_ADDRESS);
    }

    /** @return mode */
    public VifDirectMode mode() {
        return value(MODE);
    }

    /** @return vlan_name */
    public String vlanName() {
        return value(VLAN_NAME);
    }

    /**
     * Setters for the fields of VIFDirect, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifDirect, B extends AbstractBuilder<T, B>>
            extends VifBase.AbstractBuilder<T, B> {
        /** @param type the type built */
        protected AbstractBuilder(ObjectType<T> type) {
            super(type);
        }

        /**
         * @param type the type built
         * @param from the object to copy
         */
        protected AbstractBuilder(ObjectType<T> type, T from) {
            super(type, from);
        }

        /**
         * @param value vif_name
         * @return this builder
         */
        public B vifName(String value) {
            return set(VIF_NAME, value);
        }

        /**
         * @param value dev_address
         * @return this builder
         */
        public B devAddress(PciAddress value) {
            return set(DEV_ADDRESS, value);
        }

        /**
         * @param value dev_address as text, checked and normalised
         * @return this builder
         */
        public B devAddress(String value) {
            return setAny("dev_address", value);
        }

        /**
         * @param value mode
         * @return this builder
         */
        public B mode(VifDirectMode value) {
            return set(MODE, value);
        }

        /**
         * @param value vlan_name
         * @return this builder
         */
        public B vlanName(String value) {
            return set(VLAN_NAME, value);
        }
    }

    /** @return a builder for a new VIFDirect */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFDirect objects. */
    public static final class Builder extends AbstractBuilder<VifDirect, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifDirect from) {
            super(TYPE, from);
        }
    }
}
