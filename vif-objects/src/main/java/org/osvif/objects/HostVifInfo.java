package org.osvif.objects;

import java.util.Arrays;
import java.util.List;
import org.osvif.exception.NoMatchingVifClassException;
import org.osvif.exception.NoSupportedVifVersionException;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.VersionedObject;

/**
 * A VIF class a plugin supports, the range of its versions and the port profiles it supports
 * with it.
 */
public final class HostVifInfo extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "HostVIFInfo";
    /** Name of the VIFBase subclass. */
    public static final Field<String> VIF_OBJECT_NAME;
    /** Earliest version understood. */
    public static final Field<String> MIN_VERSION;
    /** Latest version understood. */
    public static final Field<String> MAX_VERSION;
    /** Port profiles supported (since 1.1). */
    public static final Field<List<HostPortProfileInfo>> SUPPORTED_PORT_PROFILES;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<HostVifInfo> TYPE;

    static {
        ObjectType.Builder<HostVifInfo> b = ObjectType.builder(OBJ_NAME, HostVifInfo.class, null, HostVifInfo::new)
                .version("1.0", "Initial version")
                .version("1.1", "Adds 'supported_port_profiles' field");
        VIF_OBJECT_NAME = b.field("vif_object_name", FieldTypes.STRING);
        MIN_VERSION = b.field("min_version", FieldTypes.STRING);
        MAX_VERSION = b.field("max_version", FieldTypes.STRING);
        SUPPORTED_PORT_PROFILES = b.field("supported_port_profiles", FieldTypes.listOfObjects(() -> HostPortProfileInfo.TYPE));
        b.addedIn("1.1", SUPPORTED_PORT_PROFILES);
        b.parentVersion(v -> ObjectVersion.of(1, 0));
        TYPE = b.build();
    }

    private HostVifInfo(State state) {
        super(state);
    }

    /** @return vif_object_name */
    public String vifObjectName() {
        return value(VIF_OBJECT_NAME);
    }

    /** @return min_version */
    public String minVersion() {
        return value(MIN_VERSION);
    }

    /** @return max_version */
    public String maxVersion() {
        return value(MAX_VERSION);
    }

    /** @return supported_port_profiles */
    public List<HostPortProfileInfo> supportedPortProfiles() {
        return value(SUPPORTED_PORT_PROFILES);
    }

    /**
     * Setters for the fields of HostVIFInfo, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends HostVifInfo, B extends AbstractBuilder<T, B>>
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
         * @param value vif_object_name
         * @return this builder
         */
        public B vifObjectName(String value) {
            return set(VIF_OBJECT_NAME, value);
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

        /**
         * @param value supported_port_profiles
         * @return this builder
         */
        public B supportedPortProfiles(List<HostPortProfileInfo> value) {
            return set(SUPPORTED_PORT_PROFILES, value);
        }

        /**
         * @param values supported_port_profiles
         * @return this builder
         */
        public B supportedPortProfiles(HostPortProfileInfo... values) {
            return set(SUPPORTED_PORT_PROFILES, Arrays.asList(values));
        }
    }

    /** @return a builder for a new HostVIFInfo */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds HostVIFInfo objects. */
    public static final class Builder extends AbstractBuilder<HostVifInfo, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(HostVifInfo from) {
            super(TYPE, from);
        }
    }

    /**
     * The version of {@code vif_object_name} this library would use within [min_version, max_version],
     * upstream's {@code get_common_version}.
     *
     * @return the version, e.g. {@code "1.4"}
     * @throws NoMatchingVifClassException when no VIF class has that name
     * @throws NoSupportedVifVersionException when the known version is outside the range
     */
    public String commonVersion() {
        String name = vifObjectName();
        ObjectType<?> type = OsVifObjects.registry().find(name)
                .filter(t -> t.isSubtypeOf(VifBase.TYPE))
                .orElseThrow(() -> new NoMatchingVifClassException(name));
        ObjectVersion got = type.version();
        ObjectVersion min = ObjectVersion.parse(minVersion());
        ObjectVersion max = ObjectVersion.parse(maxVersion());
        if (!got.isBefore(min) && !max.isBefore(got)) {
            return got.toString();
        }
        throw new NoSupportedVifVersionException(name, got.toString(), minVersion(), maxVersion());
    }
}
