package org.osvif.neutron;

/** Keys of {@code binding:vif_details} that Nova reads (nova.network.model {@code VIF_DETAILS_*}). */
public final class VifDetails {
    /** The network service filters traffic itself (security groups): {@code has_traffic_filtering}. */
    public static final String PORT_FILTER = "port_filter";
    /** Plug through a per-port Linux bridge ({@code qbr…}) for iptables filtering. */
    public static final String OVS_HYBRID_PLUG = "ovs_hybrid_plug";
    /** The bridge to plug into. */
    public static final String BRIDGE_NAME = "bridge_name";
    /** The Open vSwitch datapath type ({@code system}, {@code netdev}). */
    public static final String OVS_DATAPATH_TYPE = "datapath_type";
    /** os-vif creates the tap device and libvirt uses it unmanaged (current Nova). */
    public static final String OVS_CREATE_TAP = "ovs_create_tap";
    /** vhost-user socket mode, {@code client} or {@code server} (default {@code server}). */
    public static final String VHOSTUSER_MODE = "vhostuser_mode";
    /** vhost-user socket path. */
    public static final String VHOSTUSER_SOCKET = "vhostuser_socket";
    /** Plug the vhost-user port into Open vSwitch. */
    public static final String VHOSTUSER_OVS_PLUG = "vhostuser_ovs_plug";
    /** Plug the vhost-user port into the 6WIND fast path. */
    public static final String VHOSTUSER_FP_PLUG = "vhostuser_fp_plug";
    /** Plug the vhost-user port into Contrail vRouter. */
    public static final String VHOSTUSER_VROUTER_PLUG = "vhostuser_vrouter_plug";

    private VifDetails() {
    }
}
