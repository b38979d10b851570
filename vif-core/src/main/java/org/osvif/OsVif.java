package org.osvif;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osvif.config.ConfigException;
import org.osvif.config.CoreOptions;
import org.osvif.config.GroupConfig;
import org.osvif.config.OptionGroup;
import org.osvif.config.VifConfig;
import org.osvif.exception.NoMatchingPluginException;
import org.osvif.exception.PlugException;
import org.osvif.exception.UnplugException;
import org.osvif.exception.VifException;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.CommandRunners;
import org.osvif.internal.DefaultPluginContext;
import org.osvif.internal.PluginLoader;
import org.osvif.net.NamedLocks;
import org.osvif.objects.HostInfo;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;
import org.osvif.spi.VifPlugin;
import org.osvif.spi.VifPluginProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's entry point, os-vif's four functions as an instance:
 *
 * <pre>{@code
 * OsVif osvif = OsVif.initialize(VifConfig.builder().ini(Path.of("/etc/nova/nova.conf")).build());
 * osvif.plug(vif, instance);
 * osvif.unplug(vif, instance);
 * HostInfo info = osvif.hostInfo(List.of("VIFOpenVSwitch", "VIFBridge"));
 * }</pre>
 *
 * <p>An instance is immutable and thread-safe: many plugs may run at once.
 * Because {@code initialize} returns it, "used before initialized" cannot
 * happen, and a process can hold several (tests do). {@link #close()} releases
 * what plugins hold.
 */
public final class OsVif implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OsVif.class);
    private final Map<String, VifPlugin> plugins;
    private final List<String> loadFailures;

    private OsVif(Map<String, VifPlugin> plugins, List<String> loadFailures) {
        this.plugins = plugins;
        this.loadFailures = loadFailures;
    }

    /**
     * Loads every plugin found with {@link java.util.ServiceLoader} and
     * configures it from its group {@code os_vif_<name>}; the library's own
     * options are in group {@code os_vif} (root helper, command timeout).
     *
     * @param config the configuration
     * @return the initialized library
     * @throws ConfigException naming group, option and value when a value is invalid
     * @throws VifException when two plugins share a name or a plugin fails to start
     */
    public static OsVif initialize(VifConfig config) {
        return initialize(config, InitOptions.defaults());
    }

    /**
     * Like {@link #initialize(VifConfig)}, wired by the caller.
     *
     * @param config the configuration
     * @param options an explicit runner, provider list or class loader
     * @return the initialized library
     */
    public static OsVif initialize(VifConfig config, InitOptions options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        GroupConfig core = config.bind(CoreOptions.GROUP);
        CommandRunner runner = options.commandRunner() != null ? options.commandRunner()
                : CommandRunners.system(CoreOptions.rootHelperArgv(core),
                        Duration.ofSeconds(core.get(CoreOptions.COMMAND_TIMEOUT)));
        PluginLoader.Result found = PluginLoader.load(options.providers(), options.classLoader());
        List<String> known = new ArrayList<>();
        known.add(CoreOptions.GROUP.name());
        found.providers().values().forEach(p -> known.add(p.options().name()));
        for (String group : config.unknownGroups(known)) {
            LOG.warn("Configuration group [{}] matches no loaded os-vif plugin; its options are ignored", group);
        }
        NamedLocks locks = new NamedLocks();
        Map<String, VifPlugin> plugins = new LinkedHashMap<>();
        try {
            for (VifPluginProvider provider : found.providers().values()) {
                OptionGroup group = provider.options();
                GroupConfig pluginConfig = config.bind(group);
                VifPlugin plugin;
                try {
                    plugin = provider.create(new DefaultPluginContext(provider.name(), pluginConfig, runner, locks,
                            options.extensions()));
                } catch (RuntimeException e) {
                    throw new VifException("VIF plugin '" + provider.name() + "' failed to start: " + e.getMessage(),
                            e);
                }
                if (plugin == null) {
                    throw new VifException("VIF plugin provider " + provider.getClass().getName() + " returned null");
                }
                plugins.put(provider.name(), plugin);
                LOG.debug("Loaded VIF plugin class '{}' with name '{}'", provider.getClass().getName(),
                        provider.name());
            }
        } catch (RuntimeException e) {
            plugins.values().forEach(OsVif::closeQuietly);
            throw e;
        }
        LOG.info("Loaded VIF plugins: {}", String.join(", ", plugins.keySet()));
        return new OsVif(Collections.unmodifiableMap(plugins), found.failures());
    }

    /**
     * The option groups a configuration for these options can hold: the
     * library's own ({@code os_vif}) and each plugin's ({@code os_vif_<name>}),
     * in that order, plugins sorted by name. {@code docs/configuration.md} is
     * generated from them.
     *
     * @param options where plugins come from (discovery or an explicit list)
     * @return the groups
     */
    public static List<OptionGroup> optionGroups(InitOptions options) {
        List<OptionGroup> groups = new ArrayList<>();
        groups.add(CoreOptions.GROUP);
        PluginLoader.load(options.providers(), options.classLoader()).providers().values()
                .forEach(p -> groups.add(p.options()));
        return groups;
    }

    /**
     * Plugs a VIF with the plugin its {@code plugin} field names.
     *
     * @param vif the VIF
     * @param instance the instance it belongs to
     * @throws NoMatchingPluginException when no loaded plugin has that name
     * @throws PlugException wrapping whatever the plugin failed with
     */
    public void plug(VifBase vif, InstanceInfo instance) {
        VifPlugin plugin = pluginFor(vif, instance);
        LOG.debug("Plugging vif {}", vif);
        try {
            plugin.plug(vif, instance);
        } catch (RuntimeException e) {
            LOG.error("Failed to plug vif {}", vif, e);
            throw new PlugException(vif, e);
        }
        LOG.info("Successfully plugged vif {}", vif);
    }

    /**
     * Unplugs a VIF with the plugin its {@code plugin} field names.
     *
     * @param vif the VIF
     * @param instance the instance it belongs to
     * @throws NoMatchingPluginException when no loaded plugin has that name
     * @throws UnplugException wrapping whatever the plugin failed with
     */
    public void unplug(VifBase vif, InstanceInfo instance) {
        VifPlugin plugin = pluginFor(vif, instance);
        LOG.debug("Unplugging vif {}", vif);
        try {
            plugin.unplug(vif, instance);
        } catch (RuntimeException e) {
            LOG.error("Failed to unplug vif {}", vif, e);
            throw new UnplugException(vif, e);
        }
        LOG.info("Successfully unplugged vif {}", vif);
    }

    /**
     * Describes the host for the network service: every plugin's
     * {@code describe()}, sorted by plugin name.
     *
     * @return the host information, unfiltered
     */
    public HostInfo hostInfo() {
        return hostInfo(null);
    }

    /**
     * Describes the host, keeping only the permitted VIF classes and the plugins
     * that still support one (upstream's {@code host_info(permitted_vif_type_names)}).
     *
     * @param permittedVifTypeNames VIF class names such as {@code VIFOpenVSwitch}, or null for all
     * @return the host information
     */
    public HostInfo hostInfo(Collection<String> permittedVifTypeNames) {
        List<HostPluginInfo> infos = new ArrayList<>();
        plugins.values().forEach(p -> infos.add(p.describe()));
        HostInfo info = HostInfo.builder().pluginInfo(infos).build();
        return permittedVifTypeNames == null ? info : info.filterVifTypes(permittedVifTypeNames);
    }

    /** @return the names of the loaded plugins, sorted */
    public Set<String> pluginNames() {
        return plugins.keySet();
    }

    /** @return one line per plugin provider that failed to load and was skipped */
    public List<String> loadFailures() {
        return loadFailures;
    }

    /** Closes every plugin; the instance must not be used afterwards. */
    @Override
    public void close() {
        plugins.values().forEach(OsVif::closeQuietly);
    }

    private VifPlugin pluginFor(VifBase vif, InstanceInfo instance) {
        Objects.requireNonNull(vif, "vif");
        Objects.requireNonNull(instance, "instance");
        String name = vif.isSet(VifBase.PLUGIN) ? vif.plugin() : null;
        VifPlugin plugin = name == null ? null : plugins.get(name);
        if (plugin == null) {
            throw new NoMatchingPluginException(name, plugins.keySet());
        }
        return plugin;
    }

    private static void closeQuietly(VifPlugin plugin) {
        try {
            plugin.close();
        } catch (RuntimeException e) {
            LOG.warn("VIF plugin {} failed to close", plugin.getClass().getName(), e);
        }
    }
}
