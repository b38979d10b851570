package org.osvif.objects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.osvif.exception.NoMatchingPluginException;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;

/**
 * A host and the plugins it has: what a compute host tells the network service.
 */
public final class HostInfo extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "HostInfo";
    /** The plugins of the host. */
    public static final Field<List<HostPluginInfo>> PLUGIN_INFO;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<HostInfo> TYPE;

    static {
        ObjectType.Builder<HostInfo> b = ObjectType.builder(OBJ_NAME, HostInfo.class, null, HostInfo::new)
                .version("1.0", "Initial version");
        PLUGIN_INFO = b.field("plugin_info", FieldTypes.listOfObjects(() -> HostPluginInfo.TYPE));
        TYPE = b.build();
    }

    private HostInfo(State state) {
        super(state);
    }

    /** @return plugin_info */
    public List<HostPluginInfo> pluginInfo() {
        return value(PLUGIN_INFO);
    }

    /**
     * Setters for the fields of HostInfo, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends HostInfo, B extends AbstractBuilder<T, B>>
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
         * @param value plugin_info
         * @return this builder
         */
        public B pluginInfo(List<HostPluginInfo> value) {
            return set(PLUGIN_INFO, value);
        }

        /**
         * @param values plugin_info
         * @return this builder
         */
        public B pluginInfo(HostPluginInfo... values) {
            return set(PLUGIN_INFO, Arrays.asList(values));
        }
    }

    /** @return a builder for a new HostInfo */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds HostInfo objects. */
    public static final class Builder extends AbstractBuilder<HostInfo, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(HostInfo from) {
            super(TYPE, from);
        }
    }

    /**
     * @param name a plugin name, e.g. {@code ovs}
     * @return whether the host has that plugin
     */
    public boolean hasPlugin(String name) {
        return pluginInfo().stream().anyMatch(p -> p.pluginName().equals(name));
    }

    /**
     * @param name a plugin name
     * @return that plugin's information
     * @throws NoMatchingPluginException when the host has no plugin of that name
     */
    public HostPluginInfo getPlugin(String name) {
        return pluginInfo().stream().filter(p -> p.pluginName().equals(name)).findFirst()
                .orElseThrow(() -> new NoMatchingPluginException(name));
    }

    /**
     * Upstream's {@code filter_vif_types}, as a copy: filters every plugin's VIF classes
     * and drops the plugins left with none.
     *
     * @param permittedVifTypeNames the permitted VIF class names
     * @return the filtered copy
     */
    public HostInfo filterVifTypes(Collection<String> permittedVifTypeNames) {
        List<HostPluginInfo> kept = new ArrayList<>();
        for (HostPluginInfo plugin : pluginInfo()) {
            HostPluginInfo filtered = plugin.filterVifTypes(permittedVifTypeNames);
            if (!filtered.vifInfo().isEmpty()) {
                kept.add(filtered);
            }
        }
        return toBuilder().pluginInfo(kept).build();
    }
}
