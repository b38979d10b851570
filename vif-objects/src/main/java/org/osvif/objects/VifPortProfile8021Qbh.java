package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;

/**
 * Port profile for VEPA 802.1Qbh networks.
 */
public final class VifPortProfile8021Qbh extends VifPortProfileBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFPortProfile8021Qbh";
    /** Name of the port profile the switch applies. */
    public static final Field<String> PROFILE_ID;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifPortProfile8021Qbh> TYPE;

    static {
        ObjectType.Builder<VifPortProfile8021Qbh> b = ObjectType.builder(OBJ_NAME, VifPortProfile8021Qbh.class, VifPortProfileBase.TYPE, VifPortProfile8021Qbh::new)
                .version("1.0", "Initial release")
                .version("1.1", "VIFPortProfileBase updated to 1.1 from 1.0");
        PROFILE_ID = b.field("profile_id", FieldTypes.STRING);
        b.parentVersion(v -> v.isBefore(1, 1) ? ObjectVersion.of(1, 0) : ObjectVersion.of(1, 1));
        TYPE = b.build();
    }

    private VifPortProfile8021Qbh(State state) {
        super(state);
    }

    /** @return profile_id */
    public String profileId() {
        return value(PROFILE_ID);
    }

    /**
     * Setters for the fields of VIFPortProfile8021Qbh, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifPortProfile8021Qbh, B extends AbstractBuilder<T, B>>
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
         * @param value profile_id
         * @return this builder
         */
        public B profileId(String value) {
            return set(PROFILE_ID, value);
        }
    }

    /** @return a builder for a new VIFPortProfile8021Qbh */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFPortProfile8021Qbh objects. */
    public static final class Builder extends AbstractBuilder<VifPortProfile8021Qbh, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifPortProfile8021Qbh from) {
            super(TYPE, from);
        }
    }
}
