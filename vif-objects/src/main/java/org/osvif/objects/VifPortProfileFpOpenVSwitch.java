package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;

/**
 * Port profile for Open vSwitch with a fast path: ties a fast-path VIF to an Open vSwitch
 * port.
 */
public final class VifPortProfileFpOpenVSwitch extends VifPortProfileOpenVSwitch {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFPortProfileFPOpenVSwitch";
    /** Name of the bridge the fast path manages. */
    public static final Field<String> BRIDGE_NAME;
    /** Whether the network uses hybrid plug. */
    public static final Field<Boolean> HYBRID_PLUG;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifPortProfileFpOpenVSwitch> TYPE;

    static {
        ObjectType.Builder<VifPortProfileFpOpenVSwitch> b = ObjectType.builder(OBJ_NAME, VifPortProfileFpOpenVSwitch.class, VifPortProfileOpenVSwitch.TYPE, VifPortProfileFpOpenVSwitch::new)
                .version("1.0", "Initial release")
                .version("1.1", "VIFPortProfileOpenVSwitch updated to 1.1 from 1.0")
                .version("1.2", "VIFPortProfileOpenVSwitch updated to 1.2 from 1.1")
                .version("1.3", "VIFPortProfileOpenVSwitch updated to 1.3 from 1.2")
                .version("1.4", "VIFPortProfileOpenVSwitch updated to 1.4 from 1.3");
        BRIDGE_NAME = b.field("bridge_name", FieldTypes.STRING);
        HYBRID_PLUG = b.fieldWithDefault("hybrid_plug", FieldTypes.BOOLEAN, Boolean.FALSE);
        b.parentVersion(v -> v);
        TYPE = b.build();
    }

    private VifPortProfileFpOpenVSwitch(State state) {
        super(state);
    }

    /** @return bridge_name */
    public String bridgeName() {
        return value(BRIDGE_NAME);
    }

    /** @return hybrid_plug, Boolean.FALSE when unset */
    public Boolean hybridPlug() {
        return value(HYBRID_PLUG);
    }

    /**
     * Setters for the fields of VIFPortProfileFPOpenVSwitch, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifPortProfileFpOpenVSwitch, B extends AbstractBuilder<T, B>>
            extends VifPortProfileOpenVSwitch.AbstractBuilder<T, B> {
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
         * @param value bridge_name
         * @return this builder
         */
        public B bridgeName(String value) {
            return set(BRIDGE_NAME, value);
        }

        /**
         * @param value hybrid_plug
         * @return this builder
         */
        public B hybridPlug(Boolean value) {
            return set(HYBRID_PLUG, value);
        }
    }

    /** @return a builder for a new VIFPortProfileFPOpenVSwitch */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    @Override
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFPortProfileFPOpenVSwitch objects. */
    public static final class Builder extends AbstractBuilder<VifPortProfileFpOpenVSwitch, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifPortProfileFpOpenVSwitch from) {
            super(TYPE, from);
        }
    }
}
