package org.osvif.plug.ovs.internal.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.plug.ovs.internal.PortRequest;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/**
 * The vsctl driver's spelling of the transactions the plug paths make: the argv assertions the
 * plug path tests made before they moved to the OVSDB seam, kept here, where ovs-vsctl's syntax
 * (option order, quoting of ids, paths and device arguments) is this driver's business.
 */
@ExtendWith(RecordingCommandRunnerExtension.class)
@DisplayName("The vsctl driver's argv for the plug paths' transactions")
class VsctlPlugTransactionsTest {
    private static final String CONNECTION = "tcp:127.0.0.1:6640";
    private static final String TAP = "tapa2b3c4d5-e6";
    private static final String QOS_ROW = "af23f8c2-8f6e-44d5-ae40-f005b60e1f8e";

    private static VsctlOvsdb ovsdb(RecordingCommandRunner runner) {
        return new VsctlOvsdb(runner, CONNECTION, Duration.ofSeconds(120));
    }

    private static String[] argv(String... rest) {
        List<String> argv = new ArrayList<>(List.of("ovs-vsctl", "--timeout=120", "--oneline", "--format=json",
                "--db=" + CONNECTION));
        argv.addAll(List.of(rest));
        return argv.toArray(String[]::new);
    }

    private static Map<String, String> vifIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("iface-id", "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
        ids.put("iface-status", "active");
        ids.put("attached-mac", "fa:16:3e:11:22:33");
        ids.put("vm-uuid", "7f3c2a1b-0000-4000-8000-000000000001");
        return ids;
    }

    private static PortRequest.Builder tapRequest() {
        return PortRequest.builder("br-int", TAP).datapathType("system").externalIds(vifIds()).mtuRequest(1500)
                .qosType("linux-noop");
    }

    @Test
    @DisplayName("a new port with a stale QoS row: one run, the row destroyed right before the new one is created")
    void newPortWithStaleQos(RecordingCommandRunner runner) {
        runner.dispatch(RecordingCommandRunner.ok());
        tapRequest().staleQos(List.of(QOS_ROW)).build().commit(ovsdb(runner));
        runner.takeCommand(argv(
                "--", "--may-exist", "add-br", "br-int",
                "--", "set", "Bridge", "br-int", "datapath_type=system",
                "--", "add-port", "br-int", TAP,
                "--", "--if-exists", "destroy", "QoS", QOS_ROW,
                "--", "--id=@qos", "create", "QoS", "type=linux-noop",
                "external_ids={id=d34fab25-51f9-54cf-a9b1-d4a37502f266,_type=linux-noop}",
                "--", "set", "Port", TAP, "qos=@qos",
                "--", "set", "Interface", TAP,
                "external_ids:iface-id=\"0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9\"",
                "external_ids:iface-status=active",
                "external_ids:attached-mac=\"fa:16:3e:11:22:33\"",
                "external_ids:vm-uuid=\"7f3c2a1b-0000-4000-8000-000000000001\"",
                "mtu_request=1500"));
        runner.assertNoMoreCommands();
    }

    @Test
    @DisplayName("an isolated port: tag, vlan_mode and trunks before the QoS link, in one set of the Port")
    void isolatedPort(RecordingCommandRunner runner) {
        runner.dispatch(RecordingCommandRunner.ok());
        tapRequest().isolated(true).mtuRequest(null).build().commit(ovsdb(runner));
        List<String> argv = runner.takeCommand().argv();
        assertThat(String.join(" ", argv)).contains(
                "-- set Port " + TAP + " tag=4095 vlan_mode=trunk trunks=[4095] qos=@qos -- set Interface");
        assertThat(argv).doesNotContain("mtu_request=1500");
    }

    @Test
    @DisplayName("an existing port: ovs-vsctl's refusal of the plain add-port is recognised and the re-plug runs "
            + "with --may-exist, without isolation or QoS")
    void replug(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("--", "add-port", "br-int", TAP)).thenFail(1,
                "ovs-vsctl: cannot create a port named " + TAP + " because a port named " + TAP
                        + " already exists on bridge br-int\n");
        runner.dispatch(RecordingCommandRunner.ok());
        tapRequest().isolated(true).build().commit(ovsdb(runner));
        assertThat(runner.takeCommand().argv()).contains("add-port").doesNotContain("--may-exist add-port");
        List<String> replug = new ArrayList<>(List.of(argv(
                "--", "--may-exist", "add-br", "br-int",
                "--", "set", "Bridge", "br-int", "datapath_type=system",
                "--", "--may-exist", "add-port", "br-int", TAP,
                "--", "set", "Interface", TAP)));
        replug.addAll(List.of("external_ids:iface-id=\"0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9\"",
                "external_ids:iface-status=active",
                "external_ids:attached-mac=\"fa:16:3e:11:22:33\"",
                "external_ids:vm-uuid=\"7f3c2a1b-0000-4000-8000-000000000001\"",
                "mtu_request=1500"));
        runner.takeCommand(replug.toArray(String[]::new));
        runner.assertNoMoreCommands();
    }

    @Test
    @DisplayName("a patch port: type=patch and options:peer, the integration side tagged alone")
    void patchPort(RecordingCommandRunner runner) {
        runner.dispatch(RecordingCommandRunner.ok());
        String ibp = "ibpa2b3c4d5-e6f7-4a8b-9c0d-1e2f3a4b5c6d";
        String pbp = "pbpa2b3c4d5-e6f7-4a8b-9c0d-1e2f3a4b5c6d";
        Map<String, OvsdbValue> side = new LinkedHashMap<>();
        side.put("type", OvsdbValue.of("patch"));
        side.put("options", OvsdbValue.map(Map.of("peer", pbp)));
        ovsdb(runner).transaction()
                .addPort("br-int", ibp, true)
                .set("Port", ibp, Map.of("tag", OvsdbValue.of(4095)))
                .set("Interface", ibp, side)
                .commit();
        runner.takeCommand(argv(
                "--", "--may-exist", "add-port", "br-int", ibp,
                "--", "set", "Port", ibp, "tag=4095",
                "--", "set", "Interface", ibp, "type=patch", "options:peer=" + pbp));
    }

    @Test
    @DisplayName("device arguments and socket paths are quoted: dpdk-devargs with its brackets, vhost-server-path")
    void quotedOptions(RecordingCommandRunner runner) {
        runner.dispatch(RecordingCommandRunner.ok());
        PortRequest.builder("br-int", "vfra2b3c4d5-e6").datapathType("netdev").interfaceType("dpdk")
                .option("dpdk-devargs", "0000:03:00.0,representor=[1]").build().commit(ovsdb(runner));
        PortRequest.builder("br-int", "vhua2b3c4d5-e6").interfaceType("dpdkvhostuserclient")
                .option("vhost-server-path", "/var/lib/vhost_sockets/vhua2b3c4d5-e6").build().commit(ovsdb(runner));
        runner.takeCommand(argv(
                "--", "--may-exist", "add-br", "br-int",
                "--", "set", "Bridge", "br-int", "datapath_type=netdev",
                "--", "--may-exist", "add-port", "br-int", "vfra2b3c4d5-e6",
                "--", "set", "Interface", "vfra2b3c4d5-e6", "type=dpdk",
                "options:dpdk-devargs=\"0000:03:00.0,representor=[1]\""));
        runner.takeCommand(argv(
                "--", "--may-exist", "add-port", "br-int", "vhua2b3c4d5-e6",
                "--", "set", "Interface", "vhua2b3c4d5-e6", "type=dpdkvhostuserclient",
                "options:vhost-server-path=\"/var/lib/vhost_sockets/vhua2b3c4d5-e6\""));
    }
}
