package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;

/**
 * Port profile for VEPA 802.1Qbg networks.
 */
public final class VifPortProfile8021Qbg extends VifPortProfileBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFPortProfile8021Qbg";
    /** VSI Manager ID: the database of VSI types and instances. */
    public static final Field<Integer> MANAGER_ID;
    /** VSI Type ID: the kind of network access. */
    public static final Field<Integer> TYPE_ID;
    /** VSI Type Version. */
    public static final Field<Integer> TYPE_ID_VERSION;
    /** VSI Instance ID, unique to this interface. */
    public static final Field<String> INSTANCE_ID;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifPortProfile8021Qbg> TYPE;

    static {
        ObjectType.Builder<VifPortProfile8021Qbg> b = ObjectType.builder(OBJ_NAME, VifPortProfile8021Qbg.class, VifPortProfileBase.TYPE, VifPortProfile8021Qbg::new)
                .version("1.0", "Initial release")
                .version("1.1", "VIFPortProfileBase updated to 1.1 from 1.0");
        MANAGER_ID = b.field("manager_id", FieldTypes.INTEGER);
        TYPE_ID = b.field("type_id", FieldTypes.INTEGER);
        TYPE_ID_VERSION = b.field("type_id_version", FieldTypes.INTEGER);
        INSTANCE_ID = b.field("instance_id", FieldTypes.UUID);
        b.parentVersion(v -> v.isBefore(1, 1) ? ObjectVersion.of(1, 0) : ObjectVersion.of(1, 1));
        TYPE = b.build();
    }

    private VifPortProfile8021Qbg(State state) {
        super(state);
    }

    /** @return manager_id */
    public Integer managerId() {
        return value(MANAGER_ID);
    }

    /** @return type_id */
    public Integer typeId() {
        return value(TYPE_ID);
    }

    /** @return type_id_version */
    public Integer typeIdVersion() {
        return value(TYPE_ID_VERSION);
    }

    /** @return instance_id */
    public String instanceId() {
        return value(INSTANCE_ID);
    }

    /**
     * Setters for the fields of VIFPortProfile8021Qbg, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifPortProfile8021Qbg, B extends AbstractBuilder<T, B>>
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
         * @param value manager_id
         * @return this builder
         */
        public B managerId(Integer value) {
            return set(MANAGER_ID, value);
        }

        /**
         * @param value type_id
         * @return this builder
         */
        public B typeId(Integer value) {
            return set(TYPE_ID, value);
        }

        /**
         * @param value type_id_version
         * @return this builder
         */
        public B typeIdVersion(Integer value) {
            return set(TYPE_ID_VERSION, value);
        }

        /**
         * @param value instance_id
         * @return this builder
         */
        public B instanceId(String value) {
            return set(INSTANCE_ID, value);
        }
    }

    /** @return a builder for a new VIFPortProfile8021Qbg */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFPortProfile8021Qbg objects. */
    public static final class Builder extends AbstractBuilder<VifPortProfile8021Qbg, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifPortProfile8021Qbg from) {
            super(TYPE, from);
        }
    }
}
