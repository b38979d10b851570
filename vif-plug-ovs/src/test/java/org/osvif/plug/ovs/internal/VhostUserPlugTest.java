package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.IFACE_ID;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_VHU;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW_2;
import static org.osvif.plug.ovs.internal.OvsFixtures.VHU;
import static org.osvif.plug.ovs.internal.OvsFixtures.concat;
import static org.osvif.plug.ovs.internal.OvsFixtures.destroyQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.externalIds;
import static org.osvif.plug.ovs.internal.OvsFixtures.findDefaultQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.findQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.isolating;
import static org.osvif.plug.ovs.internal.OvsFixtures.network;
import static org.osvif.plug.ovs.internal.OvsFixtures.nothingExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.plugin;
import static org.osvif.plug.ovs.internal.OvsFixtures.portAlreadyOn;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.row;
import static org.osvif.plug.ovs.internal.OvsFixtures.staleQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.str;
import static org.osvif.plug.ovs.internal.OvsFixtures.vhostUserVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.vsctl;
import static org.osvif.plug.ovs.internal.OvsFixtures.vsctlRuns;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.exec.CommandFailedException;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.plug.ovs.TapCreationNotSupportedException;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

@ExtendWith(RecordingCommandRunnerExtension.class)
@DisplayName("VIFVHostUser")
class VhostUserPlugTest {
    private static final String SOCKET = "/var/lib/vhost_sockets/" + VHU;

    /**
     * The transaction up to the Interface's external_ids. With {@code portSet} (the isolation) the
     * port must be new, so it is a plain add-port; without, {@code --may-exist add-port}.
     */
    static List<String> head(String... portSet) {
        List<String> argv = vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                "datapath_type=netdev");
        if (portSet.length > 0) {
            argv.addAll(List.of("--", "add-port", BRIDGE, VHU));
        } else {
            argv.addAll(List.of("--", "--may-exist", "add-port", BRIDGE, VHU));
        }
        if (portSet.length > 0) {
            argv.addAll(List.of("--", "set", "Port", VHU));
            argv.addAll(List.of(portSet));
        }
        argv.addAll(List.of("--", "set", "Interface", VHU));
        argv.addAll(externalIds(IFACE_ID));
        return argv;
    }

    /**
     * The transaction of a new client-mode port on the system datapath: a plain add-port, the
     * destruction of each {@code stale} QoS row, the new row, {@code portSet} (the isolation), the link.
     */
    static List<String> systemTxn(List<String> stale, String... portSet) {
        List<String> argv = vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                "datapath_type=system", "--", "add-port", BRIDGE, VHU);
        argv.addAll(destroyQos(stale.toArray(String[]::new)));
        argv.addAll(List.of("--", "--id=@qos", "create", "QoS", "type=linux-noop",
                "external_ids={id=" + str(QOS_KEY_VHU) + ",_type=linux-noop}",
                "--", "set", "Port", VHU));
        argv.addAll(List.of(portSet));
        argv.add("qos=@qos");
        argv.addAll(List.of("--", "set", "Interface", VHU));
        argv.addAll(externalIds(IFACE_ID));
        argv.addAll(List.of("type=dpdkvhostuser", "mtu_request=1500"));
        return argv;
    }

    private static VifVHostUser systemVif() {
        return vhostUserVif(VifVHostUserMode.CLIENT).portProfile(profile().datapathType("system").build()).build();
    }

    @Test
    @DisplayName("server mode: dpdkvhostuserclient with the socket path and mtu_request, in one transaction, "
            + "no QoS read on the default netdev datapath")
    void serverMode(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("find")).thenReturn(row(QOS_ROW));
        nothingExists(runner);
        plugin(runner).plug(vhostUserVif(VifVHostUserMode.SERVER).build(), instance());
        assertThat(runner.argvs()).containsExactly(concat(head(), "type=dpdkvhostuserclient",
                "options:vhost-server-path=\"" + SOCKET + "\"", "mtu_request=1500"));
    }

    @Test
    @DisplayName("client mode: dpdkvhostuser without a socket path")
    void clientMode(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner).plug(vhostUserVif(VifVHostUserMode.CLIENT).network(network(BRIDGE, 9000)).build(),
                instance());
        assertThat(runner.argvs()).containsExactly(concat(head(), "type=dpdkvhostuser", "mtu_request=9000"));
    }

    @Test
    @DisplayName("without isolate_vif an existing port is no failure: --may-exist, one transaction")
    void existingNotIsolated(RecordingCommandRunner runner) {
        portAlreadyOn(runner, BRIDGE, VHU);
        nothingExists(runner);
        plugin(runner).plug(vhostUserVif(VifVHostUserMode.CLIENT).build(), instance());
        assertThat(runner.argvs()).containsExactly(concat(head(), "type=dpdkvhostuser", "mtu_request=1500"));
    }

    @Test
    @DisplayName("with isolate_vif a new port is isolated in the same transaction, the only ovs-vsctl run")
    void isolated(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner, isolating()).plug(vhostUserVif(VifVHostUserMode.CLIENT).build(), instance());
        assertThat(runner.argvs()).containsExactly(
                concat(head("tag=4095", "vlan_mode=trunk", "trunks=[4095]"), "type=dpdkvhostuser",
                        "mtu_request=1500"));
        assertThat(vsctlRuns(runner)).isEqualTo(1);
    }

    @Test
    @DisplayName("re-plug with isolate_vif: the isolating transaction fails, the re-plug leaves the port untagged")
    void replugIsolated(RecordingCommandRunner runner) {
        portAlreadyOn(runner, BRIDGE, VHU);
        nothingExists(runner);
        plugin(runner, isolating()).plug(vhostUserVif(VifVHostUserMode.SERVER).build(), instance());
        assertThat(runner.argvs()).containsExactly(
                concat(head("tag=4095", "vlan_mode=trunk", "trunks=[4095]"), "type=dpdkvhostuserclient",
                        "options:vhost-server-path=\"" + SOCKET + "\"", "mtu_request=1500"),
                concat(head(), "type=dpdkvhostuserclient",
                        "options:vhost-server-path=\"" + SOCKET + "\"", "mtu_request=1500"));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("with isolate_vif a failure other than an existing port is not retried and propagates")
    void otherFailure(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("add-port"))
                .thenFail(1, "ovs-vsctl: no bridge named " + BRIDGE + "\n");
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner, isolating()).plug(vhostUserVif(VifVHostUserMode.CLIENT).build(),
                instance()))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("no bridge named " + BRIDGE);
        assertThat(runner.argvs()).containsExactly(
                concat(head("tag=4095", "vlan_mode=trunk", "trunks=[4095]"), "type=dpdkvhostuser",
                        "mtu_request=1500"));
    }

    @Test
    @DisplayName("on the system datapath: the read of stale QoS rows, then one transaction where the new port gets "
            + "a QoS row with a plain add-port")
    void systemDatapath(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner).plug(systemVif(), instance());
        List<String> expected = vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                "datapath_type=system", "--", "add-port", BRIDGE, VHU,
                "--", "--id=@qos", "create", "QoS", "type=linux-noop",
                "external_ids={id=" + str(QOS_KEY_VHU) + ",_type=linux-noop}",
                "--", "set", "Port", VHU, "qos=@qos",
                "--", "set", "Interface", VHU);
        expected.addAll(externalIds(IFACE_ID));
        expected.addAll(List.of("type=dpdkvhostuser", "mtu_request=1500"));
        assertThat(runner.argvs()).containsExactly(
                findDefaultQos(QOS_KEY_VHU),
                expected);
    }

    @Test
    @DisplayName("on the system datapath a stale QoS row is destroyed before the new one is created, "
            + "in the port's one transaction")
    void systemStaleQosRow(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_VHU, QOS_ROW);
        nothingExists(runner);
        plugin(runner).plug(systemVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                findDefaultQos(QOS_KEY_VHU),
                systemTxn(List.of(QOS_ROW)));
    }

    @Test
    @DisplayName("on the system datapath two stale QoS rows are both destroyed, in the order found; with isolate_vif")
    void systemTwoStaleQosRows(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_VHU, QOS_ROW, QOS_ROW_2);
        nothingExists(runner);
        plugin(runner, isolating()).plug(systemVif(), instance());
        assertThat(runner.argvs()).containsExactly(
                findDefaultQos(QOS_KEY_VHU),
                systemTxn(List.of(QOS_ROW, QOS_ROW_2), "tag=4095", "vlan_mode=trunk", "trunks=[4095]"));
    }

    @Test
    @DisplayName("on the system datapath a re-plug whose QoS row the read finds carries neither destroy nor create")
    void systemReplugWithQosRow(RecordingCommandRunner runner) {
        portAlreadyOn(runner, BRIDGE, VHU);
        staleQos(runner, QOS_KEY_VHU, QOS_ROW);
        nothingExists(runner);
        plugin(runner).plug(systemVif(), instance());
        List<String> replug = concat(vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                "datapath_type=system", "--", "--may-exist", "add-port", BRIDGE, VHU,
                "--", "set", "Interface", VHU), externalIds(IFACE_ID), "type=dpdkvhostuser", "mtu_request=1500");
        assertThat(runner.argvs()).containsExactly(
                findDefaultQos(QOS_KEY_VHU),
                systemTxn(List.of(QOS_ROW)),
                replug);
        assertThat(vsctlRuns(runner)).isEqualTo(3);
    }

    @Test
    @DisplayName("unplug removes the port in one transaction; a netdev port has no QoS row and no kernel device")
    void unplug(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner).unplug(vhostUserVif(VifVHostUserMode.SERVER).build(), instance());
        assertThat(runner.argvs()).containsExactly(vsctl("--", "--if-exists", "del-port", BRIDGE, VHU));
    }

    @Test
    @DisplayName("unplug on the system datapath also destroys the port's QoS rows")
    void unplugSystem(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner).unplug(vhostUserVif(VifVHostUserMode.SERVER)
                .portProfile(profile().datapathType("system").build()).build(), instance());
        assertThat(runner.argvs()).containsExactly(
                vsctl("--", "--if-exists", "del-port", BRIDGE, VHU),
                findQos(QosKeys.id(VHU).toString(), "linux-noop"));
    }

    @Test
    @DisplayName("unplug from a trunk bridge deletes the trunk bridge in the same transaction")
    void unplugTrunk(RecordingCommandRunner runner) {
        nothingExists(runner);
        String trunk = "tbr-5e6f7a8b-9c";
        plugin(runner).unplug(vhostUserVif(VifVHostUserMode.SERVER).network(network(trunk)).build(), instance());
        assertThat(runner.argvs()).containsExactly(
                vsctl("--", "--if-exists", "del-port", trunk, VHU, "--", "--if-exists", "del-br", trunk));
    }

    @Test
    @DisplayName("create_tap is refused before anything runs")
    void createTap(RecordingCommandRunner runner) {
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner).plug(vhostUserVif(VifVHostUserMode.SERVER)
                .portProfile(profile().createTap(true).build()).build(), instance()))
                .isInstanceOf(TapCreationNotSupportedException.class)
                .hasMessageContaining("VIFVHostUser");
        assertThat(runner.commandCount()).isZero();
    }
}
