package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;

/**
 * An Open vSwitch VIF: the device is bound, directly or through a hybrid Linux bridge, to an
 * Open vSwitch bridge (libvirt type="bridge").
 */
public final class VifOpenVSwitch extends VifBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFOpenVSwitch";
    /** Name of the virtual device to create. */
    public static final Field<String> VIF_NAME;
    /** Name of the Open vSwitch bridge, e.g. br-int. */
    public static final Field<String> BRIDGE_NAME;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifOpenVSwitch> TYPE;

    static {
        ObjectType.Builder<VifOpenVSwitch> b = ObjectType.builder(OBJ_NAME, VifOpenVSwitch.class, VifBase.TYPE, VifOpenVSwitch::new)
                .version("1.0", "Initial release");
        VIF_NAME = b.field("vif_name", FieldTypes.STRING);
        BRIDGE_NAME = b.field("bridge_name", FieldTypes.STRING);
        TYPE = b.build();
    }

    private VifOpenVSwitch(State state) {
        super(state);
    }

    /** @return vif_name */
    public String vifName() {
        return value(VIF_NAME);
    }

    /** @return bridge_name */
    public String bridgeName() {
        return value(BRIDGE_NAME);
    }

    /**
     * Setters for the fields of VIFOpenVSwitch, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifOpenVSwitch, B extends AbstractBuilder<T, B>>
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
         * @param value bridge_name
         * @return this builder
         */
        public B bridgeName(String value) {
            return set(BRIDGE_NAME, value);
        }
    }

    /** @return a builder for a new VIFOpenVSwitch */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFOpenVSwitch objects. */
    public static final class Builder extends AbstractBuilder<VifOpenVSwitch, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifOpenVSwitch from) {
            super(TYPE, from);
        }
    }
}
