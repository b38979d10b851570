package org.osvif.internal;

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
 */
public record DefaultPluginContext(String pluginName, GroupConfig config, CommandRunner runner, NamedLocks locks)
        implements PluginContext {
}
