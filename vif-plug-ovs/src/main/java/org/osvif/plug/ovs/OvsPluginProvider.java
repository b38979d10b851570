package org.osvif.plug.ovs;

import java.time.Duration;
import org.osvif.config.ConfigException;
import org.osvif.config.GroupConfig;
import org.osvif.config.OptionGroup;
import org.osvif.plug.ovs.internal.OvsPlugin;
import org.osvif.plug.ovs.internal.OvsSettings;
import org.osvif.plug.ovs.internal.ovsdb.VsctlOvsdb;
import org.osvif.spi.PluginContext;
import org.osvif.spi.VifPlugin;
import org.osvif.spi.VifPluginProvider;

/**
 * Provides the Open vSwitch plugin, {@code ovs}: upstream's {@code vif_plug_ovs}.
 * Found by {@link java.util.ServiceLoader}; its options are {@link OvsOptions},
 * group {@code [os_vif_ovs]}.
 *
 * <p>{@link #create} talks to OVSDB through {@code ovs-vsctl} (run by the
 * context's command runner) at {@code ovsdb_connection}, with
 * {@code ovs_vsctl_timeout}. {@code ovsdb_interface = native} is refused: the
 * native OVSDB driver comes in a later release.
 */
public final class OvsPluginProvider implements VifPluginProvider {
    /** The plugin's name. */
    public static final String NAME = OvsPlugin.NAME;

    /** Used by {@link java.util.ServiceLoader}; does nothing. */
    public OvsPluginProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptionGroup options() {
        return OvsOptions.GROUP;
    }

    /**
     * @param context the validated options, the command runner and the locks
     * @return the plugin
     * @throws ConfigException when {@code ovsdb_interface} is {@code native}
     * @throws IllegalArgumentException when {@code ovsdb_connection} is not {@code unix:PATH},
     *         {@code tcp:IP:PORT} or {@code ssl:IP:PORT}
     */
    @Override
    public VifPlugin create(PluginContext context) {
        GroupConfig config = context.config();
        String driver = config.get(OvsOptions.OVSDB_INTERFACE);
        if (!OvsOptions.INTERFACE_VSCTL.equals(driver)) {
            throw new ConfigException(OvsOptions.GROUP.name(), OvsOptions.OVSDB_INTERFACE.name(), driver,
                    "the native OVSDB driver is not implemented in this release of os-vif for Java (it comes in a "
                            + "later release); set [" + OvsOptions.GROUP.name() + "] "
                            + OvsOptions.OVSDB_INTERFACE.name() + " = " + OvsOptions.INTERFACE_VSCTL);
        }
        VsctlOvsdb ovsdb = new VsctlOvsdb(context.runner(), config.get(OvsOptions.OVSDB_CONNECTION),
                Duration.ofSeconds(config.get(OvsOptions.OVS_VSCTL_TIMEOUT)));
        return new OvsPlugin(OvsSettings.from(config), ovsdb, context.runner(), context.locks());
    }
}
