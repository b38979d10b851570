package org.osvif.plug.ovs;

import org.osvif.config.Option;
import org.osvif.config.OptionGroup;

/**
 * The options of the Open vSwitch plugin, group {@code [os_vif_ovs]}: upstream's
 * {@code OvsPlugin.CONFIG_OPTS} with upstream's names, help texts and deprecated
 * locations, so that an existing nova.conf works unchanged. Java adds
 * {@link #SYSFS_ROOT} and the TLS files of an {@code ssl:} connection
 * ({@link #SSL_KEY_FILE}, {@link #SSL_CERT_FILE}, {@link #SSL_CA_CERT_FILE}, the
 * names Neutron's Open vSwitch agent uses).
 */
public final class OvsOptions {

    /** {@code ovsdb_interface} value of the ovs-vsctl driver. */
    public static final String INTERFACE_VSCTL = "vsctl";
    /** {@code ovsdb_interface} value of the native OVSDB driver, the default. */
    public static final String INTERFACE_NATIVE = "native";

    /** MTU of created devices when the VIF's network has none; 0 sets no MTU. Default 1500. */
    public static final Option<Integer> NETWORK_DEVICE_MTU = Option.integer("network_device_mtu")
            .min(0)
            .max(65535)
            .defaultValue(1500)
            .help("MTU setting for network interface.")
            .deprecatedGroup("DEFAULT")
            .build();

    /** Seconds ovs-vsctl waits for the database, also the limit of one transaction; 0 waits forever. */
    public static final Option<Integer> OVS_VSCTL_TIMEOUT = Option.integer("ovs_vsctl_timeout")
            .min(0)
            .defaultValue(120)
            .help("Amount of time, in seconds, that ovs_vsctl should wait for a response from the database. "
                    + "0 is to wait forever.")
            .deprecatedGroup("DEFAULT")
            .build();

    /** Where the OVSDB server listens: {@code tcp:IP:PORT}, {@code ssl:IP:PORT} or {@code unix:PATH}. */
    public static final Option<String> OVSDB_CONNECTION = Option.string("ovsdb_connection")
            .defaultValue("tcp:127.0.0.1:6640")
            .help("The connection string for the OVSDB backend. When executing commands using the native or "
                    + "vsctl ovsdb interface drivers this config option defines the ovsdb endpoint used.")
            .build();

    /**
     * The OVSDB driver: {@code native} (the default, as upstream: one connection, one
     * {@code transact} per plug) or {@code vsctl} (one {@code ovs-vsctl} process per transaction).
     */
    public static final Option<String> OVSDB_INTERFACE = Option.choice("ovsdb_interface",
                    INTERFACE_VSCTL, INTERFACE_NATIVE)
            .defaultValue(INTERFACE_NATIVE)
            .help("The interface for interacting with the OVSDB")
            .deprecatedForRemoval("2.2.0", "os-vif has supported ovsdb access via python bindings since Stein "
                    + "(1.15.0), starting in Victoria (2.2.0) the ovs-vsctl driver is now deprecated for removal "
                    + "and in future releases it will be be removed.")
            .build();

    /** Whether a new port is created in the dead VLAN 4095 until the network agent wires it. */
    public static final Option<Boolean> ISOLATE_VIF = Option.bool("isolate_vif")
            .defaultValue(false)
            .help("Controls if VIF should be isolated when plugged to the ovs bridge. This should only be set "
                    + "to True when using the neutron ovs ml2 agent.")
            .build();

    /** Whether a VIFOpenVSwitch gets its own bridge {@code pb<id>} patched to the integration bridge. */
    public static final Option<Boolean> PER_PORT_BRIDGE = Option.bool("per_port_bridge")
            .defaultValue(false)
            .help("Controls if VIF should be plugged into a per-port bridge. This is experimental and controls "
                    + "the plugging behavior when not using hybrid-plug.This is only used on linux and should be "
                    + "set to false in all other cases such as ironic smartnic ports.")
            .build();

    /** The QoS type of the QoS row given to each new port on the system datapath. */
    public static final Option<String> DEFAULT_QOS_TYPE = Option.choice("default_qos_type",
                    "linux-htb", "linux-hfsc", "linux-sfq", "linux-codel", "linux-fq_codel", "linux-noop")
            .defaultValue("linux-noop")
            .help("The default qos type to apply to ovs ports. linux-noop is the default. ovs will not modify "
                    + "the qdisc on the port if linux-noop is specified. This allows operators to manage QOS out "
                    + "of band of OVS. For more information see the ovs man pages "
                    + "https://manpages.debian.org/testing/openvswitch-common/ovs-vswitchd.conf.db.5.en.html"
                    + "#type~4\n\nNote: This will only be set when a port is first created on the ovs bridge to "
                    + "ensure that the qos type can be managed via neutron if required for bandwidth limiting "
                    + "and other use-cases.")
            .build();

    /**
     * Java only: where sysfs is mounted, read to find SR-IOV representors. Change it when the
     * agent runs in a container that mounts the host's {@code /sys} elsewhere; tests point it at a
     * fake tree.
     */
    public static final Option<String> SYSFS_ROOT = Option.string("sysfs_root")
            .defaultValue("/sys")
            .help("(os-vif for Java only) The directory where the host's sysfs is mounted, read to find the "
                    + "representor of an SR-IOV VF (VIFHostDevice). Change it when the agent runs in a "
                    + "container that mounts the host's /sys elsewhere; tests point it at a fake tree.")
            .build();

    /** The private key (PEM) of an {@code ssl:} {@link #OVSDB_CONNECTION}. */
    public static final Option<String> SSL_KEY_FILE = Option.string("ssl_key_file")
            .help("(os-vif for Java only) The private key (PEM) this host presents when ovsdb_connection is "
                    + "ssl:HOST:PORT; required then, for both drivers (ovs-vsctl --private-key).")
            .build();

    /** The certificate (PEM) of an {@code ssl:} {@link #OVSDB_CONNECTION}. */
    public static final Option<String> SSL_CERT_FILE = Option.string("ssl_cert_file")
            .help("(os-vif for Java only) The certificate (PEM) this host presents when ovsdb_connection is "
                    + "ssl:HOST:PORT; required then, for both drivers (ovs-vsctl --certificate).")
            .build();

    /** The CA certificate (PEM) that must have signed the server's certificate. */
    public static final Option<String> SSL_CA_CERT_FILE = Option.string("ssl_ca_cert_file")
            .help("(os-vif for Java only) The CA certificate (PEM) the OVSDB server's certificate must be "
                    + "signed by when ovsdb_connection is ssl:HOST:PORT; required then, for both drivers "
                    + "(ovs-vsctl --ca-cert).")
            .build();

    /** The group {@code os_vif_ovs} with every option above, in upstream's order. */
    public static final OptionGroup GROUP = OptionGroup.builder("os_vif_ovs")
            .title("os-vif plugin ovs options")
            .add(NETWORK_DEVICE_MTU, OVS_VSCTL_TIMEOUT, OVSDB_CONNECTION, OVSDB_INTERFACE, ISOLATE_VIF,
                    PER_PORT_BRIDGE, DEFAULT_QOS_TYPE, SYSFS_ROOT, SSL_KEY_FILE, SSL_CERT_FILE, SSL_CA_CERT_FILE)
            .build();

    private OvsOptions() {
    }
}
