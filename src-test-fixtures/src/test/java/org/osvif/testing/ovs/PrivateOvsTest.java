package org.osvif.testing.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.testing.junit.RequiresOvs;

/** What tests do with a sandbox; all tests share one (each uses its own bridge and port names). */
@RequiresOvs
@DisplayName("PrivateOvs")
class PrivateOvsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static PrivateOvs ovs;

    @BeforeAll
    static void sandbox(PrivateOvs sandbox) {
        ovs = sandbox;
    }

    private static Map<String, Object> row(String table, String name) {
        return ovs.rows(table).stream().filter(r -> name.equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + table + " row named " + name));
    }

    private static String internalPort(String bridge, String port, String... portSettings) {
        List<String> args = new java.util.ArrayList<>(
                List.of("add-port", bridge, port, "--", "set", "Interface", port, "type=internal"));
        if (portSettings.length > 0) {
            args.addAll(List.of("--", "set", "Port", port));
            args.addAll(List.of(portSettings));
        }
        ovs.vsctl(args.toArray(String[]::new));
        return port;
    }

    @Nested
    @DisplayName("tables and links")
    class Tables {
        @Test
        @DisplayName("a netdev bridge with an internal port: rows decoded, devices in the namespace, not on the host")
        void bridgeAndInternalPort() {
            String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-t"));
            internalPort(bridge, "tp-rows", "tag=42", "external_ids:iface-id=abc", "trunks=1,2,3");

            Map<String, Object> port = row("Port", "tp-rows");
            Map<String, Object> iface = row("Interface", "tp-rows");
            Map<String, Object> bridgeRow = row("Bridge", bridge);
            assertThat(port).containsEntry("tag", 42L)
                    .containsEntry("external_ids", Map.of("iface-id", "abc"))
                    .containsEntry("trunks", List.of(1L, 2L, 3L))
                    .containsEntry("vlan_mode", List.of())
                    .containsEntry("interfaces", iface.get("_uuid"));
            assertThat(iface).containsEntry("type", "internal");
            assertThat(iface.get("ofport")).isInstanceOf(Long.class).matches(ofport -> (Long) ofport > 0);
            assertThat(bridgeRow).containsEntry("datapath_type", "netdev");
            assertThat(bridgeRow.get("ports")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .contains(port.get("_uuid"));

            assertThat(ovs.bridgeNames()).contains(bridge);
            assertThat(ovs.portNames()).contains(bridge, "tp-rows");
            assertThat(ovs.portNames(bridge)).containsExactly("tp-rows");
            assertThat(ovs.links()).contains("lo", "ovs-netdev", bridge, "tp-rows");
            assertThat(Leftovers.hostHasLink("tp-rows")).as("tp-rows on the host").isFalse();
            assertThat(Leftovers.hostHasLink(bridge)).as(bridge + " on the host").isFalse();
        }

        @Test
        @DisplayName("del-port removes the row and the device")
        void delPort() {
            String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-t"));
            internalPort(bridge, "tp-del");
            assertThat(ovs.links()).contains("tp-del");

            ovs.vsctl("del-port", bridge, "tp-del");

            assertThat(ovs.portNames()).doesNotContain("tp-del");
            assertThat(ovs.rows("Interface")).noneMatch(r -> "tp-del".equals(r.get("name")));
            assertThat(ovs.links()).doesNotContain("tp-del");
        }

        @Test
        @DisplayName("addBridge is idempotent and refuses names Linux would refuse")
        void addBridge() {
            String bridge = ovs.uniqueBridgeName("br-t");
            ovs.addBridge(bridge);
            ovs.addBridge(bridge);
            assertThat(ovs.bridgeNames()).containsOnlyOnce(bridge);
            assertThatThrownBy(() -> ovs.addBridge("a-name-longer-than-15")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 15");
            assertThatThrownBy(() -> ovs.addBridge("--help")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("rows refuses a table name that is not an OVSDB identifier")
        void rowsValidates() {
            assertThatThrownBy(() -> ovs.rows("--all")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("table");
            assertThat(ovs.rows("Open_vSwitch")).singleElement()
                    .satisfies(r -> assertThat(r.get("external_ids")).isEqualTo(Map.of("osvif-sandbox", ovs.namespace())));
        }

        @Test
        @DisplayName("uniqueBridgeName gives new names of at most 15 characters")
        void uniqueBridgeName() {
            String a = ovs.uniqueBridgeName("br-u");
            String b = ovs.uniqueBridgeName("br-u");
            assertThat(a).isNotEqualTo(b).startsWith("br-u").hasSizeLessThanOrEqualTo(15);
            assertThatThrownBy(() -> ovs.uniqueBridgeName("br-much-too-lon"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
            assertThatThrownBy(() -> ovs.uniqueBridgeName("br 1")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ovs.uniqueBridgeName("")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("runner()")
    class Runner {
        @Test
        @DisplayName("runs commands in the sandbox's network namespace")
        void inNamespace() throws Exception {
            String inside = ovs.runner().run(Command.of("readlink", "/proc/self/ns/net")).stdout().strip();
            String host = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            assertThat(inside).startsWith("net:[").isNotEqualTo(host);
            assertThat(ovs.runner().run(Command.of("ip", "-o", "link", "show")).stdout()).contains("ovs-netdev");
        }

        @Test
        @DisplayName("an ovs-vsctl without --db talks to the sandbox, never to the host's Open vSwitch")
        void defaultDatabaseIsTheSandbox() {
            CommandResult result = ovs.runner().run(
                    Command.of("ovs-vsctl", "--timeout=5", "get", "Open_vSwitch", ".", "external_ids:osvif-sandbox"));
            // ovs-vsctl quotes a string only when it must
            assertThat(result.stdout().strip()).isIn(ovs.namespace(), "\"" + ovs.namespace() + "\"");
            assertThat(result.command().argv()).as("the command as asked for").startsWith("ovs-vsctl");
        }

        @Test
        @DisplayName("a failure shows the full argv, ip netns exec included")
        void failure() {
            assertThatThrownBy(() -> ovs.runner().run(Command.of("false")))
                    .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(1);
                        assertThat(e.command().argv()).startsWith("ip", "netns", "exec", ovs.namespace())
                                .endsWith("false");
                    });
        }

        @Test
        @DisplayName("dbConnection is unix:DIR/db.sock and that socket exists")
        void dbConnection() {
            assertThat(ovs.dbConnection()).isEqualTo("unix:" + ovs.dir().resolve("db.sock"));
            assertThat(ovs.dir().resolve("db.sock")).exists();
            assertThat(ovs.vsctl("show")).startsWith((String) ovs.rows("Open_vSwitch").get(0).get("_uuid"));
        }
    }

    @Nested
    @DisplayName("startMonitor")
    class Monitor {
        @Test
        @DisplayName("sees a Port's insert (with tag 4095), modify and delete, in order")
        void insertModifyDelete() {
            String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-m"));
            try (PrivateOvs.Monitor ports = ovs.startMonitor("Port", "name", "tag")) {
                internalPort(bridge, "tm-1", "tag=4095");
                ovs.vsctl("set", "Port", "tm-1", "tag=7");
                ovs.vsctl("del-port", bridge, "tm-1");

                ports.awaitRows(u -> "tm-1".equals(u.get("name")) && "delete".equals(u.get("action")), WAIT);
                List<Map<String, Object>> seen = ports.updates().stream().filter(u -> "tm-1".equals(u.get("name")))
                        .toList();
                assertThat(seen).extracting(u -> u.get("action")).containsExactly("insert", "modify", "delete");
                assertThat(seen).extracting(u -> u.get("_uuid")).containsOnly(seen.get(0).get("_uuid"));
                assertThat(seen.get(0)).containsEntry("tag", 4095L);
                assertThat(seen.get(1)).containsEntry("tag", 7L).containsEntry("_old", Map.of("tag", 4095L));
                assertThat(seen.get(2)).containsEntry("tag", 7L);
                assertThat(ports.unreadableLines()).isEmpty();
            }
        }

        @Test
        @DisplayName("reports the rows present at start as initial, and ignores changes to other columns")
        void initialRows() {
            String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-m"));
            try (PrivateOvs.Monitor bridges = ovs.startMonitor("Bridge", "name", "datapath_type", "fail_mode")) {
                List<Map<String, Object>> initial = bridges.awaitRows(u -> bridge.equals(u.get("name")), WAIT);
                assertThat(initial).singleElement().satisfies(u -> assertThat(u)
                        .containsEntry("action", "initial").containsEntry("datapath_type", "netdev")
                        .containsEntry("fail_mode", List.of())
                        .containsOnlyKeys("_uuid", "action", "name", "datapath_type", "fail_mode"));

                ovs.vsctl("set", "Bridge", bridge, "external_ids:x=y");
                ovs.vsctl("set", "Bridge", bridge, "fail_mode=secure");
                List<Map<String, Object>> modified = bridges.awaitRows(
                        u -> bridge.equals(u.get("name")) && "modify".equals(u.get("action")), WAIT);
                assertThat(modified).singleElement().satisfies(u -> assertThat(u)
                        .containsEntry("fail_mode", "secure").containsEntry("_old", Map.of("fail_mode", List.of())));
            } finally {
                ovs.vsctl("del-br", bridge);
            }
        }

        @Test
        @DisplayName("awaitRows fails with what it saw when nothing matches in time")
        void awaitTimesOut() {
            try (PrivateOvs.Monitor monitor = ovs.startMonitor("Open_vSwitch", "external_ids")) {
                assertThatThrownBy(() -> monitor.awaitRows(u -> false, Duration.ofMillis(200)))
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining("No update of Open_vSwitch matched within PT0.2S")
                        .hasMessageContaining("osvif-sandbox");
            }
        }

        @Test
        @DisplayName("close stops ovsdb-client and is idempotent")
        void close() {
            PrivateOvs.Monitor monitor = ovs.startMonitor("Interface");
            assertThat(monitor.isAlive()).isTrue();
            monitor.close();
            monitor.close();
            assertThat(monitor.isAlive()).isFalse();
        }

        @Test
        @DisplayName("an unknown table or column fails to start with ovsdb-client's message")
        void unknownNames() {
            assertThatThrownBy(() -> ovs.startMonitor("NoSuchTable")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NoSuchTable");
            assertThatThrownBy(() -> ovs.startMonitor("Port", "no_such_column"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no_such_column");
        }

        @Test
        @DisplayName("names that are not OVSDB identifiers never reach ovsdb-client")
        void badNames() {
            assertThatThrownBy(() -> ovs.startMonitor("--detach")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ovs.startMonitor("Port", "name,tag")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ovs.startMonitor("Port", "--pidfile=/x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
