package org.osvif.spi;

import org.osvif.config.GroupConfig;
import org.osvif.exec.CommandRunner;
import org.osvif.net.NamedLocks;

/** What a plugin is given when it is created. */
public interface PluginContext {

    /** @return the plugin's name */
    String pluginName();

    /** @return the plugin's validated options, group {@code os_vif_<name>} */
    GroupConfig config();

    /** @return the runner every host command must go through */
    CommandRunner runner();

    /** @return the named locks shared by every plugin of one {@code OsVif} */
    NamedLocks locks();

    /**
     * @param type a type the plugin documents as an extension point
     * @param <T> that type
     * @return the object of that type the application passed in {@link org.osvif.InitOptions}, if any
     */
    default <T> java.util.Optional<T> extension(Class<T> type) {
        return java.util.Optional.empty();
    }
}
