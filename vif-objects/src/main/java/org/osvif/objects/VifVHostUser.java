package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;

/**
 * A vhost-user VIF: guest traffic goes through a userspace vhost backend such as a DPDK
 * virtual switch, bypassing the kernel (libvirt type="vhostuser").
 */
public final class VifVHostUser extends VifBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFVHostUser";
    /** Name of the vhost-user port to create (since 1.1). */
    public static final Field<String> VIF_NAME;
    /** Path of the UNIX socket. */
    public static final Field<String> PATH;
    /** Which side is the socket server. */
    public static final Field<VifVHostUserMode> MODE;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifVHostUser> TYPE;

    static {
        ObjectType.Builder<VifVHostUser> b = ObjectType.builder(OBJ_NAME, VifVHostUser.class, VifBase.TYPE, VifVHostUser::new)
                .version("1.0", "Initial release")
                .version("1.1", "Added 'vif_name'");
        VIF_NAME = b.field("vif_name", FieldTypes.STRING);
        PATH = b.field("path", FieldTypes.STRING);
        MODE = b.field("mode", FieldTypes.enumOf("VIFVHostUserMode", VifVHostUserMode.class));
        b.addedIn("1.1", VIF_NAME);
        b.parentVersion(v -> ObjectVersion.of(1, 0));
        TYPE = b.build();
    }

    private VifVHostUser(State state) {
        super(state);
    }

    /** @return vif_name */
    public String vifName() {
        return value(VIF_NAME);
    }

    /** @return path */
    public String path() {
        return value(PATH);
    }

    /** @return mode */
    public VifVHostUserMode mode() {
        return value(MODE);
    }

    /**
     * Setters for the fields of VIFVHostUser, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifVHostUser, B extends AbstractBuilder<T, B>>
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
         * @param value path
         * @return this builder
         */
        public B path(String value) {
            return set(PATH, value);
        }

        /**
         * @param value mode
         * @return this builder
         */
        public B mode(VifVHostUserMode value) {
            return set(MODE, value);
        }
    }

    /** @return a builder for a new VIFVHostUser */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFVHostUser objects. */
    public static final class Builder extends AbstractBuilder<VifVHostUser, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifVHostUser from) {
            super(TYPE, from);
        }
    }
}
