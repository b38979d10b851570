package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;

/**
 * Port profile for a Linux bridge with a fast path.
 */
public final class VifPortProfileFpBridge extends VifPortProfileBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFPortProfileFPBridge";
    /** Name of the bridge the fast path manages. */
    public static final Field<String> BRIDGE_NAME;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifPortProfileFpBridge> TYPE;

    static {
        ObjectType.Builder<VifPortProfileFpBridge> b = ObjectType.builder(OBJ_NAME, VifPortProfileFpBridge.class, VifPortProfileBase.TYPE, VifPortProfileFpBridge::new)
                .version("1.0", "Initial release")
                .version("1.1", "VIFPortProfileBase updated to 1.1 from 1.0");
        BRIDGE_NAME = b.field("bridge_name", FieldTypes.STRING);
        b.parentVersion(v -> v.isBefore(1, 1) ? ObjectVersion.of(1, 0) : ObjectVersion.of(1, 1));
        TYPE = b.build();
    }

    private VifPortProfileFpBridge(State state) {
        super(state);
    }

    /** @return bridge_name */
    public String bridgeName() {
        return value(BRIDGE_NAME);
    }

    /**
     * Setters for the fields of VIFPortProfileFPBridge, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifPortProfileFpBridge, B extends AbstractBuilder<T, B>>
            extends VifPortProfileBase.AbstractBuilder<T, B> {
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
    }

    /** @return a builder for a new VIFPortProfileFPBridge */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFPortProfileFPBridge objects. */
    public static final class Builder extends AbstractBuilder<VifPortProfileFpBridge, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifPortProfileFpBridge from) {
            super(TYPE, from);
        }
    }
}
