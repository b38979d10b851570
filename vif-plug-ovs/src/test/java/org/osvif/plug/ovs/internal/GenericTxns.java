package org.osvif.plug.ovs.internal;

import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.IFACE_ID;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.TAP;
import static org.osvif.plug.ovs.internal.OvsdbCommands.addBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.createQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.destroyQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.mayExistPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.newPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.setPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.vifIds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Read;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Txn;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;

/** The transactions of the generic path's tap port ({@code create_port}), as its tests vary them. */
final class GenericTxns {
    /** network_device_mtu, the MTU of a port without create_tap. */
    static final int MTU = 1500;
    /** The read every plug of a new port on the system datapath makes first: the tap's stale QoS rows. */
    static final Read QOS_READ = OvsdbCommands.qosRead(QOS_KEY_TAP);

    private GenericTxns() {
    }

    /**
     * The port transaction of a new tap on the system datapath: the bridge, a plain add-port (the
     * port must be new, since it gets a QoS row), the destruction of each {@code stale} QoS row,
     * the new row, the Port's isolation (when {@code isolated}) and QoS link, and the Interface's
     * external_ids and {@code mtu_request} (none when {@code mtu} is null: create_tap).
     */
    static Txn newPortTxn(String bridge, boolean isolated, List<String> stale, Map<String, String> ids,
            Integer mtu) {
        List<OvsdbCommand> commands = new ArrayList<>(List.of(addBridge(bridge, "system"), newPort(bridge, TAP)));
        stale.forEach(uuid -> commands.add(destroyQos(uuid)));
        commands.add(createQos(QOS_KEY_TAP));
        commands.add(setPort(TAP, isolated, true));
        commands.add(setInterface(ids, mtu));
        return OvsdbCommands.txn(commands);
    }

    /** {@link #newPortTxn} on br-int with the VIF's external_ids and the default MTU. */
    static Txn newPortTxn(boolean isolated, List<String> stale) {
        return newPortTxn(BRIDGE, isolated, stale, vifIds(IFACE_ID), MTU);
    }

    static Txn newPortTxn(boolean isolated) {
        return newPortTxn(isolated, List.of());
    }

    /** The same for a VIF with create_tap: the tap has its MTU, so there is no mtu_request. */
    static Txn tapPortTxn(boolean isolated) {
        return newPortTxn(BRIDGE, isolated, List.of(), vifIds(IFACE_ID), null);
    }

    /** The re-plug transaction: {@code --may-exist add-port}, no isolation, no QoS row, the Interface's columns. */
    static Txn replugTxn(String datapath, Integer mtu) {
        return OvsdbCommands.txn(addBridge(BRIDGE, datapath), mayExistPort(BRIDGE, TAP),
                setInterface(vifIds(IFACE_ID), mtu));
    }

    static Txn replugTxn(String datapath) {
        return replugTxn(datapath, MTU);
    }

    /** A new port on the netdev datapath with isolate_vif: isolated, no QoS row. */
    static Txn netdevIsolatedTxn() {
        return OvsdbCommands.txn(addBridge(BRIDGE, "netdev"), newPort(BRIDGE, TAP), setPort(TAP, true, false),
                setInterface(vifIds(IFACE_ID), MTU));
    }

    static OvsdbCommand setInterface(Map<String, String> ids, Integer mtu) {
        Map<String, OvsdbValue> columns = new LinkedHashMap<>();
        columns.put("external_ids", OvsdbValue.map(ids));
        if (mtu != null) {
            columns.put("mtu_request", OvsdbValue.of(mtu.longValue()));
        }
        return new OvsdbCommand.Set("Interface", TAP, columns);
    }
}
