package org.osvif.plug.ovs.internal.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osvif.exec.CommandFailedException;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * {@link VsctlOvsdb} against a real ovsdb-server and ovs-vswitchd (a {@link PrivateOvs} in a network
 * namespace), waiting for ovs-vswitchd as production does. Each test uses bridges and ports of its own.
 */
@RequiresOvs
@Tag("functional")
class VsctlOvsdbIT {
    private static final String IFACE_ID = "5d8b9a4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    private static final String MAC = "fa:16:3e:11:22:33";
    private static final String VM_UUID = "7f3c2a1b-0000-4000-8000-000000000001";
    private static final AtomicInteger PORTS = new AtomicInteger();

    private static VsctlOvsdb ovsdb(PrivateOvs ovs) {
        return new VsctlOvsdb(ovs.runner(), ovs.dbConnection(), Duration.ofSeconds(30));
    }

    private static String port(String prefix) {
        return prefix + PORTS.incrementAndGet();
    }

    private static OvsdbValue get(Ovsdb ovsdb, String table, String record, String column) {
        return ovsdb.get(table, record, column).orElseThrow(() -> new AssertionError(table + " " + record
                + " does not exist"));
    }

    @Test
    @DisplayName("creates a netdev bridge and an isolated vhost-user port with all its columns in one transaction")
    void isolatedPortInOneTransaction(PrivateOvs ovs) {
        VsctlOvsdb ovsdb = ovsdb(ovs);
        String bridge = ovs.uniqueBridgeName("br-v");
        String port = port("vhu");
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("iface-id", IFACE_ID);
        ids.put("iface-status", "active");
        ids.put("attached-mac", MAC);
        ids.put("vm-uuid", VM_UUID);
        Map<String, OvsdbValue> portColumns = new LinkedHashMap<>();
        portColumns.put("tag", OvsdbValue.of(4095));
        portColumns.put("vlan_mode", OvsdbValue.of("trunk"));
        portColumns.put("trunks", OvsdbValue.set(List.of(OvsdbValue.of(4095))));
        Map<String, OvsdbValue> ifaceColumns = new LinkedHashMap<>();
        ifaceColumns.put("external_ids", OvsdbValue.map(ids));
        ifaceColumns.put("type", OvsdbValue.of("dpdkvhostuserclient"));
        ifaceColumns.put("options", OvsdbValue.map(Map.of("vhost-server-path", "/var/run/openvswitch/" + port)));
        ifaceColumns.put("mtu_request", OvsdbValue.of(9000));

        assertThat(ovsdb.bridgeExists(bridge)).isFalse();
        assertThat(ovsdb.portExists(port)).isFalse();

        ovsdb.transaction()
                .addBridge(bridge, true, "netdev")
                .addPort(bridge, port, true)
                .set("Port", port, portColumns)
                .set("Interface", port, ifaceColumns)
                .commit();

        assertThat(ovsdb.bridgeExists(bridge)).isTrue();
        assertThat(ovsdb.portExists(port)).isTrue();
        assertThat(ovs.portNames(bridge)).containsExactly(port);
        assertThat(get(ovsdb, "Bridge", bridge, "datapath_type")).isEqualTo(OvsdbValue.of("netdev"));
        assertThat(get(ovsdb, "Port", port, "tag")).isEqualTo(OvsdbValue.of(4095));
        assertThat(get(ovsdb, "Port", port, "vlan_mode")).isEqualTo(OvsdbValue.of("trunk"));
        // a one-element set comes back as its element
        assertThat(get(ovsdb, "Port", port, "trunks")).isEqualTo(OvsdbValue.of(4095));
        assertThat(get(ovsdb, "Interface", port, "external_ids")).isEqualTo(OvsdbValue.map(ids));
        assertThat(get(ovsdb, "Interface", port, "type")).isEqualTo(OvsdbValue.of("dpdkvhostuserclient"));
        assertThat(get(ovsdb, "Interface", port, "options"))
                .isEqualTo(OvsdbValue.map(Map.of("vhost-server-path", "/var/run/openvswitch/" + port)));
        assertThat(get(ovsdb, "Interface", port, "mtu_request")).isEqualTo(OvsdbValue.of(9000));

        List<Map<String, OvsdbValue>> found = ovsdb.find("Interface",
                Map.of("external_ids", OvsdbValue.map(Map.of("iface-id", IFACE_ID, "attached-mac", MAC))),
                List.of("name", "type"));
        assertThat(found).singleElement().satisfies(row -> {
            assertThat(row.keySet()).containsExactly("_uuid", "name", "type");
            assertThat(row.get("_uuid")).isInstanceOf(OvsdbValue.Uuid.class);
            assertThat(row.get("name")).isEqualTo(OvsdbValue.of(port));
        });

        // the same transaction again changes nothing and succeeds (may-exist)
        ovsdb.transaction().addBridge(bridge, true, "netdev").addPort(bridge, port, true).commit();
        assertThat(ovs.portNames(bridge)).containsExactly(port);
    }

    @Test
    @DisplayName("creates a QoS row and refers to it from the port in the same transaction; removes them in two")
    void qosReferenceAndRemoval(PrivateOvs ovs) {
        VsctlOvsdb ovsdb = ovsdb(ovs);
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-q"));
        String port = port("tapq");
        String qosId = java.util.UUID.randomUUID().toString();
        Map<String, String> qosIds = new LinkedHashMap<>();
        qosIds.put("id", qosId);
        qosIds.put("_type", "linux-noop");
        Map<String, OvsdbValue> qos = new LinkedHashMap<>();
        qos.put("type", OvsdbValue.of("linux-noop"));
        qos.put("external_ids", OvsdbValue.map(qosIds));

        ovsdb.transaction()
                .create("QoS", "qos", qos)
                .addPort(bridge, port, true)
                .set("Port", port, Map.of("qos", OvsdbValue.ref("qos")))
                .set("Interface", port, Map.of("type", OvsdbValue.of("internal")))
                .commit();

        List<Map<String, OvsdbValue>> rows = ovsdb.find("QoS", Map.of("external_ids", OvsdbValue.map(qosIds)),
                List.of("type"));
        assertThat(rows).hasSize(1);
        OvsdbValue qosUuid = rows.get(0).get("_uuid");
        assertThat(rows.get(0).get("type")).isEqualTo(OvsdbValue.of("linux-noop"));
        assertThat(get(ovsdb, "Port", port, "qos")).isEqualTo(qosUuid);

        String uuid = ((OvsdbValue.Uuid) qosUuid).uuid();
        // Not in one transaction: del-port leaves the Port row to the server's garbage collection, which runs
        // after the referential integrity check, so the QoS row still counts as referenced. Upstream's
        // delete_ovs_vif_port also deletes the port first and the QoS row in a second transaction.
        CommandFailedException e = catchThrowableOfType(CommandFailedException.class, () -> ovsdb.transaction()
                .deletePort(bridge, port, true)
                .destroy("QoS", uuid, true)
                .commit());
        assertThat(e.stderr()).contains("referential integrity violation");
        assertThat(ovsdb.portExists(port)).isTrue();

        ovsdb.transaction().deletePort(bridge, port, true).commit();
        ovsdb.transaction().destroy("QoS", uuid, true).commit();
        assertThat(ovsdb.portExists(port)).isFalse();
        assertThat(ovsdb.find("QoS", Map.of("external_ids", OvsdbValue.map(Map.of("id", qosId))), List.of()))
                .isEmpty();

        // deleting what is gone succeeds with --if-exists
        ovsdb.transaction().deletePort(bridge, port, true).deletePort(null, port, true).destroy("QoS", uuid, true)
                .deleteBridge(bridge + "x", true).commit();
    }

    @Test
    @DisplayName("a failing transaction changes nothing")
    void failingTransactionChangesNothing(PrivateOvs ovs) {
        VsctlOvsdb ovsdb = ovsdb(ovs);
        String bridge = ovs.uniqueBridgeName("br-f");
        String missing = ovs.uniqueBridgeName("br-m");
        String port = port("tapf");

        CommandFailedException e = catchThrowableOfType(CommandFailedException.class, () -> ovsdb.transaction()
                .addBridge(bridge, true, "netdev")
                .set("Bridge", bridge, Map.of("external_ids", OvsdbValue.map(Map.of("k", "v"))))
                .addPort(missing, port, true)
                .commit());

        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(e.stderr()).contains("no bridge named " + missing);
        assertThat(e.command().argv()).contains("add-port", missing, port);
        assertThat(ovsdb.bridgeExists(bridge)).isFalse();
        assertThat(ovsdb.portExists(port)).isFalse();
        assertThat(ovs.bridgeNames()).doesNotContain(bridge);
    }

    @Test
    @DisplayName("strings that need quoting come back unchanged")
    void awkwardStringsRoundTrip(PrivateOvs ovs) {
        VsctlOvsdb ovsdb = ovsdb(ovs);
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-s"));
        Map<String, String> awkward = new LinkedHashMap<>();
        awkward.put("empty", "");
        awkward.put("quote", "say \"hi\"");
        awkward.put("backslash", "C:\\dir\\file");
        awkward.put("punctuation", "a,b;c {d} [e] f=g h:i");
        awkward.put("json", "{\"k\":[1,2]}");
        awkward.put("leading-quote", "\"x");
        awkward.put("unicode", "h\u00e9llo \u2603 \uD83D\uDE00");
        awkward.put("controls", "line1\nline2\ttab\r\u0001\u007f");
        awkward.put("numberish", "4095");
        awkward.put("at", "@qos");
        awkward.put("key with = and : and space", "v");
        awkward.put("mac", MAC);
        ovsdb.transaction().set("Bridge", bridge, Map.of("external_ids", OvsdbValue.map(awkward))).commit();

        assertThat(get(ovsdb, "Bridge", bridge, "external_ids")).isEqualTo(OvsdbValue.map(awkward));
        assertThat(ovsdb.find("Bridge", Map.of("external_ids", OvsdbValue.map(Map.of("quote", "say \"hi\"",
                "unicode", "h\u00e9llo \u2603 \uD83D\uDE00"))), List.of("name")))
                .singleElement().satisfies(row -> assertThat(row.get("name")).isEqualTo(OvsdbValue.of(bridge)));

        // whole values: a map in create and a scalar string, on a QoS row no port uses (QoS is a root table)
        String id = java.util.UUID.randomUUID().toString();
        String type = "a,b \"c\" {d}=[e]:\u00e9\\";
        ovsdb.transaction()
                .create("QoS", "q", Map.of("type", OvsdbValue.of(type), "other_config", OvsdbValue.map(awkward),
                        "external_ids", OvsdbValue.map(Map.of("id", id))))
                .commit();
        List<Map<String, OvsdbValue>> rows = ovsdb.find("QoS", Map.of("type", OvsdbValue.of(type)),
                List.of("other_config", "external_ids"));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("other_config")).isEqualTo(OvsdbValue.map(awkward));
            assertThat(row.get("external_ids")).isEqualTo(OvsdbValue.map(Map.of("id", id)));
        });
        String uuid = ((OvsdbValue.Uuid) rows.get(0).get("_uuid")).uuid();
        assertThat(get(ovsdb, "QoS", uuid, "type")).isEqualTo(OvsdbValue.of(type));
        ovsdb.transaction().destroy("QoS", uuid, false).commit();
        assertThat(ovsdb.get("QoS", uuid, "type")).isEmpty();
    }

    @Test
    @DisplayName("empty sets clear optional columns; maps merge keys")
    void emptySetsAndMapMerging(PrivateOvs ovs) {
        VsctlOvsdb ovsdb = ovsdb(ovs);
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-e"));
        String port = port("tape");
        ovsdb.transaction()
                .addPort(bridge, port, true)
                .set("Port", port, Map.of("tag", OvsdbValue.of(42), "trunks",
                        OvsdbValue.set(List.of(OvsdbValue.of(1), OvsdbValue.of(2)))))
                .set("Interface", port, Map.of("type", OvsdbValue.of("internal"),
                        "external_ids", OvsdbValue.map(Map.of("a", "1"))))
                .commit();
        assertThat(get(ovsdb, "Port", port, "trunks"))
                .isEqualTo(OvsdbValue.set(List.of(OvsdbValue.of(1), OvsdbValue.of(2))));

        ovsdb.transaction()
                .set("Port", port, Map.of("tag", OvsdbValue.EMPTY, "trunks", OvsdbValue.EMPTY))
                .set("Interface", port, Map.of("external_ids", OvsdbValue.map(Map.of("b", "2"))))
                .commit();
        assertThat(get(ovsdb, "Port", port, "tag")).isEqualTo(OvsdbValue.EMPTY);
        assertThat(get(ovsdb, "Port", port, "trunks")).isEqualTo(OvsdbValue.EMPTY);
        assertThat(get(ovsdb, "Interface", port, "external_ids")).isEqualTo(OvsdbValue.map(Map.of("a", "1", "b", "2")));
    }

    @Test
    @DisplayName("reads: a missing record is empty, an unknown column fails with ovs-vsctl's message")
    void reads(PrivateOvs ovs) {
        VsctlOvsdb ovsdb = ovsdb(ovs);
        assertThat(ovsdb.get("Port", "no-such-port", "tag")).isEmpty();
        assertThat(ovsdb.get("Open_vSwitch", ".", "external_ids")).hasValueSatisfying(
                v -> assertThat(((OvsdbValue.StringMap) v).entries()).containsKey("osvif-sandbox"));
        CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                () -> ovsdb.get("Interface", "no-such-port", "tag"));
        assertThat(e.stderr()).contains("Interface does not contain a column whose name matches \"tag\"");
        assertThat(ovsdb.bridgeExists("no-such-br")).isFalse();
        assertThat(ovsdb.portExists("no-such-port")).isFalse();
    }

    @Test
    @DisplayName("timeout 0 (no --timeout) and --no-wait work against the real switch")
    void timeoutZeroAndNoWait(PrivateOvs ovs) {
        VsctlOvsdb ovsdb = ovsdb(ovs);
        String bridge = ovs.uniqueBridgeName("br-z");
        VsctlOvsdb forever = new VsctlOvsdb(ovs.runner(), ovs.dbConnection(), Duration.ZERO);
        forever.transaction().addBridge(bridge, true, "netdev").commit();
        assertThat(forever.bridgeExists(bridge)).isTrue();

        VsctlOvsdb noWait = new VsctlOvsdb(ovs.runner(), ovs.dbConnection(), Duration.ofSeconds(10), true);
        noWait.transaction().deleteBridge(bridge, false).commit();
        assertThat(noWait.bridgeExists(bridge)).isFalse();
    }
}
