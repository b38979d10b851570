package org.osvif.plug.ovs.internal;

import java.util.Objects;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.Transaction;

/**
 * The generic VIFOpenVSwitch path, upstream's {@code _plug_vif_generic} and
 * {@code _unplug_vif_generic}: the hypervisor (libvirt) normally creates the
 * port itself, so plug only ensures the bridge, unless the profile's
 * {@code create_port} asks for the port, and {@code create_tap} for its tap.
 */
final class GenericPlug {
    private final Ovsdb ovsdb;
    private final LinuxNet net;
    private final PortPlanner planner;
    private final PortRemoval removal;

    GenericPlug(Ovsdb ovsdb, LinuxNet net, PortPlanner planner, PortRemoval removal) {
        this.ovsdb = Objects.requireNonNull(ovsdb, "ovsdb");
        this.net = Objects.requireNonNull(net, "net");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.removal = Objects.requireNonNull(removal, "removal");
    }

    /**
     * Without {@code create_port}: one transaction, {@code --may-exist add-br} with the
     * datapath type. With it: the tap first when {@code create_tap} asks for it; then one
     * transaction that ensures the bridge and creates the port (see {@link PortRequest}), with
     * the MTU as {@code mtu_request} when there is no {@code create_tap}. If the transaction
     * fails, a tap made here is deleted.
     *
     * @param vif the VIF, a VIFOpenVSwitch
     */
    void plug(OvsVif vif) {
        String datapath = vif.datapath(OvsVif.DATAPATH_SYSTEM);
        if (!vif.createPort()) {
            ovsdb.transaction().addBridge(vif.bridge(), true, datapath).commit();
            return;
        }
        String dev = vifName(vif);
        PortRequest request = planner.plan(vif, vif.bridge(), dev, datapath, true).datapathType(datapath)
                .mtuRequest(mtuRequest(vif)).build();
        Rollback rollback = new Rollback();
        prepareDevice(net, vif, dev, rollback);
        try {
            request.commit(ovsdb);
        } catch (RuntimeException e) {
            throw rollback.undo(e);
        }
    }

    /**
     * One transaction removes the port and a trunk bridge; then the port's QoS rows go (see
     * {@link PortRemoval}) and the device is deleted if it exists (upstream's
     * {@code delete_netdev}; this also removes a tap made for {@code create_tap}).
     *
     * @param vif the VIF, a VIFOpenVSwitch
     */
    void unplug(OvsVif vif) {
        String dev = vifName(vif);
        Transaction txn = ovsdb.transaction();
        PortRemoval.addTo(txn, vif.bridge(), dev);
        BridgeDeletion.deleteIfTrunk(txn, vif.bridge());
        txn.commit();
        removal.destroyQos(dev, vif.datapath(OvsVif.DATAPATH_SYSTEM));
        net.delete(dev);
    }

    /**
     * Upstream 5.1's tap handling of {@code _create_vif_port}, moved before the port: with
     * {@code create_tap}, a missing tap is created with the VIF's MAC, MTU and queues (and
     * deleted again if the plug fails later); an existing tap only gets its MTU, as upstream's
     * {@code set_device_mtu}. Without {@code create_tap} nothing runs: the MTU goes in the port
     * transaction ({@link #mtuRequest}).
     *
     * @param net the host commands
     * @param vif the VIF
     * @param dev the device
     * @param rollback where to register the tap's deletion
     */
    static void prepareDevice(LinuxNet net, OvsVif vif, String dev, Rollback rollback) {
        if (!vif.createTap()) {
            return;
        }
        if (!net.exists(dev)) {
            net.createTap(dev, vif.address(), vif.mtu(), vif.multiqueue());
            rollback.add(() -> net.delete(dev));
            return;
        }
        net.setMtuIfExists(dev, vif.mtu());
    }

    /**
     * The Interface's {@code mtu_request} for a VIF port without {@code create_tap}, where upstream
     * runs {@code set_device_mtu} after the port: ovs-vswitchd applies it to the device, also to
     * one the hypervisor creates later, and it costs no process of its own.
     *
     * @param vif the VIF
     * @return its MTU, or null with {@code create_tap} (the tap gets it) or without an MTU
     */
    static Integer mtuRequest(OvsVif vif) {
        return vif.createTap() || vif.mtu() == 0 ? null : vif.mtu();
    }

    /**
     * @param vif a VIFOpenVSwitch
     * @return its {@code vif_name}, checked as a kernel device name
     * @throws IllegalArgumentException when it is unset or invalid
     */
    static String vifName(OvsVif vif) {
        VifOpenVSwitch ovs = (VifOpenVSwitch) vif.vif();
        String name = ovs.isSet(VifOpenVSwitch.VIF_NAME) ? ovs.get(VifOpenVSwitch.VIF_NAME) : null;
        if (name == null) {
            throw new IllegalArgumentException("VIF " + vif.id() + " has no vif_name");
        }
        return PortNames.checkDevice(name, "vif_name");
    }
}
