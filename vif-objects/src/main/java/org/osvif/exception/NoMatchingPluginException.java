package org.osvif.exception;

import java.util.Collection;
import java.util.Map;

/** No loaded plugin has the requested name (upstream's {@code NoMatchingPlugin}). */
public class NoMatchingPluginException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "No VIF plugin was found with the name %(plugin_name)s";
    /** The plugin name. */
    private final String pluginName;

    /**
     * Creates the exception with upstream's message.
     * @param pluginName the plugin name that was asked for
     */
    public NoMatchingPluginException(String pluginName) {
        super(format(MSG_FMT, Map.of("plugin_name", String.valueOf(pluginName))));
        this.pluginName = pluginName;
    }

    /**
     * Creates the exception with upstream's message followed by the plugins that are loaded.
     *
     * @param pluginName the plugin name that was asked for (null when the VIF names none)
     * @param loaded the names of the loaded plugins
     */
    public NoMatchingPluginException(String pluginName, Collection<String> loaded) {
        super(format(MSG_FMT, Map.of("plugin_name", String.valueOf(pluginName)))
                + " (loaded plugins: " + (loaded.isEmpty() ? "none" : String.join(", ", loaded)) + ")");
        this.pluginName = pluginName;
    }

    /** @return the plugin name that was asked for */
    public String pluginName() {
        return pluginName;
    }
}
