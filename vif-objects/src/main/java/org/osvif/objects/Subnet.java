package org.osvif.objects;

import java.util.Arrays;
import java.util.List;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;
import org.osvif.objects.types.IpAddress;
import org.osvif.objects.types.IpNetwork;

/**
 * A subnet of a network.
 */
public final class Subnet extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "Subnet";
    /** Field cidr. */
    public static final Field<IpNetwork> CIDR;
    /** Field dns. */
    public static final Field<List<IpAddress>> DNS;
    /** Field gateway. */
    public static final Field<IpAddress> GATEWAY;
    /** Field ips. */
    public static final Field<FixedIpList> IPS;
    /** Field routes. */
    public static final Field<RouteList> ROUTES;
    /** Field dhcp_server. */
    public static final Field<IpAddress> DHCP_SERVER;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<Subnet> TYPE;

    static {
        ObjectType.Builder<Subnet> b = ObjectType.builder(OBJ_NAME, Subnet.class, null, Subnet::new)
                .version("1.0", "Initial version");
        CIDR = b.field("cidr", FieldTypes.IP_NETWORK);
        DNS = b.field("dns", FieldTypes.listOf(FieldTypes.IP_ADDRESS));
        GATEWAY = b.field("gateway", FieldTypes.IP_ADDRESS);
        IPS = b.field("ips", FieldTypes.object(() -> FixedIpList.TYPE, false));
        ROUTES = b.field("routes", FieldTypes.object(() -> RouteList.TYPE, false));
        DHCP_SERVER = b.field("dhcp_server", FieldTypes.IP_ADDRESS);
        TYPE = b.build();
    }

    private Subnet(State state) {
        super(state);
    }

    /** @return cidr */
    public IpNetwork cidr() {
        return value(CIDR);
    }

    /** @return dns */
    public List<IpAddress> dns() {
        return value(DNS);
    }

    /** @return gateway */
    public IpAddress gateway() {
        return value(GATEWAY);
    }

    /** @return ips */
    public FixedIpList ips() {
        return value(IPS);
    }

    /** @return routes */
    public RouteList routes() {
        return value(ROUTES);
    }

    /** @return dhcp_server */
    public IpAddress dhcpServer() {
        return value(DHCP_SERVER);
    }

    /**
     * Setters for the fields of Subnet, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends Subnet, B extends AbstractBuilder<T, B>>
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
         * @param value cidr
         * @return this builder
         */
        public B cidr(IpNetwork value) {
            return set(CIDR, value);
        }

        /**
         * @param value cidr as text, checked and normalised
         * @return this builder
         */
        public B cidr(String value) {
            return setAny("cidr", value);
        }

        /**
         * @param value dns
         * @return this builder
         */
        public B dns(List<IpAddress> value) {
            return set(DNS, value);
        }

        /**
         * @param values dns
         * @return this builder
         */
        public B dns(IpAddress... values) {
            return set(DNS, Arrays.asList(values));
        }

        /**
         * @param value gateway
         * @return this builder
         */
        public B gateway(IpAddress value) {
            return set(GATEWAY, value);
        }

        /**
         * @param value gateway as text, checked and normalised
         * @return this builder
         */
        public B gateway(String value) {
            return setAny("gateway", value);
        }

        /**
         * @param value ips
         * @return this builder
         */
        public B ips(FixedIpList value) {
            return set(IPS, value);
        }

        /**
         * @param value routes
         * @return this builder
         */
        public B routes(RouteList value) {
            return set(ROUTES, value);
        }

        /**
         * @param value dhcp_server
         * @return this builder
         */
        public B dhcpServer(IpAddress value) {
            return set(DHCP_SERVER, value);
        }

        /**
         * @param value dhcp_server as text, checked and normalised
         * @return this builder
         */
        public B dhcpServer(String value) {
            return setAny("dhcp_server", value);
        }
    }

    /** @return a builder for a new Subnet */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds Subnet objects. */
    public static final class Builder extends AbstractBuilder<Subnet, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(Subnet from) {
            super(TYPE, from);
        }
    }
}
