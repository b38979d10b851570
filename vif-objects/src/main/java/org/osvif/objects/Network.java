package org.osvif.objects;

import java.util.Optional;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.VersionedObject;

/**
 * A network. A new builder starts as upstream's constructor does: no subnets, multi_host,
 * should_provide_bridge and should_provide_vlan false, mtu null.
 */
public final class Network extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "Network";
    /** Field id. */
    public static final Field<String> ID;
    /** Field bridge. */
    public static final Field<String> BRIDGE;
    /** Field label. */
    public static final Field<String> LABEL;
    /** Field subnets. */
    public static final Field<SubnetList> SUBNETS;
    /** Field multi_host. */
    public static final Field<Boolean> MULTI_HOST;
    /** Field should_provide_bridge. */
    public static final Field<Boolean> SHOULD_PROVIDE_BRIDGE;
    /** Field should_provide_vlan. */
    public static final Field<Boolean> SHOULD_PROVIDE_VLAN;
    /** Field bridge_interface. */
    public static final Field<String> BRIDGE_INTERFACE;
    /** Field vlan. */
    public static final Field<Integer> VLAN;
    /** Field mtu. */
    public static final Field<Integer> MTU;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<Network> TYPE;

    static {
        ObjectType.Builder<Network> b = ObjectType.builder(OBJ_NAME, Network.class, null, Network::new)
                .version("1.0", "Initial version")
                .version("1.1", "Added MTU field");
        ID = b.field("id", FieldTypes.UUID);
        BRIDGE = b.field("bridge", FieldTypes.STRING);
        LABEL = b.field("label", FieldTypes.STRING);
        SUBNETS = b.field("subnets", FieldTypes.object(() -> SubnetList.TYPE, false));
        MULTI_HOST = b.field("multi_host", FieldTypes.BOOLEAN);
        SHOULD_PROVIDE_BRIDGE = b.field("should_provide_bridge", FieldTypes.BOOLEAN);
        SHOULD_PROVIDE_VLAN = b.field("should_provide_vlan", FieldTypes.BOOLEAN);
        BRIDGE_INTERFACE = b.nullableField("bridge_interface", FieldTypes.STRING);
        VLAN = b.nullableField("vlan", FieldTypes.INTEGER);
        MTU = b.nullableField("mtu", FieldTypes.INTEGER);
        b.addedIn("1.1", MTU);
        b.parentVersion(v -> ObjectVersion.of(1, 0));
        b.initialValue(SUBNETS, SubnetList.of());
        b.initialValue(MULTI_HOST, false);
        b.initialValue(SHOULD_PROVIDE_BRIDGE, false);
        b.initialValue(SHOULD_PROVIDE_VLAN, false);
        b.initialValue(MTU, null);
        TYPE = b.build();
    }

    private Network(State state) {
        super(state);
    }

    /** @return id */
    public String id() {
        return value(ID);
    }

    /** @return bridge */
    public String bridge() {
        return value(BRIDGE);
    }

    /** @return label */
    public String label() {
        return value(LABEL);
    }

    /** @return subnets */
    public SubnetList subnets() {
        return value(SUBNETS);
    }

    /** @return multi_host */
    public Boolean multiHost() {
        return value(MULTI_HOST);
    }

    /** @return should_provide_bridge */
    public Boolean shouldProvideBridge() {
        return value(SHOULD_PROVIDE_BRIDGE);
    }

    /** @return should_provide_vlan */
    public Boolean shouldProvideVlan() {
        return value(SHOULD_PROVIDE_VLAN);
    }

    /** @return bridge_interface, empty when null or unset */
    public Optional<String> bridgeInterface() {
        return optional(BRIDGE_INTERFACE);
    }

    /** @return vlan, empty when null or unset */
    public Optional<Integer> vlan() {
        return optional(VLAN);
    }

    /** @return mtu, empty when null or unset */
    public Optional<Integer> mtu() {
        return optional(MTU);
    }

    /**
     * Setters for the fields of Network, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends Network, B extends AbstractBuilder<T, B>>
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
         * @param value bridge
         * @return this builder
         */
        public B bridge(String value) {
            return set(BRIDGE, value);
        }

        /**
         * @param value label
         * @return this builder
         */
        public B label(String value) {
            return set(LABEL, value);
        }

        /**
         * @param value subnets
         * @return this builder
         */
        public B subnets(SubnetList value) {
            return set(SUBNETS, value);
        }

        /**
         * @param value multi_host
         * @return this builder
         */
        public B multiHost(Boolean value) {
            return set(MULTI_HOST, value);
        }

        /**
         * @param value should_provide_bridge
         * @return this builder
         */
        public B shouldProvideBridge(Boolean value) {
            return set(SHOULD_PROVIDE_BRIDGE, value);
        }

        /**
         * @param value should_provide_vlan
         * @return this builder
         */
        public B shouldProvideVlan(Boolean value) {
            return set(SHOULD_PROVIDE_VLAN, value);
        }

        /**
         * @param value bridge_interface (null sets null)
         * @return this builder
         */
        public B bridgeInterface(String value) {
            return set(BRIDGE_INTERFACE, value);
        }

        /**
         * @param value vlan (null sets null)
         * @return this builder
         */
        public B vlan(Integer value) {
            return set(VLAN, value);
        }

        /**
         * @param value mtu (null sets null)
         * @return this builder
         */
        public B mtu(Integer value) {
            return set(MTU, value);
        }
    }

    /** @return a builder for a new Network */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds Network objects. */
    public static final class Builder extends AbstractBuilder<Network, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(Network from) {
            super(TYPE, from);
        }
    }
}
