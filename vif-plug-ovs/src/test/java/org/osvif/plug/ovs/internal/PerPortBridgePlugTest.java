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
import static org.osvif.plug.ovs.internal.OvsFixtures.deviceExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.ip;
import static org.osvif.plug.ovs.internal.OvsFixtures.network;
import static org.osvif.plug.ovs.internal.OvsFixtures.ovsVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.run;
import static org.osvif.plug.ovs.internal.OvsdbCommands.addBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.createQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.deleteBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.deletePort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.destroyQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.ids;
import static org.osvif.plug.ovs.internal.OvsdbCommands.mayExistPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.newPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.portRead;
import static org.osvif.plug.ovs.internal.OvsdbCommands.qosIds;
import static org.osvif.plug.ovs.internal.OvsdbCommands.set;
import static org.osvif.plug.ovs.internal.OvsdbCommands.setPort;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Read;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Txn;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/** The per-port bridge path at the OVSDB seam: one transaction per plug and per unplug. */
@DisplayName("VIFOpenVSwitch, per_port_bridge")
class PerPortBridgePlugTest extends PlugPathTest {
    private static final OvsSettings PER_PORT = OvsSettings.defaults().withPerPortBridge(true);
    /** The first read of a plug on the system datapath: the VIF port's stale QoS rows. */
    private static final Read QOS_READ = OvsdbCommands.qosRead(QOS_KEY_TAP);

    /**
     * The plug's one transaction. The VIF's port is added with a plain add-port when it is to be
     * isolated or to get a QoS row (PortRequest.addTo), else with --may-exist, and gets its
     * mtu_request (none when {@code mtu} is null: create_tap); the patch ports always with
     * --may-exist, the integration side tagged when the existence read found it new.
     */
    static Txn txn(boolean isolatedTap, boolean qos, boolean taggedPatch, List<String> stale, String datapath,
            Integer mtu) {
        List<OvsdbCommand> c = new ArrayList<>(List.of(addBridge(BRIDGE, datapath), addBridge(PB, datapath)));
        c.add(isolatedTap || qos ? newPort(PB, TAP) : mayExistPort(PB, TAP));
        if (qos) {
            stale.forEach(uuid -> c.add(destroyQos(uuid)));
            c.add(createQos(QOS_KEY_TAP));
        }
        if (isolatedTap || qos) {
            c.add(setPort(TAP, isolatedTap, qos));
        }
        if (mtu != null) {
            c.add(set("Interface", TAP, "mtu_request", mtu));
        }
        c.add(mayExistPort(BRIDGE, IBP));
        if (taggedPatch) {
            c.add(set("Port", IBP, "tag", 4095));
        }
        c.add(set("Interface", IBP,
                "external_ids", ids("iface-id", VIF_ID, "iface-status", "active", "attached-mac", MAC,
                        "vm-uuid", INSTANCE_UUID),
                "type", "patch", "options", ids("peer", PBP)));
        c.add(mayExistPort(PB, PBP));
        c.add(set("Interface", PBP, "type", "patch", "options", ids("peer", IBP)));
        return OvsdbCommands.txn(c);
    }

    static Txn txn(boolean isolatedTap, boolean qos, boolean taggedPatch, List<String> stale) {
        return txn(isolatedTap, qos, taggedPatch, stale, "system", 1500);
    }

    static Txn txn(boolean isolatedTap, boolean qos, boolean taggedPatch) {
        return txn(isolatedTap, qos, taggedPatch, List.of());
    }

    @Test
    @DisplayName("plug reads the VIF port's stale QoS rows, then makes both bridges, the port (with mtu_request) "
            + "and the patch pair in one transaction")
    void plug() {
        plugin(PER_PORT).plug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, txn(false, true, false));
        assertThat(ovsdb.transactions()).hasSize(1);
        assertThat(ovsdb.bridgeOf(TAP)).contains(PB);
        assertThat(ovsdb.bridgeOf(IBP)).contains(BRIDGE);
        assertThat(ovsdb.bridgeOf(PBP)).contains(PB);
    }

    @Test
    @DisplayName("a QoS row left behind by a vanished VIF port is destroyed before the new one is created, "
            + "in the plug's one transaction")
    void staleQosRow() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_TAP));
        plugin(PER_PORT).plug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, txn(false, true, false, List.of(QOS_ROW)));
        assertThat(ovsdb.transactions()).hasSize(1);
    }

    @Test
    @DisplayName("two stale QoS rows are both destroyed, in the order found, before the new row; with isolate_vif")
    void twoStaleQosRows() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_TAP)).withQos(QOS_ROW_2, qosIds(QOS_KEY_TAP));
        plugin(PER_PORT.withIsolateVif(true)).plug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                QOS_READ,
                portRead(IBP),
                txn(true, true, true, List.of(QOS_ROW, QOS_ROW_2)));
    }

    @Test
    @DisplayName("on the netdev datapath without isolate_vif the VIF port is added with --may-exist, no read")
    void plugNetdev() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_TAP));
        plugin(PER_PORT).plug(ovsVif(profile().datapathType("netdev").build()).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(false, false, false, List.of(), "netdev", 1500));
        assertThat(ovsdb.qosRows()).containsExactly(QOS_ROW);
    }

    @Test
    @DisplayName("plug with isolate_vif isolates the new port and tags the new integration-side patch port; "
            + "the reads are the VIF port's stale QoS rows and the patch port's existence")
    void plugIsolated() {
        plugin(PER_PORT.withIsolateVif(true)).plug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, portRead(IBP), txn(true, true, true));
    }

    @Test
    @DisplayName("re-plug with isolate_vif leaves an existing integration-side patch port untagged (the read)")
    void replugPatchPort() {
        ovsdb.withPort(BRIDGE, IBP);
        plugin(PER_PORT.withIsolateVif(true)).plug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, portRead(IBP), txn(true, true, false));
    }

    /**
     * The VIF port is added with a plain add-port when it gets isolation or QoS (QoS: every plug
     * on the system datapath, the default); when it exists, the driver refuses the whole
     * transaction and PortRequest.commitOrReplug builds it again around the re-plug request.
     */
    @Test
    @DisplayName("re-plug of an existing VIF port succeeds and neither isolates it nor adds a QoS row")
    void replugExistingVifPort() {
        ovsdb.withPort(PB, TAP).withPort(BRIDGE, IBP);
        plugin(PER_PORT.withIsolateVif(true)).plug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                QOS_READ,
                portRead(IBP),
                txn(true, true, false),
                txn(false, false, false));
        assertThat(ovsdb.qosRows()).isEmpty();
    }

    @Test
    @DisplayName("re-plug of an existing VIF port whose QoS row the read finds: the first transaction destroys and "
            + "creates, the re-plug carries neither destroy nor create")
    void replugExistingVifPortWithQosRow() {
        ovsdb.withPort(PB, TAP).withQos(QOS_ROW, qosIds(QOS_KEY_TAP));
        plugin(PER_PORT).plug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                QOS_READ,
                txn(false, true, false, List.of(QOS_ROW)),
                txn(false, false, false));
        assertThat(ovsdb.transactions().get(1)).noneMatch(c -> c instanceof OvsdbCommand.Destroy
                || c instanceof OvsdbCommand.Create || c.toString().contains("QoS") || c.toString().contains("qos"));
        assertThat(ovsdb.transactions()).hasSize(2);
        assertThat(ovsdb.qosRows()).containsExactly(QOS_ROW);
    }

    @Test
    @DisplayName("with create_tap the tap is made first and deleted if the transaction fails, which is not retried")
    void createTapRollback() {
        RuntimeException error = RecordingOvsdb.vsctlFailure("ovs-vsctl: error");
        ovsdb.failTransactions(RecordingOvsdb.holding(OvsdbCommand.AddPort.class), () -> error);
        assertThatThrownBy(() -> plugin(PER_PORT).plug(ovsVif(profile().createTap(true).build()).build(),
                instance())).isSameAs(error);
        List<Object> timeline = ovsdb.timeline();
        assertThat(timeline.subList(0, 3)).containsExactly(
                QOS_READ,
                "$ ip -force -batch -",
                "  tuntap add dev " + TAP + " mode tap");
        assertThat(timeline.subList(timeline.size() - 2, timeline.size())).containsExactly(
                txn(false, true, false, List.of(), "system", null),
                run(ip("link", "del", "dev", TAP)));
        assertThat(ovsdb.transactions()).hasSize(1);
        assertThat(runner.files().devices()).isEmpty();
    }

    @Test
    @DisplayName("unplug removes the patch pair, the port and the per-port bridge in one transaction, then the QoS row")
    void unplug() {
        ovsdb.withPort(BRIDGE, IBP).withPort(PB, PBP).withPort(PB, TAP).withQos(QOS_ROW, qosIds(QOS_KEY_TAP));
        deviceExists(runner, TAP);
        plugin(PER_PORT).unplug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                OvsdbCommands.txn(deletePort(BRIDGE, IBP), deletePort(PB, PBP), deletePort(PB, TAP),
                        deleteBridge(PB)),
                QOS_READ,
                OvsdbCommands.txn(destroyQos(QOS_ROW)),
                run(ip("link", "del", "dev", TAP)));
        assertThat(ovsdb.hasBridge(PB)).isFalse();
        assertThat(ovsdb.hasPort(IBP)).isFalse();
        assertThat(ovsdb.hasBridge(BRIDGE)).isTrue();
    }

    @Test
    @DisplayName("unplug from a trunk bridge deletes it too, never the integration bridge")
    void unplugTrunk() {
        String trunk = "tbr-5e6f7a8b-9c";
        plugin(PER_PORT).unplug(ovsVif(profile().build()).network(network(trunk)).build(), instance());
        assertThat(ovsdb.transactions().get(0)).containsExactly(
                deletePort(trunk, IBP), deletePort(PB, PBP), deletePort(PB, TAP),
                deleteBridge(PB), deleteBridge(trunk));
        assertThat(ovsdb.transactions()).flatMap(t -> t).doesNotContain(deleteBridge(BRIDGE));
    }

    @Test
    @DisplayName("patch port names keep the whole VIF id (64 characters at most), as upstream")
    void names() {
        assertThat(PortNames.perPortBridgePatch(VIF_ID)).isEqualTo("pbp" + VIF_ID).hasSize(39);
        assertThat(PortNames.integrationBridgePatch(VIF_ID)).isEqualTo("ibp" + VIF_ID);
        assertThat(PortNames.perPortBridge(VIF_ID)).isEqualTo(PB).hasSize(14);
    }
}
