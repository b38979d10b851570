package org.osvif.plug.linuxbridge;

import java.util.List;

import org.osvif.config.Option;
import org.osvif.config.OptionGroup;

/**
 * The options of the Linux bridge plugin, group {@code os_vif_linux_bridge}:
 * upstream's {@code LinuxBridgePlugin.CONFIG_OPTS}, with the same names, types,
 * defaults and help texts. Each may also be given in {@code [DEFAULT]}, its
 * deprecated group, as old nova.conf files do.
 *
 * <p>One addition: {@link #NETWORK_DEVICE_MTU} accepts 68..65535 only, so that
 * a bad value fails {@code OsVif.initialize} with the group, option and value
 * named instead of failing every plug.
 */
public final class LinuxBridgeOptions {

    /** {@code use_ipv6} (boolean, false): also apply the IPv6 filter table, and keep IPv6 on new bridges. */
    public static final Option<Boolean> USE_IPV6 = Option.bool("use_ipv6")
            .defaultValue(false)
            .help("Use IPv6")
            .deprecatedGroup("DEFAULT")
            .build();

    /** {@code iptables_top_regex} (string, ""): existing rules matching it are kept at the top. */
    public static final Option<String> IPTABLES_TOP_REGEX = Option.string("iptables_top_regex")
            .defaultValue("")
            .help("Regular expression to match the iptables rule that should always be on the top.")
            .deprecatedGroup("DEFAULT")
            .build();

    /** {@code iptables_bottom_regex} (string, ""): existing rules matching it are kept at the bottom. */
    public static final Option<String> IPTABLES_BOTTOM_REGEX = Option.string("iptables_bottom_regex")
            .defaultValue("")
            .help("Regular expression to match the iptables rule that should always be on the bottom.")
            .deprecatedGroup("DEFAULT")
            .build();

    /** {@code iptables_drop_action} (string, DROP): the target of the dropping FORWARD rules. */
    public static final Option<String> IPTABLES_DROP_ACTION = Option.string("iptables_drop_action")
            .defaultValue("DROP")
            .help("The table that iptables to jump to when a packet is to be dropped.")
            .deprecatedGroup("DEFAULT")
            .build();

    /** {@code forward_bridge_interface} (multi-valued, [all]): interfaces bridges may forward to. */
    public static final Option<List<String>> FORWARD_BRIDGE_INTERFACE = Option.multi("forward_bridge_interface")
            .defaultValue(List.of("all"))
            .help("An interface that bridges can forward to. If this is set to all then all traffic will be "
                    + "forwarded. Can be specified multiple times.")
            .deprecatedGroup("DEFAULT")
            .build();

    /** {@code vlan_interface} (string, unset): the parent of {@code vlan<N>}, before the network's. */
    public static final Option<String> VLAN_INTERFACE = Option.string("vlan_interface")
            .help("VLANs will bridge into this interface if set")
            .deprecatedGroup("DEFAULT")
            .build();

    /** {@code flat_interface} (string, unset): the interface of flat bridges, before the network's. */
    public static final Option<String> FLAT_INTERFACE = Option.string("flat_interface")
            .help("FlatDhcp will bridge into this interface if set")
            .deprecatedGroup("DEFAULT")
            .build();

    /** {@code network_device_mtu} (integer, 1500, 68..65535): the MTU when the network has none. */
    public static final Option<Integer> NETWORK_DEVICE_MTU = Option.integer("network_device_mtu")
            .min(68)
            .max(65535)
            .defaultValue(1500)
            .help("MTU setting for network interface.")
            .deprecatedGroup("DEFAULT")
            .build();

    /** The group {@code os_vif_linux_bridge}, options in upstream's order. */
    public static final OptionGroup GROUP = OptionGroup.builder("os_vif_" + LinuxBridgePluginProvider.NAME)
            .title("os-vif plugin " + LinuxBridgePluginProvider.NAME + " options")
            .add(USE_IPV6, IPTABLES_TOP_REGEX, IPTABLES_BOTTOM_REGEX, IPTABLES_DROP_ACTION, FORWARD_BRIDGE_INTERFACE,
                    VLAN_INTERFACE, FLAT_INTERFACE, NETWORK_DEVICE_MTU)
            .build();

    private LinuxBridgeOptions() {
    }
}
