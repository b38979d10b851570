package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;

/**
 * Port profile for Kuryr-Kubernetes nested DPDK ports.
 */
public final class VifPortProfileK8sDpdk extends VifPortProfileBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFPortProfileK8sDPDK";
    /** Whether the VIF needs L3 setup. */
    public static final Field<Boolean> L3_SETUP;
    /** URL of the object in the Kubernetes v1 API. */
    public static final Field<String> SELFLINK;
    /** The object\'s internal version in the Kubernetes v1 API. */
    public static final Field<String> RESOURCEVERSION;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifPortProfileK8sDpdk> TYPE;

    static {
        ObjectType.Builder<VifPortProfileK8sDpdk> b = ObjectType.builder(OBJ_NAME, VifPortProfileK8sDpdk.class, VifPortProfileBase.TYPE, VifPortProfileK8sDpdk::new)
                .version("1.0", "Initial release")
                .version("1.1", "VIFPortProfileBase updated to 1.1 from 1.0");
        L3_SETUP = b.field("l3_setup", FieldTypes.BOOLEAN);
        SELFLINK = b.field("selflink", FieldTypes.STRING);
        RESOURCEVERSION = b.field("resourceversion", FieldTypes.STRING);
        b.parentVersion(v -> v.isBefore(1, 1) ? ObjectVersion.of(1, 0) : ObjectVersion.of(1, 1));
        TYPE = b.build();
    }

    private VifPortProfileK8sDpdk(State state) {
        super(state);
    }

    /** @return l3_setup */
    public Boolean l3Setup() {
        return value(L3_SETUP);
    }

    /** @return selflink */
    public String selflink() {
        return value(SELFLINK);
    }

    /** @return resourceversion */
    public String resourceversion() {
        return value(RESOURCEVERSION);
    }

    /**
     * Setters for the fields of VIFPortProfileK8sDPDK, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifPortProfileK8sDpdk, B extends AbstractBuilder<T, B>>
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
         * @param value l3_setup
         * @return this builder
         */
        public B l3Setup(Boolean value) {
            return set(L3_SETUP, value);
        }

        /**
         * @param value selflink
         * @return this builder
         */
        public B selflink(String value) {
            return set(SELFLINK, value);
        }

        /**
         * @param value resourceversion
         * @return this builder
         */
        public B resourceversion(String value) {
            return set(RESOURCEVERSION, value);
        }
    }

    /** @return a builder for a new VIFPortProfileK8sDPDK */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFPortProfileK8sDPDK objects. */
    public static final class Builder extends AbstractBuilder<VifPortProfileK8sDpdk, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifPortProfileK8sDpdk from) {
            super(TYPE, from);
        }
    }
}
