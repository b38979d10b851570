package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;

/**
 * A generic VIF: an unbound TUN/TAP device that the plugin sets up, not the hypervisor
 * (libvirt type="ethernet").
 */
public final class VifGeneric extends VifBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFGeneric";
    /** Name of the device to create. */
    public static final Field<String> VIF_NAME;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifGeneric> TYPE;

    static {
        ObjectType.Builder<VifGeneric> b = ObjectType.builder(OBJ_NAME, VifGeneric.class, VifBase.TYPE, VifGeneric::new)
                .version("1.0", "Initial release");
        VIF_NAME = b.field("vif_name", FieldTypes.STRING);
        TYPE = b.build();
    }

    private VifGeneric(State state) {
        super(state);
    }

    /** @return vif_name */
    public String vifName() {
        return value(VIF_NAME);
    }

    /**
     * Setters for the fields of VIFGeneric, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifGeneric, B extends AbstractBuilder<T, B>>
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
    }

    /** @return a builder for a new VIFGeneric */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFGeneric objects. */
    public static final class Builder extends AbstractBuilder<VifGeneric, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifGeneric from) {
            super(TYPE, from);
        }
    }
}
