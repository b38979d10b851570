package org.osvif.objects;

import java.util.Optional;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;
import org.osvif.objects.types.MacAddress;

/**
 * A virtual network interface: the fields every kind of VIF has, and the network it is
 * plugged into. Abstract: use a subclass.
 */
public abstract class VifBase extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFBase";
    /** Unique identifier of the VIF port. */
    public static final Field<String> ID;
    /** The guest MAC address. */
    public static final Field<MacAddress> ADDRESS;
    /** The network the VIF is connected to. */
    public static final Field<Network> NETWORK;
    /** Name of the os-vif plugin that plugs it. */
    public static final Field<String> PLUGIN;
    /** Whether the VIF is initially online. */
    public static final Field<Boolean> ACTIVE;
    /** Whether the host VIF should be kept on unplug. */
    public static final Field<Boolean> PRESERVE_ON_DELETE;
    /** Whether the network service filters traffic itself. */
    public static final Field<Boolean> HAS_TRAFFIC_FILTERING;
    /** The port profile: metadata for the backend. */
    public static final Field<VifPortProfileBase> PORT_PROFILE;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifBase> TYPE;

    static {
        ObjectType.Builder<VifBase> b = ObjectType.builder(OBJ_NAME, VifBase.class, null, Plain::new)
                .version("1.0", "Initial release");
        ID = b.field("id", FieldTypes.UUID);
        ADDRESS = b.nullableField("address", FieldTypes.MAC_ADDRESS);
        NETWORK = b.nullableField("network", FieldTypes.object(() -> Network.TYPE, false));
        PLUGIN = b.field("plugin", FieldTypes.STRING);
        ACTIVE = b.fieldWithDefault("active", FieldTypes.BOOLEAN, Boolean.TRUE);
        PRESERVE_ON_DELETE = b.fieldWithDefault("preserve_on_delete", FieldTypes.BOOLEAN, Boolean.FALSE);
        HAS_TRAFFIC_FILTERING = b.fieldWithDefault("has_traffic_filtering", FieldTypes.BOOLEAN, Boolean.FALSE);
        PORT_PROFILE = b.field("port_profile", FieldTypes.object(() -> VifPortProfileBase.TYPE, true));
        TYPE = b.build();
    }

    /** @param state the state the type hands over */
    protected VifBase(State state) {
        super(state);
    }

    /** @return id */
    public String id() {
        return value(ID);
    }

    /** @return address, empty when null or unset */
    public Optional<MacAddress> address() {
        return optional(ADDRESS);
    }

    /** @return network, empty when null or unset */
    public Optional<Network> network() {
        return optional(NETWORK);
    }

    /** @return plugin */
    public String plugin() {
        return value(PLUGIN);
    }

    /** @return active, Boolean.TRUE when unset */
    public Boolean active() {
        return value(ACTIVE);
    }

    /** @return preserve_on_delete, Boolean.FALSE when unset */
    public Boolean preserveOnDelete() {
        return value(PRESERVE_ON_DELETE);
    }

    /** @return has_traffic_filtering, Boolean.FALSE when unset */
    public Boolean hasTrafficFiltering() {
        return value(HAS_TRAFFIC_FILTERING);
    }

    /** @return port_profile */
    public VifPortProfileBase portProfile() {
        return value(PORT_PROFILE);
    }

    /** A bare VIFBase, as Python can make one; read from primitives only. */
    private static final class Plain extends VifBase {
        private Plain(State state) {
            super(state);
        }
    }

    /**
     * Setters for the fields of VIFBase, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifBase, B extends AbstractBuilder<T, B>>
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
         * @param value id
         * @return this builder
         */
        public B id(String value) {
            return set(ID, value);
        }

        /**
         * @param value address (null sets null)
         * @return this builder
         */
        public B address(MacAddress value) {
            return set(ADDRESS, value);
        }

        /**
         * @param value address as text, checked and normalised
         * @return this builder
         */
        public B address(String value) {
            return setAny("address", value);
        }

        /**
         * @param value network (null sets null)
         * @return this builder
         */
        public B network(Network value) {
            return set(NETWORK, value);
        }

        /**
         * @param value plugin
         * @return this builder
         */
        public B plugin(String value) {
            return set(PLUGIN, value);
        }

        /**
         * @param value active
         * @return this builder
         */
        public B active(Boolean value) {
            return set(ACTIVE, value);
        }

        /**
         * @param value preserve_on_delete
         * @return this builder
         */
        public B preserveOnDelete(Boolean value) {
            return set(PRESERVE_ON_DELETE, value);
        }

        /**
         * @param value has_traffic_filtering
         * @return this builder
         */
        public B hasTrafficFiltering(Boolean value) {
            return set(HAS_TRAFFIC_FILTERING, value);
        }

        /**
         * @param value port_profile
         * @return this builder
         */
        public B portProfile(VifPortProfileBase value) {
            return set(PORT_PROFILE, value);
        }
    }
}
