package org.osvif.plug.ovs.internal;

import static org.osvif.plug.ovs.internal.OvsFixtures.INSTANCE_UUID;
import static org.osvif.plug.ovs.internal.OvsFixtures.MAC;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Read;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Txn;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;

/**
 * The OVSDB commands and reads the plug path tests expect, written out by hand from the
 * {@link OvsdbCommand} records (never built with {@link PortRequest}, which is under test).
 * Columns and map entries keep their order, which {@link Txn} compares.
 */
final class OvsdbCommands {
    /** The default QoS type ({@code default_qos_type}). */
    static final String QOS_TYPE = "linux-noop";

    private OvsdbCommands() {
    }

    static Txn txn(OvsdbCommand... commands) {
        return new Txn(List.of(commands));
    }

    static Txn txn(List<OvsdbCommand> commands) {
        return new Txn(commands);
    }

    /** {@code --may-exist add-br} with the datapath type. */
    static OvsdbCommand addBridge(String bridge, String datapath) {
        return new OvsdbCommand.AddBridge(bridge, true, datapath);
    }

    /** A plain {@code add-port}: the port must be new. */
    static OvsdbCommand newPort(String bridge, String port) {
        return new OvsdbCommand.AddPort(bridge, port, false);
    }

    /** {@code --may-exist add-port}. */
    static OvsdbCommand mayExistPort(String bridge, String port) {
        return new OvsdbCommand.AddPort(bridge, port, true);
    }

    /** {@code --if-exists del-port BRIDGE PORT}. */
    static OvsdbCommand deletePort(String bridge, String port) {
        return new OvsdbCommand.DeletePort(bridge, port, true);
    }

    /** {@code --if-exists del-br}. */
    static OvsdbCommand deleteBridge(String bridge) {
        return new OvsdbCommand.DeleteBridge(bridge, true);
    }

    /** {@code --if-exists destroy QoS UUID}. */
    static OvsdbCommand destroyQos(String uuid) {
        return new OvsdbCommand.Destroy("QoS", uuid, true);
    }

    /** {@code --id=@qos create QoS} of the default type, keyed to the port whose QoS key is {@code key}. */
    static OvsdbCommand createQos(String key) {
        return new OvsdbCommand.Create("QoS", "qos", cols("type", QOS_TYPE, "external_ids", OvsdbValue.map(qosIds(key))));
    }

    /** {@code set TABLE RECORD} of the columns, given as name, value, name, value... */
    static OvsdbCommand set(String table, String record, Object... columns) {
        return new OvsdbCommand.Set(table, record, cols(columns));
    }

    /** The Port's columns of a new port: the isolation (dead VLAN) and / or the link to its new QoS row. */
    static OvsdbCommand setPort(String port, boolean isolated, boolean qos) {
        Map<String, OvsdbValue> columns = new LinkedHashMap<>();
        if (isolated) {
            columns.putAll(isolation());
        }
        if (qos) {
            columns.put("qos", OvsdbValue.ref("qos"));
        }
        return new OvsdbCommand.Set("Port", port, columns);
    }

    /** {@code tag=4095 vlan_mode=trunk trunks=[4095]}. */
    static Map<String, OvsdbValue> isolation() {
        return cols("tag", 4095, "vlan_mode", "trunk", "trunks", OvsdbValue.set(List.of(OvsdbValue.of(4095))));
    }

    /**
     * @param columns name, value, ...: a String is a string atom, an Integer an integer atom, a
     *        Map a string map, an OvsdbValue itself
     * @return the columns, in order
     */
    static Map<String, OvsdbValue> cols(Object... columns) {
        Map<String, OvsdbValue> out = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i += 2) {
            out.put((String) columns[i], value(columns[i + 1]));
        }
        return out;
    }

    /** @param pairs key, value, ... @return the string map, in order */
    static Map<String, String> ids(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** The external_ids of a VIF's Interface, in upstream's order. */
    static Map<String, String> vifIds(String ifaceId) {
        return ids("iface-id", ifaceId, "iface-status", "active", "attached-mac", MAC, "vm-uuid", INSTANCE_UUID);
    }

    /** The external_ids of a default QoS row: its key, then its type. */
    static Map<String, String> qosIds(String key) {
        return ids("id", key, "_type", QOS_TYPE);
    }

    /** The read of the QoS rows keyed to the port whose QoS key is {@code key} (plug's stale rows, unplug's). */
    static Read qosRead(String key) {
        return new Read.Find("QoS", Map.of("external_ids", OvsdbValue.map(qosIds(key))), List.of("_uuid"));
    }

    /** The existence check of a port. */
    static Read portRead(String port) {
        return new Read.PortExists(port);
    }

    @SuppressWarnings("unchecked")
    private static OvsdbValue value(Object v) {
        if (v instanceof OvsdbValue o) {
            return o;
        }
        if (v instanceof String s) {
            return OvsdbValue.of(s);
        }
        if (v instanceof Integer n) {
            return OvsdbValue.of(n.longValue());
        }
        if (v instanceof Map<?, ?> m) {
            return OvsdbValue.map((Map<String, String>) m);
        }
        throw new IllegalArgumentException("not a column value: " + v);
    }
}
