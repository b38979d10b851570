package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.IBP;
import static org.osvif.plug.ovs.internal.OvsFixtures.INSTANCE_UUID;
import static org.osvif.plug.ovs.internal.OvsFixtures.MAC;
import static org.osvif.plug.ovs.internal.OvsFixtures.PB;
import static org.osvif.plug.ovs.internal.OvsFixtures.PBP;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW_2;
import static org.osvif.plug.ovs.internal.OvsFixtures.TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.VIF_ID;
import static org.osvif.plug.ovs.internal.OvsFixtures.destroyQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.findDefaultQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.findPort;
import static org.osvif.plug.ovs.internal.OvsFixtures.findQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.deviceExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.ip;
import static org.osvif.plug.ovs.internal.OvsFixtures.network;
import static org.osvif.plug.ovs.internal.OvsFixtures.nothingExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.ovsVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.plugin;
import static org.osvif.plug.ovs.internal.OvsFixtures.portAlreadyOn;
import static org.osvif.plug.ovs.internal.OvsFixtures.portExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.row;
import static org.osvif.plug.ovs.internal.OvsFixtures.staleQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.str;
import static org.osvif.plug.ovs.internal.OvsFixtures.vsctl;
import static org.osvif.plug.ovs.internal.OvsFixtures.vsctlRuns;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.exec.CommandFailedException;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

@ExtendWith(RecordingCommandRunnerExtension.class)
@DisplayName("VIFOpenVSwitch, per_port_bridge")
class PerPortBridgePlugTest {
    private static final OvsSettings PER_PORT = OvsSettings.defaults().withPerPortBridge(true);
    /** The first read of a plug on the system datapath: the VIF port's stale QoS rows. */
    private static final List<String> QOS_READ = findDefaultQos(QOS_KEY_TAP);

    /** The VIF port's MTU without create_tap, in the transaction. */
    private static final List<String> MTU_REQUEST = List.of("--", "set", "Interface", TAP, "mtu_request=1500");

    /**
     * The plug's one transaction. The VIF's port is added with a plain add-port when it is to be
     * isolated or to get a QoS row (PortRequest.addTo), else with --may-exist, and gets its
     * mtu_request; the patch ports always with --may-exist, the integration side tagged when the
     * existence read found it new.
     */
    static List<String> txn(boolean isolatedTap, boolean qos, boolean taggedPatch) {
        return txn(isolatedTap, qos, taggedPatch, List.of());
    }

    /** The same, destroying each {@code stale} QoS row right before the new row's {@code create QoS}. */
    static List<String> txn(boolean isolatedTap, boolean qos, boolean taggedPatch, List<String> stale) {
        List<String> argv = vsctl(
                "--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE, "datapath_type=system",
                "--", "--may-exist", "add-br", PB, "--", "set", "Bridge", PB, "datapath_type=system");
        if (isolatedTap || qos) {
            argv.addAll(List.of("--", "add-port", PB, TAP));
        } else {
            argv.addAll(List.of("--", "--may-exist", "add-port", PB, TAP));
        }
        if (qos) {
            argv.addAll(destroyQos(stale.toArray(String[]::new)));
            argv.addAll(List.of("--", "--id=@qos", "create", "QoS", "type=linux-noop",
                    "external_ids={id=" + str(QOS_KEY_TAP) + ",_type=linux-noop}"));
        }
        if (isolatedTap || qos) {
            argv.addAll(List.of("--", "set", "Port", TAP));
            if (isolatedTap) {
                argv.addAll(List.of("tag=4095", "vlan_mode=trunk", "trunks=[4095]"));
            }
            if (qos) {
                argv.add("qos=@qos");
            }
        }
        argv.addAll(MTU_REQUEST);
        argv.addAll(List.of("--", "--may-exist", "add-port", BRIDGE, IBP));
        if (taggedPatch) {
            argv.addAll(List.of("--", "set", "Port", IBP, "tag=4095"));
        }
        argv.addAll(List.of("--", "set", "Interface", IBP,
                "external_ids:iface-id=" + str(VIF_ID), "external_ids:iface-status=active",
                "external_ids:attached-mac=" + str(MAC), "external_ids:vm-uuid=" + str(INSTANCE_UUID),
                "type=patch", "options:peer=" + PBP,
                "--", "--may-exist", "add-port", PB, PBP,
                "--", "set", "Interface", PBP, "type=patch", "options:peer=" + IBP));
        return argv;
    }

    /** The transaction of a VIF with create_tap: the tap has its MTU, so no mtu_request. */
    static List<String> withoutMtuRequest(List<String> txn) {
        List<String> argv = new java.util.ArrayList<>(txn);
        int at = java.util.Collections.indexOfSubList(argv, MTU_REQUEST);
        assertThat(at).isPositive();
        argv.subList(at, at + MTU_REQUEST.size()).clear();
        return argv;
    }

    @Test
    @DisplayName("plug reads the VIF port's stale QoS rows, then makes both bridges, the port (with mtu_request) "
            + "and the patch pair in one transaction")
    void plug(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner, PER_PORT).plug(ovsVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                QOS_READ,
                txn(false, true, false));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("a QoS row left behind by a vanished VIF port is destroyed before the new one is created, "
            + "in the plug's one transaction")
    void staleQosRow(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_TAP, QOS_ROW);
        nothingExists(runner);
        plugin(runner, PER_PORT).plug(ovsVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                QOS_READ,
                txn(false, true, false, List.of(QOS_ROW)));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("two stale QoS rows are both destroyed, in the order found, before the new row; with isolate_vif")
    void twoStaleQosRows(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_TAP, QOS_ROW, QOS_ROW_2);
        nothingExists(runner);
        plugin(runner, PER_PORT.withIsolateVif(true)).plug(ovsVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                QOS_READ,
                findPort(IBP),
                txn(true, true, true, List.of(QOS_ROW, QOS_ROW_2)));
    }

    @Test
    @DisplayName("on the netdev datapath without isolate_vif the VIF port is added with --may-exist, no read")
    void plugNetdev(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_TAP, QOS_ROW);
        nothingExists(runner);
        plugin(runner, PER_PORT).plug(ovsVif(profile().datapathType("netdev").build()).build(), instance());
        List<String> expected = txn(false, false, false);
        expected.replaceAll(a -> a.equals("datapath_type=system") ? "datapath_type=netdev" : a);
        assertThat(runner.argvs()).containsExactly(
                expected);
    }

    @Test
    @DisplayName("plug with isolate_vif isolates the new port and tags the new integration-side patch port; "
            + "the reads are the VIF port's stale QoS rows and the patch port's existence")
    void plugIsolated(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner, PER_PORT.withIsolateVif(true)).plug(ovsVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                QOS_READ,
                findPort(IBP),
                txn(true, true, true));
    }

    @Test
    @DisplayName("re-plug with isolate_vif leaves an existing integration-side patch port untagged (the read)")
    void replugPatchPort(RecordingCommandRunner runner) {
        portExists(runner, IBP);
        nothingExists(runner);
        plugin(runner, PER_PORT.withIsolateVif(true)).plug(ovsVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                QOS_READ,
                findPort(IBP),
                txn(true, true, false));
    }

    /**
     * The VIF port is added with a plain add-port when it gets isolation or QoS (QoS: every plug
     * on the system datapath, the default); when it exists, ovs-vsctl refuses the whole
     * transaction and PortRequest.commitOrReplug builds it again around the re-plug request.
     */
    @Test
    @DisplayName("re-plug of an existing VIF port succeeds and neither isolates it nor adds a QoS row")
    void replugExistingVifPort(RecordingCommandRunner runner) {
        portAlreadyOn(runner, PB, TAP);
        portExists(runner, IBP);
        nothingExists(runner);
        plugin(runner, PER_PORT.withIsolateVif(true)).plug(ovsVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                QOS_READ,
                findPort(IBP),
                txn(true, true, false),
                txn(false, false, false));
    }

    @Test
    @DisplayName("re-plug of an existing VIF port whose QoS row the read finds: the first transaction destroys and "
            + "creates, the re-plug carries neither destroy nor create")
    void replugExistingVifPortWithQosRow(RecordingCommandRunner runner) {
        portAlreadyOn(runner, PB, TAP);
        staleQos(runner, QOS_KEY_TAP, QOS_ROW);
        nothingExists(runner);
        plugin(runner, PER_PORT).plug(ovsVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                QOS_READ,
                txn(false, true, false, List.of(QOS_ROW)),
                txn(false, false, false));
        assertThat(runner.argvs().get(2)).doesNotContain("destroy", "create", "QoS", "qos=@qos", QOS_ROW);
        assertThat(vsctlRuns(runner)).isEqualTo(3);
    }

    @Test
    @DisplayName("with create_tap the tap is made first and deleted if the transaction fails, which is not retried")
    void createTapRollback(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("add-port")).thenFail(1, "ovs-vsctl: error");
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner, PER_PORT)
                .plug(ovsVif(profile().createTap(true).build()).build(), instance()))
                .isInstanceOf(CommandFailedException.class);
        List<List<String>> argvs = runner.argvs();
        assertThat(argvs.subList(0, 2)).containsExactly(
                QOS_READ,
                List.of("ip", "-force", "-batch", "-"));
        assertThat(runner.commands().get(1).stdin()).startsWith("tuntap add dev " + TAP + " mode tap\n");
        assertThat(argvs.get(argvs.size() - 2)).isEqualTo(withoutMtuRequest(txn(false, true, false)));
        assertThat(argvs.get(argvs.size() - 1)).isEqualTo(ip("link", "del", "dev", TAP));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("unplug removes the patch pair, the port and the per-port bridge in one transaction, then the QoS row")
    void unplug(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("QoS")).thenReturn(row(QOS_ROW));
        nothingExists(runner);
        deviceExists(runner, TAP);
        plugin(runner, PER_PORT).unplug(ovsVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                vsctl("--", "--if-exists", "del-port", BRIDGE, IBP,
                        "--", "--if-exists", "del-port", PB, PBP,
                        "--", "--if-exists", "del-port", PB, TAP,
                        "--", "--if-exists", "del-br", PB),
                findQos(QOS_KEY_TAP, "linux-noop"),
                vsctl("--", "--if-exists", "destroy", "QoS", QOS_ROW),
                ip("link", "del", "dev", TAP));
    }

    @Test
    @DisplayName("unplug from a trunk bridge deletes it too, never the integration bridge")
    void unplugTrunk(RecordingCommandRunner runner) {
        nothingExists(runner);
        String trunk = "tbr-5e6f7a8b-9c";
        plugin(runner, PER_PORT).unplug(ovsVif(profile().build()).network(network(trunk)).build(), instance());
        List<String> txn = runner.argvs().get(0);
        assertThat(txn).endsWith("--", "--if-exists", "del-br", PB, "--", "--if-exists", "del-br", trunk);
        assertThat(java.util.Collections.indexOfSubList(txn, List.of("del-br", BRIDGE))).isEqualTo(-1);
    }

    @Test
    @DisplayName("patch port names keep the whole VIF id (64 characters at most), as upstream")
    void names() {
        assertThat(PortNames.perPortBridgePatch(VIF_ID)).isEqualTo("pbp" + VIF_ID).hasSize(39);
        assertThat(PortNames.integrationBridgePatch(VIF_ID)).isEqualTo("ibp" + VIF_ID);
        assertThat(PortNames.perPortBridge(VIF_ID)).isEqualTo(PB).hasSize(14);
    }
}
