package org.osvif.neutron;

import java.util.Set;

/** The {@code binding:vif_type} values Nova knows (nova.network.model). */
public final class VifTypes {
    /** Open vSwitch. */
    public static final String OVS = "ovs";
    /** Netronome Agilio OVS. */
    public static final String AGILIO_OVS = "agilio_ovs";
    /** vhost-user (OVS-DPDK, 6WIND fast path, Contrail vRouter). */
    public static final String VHOSTUSER = "vhostuser";
    /** Big Switch Indigo Virtual Switch. */
    public static final String IVS = "ivs";
    /** Contrail vRouter. */
    public static final String VROUTER = "vrouter";
    /** Linux bridge. */
    public static final String BRIDGE = "bridge";
    /** The port is not bound to any host. */
    public static final String UNBOUND = "unbound";
    /** Neutron failed to bind the port. */
    public static final String BINDING_FAILED = "binding_failed";

    /** The types Nova plugs with its own legacy code instead of os-vif ({@code LEGACY_VIFS}). */
    public static final Set<String> LEGACY = Set.of("dvs", "iovisor", "802.1qbg", "802.1qbh", "hw_veb",
            "hostdev_physical", "ib_hostdev", "midonet", "tap", "macvtap");

    private VifTypes() {
    }
}
