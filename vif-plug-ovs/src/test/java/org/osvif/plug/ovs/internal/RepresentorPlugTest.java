package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.IFACE_ID;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_ENP3S0F0_1;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_ETH1;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW_2;
import static org.osvif.plug.ovs.internal.OvsFixtures.VFR;
import static org.osvif.plug.ovs.internal.OvsFixtures.concat;
import static org.osvif.plug.ovs.internal.OvsFixtures.destroyQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.externalIds;
import static org.osvif.plug.ovs.internal.OvsFixtures.findDefaultQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.findQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.hostDeviceVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.ip;
import static org.osvif.plug.ovs.internal.OvsFixtures.nothingExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.plugin;
import static org.osvif.plug.ovs.internal.OvsFixtures.portAlreadyOn;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.representorProfile;
import static org.osvif.plug.ovs.internal.OvsFixtures.row;
import static org.osvif.plug.ovs.internal.OvsFixtures.staleQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.str;
import static org.osvif.plug.ovs.internal.OvsFixtures.vsctl;
import static org.osvif.plug.ovs.internal.OvsFixtures.vsctlRuns;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osvif.exec.CommandFailedException;
import org.osvif.objects.VifHostDevice;
import org.osvif.plug.ovs.PciDeviceNotFoundByIdException;
import org.osvif.plug.ovs.RepresentorNotFoundException;
import org.osvif.plug.ovs.TapCreationNotSupportedException;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

@ExtendWith(RecordingCommandRunnerExtension.class)
@DisplayName("VIFHostDevice, SR-IOV representors")
class RepresentorPlugTest {
    @TempDir
    Path root;

    private OvsPlugin plugin(RecordingCommandRunner runner, FakeSysfs sysfs) {
        return OvsFixtures.plugin(runner, OvsSettings.defaults().withSysfsRoot(sysfs.root()));
    }

    private static VifHostDevice vif(String datapath) {
        return hostDeviceVif(FakeSysfs.PF0_VF1, representorProfile(datapath));
    }

    /** The representor of VF 1 from Linux 5.8 on, and the read of its stale QoS rows. */
    private static final String ENP = "enp3s0f0_1";
    private static final List<String> ENP_QOS_READ = findDefaultQos(QOS_KEY_ENP3S0F0_1);

    /** The transaction of a new representor port: a plain add-port and its QoS row. */
    static List<String> systemTxn(String representor) {
        return systemTxn(representor, List.of());
    }

    /** The same, destroying each {@code stale} QoS row right before the new row's {@code create QoS}. */
    static List<String> systemTxn(String representor, List<String> stale) {
        List<String> argv = vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                "datapath_type=system", "--", "add-port", BRIDGE, representor);
        argv.addAll(destroyQos(stale.toArray(String[]::new)));
        argv.addAll(List.of("--", "--id=@qos", "create", "QoS", "type=linux-noop",
                "external_ids={id=" + str(QosKeys.id(representor).toString()) + ",_type=linux-noop}",
                "--", "set", "Port", representor, "qos=@qos",
                "--", "set", "Interface", representor));
        argv.addAll(externalIds(IFACE_ID));
        return argv;
    }

    /** The re-plug transaction of an existing representor port: --may-exist add-port, no QoS row. */
    static List<String> systemReplugTxn(String representor) {
        return concat(vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                "datapath_type=system", "--", "--may-exist", "add-port", BRIDGE, representor,
                "--", "set", "Interface", representor), externalIds(IFACE_ID));
    }

    /** The one ip process that brings a representor up and sets its MTU, with its lines after {@code <<}. */
    static List<String> upAndMtu(String dev) {
        return List.of("ip", "-force", "-batch", "-", "<<", "link set dev " + dev + " up",
                "link set dev " + dev + " mtu 1500");
    }

    /** Each command's argv, followed by {@code <<} and its standard input's lines when it has one. */
    static List<List<String>> withStdin(RecordingCommandRunner runner) {
        return runner.commands().stream().map(c -> {
            List<String> all = new java.util.ArrayList<>(c.argv());
            if (c.stdin() != null) {
                all.add("<<");
                all.addAll(List.of(c.stdin().split("\n")));
            }
            return all;
        }).toList();
    }

    @Test
    @DisplayName("kernel datapath, Linux before 5.8: the representor's stale QoS rows are read, it is brought up, "
            + "given the MTU and added")
    void systemPre58(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner, FakeSysfs.pre58(root)).plug(vif(null), instance());
        assertThat(withStdin(runner)).containsExactly(
                findDefaultQos(QOS_KEY_ETH1),
                upAndMtu("eth1"),
                systemTxn("eth1"));
    }

    @Test
    @DisplayName("kernel datapath, Linux 5.8 and later: the pf0vf1 representor, one read and one transaction")
    void systemPost58(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner, FakeSysfs.post58(root)).plug(vif("system"), instance());
        assertThat(withStdin(runner)).containsExactly(
                ENP_QOS_READ,
                upAndMtu("enp3s0f0_1"),
                systemTxn("enp3s0f0_1"));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("kernel datapath: a QoS row left behind by a vanished representor port is destroyed before the "
            + "new one is created, in the port's one transaction")
    void systemStaleQosRow(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_ENP3S0F0_1, QOS_ROW);
        nothingExists(runner);
        plugin(runner, FakeSysfs.post58(root)).plug(vif(null), instance());
        assertThat(withStdin(runner)).containsExactly(
                ENP_QOS_READ,
                upAndMtu(ENP),
                systemTxn(ENP, List.of(QOS_ROW)));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("kernel datapath: two stale QoS rows are both destroyed, in the order found, before the new row")
    void systemTwoStaleQosRows(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_ENP3S0F0_1, QOS_ROW, QOS_ROW_2);
        nothingExists(runner);
        plugin(runner, FakeSysfs.post58(root)).plug(vif(null), instance());
        assertThat(withStdin(runner)).containsExactly(
                ENP_QOS_READ,
                upAndMtu(ENP),
                systemTxn(ENP, List.of(QOS_ROW, QOS_ROW_2)));
    }

    @Test
    @DisplayName("kernel datapath re-plug with the port's QoS row found: the re-plug carries neither destroy nor create")
    void systemReplugWithQosRow(RecordingCommandRunner runner) {
        portAlreadyOn(runner, BRIDGE, ENP);
        staleQos(runner, QOS_KEY_ENP3S0F0_1, QOS_ROW);
        nothingExists(runner);
        plugin(runner, FakeSysfs.post58(root)).plug(vif(null), instance());
        assertThat(withStdin(runner)).containsExactly(
                ENP_QOS_READ,
                upAndMtu(ENP),
                systemTxn(ENP, List.of(QOS_ROW)),
                systemReplugTxn(ENP));
        assertThat(withStdin(runner).get(3)).doesNotContain("destroy", "create", "QoS", "qos=@qos", QOS_ROW);
        assertThat(vsctlRuns(runner)).isEqualTo(3);
    }

    @Test
    @DisplayName("kernel datapath with isolate_vif: the new port is isolated and gets its QoS row in one "
            + "transaction, after the read")
    void systemIsolated(RecordingCommandRunner runner) {
        nothingExists(runner);
        OvsPlugin plugin = OvsFixtures.plugin(runner, OvsSettings.defaults().withIsolateVif(true)
                .withSysfsRoot(FakeSysfs.post58(root).root()));
        plugin.plug(vif(null), instance());
        List<String> txn = systemTxn("enp3s0f0_1");
        txn.addAll(txn.indexOf("qos=@qos"), List.of("tag=4095", "vlan_mode=trunk", "trunks=[4095]"));
        assertThat(withStdin(runner)).containsExactly(
                ENP_QOS_READ,
                upAndMtu("enp3s0f0_1"),
                txn);
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("kernel datapath re-plug: the QoS transaction fails on the existing port, the re-plug adds no QoS row")
    void systemReplug(RecordingCommandRunner runner) {
        portAlreadyOn(runner, BRIDGE, "enp3s0f0_1");
        nothingExists(runner);
        plugin(runner, FakeSysfs.post58(root)).plug(vif(null), instance());
        assertThat(withStdin(runner)).containsExactly(
                ENP_QOS_READ,
                upAndMtu("enp3s0f0_1"),
                systemTxn("enp3s0f0_1"),
                systemReplugTxn("enp3s0f0_1"));
        assertThat(vsctlRuns(runner)).isEqualTo(3);
    }

    @Test
    @DisplayName("kernel datapath: a failure other than an existing port is not retried")
    void systemOtherFailure(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("add-port")).thenFail(1, "ovs-vsctl: no bridge named br-int\n");
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner, FakeSysfs.post58(root)).plug(vif(null), instance()))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("no bridge named br-int");
        assertThat(withStdin(runner)).containsExactly(
                ENP_QOS_READ,
                upAndMtu(ENP),
                systemTxn(ENP));
    }

    @Test
    @DisplayName("kernel datapath unplug removes the port, then its QoS row, then sets the representor down")
    void systemUnplug(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("QoS")).thenReturn(row(QOS_ROW));
        nothingExists(runner);
        OvsFixtures.deviceExists(runner, "enp3s0f0_1");
        plugin(runner, FakeSysfs.post58(root)).unplug(vif(null), instance());
        assertThat(withStdin(runner)).containsExactly(
                vsctl("--", "--if-exists", "del-port", BRIDGE, "enp3s0f0_1"),
                findQos(QosKeys.id("enp3s0f0_1").toString(), "linux-noop"),
                vsctl("--", "--if-exists", "destroy", "QoS", QOS_ROW),
                ip("link", "set", "dev", "enp3s0f0_1", "down"));
        assertThat(withStdin(runner)).noneMatch(a -> a.contains("del"));
    }

    @Test
    @DisplayName("userspace datapath: a DPDK port with dpdk-devargs naming the PF and the VF, --may-exist, "
            + "no QoS read, one run")
    void netdev(RecordingCommandRunner runner) {
        portAlreadyOn(runner, BRIDGE, VFR);
        runner.when(RecordingCommandRunner.argvContains("find")).thenReturn(row(QOS_ROW));
        nothingExists(runner);
        plugin(runner, FakeSysfs.post58(root)).plug(vif("netdev"), instance());
        assertThat(withStdin(runner)).containsExactly(concat(
                vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE, "datapath_type=netdev",
                        "--", "--may-exist", "add-port", BRIDGE, VFR, "--", "set", "Interface", VFR),
                externalIds(IFACE_ID), "type=dpdk",
                "options:dpdk-devargs=\"" + FakeSysfs.PF0 + ",representor=[1]\""));
    }

    @Test
    @DisplayName("userspace datapath unplug removes the port only, without reading sysfs")
    void netdevUnplug(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner, new FakeSysfs(root)).unplug(vif("netdev"), instance());
        assertThat(withStdin(runner)).containsExactly(vsctl("--", "--if-exists", "del-port", BRIDGE, VFR));
    }

    @Test
    @DisplayName("a VF unknown to sysfs fails before anything runs")
    void unknownVf(RecordingCommandRunner runner) {
        nothingExists(runner);
        VifHostDevice unknown = hostDeviceVif("0000:81:00.7", representorProfile(null));
        assertThatThrownBy(() -> plugin(runner, FakeSysfs.post58(root)).plug(unknown, instance()))
                .isInstanceOf(PciDeviceNotFoundByIdException.class);
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("a VF without a representor fails before anything runs")
    void noRepresentor(RecordingCommandRunner runner) {
        nothingExists(runner);
        FakeSysfs bare = new FakeSysfs(root);
        bare.pciFunction(FakeSysfs.PF0, FakeSysfs.PF0_VF0);
        bare.netdev("enp3s0f0", FakeSysfs.SWITCH_ID, null, FakeSysfs.PF0);
        bare.pfNet(FakeSysfs.PF0, "enp3s0f0");
        VifHostDevice vf0 = hostDeviceVif(FakeSysfs.PF0_VF0, representorProfile(null));
        assertThatThrownBy(() -> plugin(runner, bare).plug(vf0, instance()))
                .isInstanceOf(RepresentorNotFoundException.class)
                .hasMessage("Failed getting representor port for PF enp3s0f0 with 0");
        assertThatThrownBy(() -> plugin(runner, bare).unplug(vf0, instance()))
                .isInstanceOf(RepresentorNotFoundException.class);
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("the plain Open vSwitch profile works too")
    void plainProfile(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner, FakeSysfs.pre58(root)).plug(hostDeviceVif(FakeSysfs.PF0_VF1, profile().build()), instance());
        assertThat(withStdin(runner)).contains(systemTxn("eth1"));
    }

    @Test
    @DisplayName("create_tap is refused before anything runs")
    void createTap(RecordingCommandRunner runner) {
        nothingExists(runner);
        VifHostDevice vif = hostDeviceVif(FakeSysfs.PF0_VF1, profile().createTap(true).build());
        assertThatThrownBy(() -> plugin(runner, FakeSysfs.pre58(root)).plug(vif, instance()))
                .isInstanceOf(TapCreationNotSupportedException.class);
        assertThat(runner.commandCount()).isZero();
    }
}
