package org.osvif.config;

import java.util.List;

/**
 * Test copies of upstream's plugin option lists ({@code OvsPlugin.CONFIG_OPTS}
 * and {@code LinuxBridgePlugin.CONFIG_OPTS}); the real groups belong to the
 * plugin modules. The MTU bounds are the Java port's addition.
 */
final class TestGroups {
    static final Option<Integer> OVS_MTU = Option.integer("network_device_mtu")
            .min(68).max(65535).defaultValue(1500)
            .help("MTU setting for network interface.")
            .deprecatedGroup("DEFAULT")
            .build();
    static final Option<Integer> OVS_VSCTL_TIMEOUT = Option.integer("ovs_vsctl_timeout")
            .defaultValue(120)
            .help("Amount of time, in seconds, that ovs_vsctl should wait for a response from the database. "
                    + "0 is to wait forever.")
            .deprecatedGroup("DEFAULT")
            .build();
    static final Option<String> OVSDB_CONNECTION = Option.string("ovsdb_connection")
            .defaultValue("tcp:127.0.0.1:6640")
            .help("The connection string for the OVSDB backend. When executing commands using the native or vsctl "
                    + "ovsdb interface drivers this config option defines the ovsdb endpoint used.")
            .build();
    static final Option<String> OVSDB_INTERFACE = Option.choice("ovsdb_interface", "vsctl", "native")
            .defaultValue("native")
            .deprecatedForRemoval("2.2.0", """
                    os-vif has supported ovsdb access via python bindings
                    since Stein (1.15.0), starting in Victoria (2.2.0) the
                    ovs-vsctl driver is now deprecated for removal and
                    in future releases it will be be removed.
                    """)
            .help("The interface for interacting with the OVSDB")
            .build();
    static final Option<Boolean> ISOLATE_VIF = Option.bool("isolate_vif")
            .defaultValue(false)
            .help("Controls if VIF should be isolated when plugged to the ovs bridge. This should only be set to "
                    + "True when using the neutron ovs ml2 agent.")
            .build();
    static final Option<Boolean> PER_PORT_BRIDGE = Option.bool("per_port_bridge")
            .defaultValue(false)
            .help("Controls if VIF should be plugged into a per-port bridge.")
            .build();

    static final OptionGroup OVS = OptionGroup.builder("os_vif_ovs")
            .title("Open vSwitch plugin")
            .add(OVS_MTU, OVS_VSCTL_TIMEOUT, OVSDB_CONNECTION, OVSDB_INTERFACE, ISOLATE_VIF, PER_PORT_BRIDGE)
            .build();

    static final Option<Boolean> USE_IPV6 = Option.bool("use_ipv6")
            .defaultValue(false).help("Use IPv6").deprecatedGroup("DEFAULT").build();
    static final Option<String> IPTABLES_TOP_REGEX = Option.string("iptables_top_regex")
            .defaultValue("").deprecatedGroup("DEFAULT")
            .help("Regular expression to match the iptables rule that should always be on the top.").build();
    static final Option<String> IPTABLES_BOTTOM_REGEX = Option.string("iptables_bottom_regex")
            .defaultValue("").deprecatedGroup("DEFAULT")
            .help("Regular expression to match the iptables rule that should always be on the bottom.").build();
    static final Option<String> IPTABLES_DROP_ACTION = Option.string("iptables_drop_action")
            .defaultValue("DROP").deprecatedGroup("DEFAULT")
            .help("The table that iptables to jump to when a packet is to be dropped.").build();
    static final Option<List<String>> FORWARD_BRIDGE_INTERFACE = Option.multi("forward_bridge_interface")
            .defaultValue(List.of("all")).deprecatedGroup("DEFAULT")
            .help("An interface that bridges can forward to. If this is set to all then all traffic will be "
                    + "forwarded. Can be specified multiple times.").build();
    static final Option<String> VLAN_INTERFACE = Option.string("vlan_interface")
            .deprecatedGroup("DEFAULT").help("VLANs will bridge into this interface if set").build();
    static final Option<String> FLAT_INTERFACE = Option.string("flat_interface")
            .deprecatedGroup("DEFAULT").help("FlatDhcp will bridge into this interface if set").build();
    static final Option<Integer> LB_MTU = Option.integer("network_device_mtu")
            .min(68).max(65535).defaultValue(1500)
            .help("MTU setting for network interface.").deprecatedGroup("DEFAULT").build();

    static final OptionGroup LINUX_BRIDGE = OptionGroup.builder("os_vif_linux_bridge")
            .title("Linux bridge plugin")
            .add(USE_IPV6, IPTABLES_TOP_REGEX, IPTABLES_BOTTOM_REGEX, IPTABLES_DROP_ACTION, FORWARD_BRIDGE_INTERFACE,
                    VLAN_INTERFACE, FLAT_INTERFACE, LB_MTU)
            .build();

    private TestGroups() {
    }
}
