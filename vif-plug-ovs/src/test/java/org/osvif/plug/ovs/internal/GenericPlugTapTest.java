package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.GenericTxns.QOS_READ;
import static org.osvif.plug.ovs.internal.GenericTxns.replugTxn;
import static org.osvif.plug.ovs.internal.GenericTxns.tapPortTxn;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.MAC;
import static org.osvif.plug.ovs.internal.OvsFixtures.TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.deviceExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.forcedBatch;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.ip;
import static org.osvif.plug.ovs.internal.OvsFixtures.isolating;
import static org.osvif.plug.ovs.internal.OvsFixtures.ovsVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.run;
import static org.osvif.plug.ovs.internal.OvsFixtures.write;
import static org.osvif.plug.ovs.internal.OvsdbCommands.addBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.txn;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/**
 * The generic path with {@code create_tap}: the tap's host steps interleaved with the OVSDB
 * calls, and its deletion when the port's transaction fails.
 */
@DisplayName("VIFOpenVSwitch, generic path: create_tap")
class GenericPlugTapTest extends PlugPathTest {
    private static final String TAP_DEL = run(ip("link", "del", "dev", TAP));

    private static VifOpenVSwitch tapVif() {
        return ovsVif(profile().createPort(true).createTap(true).build()).build();
    }

    /** The one ip process that makes a tap: created, MAC, up, MTU (the last three tolerate a kernel refusal). */
    static List<String> tapBatch(String create) {
        return forcedBatch(create, "link set dev " + TAP + " address " + MAC, "link set dev " + TAP + " up",
                "link set dev " + TAP + " mtu 1500");
    }

    /** The steps that make a new tap: the batch, then IPv6 off. */
    static List<String> newTap() {
        List<String> steps = new ArrayList<>(tapBatch("tuntap add dev " + TAP + " mode tap"));
        steps.add(write("/proc/sys/net/ipv6/conf/" + TAP + "/disable_ipv6", "1"));
        return steps;
    }

    @Test
    @DisplayName("reads the stale QoS rows, creates the tap (IPv6 off, MAC, up, MTU), then the port")
    void newTapThenPort() {
        plugin(OvsSettings.defaults()).plug(tapVif(), instance());
        List<Object> expected = new ArrayList<>();
        expected.add(QOS_READ);
        expected.addAll(newTap());
        expected.add(tapPortTxn(false));
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(expected);
        assertThat(runner.commandCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("with multiqueue the tap gets several queues")
    void multiqueue() {
        plugin(OvsSettings.defaults()).plug(ovsVif(profile().createPort(true).createTap(true).multiqueue(true)
                .build()).build(), instance());
        assertThat(ovsdb.timeline().subList(1, 6)).containsExactlyElementsOf(
                tapBatch("tuntap add dev " + TAP + " mode tap multi_queue").subList(0, 5));
    }

    @Test
    @DisplayName("an existing tap is kept and only gets its MTU")
    void existingTap() {
        deviceExists(runner, TAP);
        plugin(OvsSettings.defaults()).plug(tapVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                QOS_READ,
                run(ip("link", "set", "dev", TAP, "mtu", "1500")),
                tapPortTxn(false));
    }

    @Test
    @DisplayName("without create_port no tap is made, as upstream")
    void needsCreatePort() {
        plugin(OvsSettings.defaults()).plug(ovsVif(profile().createTap(true).build()).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(addBridge(BRIDGE, "system")));
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("a failed port transaction is not retried and deletes the tap it made")
    void rollback() {
        RuntimeException error = RecordingOvsdb.vsctlFailure("ovs-vsctl: no bridge named br-int");
        ovsdb.failTransactions(RecordingOvsdb.holding(OvsdbCommand.AddPort.class), () -> error);
        assertThatThrownBy(() -> plugin(isolating()).plug(tapVif(), instance()))
                .isSameAs(error)
                .hasMessageContaining("no bridge named br-int");
        List<Object> expected = new ArrayList<>();
        expected.add(QOS_READ);
        expected.addAll(newTap());
        expected.add(tapPortTxn(true));
        expected.add(TAP_DEL);
        assertThat(ovsdb.timeline()).containsExactlyElementsOf(expected);
        assertThat(runner.files().devices()).isEmpty();
        assertThat(ovsdb.transactions()).hasSize(1);
    }

    @Test
    @DisplayName("a port left in the database without its tap: the tap is made, the re-plug keeps it")
    void stalePortKeepsTap() {
        ovsdb.withPort(BRIDGE, TAP);
        plugin(isolating()).plug(tapVif(), instance());
        List<Object> timeline = ovsdb.timeline();
        assertThat(timeline.subList(timeline.size() - 2, timeline.size())).containsExactly(
                tapPortTxn(true),
                replugTxn("system", null));
        assertThat(timeline).doesNotContain(TAP_DEL);
        assertThat(runner.files().devices()).containsExactly(TAP);
    }

    @Test
    @DisplayName("a failed re-plug transaction deletes the tap this plug made")
    void replugFailureRollsBack() {
        ovsdb.withPort(BRIDGE, TAP);
        RuntimeException error = RecordingOvsdb.vsctlFailure("ovs-vsctl: transaction error: constraint violation\n");
        ovsdb.failTransactions(c -> c.contains(new OvsdbCommand.AddPort(BRIDGE, TAP, true)), () -> error);
        assertThatThrownBy(() -> plugin(isolating()).plug(tapVif(), instance()))
                .isSameAs(error)
                .hasMessageContaining("constraint violation");
        List<Object> timeline = ovsdb.timeline();
        assertThat(timeline.subList(timeline.size() - 3, timeline.size())).containsExactly(
                tapPortTxn(true),
                replugTxn("system", null),
                TAP_DEL);
    }

    @Test
    @DisplayName("a tap whose IPv6 cannot be switched off is deleted again")
    void tapHalfway() {
        runner.files().refuseWrites("/proc/sys/net/ipv6/conf/" + TAP + "/disable_ipv6", "Permission denied");
        assertThatThrownBy(() -> plugin(OvsSettings.defaults()).plug(tapVif(), instance()))
                .isInstanceOf(org.osvif.exec.HostFileException.class)
                .hasMessage("Writing 1 to /proc/sys/net/ipv6/conf/" + TAP + "/disable_ipv6 failed: "
                        + "Permission denied");
        assertThat(ovsdb.transactions()).isEmpty();
        List<Object> timeline = ovsdb.timeline();
        assertThat(timeline.get(timeline.size() - 1)).isEqualTo(TAP_DEL);
        assertThat(runner.files().devices()).isEmpty();
    }

    @Test
    @DisplayName("a tap whose batch fails in the middle is deleted again, and the error names the step")
    void tapBatchFails() {
        OvsFixtures.batchFailsAt(runner, "link set dev " + TAP + " address " + MAC, "Cannot find device \"" + TAP
                + "\"");
        assertThatThrownBy(() -> plugin(OvsSettings.defaults()).plug(tapVif(), instance()))
                .isInstanceOf(org.osvif.net.IpBatchException.class)
                .hasMessage("Step 'set MAC of " + TAP + " to " + MAC + " (ip link set dev " + TAP + " address "
                        + MAC + ")' failed on device " + TAP + " (line 2 of the ip batch): Cannot find device \""
                        + TAP + "\"");
        List<Object> timeline = ovsdb.timeline();
        assertThat(timeline.get(timeline.size() - 1)).isEqualTo(TAP_DEL);
        assertThat(ovsdb.transactions()).isEmpty();
    }
}
