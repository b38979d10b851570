package org.osvif.objects;

import java.util.Arrays;
import java.util.List;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;
import org.osvif.objects.types.IpAddress;

/**
 * A fixed IP address and the floating IPs that map to it.
 */
public final class FixedIp extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "FixedIP";
    /** Field address. */
    public static final Field<IpAddress> ADDRESS;
    /** Field floating_ips. */
    public static final Field<List<IpAddress>> FLOATING_IPS;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<FixedIp> TYPE;

    static {
        ObjectType.Builder<FixedIp> b = ObjectType.builder(OBJ_NAME, FixedIp.class, null, FixedIp::new)
                .version("1.0", "Initial version");
        ADDRESS = b.field("address", FieldTypes.IP_ADDRESS);
        FLOATING_IPS = b.field("floating_ips", FieldTypes.listOf(FieldTypes.IP_ADDRESS));
        TYPE = b.build();
    }

    private FixedIp(State state) {
        super(state);
    }

    /** @return address */
    public IpAddress address() {
        return value(ADDRESS);
    }

    /** @return floating_ips */
    public List<IpAddress> floatingIps() {
        return value(FLOATING_IPS);
    }

    /**
     * Setters for the fields of FixedIP, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends FixedIp, B extends AbstractBuilder<T, B>>
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
         * @param value address
         * @return this builder
         */
        public B address(IpAddress value) {
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
         * @param value floating_ips
         * @return this builder
         */
        public B floatingIps(List<IpAddress> value) {
            return set(FLOATING_IPS, value);
        }

        /**
         * @param values floating_ips
         * @return this builder
         */
        public B floatingIps(IpAddress... values) {
            return set(FLOATING_IPS, Arrays.asList(values));
        }
    }

    /** @return a builder for a new FixedIP */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds FixedIP objects. */
    public static final class Builder extends AbstractBuilder<FixedIp, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(FixedIp from) {
            super(TYPE, from);
        }
    }
}
