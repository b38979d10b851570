package org.osvif.plug.ovs.internal;

import java.util.Objects;
import org.osvif.net.IpBatch;
import org.osvif.net.NamedLocks;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.Transaction;

/**
 * The hybrid plug, upstream's {@code _plug_bridge} and {@code _unplug_bridge}: the
 * guest's tap sits on a Linux bridge {@code qbr<id>} (where iptables can filter
 * it), joined to Open vSwitch by a veth pair, {@code qvb<id>} on the Linux bridge
 * and {@code qvo<id>} on the Open vSwitch bridge.
 *
 * <p>Plug and unplug of one VIF exclude each other within this process (a lock
 * named after its {@code qvo} device), since each checks a device and then acts.
 */
final class HybridPlug {
    private final Ovsdb ovsdb;
    private final LinuxNet net;
    private final PortPlanner planner;
    private final PortRemoval removal;
    private final NamedLocks locks;

    HybridPlug(Ovsdb ovsdb, LinuxNet net, PortPlanner planner, PortRemoval removal, NamedLocks locks) {
        this.ovsdb = Objects.requireNonNull(ovsdb, "ovsdb");
        this.net = Objects.requireNonNull(net, "net");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.removal = Objects.requireNonNull(removal, "removal");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    /**
     * The names of a hybrid plug, checked.
     *
     * @param linuxBridge the Linux bridge
     * @param vethBridgeEnd {@code qvb<id>}
     * @param vethOvsEnd {@code qvo<id>}
     */
    record Names(String linuxBridge, String vethBridgeEnd, String vethOvsEnd) {
        /**
         * @param vif the VIF
         * @param linuxBridge its Linux bridge
         * @return the checked names
         * @throws IllegalArgumentException when one is invalid
         */
        static Names of(OvsVif vif, String linuxBridge) {
            return new Names(PortNames.checkDevice(linuxBridge, "Linux bridge"),
                    PortNames.checkDevice(PortNames.vethBridgeEnd(vif.id()), "veth"),
                    PortNames.checkDevice(PortNames.vethOvsEnd(vif.id()), "veth peer"));
        }
    }

    /**
     * Ensures the Linux bridge (MAC ageing off, IPv6 and ARP replies off, up). When
     * {@code qvo} is missing: creates the veth pair (up, promiscuous, MTU), puts {@code qvb}
     * on the Linux bridge, and in one transaction ensures the Open vSwitch bridge and creates
     * the {@code qvo} port. When it exists: only updates both MTUs. The device steps run as one
     * {@code ip -batch} process; the existence checks read {@code /sys/class/net} and the
     * bridge's sysctls are written to {@code /proc/sys} (before the batch for an existing
     * bridge, right after it for a new one, which the batch makes without an IPv6 link-local
     * address). A failure after the bridge or the pair was made deletes what this call made.
     *
     * @param vif the VIF
     * @param names its checked names
     */
    void plug(OvsVif vif, Names names) {
        // What the port's external_ids need, checked before anything runs.
        vif.interfaceId();
        vif.instanceUuid();
        locks.withLock(lockName(names), () -> {
            String datapath = vif.datapath(OvsVif.DATAPATH_SYSTEM);
            boolean newBridge = !net.exists(names.linuxBridge());
            boolean replug = net.exists(names.vethOvsEnd());
            PortRequest request = replug ? null
                    : planner.plan(vif, vif.bridge(), names.vethOvsEnd(), datapath, true).datapathType(datapath)
                            .build();
            if (!newBridge) {
                net.disableIpv6AndArpReplies(names.linuxBridge());
            }
            IpBatch batch = net.batch();
            if (newBridge) {
                net.createHybridBridge(batch, names.linuxBridge());
            }
            if (replug) {
                net.setState(batch, names.linuxBridge(), true);
                net.setMtu(batch, names.vethBridgeEnd(), vif.mtu());
                net.setMtu(batch, names.vethOvsEnd(), vif.mtu());
            } else {
                net.createVethPair(batch, names.vethBridgeEnd(), names.vethOvsEnd(), vif.mtu());
                batch.setMaster(names.vethBridgeEnd(), names.linuxBridge());
                net.setState(batch, names.linuxBridge(), true);
            }
            batch.run();
            Rollback rollback = new Rollback();
            if (newBridge) {
                rollback.add(() -> net.delete(names.linuxBridge()));
            }
            if (!replug) {
                rollback.add(() -> net.delete(names.vethBridgeEnd()));
            }
            try {
                if (newBridge) {
                    net.disableIpv6AndArpReplies(names.linuxBridge());
                }
                if (request != null) {
                    request.commit(ovsdb);
                }
            } catch (RuntimeException e) {
                throw rollback.undo(e);
            }
        });
    }

    /**
     * In one transaction removes the {@code qvo} port and a trunk bridge, then the port's QoS
     * rows; then deletes the Linux bridge and the veth pair, those of them {@code /sys/class/net}
     * shows, in one process (none when neither exists).
     *
     * @param vif the VIF
     * @param names its checked names
     */
    void unplug(OvsVif vif, Names names) {
        locks.withLock(lockName(names), () -> {
            Transaction txn = ovsdb.transaction();
            PortRemoval.addTo(txn, vif.bridge(), names.vethOvsEnd());
            BridgeDeletion.deleteIfTrunk(txn, vif.bridge());
            txn.commit();
            removal.destroyQos(names.vethOvsEnd(), vif.datapath(OvsVif.DATAPATH_SYSTEM));
            net.delete(names.linuxBridge(), names.vethOvsEnd());
        });
    }

    private static String lockName(Names names) {
        return "os-vif-ovs-hybrid-" + names.vethOvsEnd();
    }
}
