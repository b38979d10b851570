package org.osvif.objects;

import org.osvif.exception.NoMatchingPortProfileClassException;
import org.osvif.exception.NoSupportedPortProfileVersionException;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.VersionedObject;

/**
 * A port profile class a plugin supports, with the range of its versions the plugin
 * understands.
 */
public final class HostPortProfileInfo extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "HostPortProfileInfo";
    /** Name of the VIFPortProfileBase subclass. */
    public static final Field<String> PROFILE_OBJECT_NAME;
    /** Earliest version understood. */
    public static final Field<String> MIN_VERSION;
    /** Latest version understood. */
    public static final Field<String> MAX_VERSION;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<HostPortProfileInfo> TYPE;

    static {
        ObjectType.Builder<HostPortProfileInfo> b = ObjectType.builder(OBJ_NAME, HostPortProfileInfo.class, null, HostPortProfileInfo::new)
                .version("1.0", "Initial version");
        PROFILE_OBJECT_NAME = b.field("profile_object_name", FieldTypes.STRING);
        MIN_VERSION = b.field("min_version", FieldTypes.STRING);
        MAX_VERSION = b.field("max_version", FieldTypes.STRING);
        TYPE = b.build();
    }

    private HostPortProfileInfo(State state) {
        super(state);
    }

    /** @return profile_object_name */
    public String profileObjectName() {
        return value(PROFILE_OBJECT_NAME);
    }

    /** @return min_version */
    public String minVersion() {
        return value(MIN_VERSION);
    }

    /** @return max_version */
    public String maxVersion() {
        return value(MAX_VERSION);
    }

    /**
     * Setters for the fields of HostPortProfileInfo, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends HostPortProfileInfo, B extends AbstractBuilder<T, B>>
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
         * @param value profile_object_name
         * @return this builder
         */
        public B profileObjectName(String value) {
            return set(PROFILE_OBJECT_NAME, value);
        }

        /**
         * @param value min_version
         * @return this builder
         */
        public B minVersion(String value) {
            return set(MIN_VERSION, value);
        }

        /**
         * @param value max_version
         * @return this builder
         */
        public B maxVersion(String value) {
            return set(MAX_VERSION, value);
        }
    }

    /** @return a builder for a new HostPortProfileInfo */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds HostPortProfileInfo objects. */
    public static final class Builder extends AbstractBuilder<HostPortProfileInfo, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(HostPortProfileInfo from) {
            super(TYPE, from);
        }
    }

    /**
     * The version of {@code profile_object_name} this library would use within [min_version, max_version],
     * upstream's {@code get_common_version}.
     *
     * @return the version, e.g. {@code "1.4"}
     * @throws NoMatchingPortProfileClassException when no port profile class has that name
     * @throws NoSupportedPortProfileVersionException when the known version is outside the range
     */
    public String commonVersion() {
        String name = profileObjectName();
        ObjectType<?> type = OsVifObjects.registry().find(name)
                .filter(t -> t.isSubtypeOf(VifPortProfileBase.TYPE))
                .orElseThrow(() -> new NoMatchingPortProfileClassException(name));
        ObjectVersion got = type.version();
        ObjectVersion min = ObjectVersion.parse(minVersion());
        ObjectVersion max = ObjectVersion.parse(maxVersion());
        if (!got.isBefore(min) && !max.isBefore(got)) {
            return got.toString();
        }
        throw new NoSupportedPortProfileVersionException(name, got.toString(), minVersion(), maxVersion());
    }
}
