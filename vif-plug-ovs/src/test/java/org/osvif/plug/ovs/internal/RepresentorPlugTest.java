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
import static org.osvif.plug.ovs.internal.OvsFixtures.forcedBatch;
import static org.osvif.plug.ovs.internal.OvsFixtures.hostDeviceVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.ip;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.representorProfile;
import static org.osvif.plug.ovs.internal.OvsFixtures.run;
import static org.osvif.plug.ovs.internal.OvsdbCommands.addBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.createQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.deletePort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.destroyQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.ids;
import static org.osvif.plug.ovs.internal.OvsdbCommands.mayExistPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.newPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.qosIds;
import static org.osvif.plug.ovs.internal.OvsdbCommands.qosRead;
import static org.osvif.plug.ovs.internal.OvsdbCommands.set;
import static org.osvif.plug.ovs.internal.OvsdbCommands.setPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.txn;
import static org.osvif.plug.ovs.internal.OvsdbCommands.vifIds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osvif.objects.VifHostDevice;
import org.osvif.plug.ovs.PciDeviceNotFoundByIdException;
import org.osvif.plug.ovs.RepresentorNotFoundException;
import org.osvif.plug.ovs.TapCreationNotSupportedException;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Read;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Txn;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/** SR-IOV representors at the OVSDB seam, with the representor's ip batch in the same timeline. */
@DisplayName("VIFHostDevice, SR-IOV representors")
class RepresentorPlugTest extends PlugPathTest {
    /** The representor of VF 1 from Linux 5.8 on, and the read of its stale QoS rows. */
    private static final String ENP = "enp3s0f0_1";
    private static final Read ENP_QOS_READ = qosRead(QOS_KEY_ENP3S0F0_1);

    @TempDir
    Path root;

    private OvsPlugin plugin(FakeSysfs sysfs) {
        return plugin(OvsSettings.defaults(), sysfs);
    }

    private OvsPlugin plugin(OvsSettings settings, FakeSysfs sysfs) {
        return OvsFixtures.plugin(runner, ovsdb, settings.withSysfsRoot(sysfs.root()));
    }

    private static VifHostDevice vif(String datapath) {
        return hostDeviceVif(FakeSysfs.PF0_VF1, representorProfile(datapath));
    }

    /**
     * The transaction of a new representor port: a plain add-port, each {@code stale} QoS row
     * destroyed, its QoS row (keyed by {@code key}), the isolation when {@code isolated}, the
     * Interface's external_ids.
     */
    static Txn systemTxn(String representor, String key, List<String> stale, boolean isolated) {
        List<OvsdbCommand> c = new ArrayList<>(List.of(addBridge(BRIDGE, "system"), newPort(BRIDGE, representor)));
        stale.forEach(uuid -> c.add(destroyQos(uuid)));
        c.add(createQos(key));
        c.add(setPort(representor, isolated, true));
        c.add(set("Interface", representor, "external_ids", vifIds(IFACE_ID)));
        return txn(c);
    }

    static Txn systemTxn(String representor, String key) {
        return systemTxn(representor, key, List.of(), false);
    }

    /** The re-plug transaction of an existing representor port: --may-exist add-port, no QoS row. */
    static Txn systemReplugTxn(String representor) {
        return txn(addBridge(BRIDGE, "system"), mayExistPort(BRIDGE, representor),
                set("Interface", representor, "external_ids", vifIds(IFACE_ID)));
    }

    /** The one ip process that brings a representor up and sets its MTU. */
    static List<String> upAndMtu(String dev) {
        return forcedBatch("link set dev " + dev + " up", "link set dev " + dev + " mtu 1500");
    }

    /** A plug's timeline on the kernel datapath: the QoS read, the representor's batch, then {@code txns}. */
    static List<Object> kernelPlug(Read qosRead, String dev, Txn... txns) {
        List<Object> all = new ArrayList<>();
        all.add(qosRead);
        all.addAll(upAndMtu(dev));
        all.addAll(List.of(txns));
        return all;
    }

    @Test
    @DisplayName("kernel datapath, Linux before 5.8: the representor's stale QoS rows are read, it is brought up, "
            + "given the MTU and added")
    void systemPre58() {
        plugin(FakeSysfs.pre58(root)).plug(vif(null), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(
                kernelPlug(qosRead(QOS_KEY_ETH1), "eth1", systemTxn("eth1", QOS_KEY_ETH1)));
    }

    @Test
    @DisplayName("kernel datapath, Linux 5.8 and later: the pf0vf1 representor, one read and one transaction")
    void systemPost58() {
        plugin(FakeSysfs.post58(root)).plug(vif("system"), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(
                kernelPlug(ENP_QOS_READ, ENP, systemTxn(ENP, QOS_KEY_ENP3S0F0_1)));
        assertThat(ovsdb.reads()).hasSize(1);
        assertThat(ovsdb.transactions()).hasSize(1);
    }

    @Test
    @DisplayName("kernel datapath: a QoS row left behind by a vanished representor port is destroyed before the "
            + "new one is created, in the port's one transaction")
    void systemStaleQosRow() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_ENP3S0F0_1));
        plugin(FakeSysfs.post58(root)).plug(vif(null), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(kernelPlug(ENP_QOS_READ, ENP,
                systemTxn(ENP, QOS_KEY_ENP3S0F0_1, List.of(QOS_ROW), false)));
        assertThat(ovsdb.transactions()).hasSize(1);
    }

    @Test
    @DisplayName("kernel datapath: two stale QoS rows are both destroyed, in the order found, before the new row")
    void systemTwoStaleQosRows() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_ENP3S0F0_1)).withQos(QOS_ROW_2, qosIds(QOS_KEY_ENP3S0F0_1));
        plugin(FakeSysfs.post58(root)).plug(vif(null), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(kernelPlug(ENP_QOS_READ, ENP,
                systemTxn(ENP, QOS_KEY_ENP3S0F0_1, List.of(QOS_ROW, QOS_ROW_2), false)));
    }

    @Test
    @DisplayName("kernel datapath re-plug with the port's QoS row found: the re-plug carries neither destroy nor create")
    void systemReplugWithQosRow() {
        ovsdb.withPort(BRIDGE, ENP).withQos(QOS_ROW, qosIds(QOS_KEY_ENP3S0F0_1));
        plugin(FakeSysfs.post58(root)).plug(vif(null), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(kernelPlug(ENP_QOS_READ, ENP,
                systemTxn(ENP, QOS_KEY_ENP3S0F0_1, List.of(QOS_ROW), false),
                systemReplugTxn(ENP)));
        assertThat(ovsdb.transactions().get(1)).noneMatch(c -> c instanceof OvsdbCommand.Destroy
                || c instanceof OvsdbCommand.Create || c.toString().contains("QoS") || c.toString().contains("qos"));
        assertThat(ovsdb.transactions()).hasSize(2);
        assertThat(ovsdb.qosRows()).containsExactly(QOS_ROW);
    }

    @Test
    @DisplayName("kernel datapath with isolate_vif: the new port is isolated and gets its QoS row in one "
            + "transaction, after the read")
    void systemIsolated() {
        plugin(OvsSettings.defaults().withIsolateVif(true), FakeSysfs.post58(root)).plug(vif(null), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(kernelPlug(ENP_QOS_READ, ENP,
                systemTxn(ENP, QOS_KEY_ENP3S0F0_1, List.of(), true)));
        assertThat(ovsdb.transactions()).hasSize(1);
    }

    @Test
    @DisplayName("kernel datapath re-plug: the QoS transaction fails on the existing port, the re-plug adds no QoS row")
    void systemReplug() {
        ovsdb.withPort(BRIDGE, ENP);
        plugin(FakeSysfs.post58(root)).plug(vif(null), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(kernelPlug(ENP_QOS_READ, ENP,
                systemTxn(ENP, QOS_KEY_ENP3S0F0_1), systemReplugTxn(ENP)));
        assertThat(ovsdb.transactions()).hasSize(2);
    }

    @Test
    @DisplayName("kernel datapath: a failure other than an existing port is not retried")
    void systemOtherFailure() {
        RuntimeException error = RecordingOvsdb.vsctlFailure("ovs-vsctl: no bridge named br-int\n");
        ovsdb.failTransactions(RecordingOvsdb.holding(OvsdbCommand.AddPort.class), () -> error);
        assertThatThrownBy(() -> plugin(FakeSysfs.post58(root)).plug(vif(null), instance()))
                .isSameAs(error)
                .hasMessageContaining("no bridge named br-int");
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(
                kernelPlug(ENP_QOS_READ, ENP, systemTxn(ENP, QOS_KEY_ENP3S0F0_1)));
    }

    @Test
    @DisplayName("kernel datapath unplug removes the port, then its QoS row, then sets the representor down")
    void systemUnplug() {
        ovsdb.withPort(BRIDGE, ENP).withQos(QOS_ROW, qosIds(QOS_KEY_ENP3S0F0_1));
        OvsFixtures.deviceExists(runner, ENP);
        plugin(FakeSysfs.post58(root)).unplug(vif(null), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                txn(deletePort(BRIDGE, ENP)),
                qosRead(QosKeys.id(ENP).toString()),
                txn(destroyQos(QOS_ROW)),
                run(ip("link", "set", "dev", ENP, "down")));
        assertThat(runner.steps()).noneMatch(s -> s.contains("del"));
        assertThat(runner.files().devices()).contains(ENP);
    }

    @Test
    @DisplayName("userspace datapath: a DPDK port with dpdk-devargs naming the PF and the VF, --may-exist, "
            + "no QoS read, one transaction")
    void netdev() {
        ovsdb.withPort(BRIDGE, VFR).withQos(QOS_ROW, qosIds(QosKeys.id(VFR).toString()));
        plugin(FakeSysfs.post58(root)).plug(vif("netdev"), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(addBridge(BRIDGE, "netdev"), mayExistPort(BRIDGE, VFR),
                set("Interface", VFR, "external_ids", vifIds(IFACE_ID), "type", "dpdk",
                        "options", ids("dpdk-devargs", FakeSysfs.PF0 + ",representor=[1]"))));
        assertThat(ovsdb.reads()).isEmpty();
    }

    @Test
    @DisplayName("userspace datapath unplug removes the port only, without reading sysfs")
    void netdevUnplug() {
        plugin(new FakeSysfs(root)).unplug(vif("netdev"), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(deletePort(BRIDGE, VFR)));
    }

    @Test
    @DisplayName("a VF unknown to sysfs fails before anything runs")
    void unknownVf() {
        VifHostDevice unknown = hostDeviceVif("0000:81:00.7", representorProfile(null));
        assertThatThrownBy(() -> plugin(FakeSysfs.post58(root)).plug(unknown, instance()))
                .isInstanceOf(PciDeviceNotFoundByIdException.class);
        assertThat(ovsdb.timeline()).isEmpty();
    }

    @Test
    @DisplayName("a VF without a representor fails before anything runs")
    void noRepresentor() {
        FakeSysfs bare = new FakeSysfs(root);
        bare.pciFunction(FakeSysfs.PF0, FakeSysfs.PF0_VF0);
        bare.netdev("enp3s0f0", FakeSysfs.SWITCH_ID, null, FakeSysfs.PF0);
        bare.pfNet(FakeSysfs.PF0, "enp3s0f0");
        VifHostDevice vf0 = hostDeviceVif(FakeSysfs.PF0_VF0, representorProfile(null));
        assertThatThrownBy(() -> plugin(bare).plug(vf0, instance()))
                .isInstanceOf(RepresentorNotFoundException.class)
                .hasMessage("Failed getting representor port for PF enp3s0f0 with 0");
        assertThatThrownBy(() -> plugin(bare).unplug(vf0, instance()))
                .isInstanceOf(RepresentorNotFoundException.class);
        assertThat(ovsdb.timeline()).isEmpty();
    }

    @Test
    @DisplayName("the plain Open vSwitch profile works too")
    void plainProfile() {
        plugin(FakeSysfs.pre58(root)).plug(hostDeviceVif(FakeSysfs.PF0_VF1, profile().build()), instance());
        assertThat(ovsdb.timeline()).contains(systemTxn("eth1", QOS_KEY_ETH1));
    }

    @Test
    @DisplayName("create_tap is refused before anything runs")
    void createTap() {
        VifHostDevice vif = hostDeviceVif(FakeSysfs.PF0_VF1, profile().createTap(true).build());
        assertThatThrownBy(() -> plugin(FakeSysfs.pre58(root)).plug(vif, instance()))
                .isInstanceOf(TapCreationNotSupportedException.class);
        assertThat(ovsdb.timeline()).isEmpty();
    }
}
