package org.osvif.plug.ovs.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;
import org.osvif.plug.ovs.internal.ovsdb.Transaction;

/**
 * The per-port bridge path ({@code per_port_bridge = true}, experimental
 * upstream), upstream's {@code _plug_port_bridge} and {@code _unplug_port_bridge}:
 * the VIF's port sits on its own bridge {@code pb<id>}, joined to the
 * integration bridge by the patch pair {@code pbp<id>} / {@code ibp<id>}.
 * Upstream runs four transactions for a plug and five for an unplug; here each is one.
 */
final class PerPortBridgePlug {
    private final Ovsdb ovsdb;
    private final LinuxNet net;
    private final PortPlanner planner;
    private final PortRemoval removal;

    PerPortBridgePlug(Ovsdb ovsdb, LinuxNet net, PortPlanner planner, PortRemoval removal) {
        this.ovsdb = Objects.requireNonNull(ovsdb, "ovsdb");
        this.net = Objects.requireNonNull(net, "net");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.removal = Objects.requireNonNull(removal, "removal");
    }

    /**
     * The names of a per-port bridge plug, checked.
     *
     * @param vifName the VIF's device, on the per-port bridge
     * @param portBridge {@code pb<id>}
     * @param portBridgePatch {@code pbp<id>}, on the per-port bridge
     * @param integrationPatch {@code ibp<id>}, on the integration bridge
     */
    record Names(String vifName, String portBridge, String portBridgePatch, String integrationPatch) {
        /**
         * @param vif the VIF
         * @return the checked names
         * @throws IllegalArgumentException when one is invalid
         */
        static Names of(OvsVif vif) {
            return new Names(GenericPlug.vifName(vif),
                    PortNames.checkDevice(PortNames.perPortBridge(vif.id()), "per-port bridge"),
                    PortNames.checkPatchPort(PortNames.perPortBridgePatch(vif.id()), "per-port bridge patch port"),
                    PortNames.checkPatchPort(PortNames.integrationBridgePatch(vif.id()),
                            "integration bridge patch port"));
        }
    }

    /**
     * Creates the tap when {@code create_tap} asks for it, then one transaction: both bridges,
     * the VIF's port on the per-port bridge (without external_ids, isolated and with QoS as any
     * new port, with {@code mtu_request} without {@code create_tap}), the integration side of
     * the patch pair with the VIF's external_ids (tagged 4095 when {@code isolate_vif} is set
     * and it is new), and the per-port side.
     *
     * @param vif the VIF, a VIFOpenVSwitch
     */
    void plug(OvsVif vif) {
        Names names = Names.of(vif);
        String datapath = vif.datapath(OvsVif.DATAPATH_SYSTEM);
        String instanceUuid = vif.instanceUuid();
        PortRequest vifPort = planner.plan(vif, names.portBridge(), names.vifName(), datapath, false)
                .mtuRequest(GenericPlug.mtuRequest(vif)).build();
        boolean tagPatch = planner.isolateNew(names.integrationPatch());
        Rollback rollback = new Rollback();
        GenericPlug.prepareDevice(net, vif, names.vifName(), rollback);
        try {
            PortRequest.commitOrReplug(vifPort,
                    request -> transaction(vif, names, datapath, instanceUuid, request, tagPatch));
        } catch (RuntimeException e) {
            throw rollback.undo(e);
        }
    }

    /** The plug's one transaction, around the VIF's port request (new, or {@link PortRequest#asExisting()}). */
    private Transaction transaction(OvsVif vif, Names names, String datapath, String instanceUuid,
            PortRequest request, boolean tagPatch) {
        Transaction txn = ovsdb.transaction();
        txn.addBridge(vif.bridge(), true, datapath);
        txn.addBridge(names.portBridge(), true, datapath);
        request.addTo(txn);
        txn.addPort(vif.bridge(), names.integrationPatch(), true);
        if (tagPatch) {
            txn.set("Port", names.integrationPatch(), Map.of("tag", OvsdbValue.of(PortRequest.DEAD_VLAN)));
        }
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("iface-id", vif.id());
        ids.put("iface-status", "active");
        if (vif.address() != null) {
            ids.put("attached-mac", vif.address().toString());
        }
        ids.put("vm-uuid", instanceUuid);
        Map<String, OvsdbValue> integrationSide = new LinkedHashMap<>();
        integrationSide.put("external_ids", OvsdbValue.map(ids));
        integrationSide.put("type", OvsdbValue.of("patch"));
        integrationSide.put("options", OvsdbValue.map(Map.of("peer", names.portBridgePatch())));
        txn.set("Interface", names.integrationPatch(), integrationSide);
        txn.addPort(names.portBridge(), names.portBridgePatch(), true);
        Map<String, OvsdbValue> portSide = new LinkedHashMap<>();
        portSide.put("type", OvsdbValue.of("patch"));
        portSide.put("options", OvsdbValue.map(Map.of("peer", names.integrationPatch())));
        txn.set("Interface", names.portBridgePatch(), portSide);
        return txn;
    }

    /**
     * One transaction removes both patch ports, the VIF's port, the per-port bridge and a trunk
     * bridge; then the port's QoS rows go and the VIF's device is deleted if it exists.
     *
     * @param vif the VIF, a VIFOpenVSwitch
     */
    void unplug(OvsVif vif) {
        Names names = Names.of(vif);
        Transaction txn = ovsdb.transaction();
        PortRemoval.addTo(txn, vif.bridge(), names.integrationPatch());
        PortRemoval.addTo(txn, names.portBridge(), names.portBridgePatch());
        PortRemoval.addTo(txn, names.portBridge(), names.vifName());
        BridgeDeletion.deletePerPortBridge(txn, vif.id());
        BridgeDeletion.deleteIfTrunk(txn, vif.bridge());
        txn.commit();
        removal.destroyQos(names.vifName(), vif.datapath(OvsVif.DATAPATH_SYSTEM));
        net.delete(names.vifName());
    }
}
