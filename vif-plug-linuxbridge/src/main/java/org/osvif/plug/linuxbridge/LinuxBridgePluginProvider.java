package org.osvif.plug.linuxbridge;

import org.osvif.config.OptionGroup;
import org.osvif.plug.linuxbridge.internal.LinuxBridgePlugin;
import org.osvif.spi.PluginContext;
import org.osvif.spi.VifPlugin;
import org.osvif.spi.VifPluginProvider;

/**
 * Provides the Linux bridge plugin, {@code linux_bridge}: upstream's
 * {@code vif_plug_linux_bridge} (os-vif 4.x). It plugs VIFBridge VIFs whose
 * network asks the host to provide the bridge: it creates the bridge (on a
 * flat interface, or on a {@code vlan<N>} interface it creates), moves the
 * interface's IPv4 addresses and gateway routes onto the bridge, sets the MTU,
 * and keeps iptables FORWARD rules for the bridge. Unplug does nothing.
 *
 * <p>Found by {@link java.util.ServiceLoader}; options in
 * {@link LinuxBridgeOptions}, group {@code os_vif_linux_bridge}. See
 * {@code docs/linux-bridge.md}.
 */
public final class LinuxBridgePluginProvider implements VifPluginProvider {
    /** The plugin's name, as VIFs name it in their {@code plugin} field. */
    public static final String NAME = "linux_bridge";

    /** Used by {@link java.util.ServiceLoader}; cheap. */
    public LinuxBridgePluginProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptionGroup options() {
        return LinuxBridgeOptions.GROUP;
    }

    /**
     * Creates the plugin. Fails when an option the iptables rules are made of
     * cannot be used: a top or bottom regex that does not compile, a drop action
     * that is empty or spans lines, a forward interface that is not a valid
     * interface name.
     */
    @Override
    public VifPlugin create(PluginContext context) {
        return LinuxBridgePlugin.create(context);
    }
}
