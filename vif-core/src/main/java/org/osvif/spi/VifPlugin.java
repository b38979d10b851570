package org.osvif.spi;

import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;

/**
 * A VIF plugin: upstream's {@code PluginBase}. Implementations are thread-safe,
 * throw instead of logging (the library logs each plug and unplug once), and let
 * {@link org.osvif.exec.CommandFailedException} propagate; the library wraps any
 * failure in a {@link org.osvif.exception.PlugException} or
 * {@link org.osvif.exception.UnplugException}.
 */
public interface VifPlugin extends AutoCloseable {

    /**
     * What this plugin supports: its VIF classes, their versions and the port
     * profiles it handles with each.
     *
     * @return the description; its {@code plugin_name} equals the provider's name
     */
    HostPluginInfo describe();

    /**
     * Plugs a VIF. Plugging an already plugged VIF again must succeed (idempotent).
     *
     * @param vif the VIF; its class is one {@link #describe()} lists
     * @param instance the instance the VIF belongs to
     */
    void plug(VifBase vif, InstanceInfo instance);

    /**
     * Unplugs a VIF. Unplugging a VIF that is not plugged must succeed (idempotent).
     *
     * @param vif the VIF
     * @param instance the instance the VIF belongs to
     */
    void unplug(VifBase vif, InstanceInfo instance);

    /** Releases what the plugin holds (connections, threads); by default nothing. */
    @Override
    default void close() {
    }
}
