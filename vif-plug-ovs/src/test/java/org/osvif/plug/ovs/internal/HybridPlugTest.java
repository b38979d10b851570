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
import static org.osvif.plug.ovs.internal.OvsFixtures.destroyQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.deviceExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.externalIds;
import static org.osvif.plug.ovs.internal.OvsFixtures.concat;
import static org.osvif.plug.ovs.internal.OvsFixtures.findDefaultQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.findQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.hybridVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.batchFailsAt;
import static org.osvif.plug.ovs.internal.OvsFixtures.bridgeSysctls;
import static org.osvif.plug.ovs.internal.OvsFixtures.forcedBatch;
import static org.osvif.plug.ovs.internal.OvsFixtures.ip;
import static org.osvif.plug.ovs.internal.OvsFixtures.run;
import static org.osvif.plug.ovs.internal.OvsFixtures.isolating;
import static org.osvif.plug.ovs.internal.OvsFixtures.nothingExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.plugin;
import static org.osvif.plug.ovs.internal.OvsFixtures.portAlreadyOn;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.row;
import static org.osvif.plug.ovs.internal.OvsFixtures.staleQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.str;
import static org.osvif.plug.ovs.internal.OvsFixtures.vsctl;
import static org.osvif.plug.ovs.internal.OvsFixtures.vsctlRuns;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.exec.CommandFailedException;
import org.osvif.net.IpBatchException;
import org.osvif.plug.ovs.TapCreationNotSupportedException;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

@ExtendWith(RecordingCommandRunnerExtension.class)
@DisplayName("VIFBridge, hybrid plug")
class HybridPlugTest {

    static final String BRIDGE_LINE = "link add name " + QBR
            + " type bridge forward_delay 0 stp_state 0 mcast_snooping 0 ageing_time 0";

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

    /** The read a plug of a new qvo port runs on the system datapath: the port's stale QoS rows. */
    static final List<String> QOS_READ = findDefaultQos(QOS_KEY_QVO);

    /** The transaction of a new qvo port: a plain add-port, its QoS row, {@code portSet} (the isolation). */
    static List<String> portTxn(String... portSet) {
        return portTxn(List.of(), portSet);
    }

    /** The same, destroying each {@code stale} QoS row right before the new row's {@code create QoS}. */
    static List<String> portTxn(List<String> stale, String... portSet) {
        List<String> argv = vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                "datapath_type=system",
                "--", "add-port", BRIDGE, QVO);
        argv.addAll(destroyQos(stale.toArray(String[]::new)));
        argv.addAll(List.of("--", "--id=@qos", "create", "QoS", "type=linux-noop",
                "external_ids={id=" + str(QOS_KEY_QVO) + ",_type=linux-noop}",
                "--", "set", "Port", QVO));
        argv.addAll(List.of(portSet));
        argv.add("qos=@qos");
        argv.addAll(List.of("--", "set", "Interface", QVO));
        argv.addAll(externalIds(IFACE_ID));
        return argv;
    }

    /** The re-plug transaction of an existing qvo port: --may-exist add-port, no isolation, no QoS row. */
    static List<String> replugTxn() {
        return concat(vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                "datapath_type=system",
                "--", "--may-exist", "add-port", BRIDGE, QVO,
                "--", "set", "Interface", QVO), externalIds(IFACE_ID));
    }

    /** The steps of a new plug: the QoS read, the devices, then {@code last}. */
    static List<String> newPlug(String... last) {
        List<String> steps = new ArrayList<>();
        steps.add(run(QOS_READ));
        steps.addAll(newPlugDevices());
        steps.addAll(List.of(last));
        return steps;
    }

    @Test
    @DisplayName("plug makes the Linux bridge, the veth pair and the qvo port in one ip process and one transaction; "
            + "the only read is the qvo port's stale QoS rows; the sysctls are file writes")
    void plugNew(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner).plug(hybridVif(), instance());
        assertThat(runner.steps()).containsExactlyElementsOf(newPlug(run(portTxn())));
        assertThat(runner.commandCount()).isEqualTo(3);
        assertThat(runner.files().devices()).containsExactlyInAnyOrder(QBR, QVB, QVO);
    }

    @Test
    @DisplayName("plug with isolate_vif tags the new qvo port in its creating transaction: one read, one transaction")
    void plugIsolated(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner, isolating()).plug(hybridVif(), instance());
        assertThat(runner.steps()).containsExactlyElementsOf(
                newPlug(run(portTxn("tag=4095", "vlan_mode=trunk", "trunks=[4095]"))));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("a QoS row left behind by a vanished qvo port is destroyed before the new one is created, "
            + "in the port's one transaction")
    void staleQosRow(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_QVO, QOS_ROW);
        nothingExists(runner);
        plugin(runner, isolating()).plug(hybridVif(), instance());
        assertThat(runner.steps()).containsExactlyElementsOf(
                newPlug(run(portTxn(List.of(QOS_ROW), "tag=4095", "vlan_mode=trunk", "trunks=[4095]"))));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("two stale QoS rows are both destroyed, in the order found, before the new row")
    void twoStaleQosRows(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_QVO, QOS_ROW, QOS_ROW_2);
        nothingExists(runner);
        plugin(runner).plug(hybridVif(), instance());
        List<List<String>> argvs = runner.argvs();
        assertThat(argvs.get(argvs.size() - 1)).isEqualTo(portTxn(List.of(QOS_ROW, QOS_ROW_2)));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
    }

    @Test
    @DisplayName("on the netdev datapath the qvo port gets no QoS read, no QoS row and --may-exist: one ip and one "
            + "ovs-vsctl process")
    void plugNetdev(RecordingCommandRunner runner) {
        staleQos(runner, QOS_KEY_QVO, QOS_ROW);
        nothingExists(runner);
        plugin(runner).plug(hybridVif(profile().datapathType("netdev").build()), instance());
        List<String> expected = new ArrayList<>(newPlugDevices());
        expected.add(run(concat(vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                "datapath_type=netdev",
                "--", "--may-exist", "add-port", BRIDGE, QVO,
                "--", "set", "Interface", QVO), externalIds(IFACE_ID))));
        assertThat(runner.steps()).containsExactlyElementsOf(expected);
        assertThat(runner.commandCount()).isEqualTo(2);
        assertThat(vsctlRuns(runner)).isEqualTo(1);
    }

    @Test
    @DisplayName("re-plug of a qvo port that still exists (without its veth) with its QoS row: the re-plug "
            + "transaction carries neither destroy nor create")
    void stalePortWithQosRow(RecordingCommandRunner runner) {
        portAlreadyOn(runner, BRIDGE, QVO);
        staleQos(runner, QOS_KEY_QVO, QOS_ROW);
        nothingExists(runner);
        plugin(runner, isolating()).plug(hybridVif(), instance());
        assertThat(runner.steps()).containsExactlyElementsOf(newPlug(
                run(portTxn(List.of(QOS_ROW), "tag=4095", "vlan_mode=trunk", "trunks=[4095]")),
                run(replugTxn())));
        assertThat(runner.argvs().get(runner.argvs().size() - 1))
                .doesNotContain("destroy", "create", "QoS", "qos=@qos", QOS_ROW);
        assertThat(vsctlRuns(runner)).isEqualTo(3);
    }

    @Test
    @DisplayName("a failed read of stale QoS rows comes before any device work: nothing is made")
    void qosReadFails(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvEquals(QOS_READ.toArray(String[]::new)))
                .thenFail(1, "ovs-vsctl: database connection failed\n");
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner).plug(hybridVif(), instance()))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("database connection failed");
        assertThat(runner.steps()).containsExactly(run(QOS_READ));
        assertThat(runner.files().devices()).isEmpty();
    }

    @Test
    @DisplayName("a qvo port left in the database without its veth: the pair is made and the port re-plugged untagged")
    void stalePort(RecordingCommandRunner runner) {
        portAlreadyOn(runner, BRIDGE, QVO);
        nothingExists(runner);
        plugin(runner, isolating()).plug(hybridVif(), instance());
        assertThat(runner.steps()).containsExactlyElementsOf(newPlug(
                run(portTxn("tag=4095", "vlan_mode=trunk", "trunks=[4095]")), run(replugTxn())));
        assertThat(vsctlRuns(runner)).isEqualTo(3);
    }

    @Test
    @DisplayName("re-plug of an existing pair writes the sysctls and updates the MTUs in one ip process, "
            + "with no ovs-vsctl run at all")
    void replug(RecordingCommandRunner runner) {
        deviceExists(runner, QBR);
        deviceExists(runner, QVO);
        nothingExists(runner);
        plugin(runner, isolating()).plug(hybridVif(), instance());
        List<String> expected = new ArrayList<>(bridgeSysctls(QBR));
        expected.addAll(forcedBatch("link set dev " + QBR + " up", "link set dev " + QVB + " mtu 1500",
                "link set dev " + QVO + " mtu 1500"));
        assertThat(runner.steps()).containsExactlyElementsOf(expected);
        assertThat(vsctlRuns(runner)).isZero();
    }

    @Test
    @DisplayName("a leftover qvb is deleted in the plug's batch, before the pair is made")
    void leftoverQvb(RecordingCommandRunner runner) {
        deviceExists(runner, QVB);
        nothingExists(runner);
        plugin(runner, OvsSettings.defaults()).plug(hybridVif(profile().datapathType("netdev").build()), instance());
        assertThat(runner.steps().subList(0, 4)).containsExactly("$ ip -force -batch -", "  " + BRIDGE_LINE,
                "  link set dev " + QBR + " addrgenmode none", "  link del dev " + QVB);
    }

    @Test
    @DisplayName("a failed port transaction is not retried and deletes the veth pair and the bridge this plug made")
    void rollbackAll(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("add-port")).thenFail(1, "ovs-vsctl: transaction error");
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner, isolating()).plug(hybridVif(), instance()))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("transaction error");
        assertThat(runner.steps()).containsExactlyElementsOf(newPlug(
                run(portTxn("tag=4095", "vlan_mode=trunk", "trunks=[4095]")),
                run(ip("link", "del", "dev", QVB)),
                run(ip("link", "del", "dev", QBR))));
        assertThat(vsctlRuns(runner)).isEqualTo(2);
        assertThat(runner.files().devices()).isEmpty();
    }

    @Test
    @DisplayName("a failed re-plug transaction deletes the veth pair and the bridge this plug made")
    void replugFailureRollsBack(RecordingCommandRunner runner) {
        portAlreadyOn(runner, BRIDGE, QVO);
        runner.when(RecordingCommandRunner.argvContains("--may-exist", "add-port", BRIDGE, QVO)).thenFail(1,
                "ovs-vsctl: \"--may-exist add-port " + BRIDGE + " " + QVO + "\" but " + QVO
                        + " is actually attached to bridge br-ex\n");
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner).plug(hybridVif(), instance()))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("is actually attached to bridge br-ex");
        List<List<String>> argvs = runner.argvs();
        assertThat(argvs.subList(argvs.size() - 4, argvs.size())).containsExactly(
                portTxn(),
                replugTxn(),
                ip("link", "del", "dev", QVB),
                ip("link", "del", "dev", QBR));
    }

    @Test
    @DisplayName("a batch line that fails in the middle is named in the error, and the devices of the lines before "
            + "it are deleted by one more ip process; no port is added")
    void vethHalfway(RecordingCommandRunner runner) {
        batchFailsAt(runner, "link set dev " + QVB + " promisc on", "RTNETLINK answers: error");
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner).plug(hybridVif(), instance()))
                .isInstanceOfSatisfying(IpBatchException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.device()).isEqualTo(QVB);
                    assertThat(e.step()).isEqualTo("set " + QVB + " promiscuous on (ip link set dev " + QVB
                            + " promisc on)");
                    assertThat(e.kernelMessage()).isEqualTo("RTNETLINK answers: error");
                })
                .hasMessage("Step 'set " + QVB + " promiscuous on (ip link set dev " + QVB + " promisc on)' failed on "
                        + "device " + QVB + " (line 5 of the ip batch): RTNETLINK answers: error");
        List<String> expected = new ArrayList<>(plugBatch(true));
        expected.addAll(forcedBatch("link del dev " + QVB, "link del dev " + QBR));
        List<String> steps = runner.steps();
        assertThat(steps.subList(1, steps.size())).containsExactlyElementsOf(expected);
        assertThat(runner.argvs()).noneMatch(a -> a.contains("add-port"));
    }

    @Test
    @DisplayName("a failure keeps a Linux bridge that existed before the plug")
    void rollbackKeepsExistingBridge(RecordingCommandRunner runner) {
        deviceExists(runner, QBR);
        batchFailsAt(runner, "link set dev " + QVB + " master " + QBR, "RTNETLINK answers: No such device");
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner).plug(hybridVif(), instance()))
                .isInstanceOf(IpBatchException.class)
                .hasMessageContaining("line 8 of the ip batch");
        List<String> expected = new ArrayList<>();
        expected.add(run(QOS_READ));
        expected.addAll(bridgeSysctls(QBR));
        expected.addAll(plugBatch(false));
        expected.add(run(ip("link", "del", "dev", QVB)));
        assertThat(runner.steps()).containsExactlyElementsOf(expected);
        assertThat(runner.argvs()).noneMatch(a -> a.contains("add-port"));
    }

    @Test
    @DisplayName("unplug removes the qvo port and its QoS row, then deletes the Linux bridge and the veth pair in "
            + "one ip process")
    void unplug(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("QoS")).thenReturn(row(QOS_ROW));
        nothingExists(runner);
        deviceExists(runner, QBR);
        deviceExists(runner, QVO);
        plugin(runner).unplug(hybridVif(), instance());
        List<String> expected = new ArrayList<>(List.of(
                run(vsctl("--", "--if-exists", "del-port", BRIDGE, QVO)),
                run(findQos(QOS_KEY_QVO, "linux-noop")),
                run(vsctl("--", "--if-exists", "destroy", "QoS", QOS_ROW))));
        expected.addAll(forcedBatch("link del dev " + QBR, "link del dev " + QVO));
        assertThat(runner.steps()).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("unplug when no device is left starts no ip process")
    void unplugNothingLeft(RecordingCommandRunner runner) {
        nothingExists(runner);
        plugin(runner).unplug(hybridVif(profile().datapathType("netdev").build()), instance());
        assertThat(runner.steps()).containsExactly(run(vsctl("--", "--if-exists", "del-port", BRIDGE, QVO)));
    }

    @Test
    @DisplayName("plug and unplug of one VIF hold its lock while their commands run")
    void locked(RecordingCommandRunner runner) {
        org.osvif.net.NamedLocks locks = new org.osvif.net.NamedLocks();
        String lock = "os-vif-ovs-hybrid-" + QVO;
        List<Boolean> held = new ArrayList<>();
        runner.when(c -> true).thenAnswer(c -> {
            held.add(locks.isHeldByCurrentThread(lock));
            if (c.argv().contains("find")) {
                return RecordingCommandRunner.ok(OvsFixtures.NO_ROWS).apply(c);
            }
            return RecordingCommandRunner.ok().apply(c);
        });
        OvsPlugin plugin = new OvsPlugin(OvsSettings.defaults(), new org.osvif.plug.ovs.internal.ovsdb.VsctlOvsdb(
                runner, OvsFixtures.CONNECTION, java.time.Duration.ofSeconds(120)), runner, locks);
        plugin.plug(hybridVif(), instance());
        plugin.unplug(hybridVif(), instance());
        assertThat(held).isNotEmpty().containsOnly(true);
        assertThat(locks.isHeldByCurrentThread(lock)).isFalse();
    }

    @Test
    @DisplayName("create_tap is refused before anything runs")
    void createTap(RecordingCommandRunner runner) {
        nothingExists(runner);
        assertThatThrownBy(() -> plugin(runner).plug(hybridVif(profile().createTap(true).build()), instance()))
                .isInstanceOf(TapCreationNotSupportedException.class)
                .hasMessage("Tap creation is not supported for VIF type VIFBridge");
        assertThat(runner.commandCount()).isZero();
    }
}
