package org.osvif.plug.ovs.internal.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osvif.ovsdb.OvsdbMap;
import org.osvif.ovsdb.OvsdbSet;
import org.osvif.ovsdb.OvsdbTimeoutException;
import org.osvif.ovsdb.Uuid;
import org.osvif.plug.ovs.internal.PortRequest;

/**
 * The native driver's translation of commands into one {@code transact}, asserted as the exact
 * JSON-RPC request (what {@link DryRunSession} prints is what a live session sends).
 */
@DisplayName("The native OVSDB driver")
class NativeOvsdbTest {
    private static final String NEXT_CFG = "{\"op\":\"mutate\",\"table\":\"Open_vSwitch\",\"where\":[],"
            + "\"mutations\":[[\"next_cfg\",\"+=\",1]]},{\"op\":\"select\",\"table\":\"Open_vSwitch\",\"where\":[],"
            + "\"columns\":[\"next_cfg\"]}";

    private final InMemoryReplica replica = InMemoryReplica.withOpenVswitchRow(OvsdbSession.DATABASE, 100);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final DryRunSession session = new DryRunSession(new PrintStream(printed, true, StandardCharsets.UTF_8),
            replica);
    private final AtomicInteger opened = new AtomicInteger();
    private final NativeOvsdb ovsdb = new NativeOvsdb(() -> {
        opened.incrementAndGet();
        return session;
    }, Duration.ofSeconds(5), false);

    private List<String> sent() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String request(String... ops) {
        return "{\"method\":\"transact\",\"params\":[\"Open_vSwitch\"," + String.join(",", ops) + "]}";
    }

    private Uuid bridge(String name, Uuid... ports) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("ports", new OvsdbSet(List.of((Object[]) ports)));
        row.put("datapath_type", "netdev");
        return replica.put("Bridge", row);
    }

    private Uuid port(String name) {
        Uuid iface = replica.put("Interface", Map.of("name", name, "external_ids", OvsdbMap.EMPTY));
        return replica.put("Port", Map.of("name", name, "interfaces", new OvsdbSet(List.of(iface))));
    }

    private static PortRequest isolatedPort(String bridge, String port) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("iface-id", "f0e1");
        ids.put("attached-mac", "fa:16:3e:00:00:01");
        return PortRequest.builder(bridge, port).datapathType("netdev").isolated(true).mtuRequest(1450)
                .externalIds(ids).build();
    }

    @Test
    @DisplayName("connects on first use, not before, and closes what it opened")
    void lazy() {
        assertThat(opened).hasValue(0);
        ovsdb.portExists("tap0");
        ovsdb.portExists("tap1");
        assertThat(opened).hasValue(1);
        ovsdb.close();
        assertThatThrownBy(() -> ovsdb.portExists("tap0")).hasMessageContaining("closed");
    }

    @Nested
    @DisplayName("plugs a new isolated port")
    class NewPort {
        @Test
        @DisplayName("on a new bridge: one transact inserting bridge, port and interface whole, tag 4095 included")
        void newBridge() {
            isolatedPort("br-int", "tap0").commit(ovsdb);

            assertThat(sent()).containsExactly(request(
                    "{\"op\":\"insert\",\"table\":\"Interface\",\"row\":{\"name\":\"br-int\",\"type\":\"internal\"},"
                            + "\"uuid-name\":\"row1\"}",
                    "{\"op\":\"insert\",\"table\":\"Port\",\"row\":{\"name\":\"br-int\",\"interfaces\":"
                            + "[\"set\",[[\"named-uuid\",\"row1\"]]]},\"uuid-name\":\"row2\"}",
                    "{\"op\":\"insert\",\"table\":\"Bridge\",\"row\":{\"name\":\"br-int\",\"ports\":[\"set\","
                            + "[[\"named-uuid\",\"row2\"],[\"named-uuid\",\"row5\"]]],\"datapath_type\":\"netdev\"},"
                            + "\"uuid-name\":\"row3\"}",
                    "{\"op\":\"insert\",\"table\":\"Interface\",\"row\":{\"name\":\"tap0\",\"external_ids\":[\"map\","
                            + "[[\"iface-id\",\"f0e1\"],[\"attached-mac\",\"fa:16:3e:00:00:01\"]]],\"mtu_request\":1450},"
                            + "\"uuid-name\":\"row4\"}",
                    "{\"op\":\"insert\",\"table\":\"Port\",\"row\":{\"name\":\"tap0\",\"interfaces\":"
                            + "[\"set\",[[\"named-uuid\",\"row4\"]]],\"tag\":4095,\"vlan_mode\":\"trunk\",\"trunks\":[\"set\",[4095]]},"
                            + "\"uuid-name\":\"row5\"}",
                    "{\"op\":\"mutate\",\"table\":\"Open_vSwitch\",\"where\":[],\"mutations\":[[\"bridges\","
                            + "\"insert\",[\"set\",[[\"named-uuid\",\"row3\"]]]]]}",
                    NEXT_CFG));
        }

        @Test
        @DisplayName("on an existing bridge: the bridge is guarded by a wait and gets the port by mutation")
        void existingBridge() {
            Uuid br = bridge("br-int");

            isolatedPort("br-int", "tap0").commit(ovsdb);

            assertThat(sent()).containsExactly(request(
                    "{\"op\":\"wait\",\"table\":\"Bridge\",\"timeout\":0,\"where\":[[\"_uuid\",\"==\",[\"uuid\",\"" + br.value()
                            + "\"]]],\"columns\":[\"name\"],\"until\":\"==\",\"rows\":[{\"name\":\"br-int\"}]}",
                    "{\"op\":\"insert\",\"table\":\"Interface\",\"row\":{\"name\":\"tap0\",\"external_ids\":[\"map\","
                            + "[[\"iface-id\",\"f0e1\"],[\"attached-mac\",\"fa:16:3e:00:00:01\"]]],\"mtu_request\":1450},"
                            + "\"uuid-name\":\"row1\"}",
                    "{\"op\":\"insert\",\"table\":\"Port\",\"row\":{\"name\":\"tap0\",\"interfaces\":"
                            + "[\"set\",[[\"named-uuid\",\"row1\"]]],\"tag\":4095,\"vlan_mode\":\"trunk\",\"trunks\":[\"set\",[4095]]},"
                            + "\"uuid-name\":\"row2\"}",
                    "{\"op\":\"mutate\",\"table\":\"Bridge\",\"where\":[[\"_uuid\",\"==\",[\"uuid\",\"" + br.value()
                            + "\"]]],\"mutations\":[[\"ports\",\"insert\",[\"set\",[[\"named-uuid\",\"row2\"]]]]]}",
                    NEXT_CFG));
        }
    }

    @Nested
    @DisplayName("re-plugs a port that exists")
    class Replug {
        @Test
        @DisplayName("refuses the isolating add-port before sending, then commits without isolation, keeping other keys")
        void replug() {
            Uuid tap = port("tap0");
            Uuid br = bridge("br-int", tap);
            Uuid iface = replica.find("Interface", "name", "tap0").get(0).uuid();

            isolatedPort("br-int", "tap0").commit(ovsdb);

            assertThat(sent()).containsExactly(request(
                    "{\"op\":\"wait\",\"table\":\"Port\",\"timeout\":0,\"where\":[[\"_uuid\",\"==\",[\"uuid\",\"" + tap.value()
                            + "\"]]],\"columns\":[\"name\"],\"until\":\"==\",\"rows\":[{\"name\":\"tap0\"}]}",
                    "{\"op\":\"wait\",\"table\":\"Interface\",\"timeout\":0,\"where\":[[\"_uuid\",\"==\",[\"uuid\",\""
                            + iface.value() + "\"]]],\"columns\":[\"name\"],\"until\":\"==\",\"rows\":[{\"name\":"
                            + "\"tap0\"}]}",
                    "{\"op\":\"update\",\"table\":\"Interface\",\"where\":[[\"_uuid\",\"==\",[\"uuid\",\""
                            + iface.value() + "\"]]],\"row\":{\"mtu_request\":1450}}",
                    "{\"op\":\"mutate\",\"table\":\"Interface\",\"where\":[[\"_uuid\",\"==\",[\"uuid\",\""
                            + iface.value() + "\"]]],\"mutations\":[[\"external_ids\",\"delete\",[\"set\",[\"iface-id\","
                            + "\"attached-mac\"]]],[\"external_ids\",\"insert\",[\"map\",[[\"iface-id\",\"f0e1\"],"
                            + "[\"attached-mac\",\"fa:16:3e:00:00:01\"]]]]]}",
                    NEXT_CFG));
            assertThat(br).isNotNull();
        }

        @Test
        @DisplayName("a plain add-port of an existing port is refused with ovs-vsctl's words, and nothing is sent")
        void addExisting() {
            bridge("br-int", port("tap0"));

            assertThatThrownBy(() -> ovsdb.transaction().addPort("br-int", "tap0", false).commit())
                    .isInstanceOfSatisfying(NativeCommandException.class, e -> {
                        assertThat(e.reason()).isEqualTo(NativeCommandException.Reason.PORT_EXISTS);
                        assertThat(OvsdbErrors.portAlreadyExists(e, "tap0")).isTrue();
                        assertThat(OvsdbErrors.portAlreadyExists(e, "tap1")).isFalse();
                    })
                    .hasMessage("cannot create a port named tap0 because a port named tap0 already exists on bridge "
                            + "br-int");
            assertThat(sent()).isEmpty();
        }

        @Test
        @DisplayName("--may-exist add-port of a port on another bridge is refused, naming that bridge")
        void otherBridge() {
            bridge("br-other", port("tap0"));
            bridge("br-int");

            assertThatThrownBy(() -> ovsdb.transaction().addPort("br-int", "tap0", true).commit())
                    .hasMessageContaining("attached to bridge br-other");
            assertThat(sent()).isEmpty();
        }

        @Test
        @DisplayName("a transaction that would change nothing is not sent")
        void nothingToDo() {
            bridge("br-int", port("tap0"));

            ovsdb.transaction().addBridge("br-int", true, "netdev").addPort("br-int", "tap0", true).commit();

            assertThat(sent()).isEmpty();
        }
    }

    @Nested
    @DisplayName("unplugs")
    class Unplug {
        @Test
        @DisplayName("removes the port from its bridge by mutation; the rows go by garbage collection")
        void deletePort() {
            Uuid tap = port("tap0");
            Uuid br = bridge("br-int", tap);

            ovsdb.transaction().deletePort("br-int", "tap0", true).commit();

            assertThat(sent()).containsExactly(request(
                    "{\"op\":\"mutate\",\"table\":\"Bridge\",\"where\":[[\"_uuid\",\"==\",[\"uuid\",\"" + br.value()
                            + "\"]]],\"mutations\":[[\"ports\",\"delete\",[\"set\",[[\"uuid\",\"" + tap.value() + "\"]]]]]}",
                    NEXT_CFG));
        }

        @Test
        @DisplayName("--if-exists del-port of a missing port sends nothing")
        void missingPort() {
            bridge("br-int");

            ovsdb.transaction().deletePort("br-int", "tap0", true).commit();

            assertThat(sent()).isEmpty();
        }

        @Test
        @DisplayName("del-port of an existing port on a bridge that does not exist is refused, as ovs-vsctl does")
        void missingBridge() {
            bridge("br-int", port("tap0"));

            assertThatThrownBy(() -> ovsdb.transaction().deletePort("br-gone", "tap0", true).commit())
                    .isInstanceOf(NativeCommandException.class).hasMessage("no bridge named br-gone");
            assertThatThrownBy(() -> ovsdb.transaction().deletePort("br-gone", "tap1", false).commit())
                    .isInstanceOf(NativeCommandException.class).hasMessage("no port named tap1");
        }

        @Test
        @DisplayName("--if-exists del-port of a missing port on a missing bridge sends nothing, as ovs-vsctl does")
        void missingPortAndBridge() {
            ovsdb.transaction().deletePort("br-gone", "tap0", true).commit();

            assertThat(sent()).isEmpty();
        }

        @Test
        @DisplayName("del-port names the bridge that does not hold the port")
        void wrongBridge() {
            bridge("br-other", port("tap0"));
            bridge("br-int");

            assertThatThrownBy(() -> ovsdb.transaction().deletePort("br-int", "tap0", true).commit())
                    .hasMessage("bridge br-int does not have a port tap0");
        }

        @Test
        @DisplayName("destroys QoS rows by UUID and deletes a trunk bridge from Open_vSwitch.bridges")
        void destroyAndDeleteBridge() {
            Uuid qos = replica.put("QoS", Map.of("type", "linux-noop", "external_ids",
                    new OvsdbMap(Map.of("id", "tap0", "_type", "linux-noop"))));
            Uuid tbr = bridge("tbr-1234");

            ovsdb.transaction().destroy("QoS", qos.value().toString(), true).deleteBridge("tbr-1234", true)
                    .destroy("QoS", "0b6c6a53-0a37-4b8e-8a7b-64a3a6a3d3f2", true).commit();

            assertThat(sent()).containsExactly(request(
                    "{\"op\":\"delete\",\"table\":\"QoS\",\"where\":[[\"_uuid\",\"==\",[\"uuid\",\"" + qos.value()
                            + "\"]]]}",
                    "{\"op\":\"mutate\",\"table\":\"Open_vSwitch\",\"where\":[],\"mutations\":[[\"bridges\","
                            + "\"delete\",[\"set\",[[\"uuid\",\"" + tbr.value() + "\"]]]]]}",
                    NEXT_CFG));
        }
    }

    @Nested
    @DisplayName("reads")
    class Reads {
        @Test
        @DisplayName("find answers from the replica: a map condition matches rows holding those keys")
        void findQos() {
            Uuid mine = replica.put("QoS", Map.of("type", "linux-noop", "external_ids",
                    new OvsdbMap(Map.of("id", "tap0", "_type", "linux-noop", "other", "x"))));
            replica.put("QoS", Map.of("type", "linux-noop", "external_ids",
                    new OvsdbMap(Map.of("id", "tap1", "_type", "linux-noop"))));

            var rows = ovsdb.find("QoS", Map.of("external_ids", OvsdbValue.map(Map.of("id", "tap0",
                    "_type", "linux-noop"))), List.of("_uuid"));

            assertThat(rows).containsExactly(Map.of("_uuid", OvsdbValue.uuid(mine.value().toString())));
            assertThat(sent()).isEmpty();
        }

        @Test
        @DisplayName("get reads a replicated column by name; a set of one comes back as that member, as with "
                + "ovs-vsctl")
        void get() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", "tap0");
            row.put("ofport", new OvsdbSet(List.of(7L)));
            replica.put("Interface", row);
            bridge("br-int", port("tap9"));

            assertThat(ovsdb.get("Interface", "tap0", "ofport")).contains(OvsdbValue.of(7));
            assertThat(ovsdb.get("Interface", "tap1", "ofport")).isEmpty();
            assertThat(ovsdb.portExists("tap9")).isTrue();
            assertThat(ovsdb.bridgeExists("br-int")).isTrue();
            assertThat(ovsdb.bridgeExists("br-x")).isFalse();
            assertThat(sent()).as("answered from the replica").isEmpty();
        }

        @Test
        @DisplayName("a column the replica does not hold is read with one select")
        void select() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", "tap0");
            row.put("interfaces", OvsdbSet.EMPTY);
            row.put("trunks", new OvsdbSet(List.of(4095L)));
            bridge("br-int", replica.put("Port", row));

            assertThat(ovsdb.get("Port", "tap0", "trunks")).contains(OvsdbValue.of(4095));
            assertThat(sent()).containsExactly(request("{\"op\":\"select\",\"table\":\"Port\",\"where\":"
                    + "[[\"name\",\"==\",\"tap0\"]],\"columns\":[\"_uuid\",\"trunks\"]}"));
        }
    }

    @Test
    @DisplayName("a change ovs-vswitchd does not apply in time fails, saying the transaction committed")
    void vswitchdTimeout() {
        InMemoryReplica stale = InMemoryReplica.withOpenVswitchRow(OvsdbSession.DATABASE, 0);
        DryRunSession behind = new DryRunSession(new PrintStream(printed, true, StandardCharsets.UTF_8), stale);
        NativeOvsdb waiting = new NativeOvsdb(() -> behind, Duration.ofSeconds(1), false);

        assertThatThrownBy(() -> waiting.transaction().addBridge("br-x", true, "netdev").commit())
                .isInstanceOf(OvsdbTimeoutException.class)
                .hasMessageContaining("ovs-vswitchd")
                .hasMessageContaining("committed");
        assertThat(sent()).hasSize(1);
    }

    @Test
    @DisplayName("with noWait, the transaction has no next_cfg operations")
    void noWait() {
        NativeOvsdb quick = new NativeOvsdb(() -> session, Duration.ofSeconds(1), true);

        quick.transaction().addBridge("br-x", true, null).commit();

        assertThat(sent()).singleElement().asString().doesNotContain("next_cfg");
    }
}
