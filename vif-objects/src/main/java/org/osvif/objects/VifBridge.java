package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;

/**
 * A bridge VIF: the hypervisor binds the device to a Linux host bridge (libvirt
 * type="bridge").
 */
public final class VifBridge extends VifBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFBridge";
    /** Name of the virtual device to create. */
    public static final Field<String> VIF_NAME;
    /** Name of the bridge to connect to, e.g. br0. */
    public static final Field<String> BRIDGE_NAME;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifBridge> TYPE;

    static {
        ObjectType.Builder<VifBridge> b = ObjectType.builder(OBJ_NAME, VifBridge.class, VifBase.TYPE, VifBridge::new)
                .version("1.0", "Initial release");
        VIF_NAME = b.field("vif_name", FieldTypes.STRING);
        BRIDGE_NAME = b.field("bridge_name", FieldTypes.STRING);
        TYPE = b.build();
    }

    private VifBridge(State state) {
        super(state);
    }

    /** @return vif_name */
    public String vifName() {
        return value(VIF_NAME);
    }

    /** @return bridge_name */
    public String bridgeName() {
        return value(BRIDGE_NAME);
    }

    /**
     * Setters for the fields of VIFBridge, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifBridge, B extends AbstractBuilder<T, B>>
            extends VifBase.AbstractBuilder<T, B> {
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
         * @param value vif_name
         * @return this builder
         */
        public B vifName(String value) {
            return set(VIF_NAME, value);
        }

        /**
         * @param value bridge_name
         * @return this builder
         */
        public B bridgeName(String value) {
            return set(BRIDGE_NAME, value);
        }
    }

    /** @return a builder for a new VIFBridge */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFBridge objects. */
    public static final class Builder extends AbstractBuilder<VifBridge, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifBridge from) {
            super(TYPE, from);
        }
    }
}
