package org.osvif.objects;

import java.util.Optional;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;

/**
 * Port profile for Open vSwitch: what is needed to tie a VIF to an Open vSwitch interface.
 */
public class VifPortProfileOpenVSwitch extends VifPortProfileBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFPortProfileOpenVSwitch";
    /** UUID of the interface (iface-id). */
    public static final Field<String> INTERFACE_ID;
    /** Open vSwitch port profile of the interface. */
    public static final Field<String> PROFILE_ID;
    /** Datapath type of the bridge (since 1.1). */
    public static final Field<String> DATAPATH_TYPE;
    /** Whether the plugin adds the port to the bridge (since 1.3). */
    public static final Field<Boolean> CREATE_PORT;
    /** Whether the plugin creates the tap device first (since 1.4). */
    public static final Field<Boolean> CREATE_TAP;
    /** Whether a tap the plugin creates has multiple queues (since 1.4). */
    public static final Field<Boolean> MULTIQUEUE;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifPortProfileOpenVSwitch> TYPE;

    static {
        ObjectType.Builder<VifPortProfileOpenVSwitch> b = ObjectType.builder(OBJ_NAME, VifPortProfileOpenVSwitch.class, VifPortProfileBase.TYPE, VifPortProfileOpenVSwitch::new)
                .version("1.0", "Initial release")
                .version("1.1", "Added 'datapath_type'")
                .version("1.2", "VIFPortProfileBase updated to 1.1 from 1.0")
                .version("1.3", "Added 'create_port'")
                .version("1.4", "Added 'create_tap' and 'multiqueue'");
        INTERFACE_ID = b.field("interface_id", FieldTypes.UUID);
        PROFILE_ID = b.field("profile_id", FieldTypes.STRING);
        DATAPATH_TYPE = b.nullableField("datapath_type", FieldTypes.STRING);
        CREATE_PORT = b.fieldWithDefault("create_port", FieldTypes.BOOLEAN, Boolean.FALSE);
        CREATE_TAP = b.fieldWithDefault("create_tap", FieldTypes.BOOLEAN, Boolean.FALSE);
        MULTIQUEUE = b.fieldWithDefault("multiqueue", FieldTypes.BOOLEAN, Boolean.FALSE);
        b.addedIn("1.4", CREATE_TAP);
        b.addedIn("1.4", MULTIQUEUE);
        b.addedIn("1.3", CREATE_PORT);
        b.addedIn("1.1", DATAPATH_TYPE);
        b.parentVersion(v -> v.isBefore(1, 2) ? ObjectVersion.of(1, 0) : ObjectVersion.of(1, 1));
        TYPE = b.build();
    }

    /** @param state the state the type hands over */
    protected VifPortProfileOpenVSwitch(State state) {
        super(state);
    }

    /** @return interface_id */
    public String interfaceId() {
        return value(INTERFACE_ID);
    }

    /** @return profile_id */
    public String profileId() {
        return value(PROFILE_ID);
    }

    /** @return datapath_type, empty when null or unset */
    public Optional<String> datapathType() {
        return optional(DATAPATH_TYPE);
    }

    /** @return create_port, Boolean.FALSE when unset */
    public Boolean createPort() {
        return value(CREATE_PORT);
    }

    /** @return create_tap, Boolean.FALSE when unset */
    public Boolean createTap() {
        return value(CREATE_TAP);
    }

    /** @return multiqueue, Boolean.FALSE when unset */
    public Boolean multiqueue() {
        return value(MULTIQUEUE);
    }

    /**
     * Setters for the fields of VIFPortProfileOpenVSwitch, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifPortProfileOpenVSwitch, B extends AbstractBuilder<T, B>>
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
         * @param value interface_id
         * @return this builder
         */
        public B interfaceId(String value) {
            return set(INTERFACE_ID, value);
        }

        /**
         * @param value profile_id
         * @return this builder
         */
        public B profileId(String value) {
            return set(PROFILE_ID, value);
        }

        /**
         * @param value datapath_type (null sets null)
         * @return this builder
         */
        public B datapathType(String value) {
            return set(DATAPATH_TYPE, value);
        }

        /**
         * @param value create_port
         * @return this builder
         */
        public B createPort(Boolean value) {
            return set(CREATE_PORT, value);
        }

        /**
         * @param value create_tap
         * @return this builder
         */
        public B createTap(Boolean value) {
            return set(CREATE_TAP, value);
        }

        /**
         * @param value multiqueue
         * @return this builder
         */
        public B multiqueue(Boolean value) {
            return set(MULTIQUEUE, value);
        }
    }

    /** @return a builder for a new VIFPortProfileOpenVSwitch (subclasses return their own builder) */
    public static AbstractBuilder<? extends VifPortProfileOpenVSwitch, ?> builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public AbstractBuilder<? extends VifPortProfileOpenVSwitch, ?> toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFPortProfileOpenVSwitch objects. */
    public static class Builder extends AbstractBuilder<VifPortProfileOpenVSwitch, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifPortProfileOpenVSwitch from) {
            super(TYPE, from);
        }
    }
}
