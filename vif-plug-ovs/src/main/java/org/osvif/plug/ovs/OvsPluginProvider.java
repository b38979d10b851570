package org.osvif.plug.ovs;

import org.osvif.config.ConfigException;
import org.osvif.config.GroupConfig;
import org.osvif.config.OptionGroup;
import org.osvif.plug.ovs.internal.OvsPlugin;
import org.osvif.plug.ovs.internal.OvsSettings;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbDrivers;
import org.osvif.spi.PluginContext;
import org.osvif.spi.VifPlugin;
import org.osvif.spi.VifPluginProvider;

/**
 * Provides the Open vSwitch plugin, {@code ovs}: upstream's {@code vif_plug_ovs}.
 * Found by {@link java.util.ServiceLoader}; its options are {@link OvsOptions},
 * group {@code [os_vif_ovs]}.
 *
 * <p>{@link #create} talks to OVSDB at {@code ovsdb_connection} through the driver
 * {@code ovsdb_interface} names: {@code native} (the default; one connection opened on
 * the first plug, one {@code transact} per plug) or {@code vsctl} ({@code ovs-vsctl}
 * run by the context's command runner), each bounded by {@code ovs_vsctl_timeout}.
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
     * @return the plugin; with the native driver, nothing is connected until the first plug
     * @throws ConfigException when {@code ovsdb_connection} is not {@code unix:PATH}, {@code tcp:IP:PORT}
     *         or {@code ssl:IP:PORT}, or an {@code ssl:} connection lacks a readable TLS file
     */
    @Override
    public VifPlugin create(PluginContext context) {
        GroupConfig config = context.config();
        Ovsdb ovsdb = OvsdbDrivers.create(config, context.runner(), context.extension(DryRunOvsdb.class));
        return new OvsPlugin(OvsSettings.from(config), ovsdb, context.runner(), context.locks());
    }
}
