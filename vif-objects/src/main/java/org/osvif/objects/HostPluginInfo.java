package org.osvif.objects;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.osvif.exception.NoMatchingVifClassException;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;

/**
 * A plugin and the VIF classes it supports.
 */
public final class HostPluginInfo extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "HostPluginInfo";
    /** Name of the plugin. */
    public static final Field<String> PLUGIN_NAME;
    /** The VIF classes it supports. */
    public static final Field<List<HostVifInfo>> VIF_INFO;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<HostPluginInfo> TYPE;

    static {
        ObjectType.Builder<HostPluginInfo> b = ObjectType.builder(OBJ_NAME, HostPluginInfo.class, null, HostPluginInfo::new)
                .version("1.0", "Initial version");
        PLUGIN_NAME = b.field("plugin_name", FieldTypes.STRING);
        VIF_INFO = b.field("vif_info", FieldTypes.listOfObjects(() -> HostVifInfo.TYPE));
        TYPE = b.build();
    }

    private HostPluginInfo(State state) {
        super(state);
    }

    /** @return plugin_name */
    public String pluginName() {
        return value(PLUGIN_NAME);
    }

    /** @return vif_info */
    public List<HostVifInfo> vifInfo() {
        return value(VIF_INFO);
    }

    /**
     * Setters for the fields of HostPluginInfo, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends HostPluginInfo, B extends AbstractBuilder<T, B>>
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
         * @param value plugin_name
         * @return this builder
         */
        public B pluginName(String value) {
            return set(PLUGIN_NAME, value);
        }

        /**
         * @param value vif_info
         * @return this builder
         */
        public B vifInfo(List<HostVifInfo> value) {
            return set(VIF_INFO, value);
        }

        /**
         * @param values vif_info
         * @return this builder
         */
        public B vifInfo(HostVifInfo... values) {
            return set(VIF_INFO, Arrays.asList(values));
        }
    }

    /** @return a builder for a new HostPluginInfo */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds HostPluginInfo objects. */
    public static final class Builder extends AbstractBuilder<HostPluginInfo, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(HostPluginInfo from) {
            super(TYPE, from);
        }
    }

    /**
     * @param name a VIF class name, e.g. {@code VIFOpenVSwitch}
     * @return whether this plugin supports it
     */
    public boolean hasVif(String name) {
        return vifInfo().stream().anyMatch(v -> v.vifObjectName().equals(name));
    }

    /**
     * @param name a VIF class name
     * @return what this plugin supports of it
     * @throws NoMatchingVifClassException when it supports no VIF of that name
     */
    public HostVifInfo getVif(String name) {
        return vifInfo().stream().filter(v -> v.vifObjectName().equals(name)).findFirst()
                .orElseThrow(() -> new NoMatchingVifClassException(name));
    }

    /**
     * Upstream's {@code filter_vif_types}, as a copy: keeps the VIF classes whose names are permitted.
     *
     * @param permittedVifTypeNames the permitted VIF class names
     * @return a copy holding only those (vif_info set and changed, as upstream's assignment does)
     */
    public HostPluginInfo filterVifTypes(Collection<String> permittedVifTypeNames) {
        List<HostVifInfo> kept = vifInfo().stream().filter(v -> permittedVifTypeNames.contains(v.vifObjectName()))
                .toList();
        return toBuilder().vifInfo(kept).build();
    }
}
