package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.types.PciAddress;

/**
 * A host-device VIF: the guest gets direct access to an SR-IOV virtual function or a whole
 * physical function (libvirt type="hostdev").
 */
public final class VifHostDevice extends VifBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFHostDevice";
    /** ethernet (an interface) or generic (a PCI host device). */
    public static final Field<VifHostDeviceDevType> DEV_TYPE;
    /** PCI address of the host device. */
    public static final Field<PciAddress> DEV_ADDRESS;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifHostDevice> TYPE;

    static {
        ObjectType.Builder<VifHostDevice> b = ObjectType.builder(OBJ_NAME, VifHostDevice.class, VifBase.TYPE, VifHostDevice::new)
                .version("1.0", "Initial release");
        DEV_TYPE = b.field("dev_type", FieldTypes.enumOf("VIFHostDeviceDevType", VifHostDeviceDevType.class));
        DEV_ADDRESS = b.field("dev_address", FieldTypes.PCI_ADDRESS);
        TYPE = b.build();
    }

    private VifHostDevice(State state) {
        super(state);
    }

    /** @return dev_type */
    public VifHostDeviceDevType devType() {
        return value(DEV_TYPE);
    }

    /** @return dev_address */
    public PciAddress devAddress() {
        return value(DEV_ADDRESS);
    }

    /**
     * Setters for the fields of VIFHostDevice, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifHostDevice, B extends AbstractBuilder<T, B>>
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
         * @param value dev_type
         * @return this builder
         */
        public B devType(VifHostDeviceDevType value) {
            return set(DEV_TYPE, value);
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
    }

    /** @return a builder for a new VIFHostDevice */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFHostDevice objects. */
    public static final class Builder extends AbstractBuilder<VifHostDevice, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifHostDevice from) {
            super(TYPE, from);
        }
    }
}
