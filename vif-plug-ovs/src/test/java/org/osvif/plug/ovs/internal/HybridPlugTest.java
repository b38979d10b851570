package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.IFACE_ID;
import static org.osvif.plug.ovs.internal.OvsFixtures.QBR;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_QVO;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW_2;
import static org.osvif.plug.ovs.internal.OvsFixtures.QVB;
import static org.osvif.plug.ovs.internal.OvsFixtures.QVO;
import static org.osvif.plug.ovs.internal.OvsFixtures.batchFailsAt;
import static org.osvif.plug.ovs.internal.OvsFixtures.bridgeSysctls;
import static org.osvif.plug.ovs.internal.OvsFixtures.deviceExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.forcedBatch;
import static org.osvif.plug.ovs.internal.OvsFixtures.hybridVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.ip;
import static org.osvif.plug.ovs.internal.OvsFixtures.isolating;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.run;
import static org.osvif.plug.ovs.internal.OvsdbCommands.addBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.createQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.deletePort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.destroyQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.mayExistPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.newPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.qosIds;
import static org.osvif.plug.ovs.internal.OvsdbCommands.set;
import static org.osvif.plug.ovs.internal.OvsdbCommands.setPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.txn;
import static org.osvif.plug.ovs.internal.OvsdbCommands.vifIds;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.net.IpBatchException;
import org.osvif.net.NamedLocks;
import org.osvif.plug.ovs.TapCreationNotSupportedException;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Read;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Txn;
import org.osvif.plug.ovs.internal.ovsdb.NativeCommandException;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/** The hybrid plug: host steps (one ip batch, sysctl files) interleaved with the OVSDB calls at the seam. */
@DisplayName("VIFBridge, hybrid plug")
class HybridPlugTest extends PlugPathTest {

    static final String BRIDGE_LINE = "link add name " + QBR
            + " type bridge forward_delay 0 stp_state 0 mcast_snooping 0 ageing_time 0";

    /** The read a plug of a new qvo port makes on the system datapath: the port's stale QoS rows. */
    static final Read QOS_READ = OvsdbCommands.qosRead(QOS_KEY_QVO);

    /**
     * The one ip process of a new plug: the bridge (when new, without an IPv6 link-local address),
     * the veth pair, each end up, promiscuous, MTU, qvb on the bridge, the bridge up.
     */
    static List<String> plugBatch(boolean newBridge) {
        List<String> lines = new ArrayList<>();
        if (newBridge) {
            lines.add(BRIDGE_LINE);
            lines.add("link set dev " + QBR + " addrgenmode none");
        }
        lines.add("link add name " + QVB + " type veth peer name " + QVO);
        for (String dev : List.of(QVB, QVO)) {
            lines.add("link set dev " + dev + " up");
            lines.add("link set dev " + dev + " promisc on");
            lines.add("link set dev " + dev + " mtu 1500");
        }
        lines.add("link set dev " + QVB + " master " + QBR);
        lines.add("link set dev " + QBR + " up");
        return forcedBatch(lines.toArray(String[]::new));
    }

    /** What a new plug does on the host before its transaction: one ip process, then the bridge's sysctls. */
    static List<String> newPlugDevices() {
        List<String> steps = new ArrayList<>(plugBatch(true));
        steps.addAll(bridgeSysctls(QBR));
        return steps;
    }

    /**
     * The transaction of a new qvo port: the bridge, a plain add-port, the destruction of each
     * {@code stale} QoS row, the new row, the Port's isolation (when {@code isolated}) and QoS
     * link, the Interface's external_ids.
     */
    static Txn portTxn(boolean isolated, List<String> stale) {
        List<OvsdbCommand> commands = new ArrayList<>(List.of(addBridge(BRIDGE, "system"), newPort(BRIDGE, QVO)));
        stale.forEach(uuid -> commands.add(destroyQos(uuid)));
        commands.add(createQos(QOS_KEY_QVO));
        commands.add(setPort(QVO, isolated, true));
        commands.add(set("Interface", QVO, "external_ids", vifIds(IFACE_ID)));
        return txn(commands);
    }

    static Txn portTxn(boolean isolated) {
        return portTxn(isolated, List.of());
    }

    /** The re-plug transaction of an existing qvo port: --may-exist add-port, no isolation, no QoS row. */
    static Txn replugTxn(String datapath) {
        return txn(addBridge(BRIDGE, datapath), mayExistPort(BRIDGE, QVO),
                set("Interface", QVO, "external_ids", vifIds(IFACE_ID)));
    }

    /** The timeline of a new plug: the QoS read, the devices, then {@code last}. */
    static List<Object> newPlug(Object... last) {
        List<Object> steps = new ArrayList<>();
        steps.add(QOS_READ);
        steps.addAll(newPlugDevices());
        steps.addAll(List.of(last));
        return steps;
    }

    @Test
    @DisplayName("plug makes the Linux bridge, the veth pair and the qvo port in one ip process and one transaction; "
            + "the only read is the qvo port's stale QoS rows; the sysctls are file writes")
    void plugNew() {
        plugin().plug(hybridVif(), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(newPlug(portTxn(false)));
        assertThat(runner.commandCount()).isEqualTo(1);
        assertThat(runner.files().devices()).containsExactlyInAnyOrder(QBR, QVB, QVO);
        assertThat(ovsdb.hasPort(QVO)).isTrue();
    }

    @Test
    @DisplayName("plug with isolate_vif tags the new qvo port in its creating transaction: one read, one transaction")
    void plugIsolated() {
        plugin(isolating()).plug(hybridVif(), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(newPlug(portTxn(true)));
        assertThat(ovsdb.reads()).hasSize(1);
        assertThat(ovsdb.transactions()).hasSize(1);
    }

    @Test
    @DisplayName("a QoS row left behind by a vanished qvo port is destroyed before the new one is created, "
            + "in the port's one transaction")
    void staleQosRow() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_QVO));
        plugin(isolating()).plug(hybridVif(), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(newPlug(portTxn(true, List.of(QOS_ROW))));
        assertThat(ovsdb.transactions()).hasSize(1);
    }

    @Test
    @DisplayName("two stale QoS rows are both destroyed, in the order found, before the new row")
    void twoStaleQosRows() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_QVO)).withQos(QOS_ROW_2, qosIds(QOS_KEY_QVO));
        plugin().plug(hybridVif(), instance());
        List<Object> timeline = ovsdb.timeline();
        assertThat(timeline.get(timeline.size() - 1)).isEqualTo(portTxn(false, List.of(QOS_ROW, QOS_ROW_2)));
        assertThat(ovsdb.transactions()).hasSize(1);
        assertThat(ovsdb.qosRows()).hasSize(1).doesNotContain(QOS_ROW, QOS_ROW_2);
    }

    @Test
    @DisplayName("on the netdev datapath the qvo port gets no QoS read, no QoS row and --may-exist: one ip process "
            + "and one transaction")
    void plugNetdev() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_QVO));
        plugin().plug(hybridVif(profile().datapathType("netdev").build()), instance());
        List<Object> expected = new ArrayList<>(newPlugDevices());
        expected.add(replugTxn("netdev"));
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(expected);
        assertThat(runner.commandCount()).isEqualTo(1);
        assertThat(ovsdb.reads()).isEmpty();
        assertThat(ovsdb.transactions()).hasSize(1);
    }

    @Test
    @DisplayName("re-plug of a qvo port that still exists (without its veth) with its QoS row: the re-plug "
            + "transaction carries neither destroy nor create")
    void stalePortWithQosRow() {
        ovsdb.withPort(BRIDGE, QVO).withQos(QOS_ROW, qosIds(QOS_KEY_QVO));
        plugin(isolating()).plug(hybridVif(), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(newPlug(
                portTxn(true, List.of(QOS_ROW)),
                replugTxn("system")));
        assertThat(ovsdb.transactions().get(1)).noneMatch(c -> c instanceof OvsdbCommand.Destroy
                || c instanceof OvsdbCommand.Create || c.toString().contains("QoS") || c.toString().contains("qos"));
        assertThat(ovsdb.qosRows()).containsExactly(QOS_ROW);
    }

    @Test
    @DisplayName("a failed read of stale QoS rows comes before any device work: nothing is made")
    void qosReadFails() {
        IllegalStateException down = new IllegalStateException("database connection failed");
        ovsdb.failReads(down);
        assertThatThrownBy(() -> plugin().plug(hybridVif(), instance())).isSameAs(down);
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ);
        assertThat(runner.files().devices()).isEmpty();
    }

    @Test
    @DisplayName("a qvo port left in the database without its veth: the pair is made and the port re-plugged untagged")
    void stalePort() {
        ovsdb.withPort(BRIDGE, QVO);
        plugin(isolating()).plug(hybridVif(), instance());
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(newPlug(portTxn(true), replugTxn("system")));
        assertThat(ovsdb.transactions()).hasSize(2);
    }

    @Test
    @DisplayName("re-plug of an existing pair writes the sysctls and updates the MTUs in one ip process, "
            + "with no OVSDB call at all")
    void replug() {
        deviceExists(runner, QBR);
        deviceExists(runner, QVO);
        plugin(isolating()).plug(hybridVif(), instance());
        List<Object> expected = new ArrayList<>(bridgeSysctls(QBR));
        expected.addAll(forcedBatch("link set dev " + QBR + " up", "link set dev " + QVB + " mtu 1500",
                "link set dev " + QVO + " mtu 1500"));
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(expected);
        assertThat(ovsdb.transactions()).isEmpty();
        assertThat(ovsdb.reads()).isEmpty();
    }

    @Test
    @DisplayName("a leftover qvb is deleted in the plug's batch, before the pair is made")
    void leftoverQvb() {
        deviceExists(runner, QVB);
        plugin(OvsSettings.defaults()).plug(hybridVif(profile().datapathType("netdev").build()), instance());
        assertThat(ovsdb.timeline().subList(0, 4)).containsExactly("$ ip -force -batch -", "  " + BRIDGE_LINE,
                "  link set dev " + QBR + " addrgenmode none", "  link del dev " + QVB);
    }

    @Test
    @DisplayName("a failed port transaction is not retried and deletes the veth pair and the bridge this plug made")
    void rollbackAll() {
        RuntimeException error = RecordingOvsdb.vsctlFailure("ovs-vsctl: transaction error");
        ovsdb.failTransactions(RecordingOvsdb.holding(OvsdbCommand.AddPort.class), () -> error);
        assertThatThrownBy(() -> plugin(isolating()).plug(hybridVif(), instance()))
                .isSameAs(error)
                .hasMessageContaining("transaction error");
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(newPlug(
                portTxn(true),
                run(ip("link", "del", "dev", QVB)),
                run(ip("link", "del", "dev", QBR))));
        assertThat(ovsdb.transactions()).hasSize(1);
        assertThat(runner.files().devices()).isEmpty();
    }

    @Test
    @DisplayName("a failed re-plug transaction deletes the veth pair and the bridge this plug made")
    void replugFailureRollsBack() {
        ovsdb.withPort("br-ex", QVO);
        assertThatThrownBy(() -> plugin().plug(hybridVif(), instance()))
                .isInstanceOf(NativeCommandException.class)
                .hasMessageContaining("is actually attached to bridge br-ex");
        List<Object> timeline = ovsdb.timeline();
        assertThat(timeline.subList(timeline.size() - 4, timeline.size())).containsExactly(
                portTxn(false),
                replugTxn("system"),
                run(ip("link", "del", "dev", QVB)),
                run(ip("link", "del", "dev", QBR)));
        assertThat(runner.files().devices()).isEmpty();
    }

    @Test
    @DisplayName("a batch line that fails in the middle is named in the error, and the devices of the lines before "
            + "it are deleted by one more ip process; no port is added")
    void vethHalfway() {
        batchFailsAt(runner, "link set dev " + QVB + " promisc on", "RTNETLINK answers: error");
        assertThatThrownBy(() -> plugin().plug(hybridVif(), instance()))
                .isInstanceOfSatisfying(IpBatchException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.device()).isEqualTo(QVB);
                    assertThat(e.step()).isEqualTo("set " + QVB + " promiscuous on (ip link set dev " + QVB
                            + " promisc on)");
                    assertThat(e.kernelMessage()).isEqualTo("RTNETLINK answers: error");
                })
                .hasMessage("Step 'set " + QVB + " promiscuous on (ip link set dev " + QVB + " promisc on)' failed on "
                        + "device " + QVB + " (line 5 of the ip batch): RTNETLINK answers: error");
        List<Object> expected = new ArrayList<>();
        expected.add(QOS_READ);
        expected.addAll(plugBatch(true));
        expected.addAll(forcedBatch("link del dev " + QVB, "link del dev " + QBR));
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(expected);
        assertThat(ovsdb.transactions()).isEmpty();
    }

    @Test
    @DisplayName("a failure keeps a Linux bridge that existed before the plug")
    void rollbackKeepsExistingBridge() {
        deviceExists(runner, QBR);
        batchFailsAt(runner, "link set dev " + QVB + " master " + QBR, "RTNETLINK answers: No such device");
        assertThatThrownBy(() -> plugin().plug(hybridVif(), instance()))
                .isInstanceOf(IpBatchException.class)
                .hasMessageContaining("line 8 of the ip batch");
        List<Object> expected = new ArrayList<>();
        expected.add(QOS_READ);
        expected.addAll(bridgeSysctls(QBR));
        expected.addAll(plugBatch(false));
        expected.add(run(ip("link", "del", "dev", QVB)));
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(expected);
        assertThat(ovsdb.transactions()).isEmpty();
    }

    @Test
    @DisplayName("unplug removes the qvo port and its QoS row, then deletes the Linux bridge and the veth pair in "
            + "one ip process")
    void unplug() {
        ovsdb.withPort(BRIDGE, QVO).withQos(QOS_ROW, qosIds(QOS_KEY_QVO));
        deviceExists(runner, QBR);
        deviceExists(runner, QVO);
        plugin().unplug(hybridVif(), instance());
        List<Object> expected = new ArrayList<>(List.of(
                txn(deletePort(BRIDGE, QVO)),
                QOS_READ,
                txn(destroyQos(QOS_ROW))));
        expected.addAll(forcedBatch("link del dev " + QBR, "link del dev " + QVO));
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(expected);
        assertThat(ovsdb.hasPort(QVO)).isFalse();
        assertThat(ovsdb.qosRows()).isEmpty();
    }

    @Test
    @DisplayName("unplug when no device is left starts no ip process")
    void unplugNothingLeft() {
        plugin().unplug(hybridVif(profile().datapathType("netdev").build()), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(deletePort(BRIDGE, QVO)));
    }

    @Test
    @DisplayName("plug and unplug of one VIF hold its lock while their commands and OVSDB calls run")
    void locked() {
        NamedLocks locks = new NamedLocks();
        String lock = "os-vif-ovs-hybrid-" + QVO;
        List<Boolean> held = new ArrayList<>();
        runner.when(c -> true).thenAnswer(c -> {
            held.add(locks.isHeldByCurrentThread(lock));
            return RecordingCommandRunner.ok().apply(c);
        });
        ovsdb.onEachCall(() -> held.add(locks.isHeldByCurrentThread(lock)));
        OvsPlugin plugin = new OvsPlugin(OvsSettings.defaults(), ovsdb, runner, locks);
        plugin.plug(hybridVif(), instance());
        plugin.unplug(hybridVif(), instance());
        // plug: the QoS read, one ip batch, the transaction; unplug: the port's transaction, the QoS read, the
        // destruction of the row plug made, one ip batch
        assertThat(held).hasSize(7).containsOnly(true);
        assertThat(locks.isHeldByCurrentThread(lock)).isFalse();
    }

    @Test
    @DisplayName("create_tap is refused before anything runs")
    void createTap() {
        assertThatThrownBy(() -> plugin().plug(hybridVif(profile().createTap(true).build()), instance()))
                .isInstanceOf(TapCreationNotSupportedException.class)
                .hasMessage("Tap creation is not supported for VIF type VIFBridge");
        assertThat(ovsdb.timeline()).isEmpty();
    }
}
