package org.osvif.internal;

import java.util.Map;
import java.util.Optional;
import org.osvif.config.GroupConfig;
import org.osvif.exec.CommandRunner;
import org.osvif.net.NamedLocks;
import org.osvif.spi.PluginContext;

/**
 * The context handed to each provider.
 *
 * @param pluginName the plugin's name
 * @param config its options
 * @param runner the command runner
 * @param locks the shared named locks
 * @param extensions the objects the application handed the plugins, by type
 */
public record DefaultPluginContext(String pluginName, GroupConfig config, CommandRunner runner, NamedLocks locks,
        Map<Class<?>, Object> extensions) implements PluginContext {

    /** Copies the extensions. */
    public DefaultPluginContext {
        extensions = Map.copyOf(extensions);
    }

    /**
     * A context without extensions.
     *
     * @param pluginName the plugin's name
     * @param config its options
     * @param runner the command runner
     * @param locks the shared named locks
     */
    public DefaultPluginContext(String pluginName, GroupConfig config, CommandRunner runner, NamedLocks locks) {
        this(pluginName, config, runner, locks, Map.of());
    }

    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return Optional.ofNullable(type.cast(extensions.get(type)));
    }
}
