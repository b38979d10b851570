package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;

/**
 * What a plugin needs to know of the instance a VIF belongs to.
 */
public final class InstanceInfo extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "InstanceInfo";
    /** UUID of the instance. */
    public static final Field<String> UUID;
    /** The instance name, as Nova names it. */
    public static final Field<String> NAME;
    /** The project (tenant) that owns the instance. */
    public static final Field<String> PROJECT_ID;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<InstanceInfo> TYPE;

    static {
        ObjectType.Builder<InstanceInfo> b = ObjectType.builder(OBJ_NAME, InstanceInfo.class, null, InstanceInfo::new)
                .version("1.0", "Initial version");
        UUID = b.field("uuid", FieldTypes.UUID);
        NAME = b.field("name", FieldTypes.STRING);
        PROJECT_ID = b.field("project_id", FieldTypes.STRING);
        TYPE = b.build();
    }

    private InstanceInfo(State state) {
        super(state);
    }

    /** @return uuid */
    public String uuid() {
        return value(UUID);
    }

    /** @return name */
    public String name() {
        return value(NAME);
    }

    /** @return project_id */
    public String projectId() {
        return value(PROJECT_ID);
    }

    /**
     * Setters for the fields of InstanceInfo, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends InstanceInfo, B extends AbstractBuilder<T, B>>
            extends VersionedObject.Builder<T, B> {
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
         * @param value uuid
         * @return this builder
         */
        public B uuid(String value) {
            return set(UUID, value);
        }

        /**
         * @param value name
         * @return this builder
         */
        public B name(String value) {
            return set(NAME, value);
        }

        /**
         * @param value project_id
         * @return this builder
         */
        public B projectId(String value) {
            return set(PROJECT_ID, value);
        }
    }

    /** @return a builder for a new InstanceInfo */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds InstanceInfo objects. */
    public static final class Builder extends AbstractBuilder<InstanceInfo, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(InstanceInfo from) {
            super(TYPE, from);
        }
    }
}
