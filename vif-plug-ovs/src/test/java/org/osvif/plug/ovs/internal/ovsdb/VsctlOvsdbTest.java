package org.osvif.plug.ovs.internal.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandTimeoutException;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

@ExtendWith(RecordingCommandRunnerExtension.class)
class VsctlOvsdbTest {
    private static final String CONNECTION = "tcp:127.0.0.1:6640";
    private static final List<String> PREFIX =
            List.of("ovs-vsctl", "--timeout=120", "--oneline", "--format=json", "--db=" + CONNECTION);
    private static final String IFACE_ID = "5d8b9a4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    private static final String MAC = "fa:16:3e:11:22:33";
    private static final String VM_UUID = "7f3c2a1b-0000-4000-8000-000000000001";
    private static final String QOS_UUID = "af23f8c2-8f6e-44d5-ae40-f005b60e1f8e";
    private static final String PORT_UUID = "1adc9a08-cf7e-4b4f-ba63-63a4c80decdd";

    private static VsctlOvsdb ovsdb(RecordingCommandRunner runner) {
        return new VsctlOvsdb(runner, CONNECTION, Duration.ofSeconds(120));
    }

    private static List<String> argv(String... rest) {
        List<String> argv = new ArrayList<>(PREFIX);
        argv.addAll(List.of(rest));
        return argv;
    }

    private static Map<String, String> externalIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("iface-id", IFACE_ID);
        ids.put("iface-status", "active");
        ids.put("attached-mac", MAC);
        ids.put("vm-uuid", VM_UUID);
        return ids;
    }

    @Nested
    @DisplayName("a transaction")
    class Transact {

        @Test
        @DisplayName("creates an isolated port in one ovs-vsctl run, as upstream's create_ovs_vif_port")
        void isolatedPortCreation(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            Map<String, OvsdbValue> port = new LinkedHashMap<>();
            port.put("tag", OvsdbValue.of(4095));
            port.put("vlan_mode", OvsdbValue.of("trunk"));
            port.put("trunks", OvsdbValue.set(List.of(OvsdbValue.of(4095))));
            Map<String, OvsdbValue> iface = new LinkedHashMap<>();
            iface.put("external_ids", OvsdbValue.map(externalIds()));
            iface.put("type", OvsdbValue.of("dpdkvhostuserclient"));
            iface.put("options", OvsdbValue.map(Map.of("vhost-server-path", "/var/run/openvswitch/vhu5d8b9a4e-1a")));
            iface.put("mtu_request", OvsdbValue.of(9000));

            ovsdb(runner).transaction()
                    .addBridge("br-int", true, "netdev")
                    .addPort("br-int", "vhu5d8b9a4e-1a", true)
                    .set("Port", "vhu5d8b9a4e-1a", port)
                    .set("Interface", "vhu5d8b9a4e-1a", iface)
                    .commit();

            Command command = runner.takeCommand();
            assertThat(command.argv()).containsExactlyElementsOf(argv(
                    "--", "--may-exist", "add-br", "br-int",
                    "--", "set", "Bridge", "br-int", "datapath_type=netdev",
                    "--", "--may-exist", "add-port", "br-int", "vhu5d8b9a4e-1a",
                    "--", "set", "Port", "vhu5d8b9a4e-1a", "tag=4095", "vlan_mode=trunk", "trunks=[4095]",
                    "--", "set", "Interface", "vhu5d8b9a4e-1a",
                    "external_ids:iface-id=\"" + IFACE_ID + "\"",
                    "external_ids:iface-status=active",
                    "external_ids:attached-mac=\"" + MAC + "\"",
                    "external_ids:vm-uuid=\"" + VM_UUID + "\"",
                    "type=dpdkvhostuserclient",
                    "options:vhost-server-path=\"/var/run/openvswitch/vhu5d8b9a4e-1a\"",
                    "mtu_request=9000"));
            assertThat(command.privileged()).isTrue();
            assertThat(command.timeout()).isEqualTo(Duration.ofSeconds(125));
            assertThat(command.exitCodes()).containsExactly(0);
            runner.assertNoMoreCommands();
        }

        @Test
        @DisplayName("creates a QoS row and points the port at it with @name")
        void qosCreateAndReference(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            Map<String, String> qosIds = new LinkedHashMap<>();
            qosIds.put("id", "2c3b9e52-0b1d-5a3f-9c43-6d5a0a3b8f10");
            qosIds.put("_type", "linux-noop");
            Map<String, OvsdbValue> qos = new LinkedHashMap<>();
            qos.put("type", OvsdbValue.of("linux-noop"));
            qos.put("external_ids", OvsdbValue.map(qosIds));

            ovsdb(runner).transaction()
                    .create("QoS", "qos", qos)
                    .addPort("br-int", "tap0", true)
                    .set("Port", "tap0", Map.of("qos", OvsdbValue.ref("qos")))
                    .commit();

            runner.takeCommand(argv(
                    "--", "--id=@qos", "create", "QoS", "type=linux-noop",
                    "external_ids={id=\"2c3b9e52-0b1d-5a3f-9c43-6d5a0a3b8f10\",_type=linux-noop}",
                    "--", "--may-exist", "add-port", "br-int", "tap0",
                    "--", "set", "Port", "tap0", "qos=@qos").toArray(String[]::new));
        }

        @Test
        @DisplayName("points at an existing row by its UUID")
        void existingRowByUuid(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            ovsdb(runner).transaction().set("Port", "tap0", Map.of("qos", OvsdbValue.uuid(QOS_UUID))).commit();
            runner.takeCommand(argv("--", "set", "Port", "tap0", "qos=" + QOS_UUID).toArray(String[]::new));
        }

        @Test
        @DisplayName("deletes with --if-exists, as upstream's delete_ovs_vif_port and delete_qos_if_exists")
        void deletesIfExists(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            ovsdb(runner).transaction()
                    .deletePort("br-int", "tap0", true)
                    .deletePort(null, "tap1", true)
                    .destroy("QoS", QOS_UUID, true)
                    .deleteBridge("tbr-1234", true)
                    .commit();
            runner.takeCommand(argv(
                    "--", "--if-exists", "del-port", "br-int", "tap0",
                    "--", "--if-exists", "del-port", "tap1",
                    "--", "--if-exists", "destroy", "QoS", QOS_UUID,
                    "--", "--if-exists", "del-br", "tbr-1234").toArray(String[]::new));
        }

        @Test
        @DisplayName("deletes without --if-exists when asked")
        void deletesStrictly(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            ovsdb(runner).transaction()
                    .deletePort("br-int", "tap0", false)
                    .deletePort(null, "tap1", false)
                    .destroy("QoS", QOS_UUID, false)
                    .deleteBridge("br1", false)
                    .commit();
            runner.takeCommand(argv(
                    "--", "del-port", "br-int", "tap0",
                    "--", "del-port", "tap1",
                    "--", "destroy", "QoS", QOS_UUID,
                    "--", "del-br", "br1").toArray(String[]::new));
        }

        @Test
        @DisplayName("adds bridges and ports without --may-exist when asked, with no datapath type when none")
        void addsStrictly(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            ovsdb(runner).transaction()
                    .addBridge("br0", false, null)
                    .addBridge("br1", true, "")
                    .addPort("br0", "p0", false)
                    .commit();
            runner.takeCommand(argv(
                    "--", "add-br", "br0",
                    "--", "--may-exist", "add-br", "br1",
                    "--", "add-port", "br0", "p0").toArray(String[]::new));
        }

        @Test
        @DisplayName("clears columns and empties optional ones with []")
        void clearAndEmptySet(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            Map<String, OvsdbValue> untag = new LinkedHashMap<>();
            untag.put("tag", OvsdbValue.EMPTY);
            untag.put("trunks", OvsdbValue.EMPTY);
            ovsdb(runner).transaction()
                    .clear("Port", "tap0", "qos", "other_config")
                    .set("Port", "tap0", untag)
                    .commit();
            runner.takeCommand(argv(
                    "--", "clear", "Port", "tap0", "qos", "other_config",
                    "--", "set", "Port", "tap0", "tag=[]", "trunks=[]").toArray(String[]::new));
        }

        @Test
        @DisplayName("writes every value kind in a set command")
        void everyValueKind(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            Map<String, OvsdbValue> columns = new LinkedHashMap<>();
            columns.put("other_config", OvsdbValue.map(Map.of("stp-enable", "true")));
            columns.put("stp_enable", OvsdbValue.of(false));
            columns.put("flood_vlans", OvsdbValue.set(List.of(OvsdbValue.of(1), OvsdbValue.of(2))));
            columns.put("datapath_type", OvsdbValue.of("netdev"));
            columns.put("fail_mode", OvsdbValue.of("secure"));
            columns.put("external_ids", OvsdbValue.map(Map.of("note", "a \"quoted\", {odd}=value\\")));
            ovsdb(runner).transaction().set("Bridge", "br0", columns).commit();
            runner.takeCommand(argv("--", "set", "Bridge", "br0",
                    "other_config:stp-enable=true",
                    "stp_enable=false",
                    "flood_vlans=[1,2]",
                    "datapath_type=netdev",
                    "fail_mode=secure",
                    "external_ids:note=\"a \\\"quoted\\\", {odd}=value\\\\\"").toArray(String[]::new));
        }

        @Test
        @DisplayName("creates a row with no columns, and with an empty map")
        void createMinimal(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            ovsdb(runner).transaction()
                    .create("QoS", "q1", Map.of())
                    .create("Queue", "q2", Map.of("other_config", OvsdbValue.map(Map.of())))
                    .commit();
            runner.takeCommand(argv("--", "--id=@q1", "create", "QoS",
                    "--", "--id=@q2", "create", "Queue", "other_config={}").toArray(String[]::new));
        }

        @Test
        @DisplayName("leaves out a set of empty maps only, and runs nothing for an empty transaction")
        void nothingToDo(RecordingCommandRunner runner) {
            VsctlOvsdb ovsdb = ovsdb(runner);
            ovsdb.transact(List.of());
            ovsdb.transaction().commit();
            ovsdb.transaction().set("Interface", "tap0", Map.of("external_ids", OvsdbValue.map(Map.of()))).commit();
            assertThat(runner.commandCount()).isZero();

            runner.dispatch(RecordingCommandRunner.ok());
            ovsdb.transaction()
                    .set("Interface", "tap0", Map.of("external_ids", OvsdbValue.map(Map.of())))
                    .addPort("br0", "tap0", true)
                    .commit();
            runner.takeCommand(argv("--", "--may-exist", "add-port", "br0", "tap0").toArray(String[]::new));
        }

        @Test
        @DisplayName("gives names to ovs-vsctl verbatim")
        void namesVerbatim(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            ovsdb(runner).transaction()
                    .addPort("br0", "-x", true)
                    .set("Interface", "a,b c", Map.of("external_ids", OvsdbValue.map(Map.of("x", "y"))))
                    .set("Open_vSwitch", ".", Map.of("external_ids", OvsdbValue.map(Map.of("k", "v"))))
                    .commit();
            runner.takeCommand(argv(
                    "--", "--may-exist", "add-port", "br0", "-x",
                    "--", "set", "Interface", "a,b c", "external_ids:x=y",
                    "--", "set", "Open_vSwitch", ".", "external_ids:k=v").toArray(String[]::new));
        }

        @Test
        @DisplayName("refuses a bad name before running anything")
        void badInputRunsNothing(RecordingCommandRunner runner) {
            VsctlOvsdb ovsdb = ovsdb(runner);
            assertThatThrownBy(() -> ovsdb.transaction().addPort("br0", "tap0", true).addPort("br0", "--", true)
                    .commit()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port name");
            assertThatThrownBy(() -> ovsdb.transaction().set("Port", "tap0", Map.of("tag=1 x", OvsdbValue.of(1)))
                    .commit()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column name");
            assertThatThrownBy(() -> ovsdb.transaction().set("Port; rm", "tap0", Map.of("tag", OvsdbValue.of(1)))
                    .commit()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table name");
            assertThatThrownBy(() -> ovsdb.transaction()
                    .set("Interface", "tap0", Map.of("external_ids", OvsdbValue.map(Map.of("k", "a\0b")))).commit())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
            assertThat(runner.commandCount()).isZero();
        }
    }

    @Nested
    @DisplayName("options")
    class Options {

        @Test
        @DisplayName("timeout 0 waits forever: no --timeout and no practical process timeout")
        void timeoutZero(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            VsctlOvsdb ovsdb = new VsctlOvsdb(runner, CONNECTION, Duration.ZERO);
            ovsdb.transaction().addBridge("br0", true, null).commit();
            Command command = runner.takeCommand("ovs-vsctl", "--oneline", "--format=json", "--db=" + CONNECTION,
                    "--", "--may-exist", "add-br", "br0");
            assertThat(command.timeout()).isEqualTo(VsctlOvsdb.NO_PROCESS_TIMEOUT).isGreaterThan(Duration.ofDays(365));
            assertThat(ovsdb.processTimeout()).isEqualTo(VsctlOvsdb.NO_PROCESS_TIMEOUT);
        }

        @Test
        @DisplayName("a fraction of a second rounds up, so it never turns into 0 (forever)")
        void subSecondTimeouts(RecordingCommandRunner runner) {
            assertThat(new VsctlOvsdb(runner, CONNECTION, Duration.ofMillis(1)).options()).first()
                    .isEqualTo("--timeout=1");
            VsctlOvsdb ovsdb = new VsctlOvsdb(runner, CONNECTION, Duration.ofMillis(1500));
            assertThat(ovsdb.options()).first().isEqualTo("--timeout=2");
            assertThat(ovsdb.processTimeout()).isEqualTo(Duration.ofSeconds(7));
        }

        @Test
        void negativeTimeoutIsRefused(RecordingCommandRunner runner) {
            assertThatThrownBy(() -> new VsctlOvsdb(runner, CONNECTION, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ovs_vsctl_timeout");
        }

        @Test
        @DisplayName("--no-wait follows --db when asked for")
        void noWait(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            VsctlOvsdb ovsdb = new VsctlOvsdb(runner, "unix:/tmp/x/db.sock", Duration.ofSeconds(10), true);
            assertThat(ovsdb.noWait()).isTrue();
            ovsdb.transaction().addBridge("br0", true, null).commit();
            runner.takeCommand("ovs-vsctl", "--timeout=10", "--oneline", "--format=json", "--db=unix:/tmp/x/db.sock",
                    "--no-wait", "--", "--may-exist", "add-br", "br0");
            assertThat(new VsctlOvsdb(runner, CONNECTION, Duration.ofSeconds(10)).noWait()).isFalse();
        }

        @Test
        @DisplayName("no connection means ovs-vsctl's default database, as upstream with an empty option")
        void defaultDatabase(RecordingCommandRunner runner) {
            assertThat(new VsctlOvsdb(runner, null, Duration.ofSeconds(5)).options())
                    .containsExactly("--timeout=5", "--oneline", "--format=json");
            VsctlOvsdb empty = new VsctlOvsdb(runner, "", Duration.ofSeconds(5));
            assertThat(empty.options()).containsExactly("--timeout=5", "--oneline", "--format=json");
            assertThat(empty.connection()).isEmpty();
        }

        @Test
        @DisplayName("refuses a connection of another form, naming it")
        void badConnection(RecordingCommandRunner runner) {
            assertThatThrownBy(() -> new VsctlOvsdb(runner, "ptcp:6640:127.0.0.1", Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid ovsdb_connection 'ptcp:6640:127.0.0.1'");
            assertThatThrownBy(() -> new VsctlOvsdb(runner, "127.0.0.1:6640", Duration.ofSeconds(5)))
                    .hasMessageStartingWith("Invalid ovsdb_connection '127.0.0.1:6640'");
        }

        @Test
        void describesItself(RecordingCommandRunner runner) {
            assertThat(new VsctlOvsdb(runner, CONNECTION, Duration.ofSeconds(120), true))
                    .hasToString("VsctlOvsdb[connection=tcp:127.0.0.1:6640, timeout=120s, no-wait]");
            assertThat(new VsctlOvsdb(runner, null, Duration.ZERO))
                    .hasToString("VsctlOvsdb[connection=(ovs-vsctl default), timeout=0s]");
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {

        @Test
        @DisplayName("a failed run throws with the full argv, the exit code and ovs-vsctl's stderr")
        void failurePropagates(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.fail(1, "ovs-vsctl: no bridge named br-missing\n"));
            VsctlOvsdb ovsdb = ovsdb(runner);
            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> ovsdb.transaction().addPort("br-missing", "tap0", true).commit());
            List<String> expected = argv("--", "--may-exist", "add-port", "br-missing", "tap0");
            assertThat(e.command().argv()).isEqualTo(expected);
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.stderr()).isEqualTo("ovs-vsctl: no bridge named br-missing\n");
            assertThat(e).hasMessage("Command " + String.join(" ", expected)
                    + " exited with code 1: ovs-vsctl: no bridge named br-missing");
        }

        @Test
        @DisplayName("a run past the process timeout throws CommandTimeoutException")
        void timeoutPropagates(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.timeout());
            CommandTimeoutException e = catchThrowableOfType(CommandTimeoutException.class,
                    () -> ovsdb(runner).transaction().addBridge("br0", true, null).commit());
            assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(125));
        }

        @Test
        @DisplayName("a missing ovs-vsctl throws as the runner reports it")
        void notStarted(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.notStarted());
            assertThatThrownBy(() -> ovsdb(runner).bridgeExists("br0"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("could not be started");
        }

        @Test
        @DisplayName("output that is not ovs-vsctl's JSON table throws, naming the command")
        void unparsableOutput(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.ok("tag : 4095\n"));
            assertThatThrownBy(() -> ovsdb(runner).get("Port", "tap0", "tag"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Could not parse the output of ovs-vsctl --timeout=120 --oneline "
                            + "--format=json --db=tcp:127.0.0.1:6640 -- --if-exists --columns=tag list Port tap0: ")
                    .hasMessageContaining("tag : 4095");
        }
    }

    @Nested
    @DisplayName("reads")
    class Reads {

        @Test
        @DisplayName("get lists one column of one record, --if-exists")
        void get(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.ok("{\"data\":[[4095]],\"headings\":[\"tag\"]}\n"));
            assertThat(ovsdb(runner).get("Port", "tap0", "tag")).contains(OvsdbValue.of(4095));
            Command command = runner.takeCommand(argv("--", "--if-exists", "--columns=tag", "list", "Port", "tap0")
                    .toArray(String[]::new));
            assertThat(command.exitCodes()).containsExactly(0);
            assertThat(command.timeout()).isEqualTo(Duration.ofSeconds(125));
        }

        @Test
        @DisplayName("get of a missing record is empty")
        void getMissing(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.ok("{\"data\":[],\"headings\":[\"tag\"]}\n"));
            assertThat(ovsdb(runner).get("Port", "nosuch", "tag")).isEmpty();
        }

        @Test
        @DisplayName("get decodes maps and empty sets")
        void getMapAndEmpty(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.ok("{\"data\":[[[\"map\",[[\"attached-mac\",\"" + MAC
                    + "\"],[\"iface-id\",\"" + IFACE_ID + "\"]]]]],\"headings\":[\"external_ids\"]}\n"));
            runner.enqueue(RecordingCommandRunner.ok("{\"data\":[[[\"set\",[]]]],\"headings\":[\"tag\"]}\n"));
            VsctlOvsdb ovsdb = ovsdb(runner);
            assertThat(ovsdb.get("Interface", "tap0", "external_ids"))
                    .contains(OvsdbValue.map(Map.of("attached-mac", MAC, "iface-id", IFACE_ID)));
            assertThat(ovsdb.get("Port", "tap0", "tag")).contains(OvsdbValue.EMPTY);
        }

        @Test
        @DisplayName("get of an unknown column fails as ovs-vsctl says")
        void getUnknownColumn(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.fail(1,
                    "ovs-vsctl: Interface does not contain a column whose name matches \"tag\"\n"));
            assertThatThrownBy(() -> ovsdb(runner).get("Interface", "tap0", "tag"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("does not contain a column whose name matches \"tag\"");
        }

        @Test
        @DisplayName("get refuses bad names before running anything")
        void getBadNames(RecordingCommandRunner runner) {
            VsctlOvsdb ovsdb = ovsdb(runner);
            assertThatThrownBy(() -> ovsdb.get("Port", "tap0", "tag,name")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ovsdb.get("Port", "--", "tag")).isInstanceOf(IllegalArgumentException.class);
            assertThat(runner.commandCount()).isZero();
        }

        @Test
        @DisplayName("find asks for _uuid and the columns, with map conditions by key")
        void find(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.ok("{\"data\":[[[\"uuid\",\"" + QOS_UUID + "\"],\"linux-noop\"]],"
                    + "\"headings\":[\"_uuid\",\"type\"]}\n"));
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put("id", "2c3b9e52-0b1d-5a3f-9c43-6d5a0a3b8f10");
            ids.put("_type", "linux-noop");
            List<Map<String, OvsdbValue>> rows = ovsdb(runner).find("QoS",
                    Map.of("external_ids", OvsdbValue.map(ids)), List.of("type"));
            runner.takeCommand(argv("--", "--columns=_uuid,type", "find", "QoS",
                    "external_ids:id=\"2c3b9e52-0b1d-5a3f-9c43-6d5a0a3b8f10\"", "external_ids:_type=linux-noop")
                    .toArray(String[]::new));
            assertThat(rows).containsExactly(Map.of("_uuid", OvsdbValue.uuid(QOS_UUID), "type",
                    OvsdbValue.of("linux-noop")));
        }

        @Test
        @DisplayName("find names _uuid once, all columns when none are given, and quotes condition values")
        void findColumnsAndConditions(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok("{\"data\":[],\"headings\":[\"_uuid\",\"name\"]}\n"));
            VsctlOvsdb ovsdb = ovsdb(runner);
            Map<String, OvsdbValue> conditions = new LinkedHashMap<>();
            conditions.put("name", OvsdbValue.of("a,b c"));
            conditions.put("tag", OvsdbValue.EMPTY);
            assertThat(ovsdb.find("Port", conditions, List.of("name", "_uuid"))).isEmpty();
            runner.takeCommand(argv("--", "--columns=_uuid,name", "find", "Port", "name=\"a,b c\"", "tag=[]")
                    .toArray(String[]::new));
            ovsdb.find("Bridge", Map.of(), List.of());
            runner.takeCommand(argv("--", "find", "Bridge").toArray(String[]::new));
        }

        @Test
        @DisplayName("bridgeExists runs br-exists and accepts exit codes 0 (yes) and 2 (no)")
        void bridgeExists(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.ok());
            runner.enqueue(RecordingCommandRunner.fail(2, ""));
            VsctlOvsdb ovsdb = ovsdb(runner);
            assertThat(ovsdb.bridgeExists("br-int")).isTrue();
            assertThat(ovsdb.bridgeExists("br-missing")).isFalse();
            Command yes = runner.takeCommand(argv("--", "br-exists", "br-int").toArray(String[]::new));
            assertThat(yes.exitCodes()).isEqualTo(Set.of(0, 2));
            runner.takeCommand(argv("--", "br-exists", "br-missing").toArray(String[]::new));
        }

        @Test
        @DisplayName("bridgeExists fails on any other exit code")
        void bridgeExistsFailure(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.fail(1,
                    "ovs-vsctl: unix:/nosuch.sock: database connection failed (No such file or directory)\n"));
            assertThatThrownBy(() -> ovsdb(runner).bridgeExists("br0"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("database connection failed");
        }

        @Test
        @DisplayName("portExists finds the Port row by name")
        void portExists(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.ok("{\"data\":[[[\"uuid\",\"" + PORT_UUID + "\"]]],"
                    + "\"headings\":[\"_uuid\"]}\n"));
            runner.enqueue(RecordingCommandRunner.ok("{\"data\":[],\"headings\":[\"_uuid\"]}\n"));
            VsctlOvsdb ovsdb = ovsdb(runner);
            assertThat(ovsdb.portExists("tap0")).isTrue();
            assertThat(ovsdb.portExists("qvo:1")).isFalse();
            runner.takeCommand(argv("--", "--columns=_uuid", "find", "Port", "name=tap0").toArray(String[]::new));
            runner.takeCommand(argv("--", "--columns=_uuid", "find", "Port", "name=\"qvo:1\"")
                    .toArray(String[]::new));
        }
    }

    @Test
    @DisplayName("is safe to share between threads")
    void threadSafe(RecordingCommandRunner runner) throws Exception {
        runner.dispatch(RecordingCommandRunner.ok());
        VsctlOvsdb ovsdb = ovsdb(runner);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String port = "tap" + i;
                futures.add(pool.submit(() -> ovsdb.transaction().addPort("br-int", port, true)
                        .set("Port", port, Map.of("tag", OvsdbValue.of(4095))).commit()));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runner.argvs()).hasSize(200).allSatisfy(argv -> {
            String port = argv.get(PREFIX.size() + 4);
            assertThat(argv).isEqualTo(argv("--", "--may-exist", "add-port", "br-int", port,
                    "--", "set", "Port", port, "tag=4095"));
        });
        assertThat(ovsdb.options()).isEqualTo(PREFIX.subList(1, PREFIX.size()));
    }
}
