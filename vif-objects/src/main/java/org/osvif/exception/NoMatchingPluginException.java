package org.osvif.exception;

import java.util.Map;

/** No loaded plugin has the requested name (upstream's {@code NoMatchingPlugin}). */
public class NoMatchingPluginException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "No VIF plugin was found with the name %(plugin_name)s";
    private final String pluginName;

    /**
     * Creates the exception with upstream's message.
     * @param pluginName the plugin name that was asked for
     */
    public NoMatchingPluginException(String pluginName) {
        super(format(MSG_FMT, Map.of("plugin_name", String.valueOf(pluginName))));
        this.pluginName = pluginName;
    }

    /** @return the plugin name that was asked for */
    public String pluginName() {
        return pluginName;
    }
}
