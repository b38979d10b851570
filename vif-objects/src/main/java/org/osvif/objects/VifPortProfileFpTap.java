package org.osvif.objects;

import java.util.Optional;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.types.MacAddress;

/**
 * Port profile for Calico networks with a fast path.
 */
public final class VifPortProfileFpTap extends VifPortProfileBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFPortProfileFPTap";
    /** MAC address of the host vhost-user port. */
    public static final Field<MacAddress> MAC_ADDRESS;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifPortProfileFpTap> TYPE;

    static {
        ObjectType.Builder<VifPortProfileFpTap> b = ObjectType.builder(OBJ_NAME, VifPortProfileFpTap.class, VifPortProfileBase.TYPE, VifPortProfileFpTap::new)
                .version("1.0", "Initial release")
                .version("1.1", "VIFPortProfileBase updated to 1.1 from 1.0");
        MAC_ADDRESS = b.nullableField("mac_address", FieldTypes.MAC_ADDRESS);
        b.parentVersion(v -> v.isBefore(1, 1) ? ObjectVersion.of(1, 0) : ObjectVersion.of(1, 1));
        TYPE = b.build();
    }

    private VifPortProfileFpTap(State state) {
        super(state);
    }

    /** @return mac_address, empty when null or unset */
    public Optional<MacAddress> macAddress() {
        return optional(MAC_ADDRESS);
    }

    /**
     * Setters for the fields of VIFPortProfileFPTap, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifPortProfileFpTap, B extends AbstractBuilder<T, B>>
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
         * @param value mac_address (null sets null)
         * @return this builder
         */
        public B macAddress(MacAddress value) {
            return set(MAC_ADDRESS, value);
        }

        /**
         * @param value mac_address as text, checked and normalised
         * @return this builder
         */
        public B macAddress(String value) {
            return setAny("mac_address", value);
        }
    }

    /** @return a builder for a new VIFPortProfileFPTap */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFPortProfileFPTap objects. */
    public static final class Builder extends AbstractBuilder<VifPortProfileFpTap, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifPortProfileFpTap from) {
            super(TYPE, from);
        }
    }
}
