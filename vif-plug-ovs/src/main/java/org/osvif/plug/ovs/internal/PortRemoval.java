package org.osvif.plug.ovs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;
import org.osvif.plug.ovs.internal.ovsdb.Transaction;

/**
 * Removes a port and then its default QoS rows, upstream 5.1's {@code delete_ovs_vif_port}
 * and {@code delete_qos_if_exists}. QoS is a root table, so its rows outlive the port
 * unless destroyed. They cannot be destroyed in the transaction that deletes the port:
 * ovsdb-server checks references before it drops the deleted Port's, and refuses with
 * "referential integrity violation" (checked with Open vSwitch 3.1). So unplug runs the
 * port's transaction first, then, on the system datapath, one read and, when rows are
 * found, one more transaction that destroys them.
 */
public final class PortRemoval {
    private final Ovsdb ovsdb;
    private final OvsSettings settings;

    /**
     * @param ovsdb the database
     * @param settings the plugin's options ({@code default_qos_type})
     */
    public PortRemoval(Ovsdb ovsdb, OvsSettings settings) {
        this.ovsdb = Objects.requireNonNull(ovsdb, "ovsdb");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Adds {@code --if-exists del-port BRIDGE PORT}.
     *
     * @param txn the transaction
     * @param bridge the bridge the port is on
     * @param port the port
     */
    public static void addTo(Transaction txn, String bridge, String port) {
        txn.deletePort(bridge, port, true);
    }

    /**
     * Destroys the port's default QoS rows, found by their key ({@code find QoS
     * external_ids:id=... external_ids:_type=...}); nothing at all unless the datapath is
     * {@code system}, the only one where plug creates them. Call after the port is gone.
     *
     * @param port the port
     * @param datapath the VIF's datapath
     */
    public void destroyQos(String port, String datapath) {
        if (!OvsVif.DATAPATH_SYSTEM.equals(datapath)) {
            return;
        }
        List<String> uuids = qosRows(port);
        if (uuids.isEmpty()) {
            return;
        }
        Transaction txn = ovsdb.transaction();
        uuids.forEach(uuid -> txn.destroy("QoS", uuid, true));
        txn.commit();
    }

    /**
     * The UUIDs of the QoS rows keyed to a port ({@code find QoS external_ids:id=...
     * external_ids:_type=...}), upstream's {@code get_qos}.
     *
     * @param port the port
     * @return the rows' UUIDs, often none
     */
    public List<String> qosRows(String port) {
        List<Map<String, OvsdbValue>> rows = ovsdb.find("QoS",
                Map.of("external_ids", OvsdbValue.map(QosKeys.externalIds(port, settings.defaultQosType()))),
                List.of("_uuid"));
        List<String> uuids = new ArrayList<>();
        for (Map<String, OvsdbValue> row : rows) {
            if (row.get("_uuid") instanceof OvsdbValue.Uuid uuid) {
                uuids.add(uuid.uuid());
            }
        }
        return uuids;
    }
}
