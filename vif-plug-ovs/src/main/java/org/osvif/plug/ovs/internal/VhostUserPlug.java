package org.osvif.plug.ovs.internal;

import java.util.Objects;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.Transaction;

/**
 * The vhost-user path, upstream's {@code _plug_vhostuser} and
 * {@code _unplug_vhostuser}: a DPDK vhost-user port {@code vhu<id>} on a bridge
 * of the userspace datapath ({@code netdev} unless the profile names another).
 * It has no kernel device, so its MTU is the Interface's {@code mtu_request},
 * set in the same transaction (upstream 5.1).
 */
final class VhostUserPlug {
    /** Upstream's {@code OVS_VHOSTUSER_INTERFACE_TYPE}: Open vSwitch is the socket's server. */
    static final String TYPE_VHOSTUSER = "dpdkvhostuser";
    /** Upstream's {@code OVS_VHOSTUSER_CLIENT_INTERFACE_TYPE}: Open vSwitch connects to the socket. */
    static final String TYPE_VHOSTUSER_CLIENT = "dpdkvhostuserclient";

    private final Ovsdb ovsdb;
    private final PortPlanner planner;
    private final PortRemoval removal;

    VhostUserPlug(Ovsdb ovsdb, PortPlanner planner, PortRemoval removal) {
        this.ovsdb = Objects.requireNonNull(ovsdb, "ovsdb");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.removal = Objects.requireNonNull(removal, "removal");
    }

    /**
     * One transaction: the bridge with its datapath, the port, and its Interface with type
     * {@code dpdkvhostuser} (mode {@code client}: the hypervisor connects) or
     * {@code dpdkvhostuserclient} plus {@code options:vhost-server-path} (mode {@code server}:
     * the hypervisor serves the socket), and {@code mtu_request}.
     *
     * @param vif the VIF, a VIFVHostUser
     */
    void plug(OvsVif vif) {
        VifVHostUser vhu = (VifVHostUser) vif.vif();
        String port = portName(vif);
        String datapath = vif.datapath(OvsVif.DATAPATH_NETDEV);
        if (!vhu.isSet(VifVHostUser.MODE) || vhu.get(VifVHostUser.MODE) == null) {
            throw new IllegalArgumentException("VIF " + vif.id() + " has no vhost-user mode");
        }
        boolean client = vhu.mode() == VifVHostUserMode.CLIENT;
        String path = vhu.isSet(VifVHostUser.PATH) ? vhu.get(VifVHostUser.PATH) : null;
        PortRequest.Builder request = planner.plan(vif, vif.bridge(), port, datapath, true)
                .datapathType(datapath)
                .interfaceType(client ? TYPE_VHOSTUSER : TYPE_VHOSTUSER_CLIENT)
                .mtuRequest(vif.mtu() > 0 ? vif.mtu() : null);
        if (!client && path != null && !path.isEmpty()) {
            request.option("vhost-server-path", path);
        }
        request.build().commit(ovsdb);
    }

    /**
     * One transaction removes the port and a trunk bridge; then its QoS rows go (system datapath only).
     *
     * @param vif the VIF, a VIFVHostUser
     */
    void unplug(OvsVif vif) {
        String port = portName(vif);
        Transaction txn = ovsdb.transaction();
        PortRemoval.addTo(txn, vif.bridge(), port);
        BridgeDeletion.deleteIfTrunk(txn, vif.bridge());
        txn.commit();
        removal.destroyQos(port, vif.datapath(OvsVif.DATAPATH_NETDEV));
    }

    /**
     * @param vif the VIF
     * @return {@code vhu<id>}, checked
     */
    static String portName(OvsVif vif) {
        return PortNames.checkDevice(PortNames.vhostUserPort(vif.id()), "vhost-user port");
    }
}
