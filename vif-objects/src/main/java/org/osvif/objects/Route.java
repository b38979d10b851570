package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;
import org.osvif.objects.types.IpAddress;
import org.osvif.objects.types.IpNetwork;

/**
 * A route of a subnet.
 */
public final class Route extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "Route";
    /** Field cidr. */
    public static final Field<IpNetwork> CIDR;
    /** Field gateway. */
    public static final Field<IpAddress> GATEWAY;
    /** Interface of the route (never set by Nova). */
    public static final Field<String> INTERFACE;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<Route> TYPE;

    static {
        ObjectType.Builder<Route> b = ObjectType.builder(OBJ_NAME, Route.class, null, Route::new)
                .version("1.0", "Initial version");
        CIDR = b.field("cidr", FieldTypes.IP_NETWORK);
        GATEWAY = b.field("gateway", FieldTypes.IP_ADDRESS);
        INTERFACE = b.field("interface", FieldTypes.STRING);
        TYPE = b.build();
    }

    private Route(State state) {
        super(state);
    }

    /** @return cidr */
    public IpNetwork cidr() {
        return value(CIDR);
    }

    /** @return gateway */
    public IpAddress gateway() {
        return value(GATEWAY);
    }

    /** @return interface */
    public String interfaceName() {
        return value(INTERFACE);
    }

    /**
     * Setters for the fields of Route, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends Route, B extends AbstractBuilder<T, B>>
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
         * @param value interface
         * @return this builder
         */
        public B interfaceName(String value) {
            return set(INTERFACE, value);
        }
    }

    /** @return a builder for a new Route */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds Route objects. */
    public static final class Builder extends AbstractBuilder<Route, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(Route from) {
            super(TYPE, from);
        }
    }
}
