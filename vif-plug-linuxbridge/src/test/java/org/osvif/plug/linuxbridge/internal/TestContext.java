package org.osvif.plug.linuxbridge.internal;

import java.util.Map;

import org.osvif.config.GroupConfig;
import org.osvif.config.VifConfig;
import org.osvif.exec.CommandRunner;
import org.osvif.net.NamedLocks;
import org.osvif.plug.linuxbridge.LinuxBridgeOptions;
import org.osvif.spi.PluginContext;

/**
 * A {@link PluginContext} for tests.
 *
 * @param pluginName the plugin's name
 * @param config its options
 * @param runner the runner
 * @param locks the locks
 */
record TestContext(String pluginName, GroupConfig config, CommandRunner runner, NamedLocks locks)
        implements PluginContext {

    /**
     * @param runner the runner
     * @param options option name to value, in group os_vif_linux_bridge (multi-valued: comma-separated)
     * @return a context with fresh locks
     */
    static TestContext of(CommandRunner runner, Map<String, String> options) {
        Map<String, String> keyed = new java.util.HashMap<>();
        options.forEach((k, v) -> keyed.put(LinuxBridgeOptions.GROUP.name() + "." + k, v));
        return new TestContext("linux_bridge", VifConfig.builder().map(keyed).build().bind(LinuxBridgeOptions.GROUP),
                runner, new NamedLocks());
    }

    /** The binary name the tests use, as the golden files do. */
    static final String BINARY = "nova-compute";

    /**
     * @param runner the runner
     * @param options option name to value
     * @return a plugin with binary name {@value #BINARY} that never sleeps between attempts
     */
    static LinuxBridgePlugin plugin(CommandRunner runner, Map<String, String> options) {
        return LinuxBridgePlugin.create(of(runner, options), BINARY, millis -> { });
    }
}
