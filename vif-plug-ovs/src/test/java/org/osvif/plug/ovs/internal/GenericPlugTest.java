package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.GenericTxns.MTU;
import static org.osvif.plug.ovs.internal.GenericTxns.QOS_READ;
import static org.osvif.plug.ovs.internal.GenericTxns.netdevIsolatedTxn;
import static org.osvif.plug.ovs.internal.GenericTxns.newPortTxn;
import static org.osvif.plug.ovs.internal.GenericTxns.replugTxn;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.IFACE_ID;
import static org.osvif.plug.ovs.internal.OvsFixtures.INSTANCE_UUID;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW_2;
import static org.osvif.plug.ovs.internal.OvsFixtures.TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.createPortVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.deviceExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.isolating;
import static org.osvif.plug.ovs.internal.OvsFixtures.network;
import static org.osvif.plug.ovs.internal.OvsFixtures.ovsVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.plugin;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsdbCommands.addBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.ids;
import static org.osvif.plug.ovs.internal.OvsdbCommands.qosIds;
import static org.osvif.plug.ovs.internal.OvsdbCommands.txn;
import static org.osvif.plug.ovs.internal.OvsdbCommands.vifIds;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.plug.ovs.internal.ovsdb.NativeCommandException;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/** The generic path's plug, asserted at the OVSDB seam (the transactions and reads) plus the host steps. */
@DisplayName("VIFOpenVSwitch, generic path: plug")
class GenericPlugTest extends PlugPathTest {
    private static VifOpenVSwitch netdevPortVif() {
        return ovsVif(profile().createPort(true).datapathType("netdev").build()).build();
    }

    @Test
    @DisplayName("without create_port only ensures the bridge, in one transaction")
    void ensuresBridgeOnly() {
        plugin().plug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(addBridge(BRIDGE, "system")));
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("without create_port uses the profile's datapath type")
    void profileDatapath() {
        plugin().plug(ovsVif(profile().datapathType("netdev").build()).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(addBridge(BRIDGE, "netdev")));
    }

    @Test
    @DisplayName("with create_port: the read of stale QoS rows, then one transaction with a plain add-port, "
            + "QoS and mtu_request")
    void createPort() {
        plugin().plug(createPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, newPortTxn(false));
        assertThat(ovsdb.hasPort(TAP)).isTrue();
    }

    @Test
    @DisplayName("with isolate_vif a new port is tagged 4095, vlan_mode=trunk, trunks=[4095] in the same transaction")
    void isolated() {
        plugin(isolating()).plug(createPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, newPortTxn(true));
        List<OvsdbCommand> txn = ovsdb.transactions().get(0);
        assertThat(txn).contains(new OvsdbCommand.AddPort(BRIDGE, TAP, false), new OvsdbCommand.Set("Port", TAP,
                OvsdbCommands.cols("tag", 4095, "vlan_mode", "trunk", "trunks",
                        OvsdbValue.set(List.of(OvsdbValue.of(4095))), "qos", OvsdbValue.ref("qos"))));
    }

    @Test
    @DisplayName("a new isolated port on the system datapath costs one read (stale QoS rows) and one "
            + "transaction: no existence check")
    void isolatedReadAndOneTransaction() {
        plugin(isolating()).plug(createPortVif(), instance());
        assertThat(ovsdb.transactions()).hasSize(1);
        assertThat(ovsdb.reads()).containsExactly(QOS_READ);
    }

    @Test
    @DisplayName("a QoS row left behind by a vanished port is destroyed before the new one is created, "
            + "in the port's one transaction")
    void staleQosRow() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_TAP));
        plugin().plug(createPortVif(), instance());
        // Spelled out once in full; the other tests build it with newPortTxn.
        RecordingOvsdb.Txn txn = txn(
                new OvsdbCommand.AddBridge("br-int", true, "system"),
                new OvsdbCommand.AddPort("br-int", "tapa2b3c4d5-e6", false),
                new OvsdbCommand.Destroy("QoS", "af23f8c2-8f6e-44d5-ae40-f005b60e1f8e", true),
                new OvsdbCommand.Create("QoS", "qos", OvsdbCommands.cols("type", "linux-noop",
                        "external_ids", ids("id", "d34fab25-51f9-54cf-a9b1-d4a37502f266", "_type", "linux-noop"))),
                new OvsdbCommand.Set("Port", "tapa2b3c4d5-e6", Map.of("qos", OvsdbValue.ref("qos"))),
                new OvsdbCommand.Set("Interface", "tapa2b3c4d5-e6", OvsdbCommands.cols(
                        "external_ids", ids("iface-id", "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
                                "iface-status", "active",
                                "attached-mac", "fa:16:3e:11:22:33",
                                "vm-uuid", "7f3c2a1b-0000-4000-8000-000000000001"),
                        "mtu_request", 1500)));
        assertThat(ovsdb.timeline()).containsExactly(
                new RecordingOvsdb.Read.Find("QoS", Map.of("external_ids", OvsdbValue.map(
                        ids("id", "d34fab25-51f9-54cf-a9b1-d4a37502f266", "_type", "linux-noop"))), List.of("_uuid")),
                txn);
        assertThat(txn).isEqualTo(newPortTxn(false, List.of(QOS_ROW)));
        assertThat(ovsdb.qosRows()).hasSize(1).doesNotContain(QOS_ROW);
    }

    @Test
    @DisplayName("two stale QoS rows are both destroyed, in the order found, before the new row; isolation kept")
    void twoStaleQosRows() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_TAP)).withQos(QOS_ROW_2, qosIds(QOS_KEY_TAP));
        plugin(isolating()).plug(createPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, newPortTxn(true, List.of(QOS_ROW, QOS_ROW_2)));
    }

    @Test
    @DisplayName("re-plug of an existing port whose QoS row the read finds: the first transaction destroys and "
            + "creates, fails on add-port, and the re-plug carries neither destroy nor create")
    void existingPortWithQosRow() {
        ovsdb.withPort(BRIDGE, TAP).withQos(QOS_ROW, qosIds(QOS_KEY_TAP));
        deviceExists(runner, TAP);
        plugin(isolating()).plug(createPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                QOS_READ,
                newPortTxn(true, List.of(QOS_ROW)),
                replugTxn("system"));
        assertThat(ovsdb.transactions().get(1)).noneMatch(c -> c instanceof OvsdbCommand.Destroy
                || c instanceof OvsdbCommand.Create || c.toString().contains("QoS") || c.toString().contains("qos"));
        assertThat(ovsdb.qosRows()).containsExactly(QOS_ROW);
    }

    @Test
    @DisplayName("a failed read of stale QoS rows fails the plug before anything else runs")
    void qosReadFails() {
        IllegalStateException down = new IllegalStateException("database connection failed");
        ovsdb.failReads(down);
        assertThatThrownBy(() -> plugin().plug(
                ovsVif(profile().createPort(true).createTap(true).build()).build(), instance()))
                .isSameAs(down);
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ);
        assertThat(runner.commandCount()).isZero();
    }

    /** The refusal of a plain add-port of an existing port, as each driver reports it. */
    static Stream<Arguments> portExistsRefusals() {
        return Stream.of(
                Arguments.of("vsctl", RecordingOvsdb.vsctlPortExists(BRIDGE, TAP)),
                Arguments.of("native", new NativeCommandException(new OvsdbCommand.AddPort(BRIDGE, TAP, false),
                        NativeCommandException.Reason.PORT_EXISTS, "cannot create a port named " + TAP
                                + " because a port named " + TAP + " already exists on bridge " + BRIDGE)));
    }

    @ParameterizedTest(name = "{0} driver")
    @MethodSource("portExistsRefusals")
    @DisplayName("re-plugging an existing port: the isolating transaction fails, the re-plug neither isolates it nor "
            + "adds QoS, whichever driver refused")
    void existingPort(String driver, RuntimeException refusal) {
        ovsdb.withPort(BRIDGE, TAP).failNextTransaction(refusal);
        deviceExists(runner, TAP);
        plugin(isolating()).plug(createPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                QOS_READ,
                newPortTxn(true),
                replugTxn("system"));
        assertThat(ovsdb.transactions()).hasSize(2);
    }

    @Test
    @DisplayName("re-plugging an existing port without isolate_vif: the QoS transaction fails, the re-plug adds no QoS row")
    void existingPortQosOnly() {
        ovsdb.withPort(BRIDGE, TAP);
        deviceExists(runner, TAP);
        plugin().plug(createPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                QOS_READ,
                newPortTxn(false),
                replugTxn("system"));
        assertThat(ovsdb.qosRows()).isEmpty();
    }

    @Test
    @DisplayName("a failure other than an existing port is not retried and propagates")
    void otherFailureNotRetried() {
        RuntimeException error = RecordingOvsdb.vsctlFailure("ovs-vsctl: cannot create a port named " + TAP
                + " because an interface named " + TAP + " already exists on bridge br-ex\n");
        ovsdb.failTransactions(RecordingOvsdb.holding(OvsdbCommand.AddPort.class), () -> error);
        assertThatThrownBy(() -> plugin(isolating()).plug(createPortVif(), instance()))
                .isSameAs(error)
                .hasMessageContaining("because an interface named " + TAP + " already exists");
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, newPortTxn(true));
    }

    /** The refusal of a plain add-port of another port than the plug's, as each driver reports it. */
    static Stream<Arguments> otherPortRefusals() {
        return Stream.of(
                Arguments.of("vsctl", RecordingOvsdb.vsctlPortExists(BRIDGE, "tap0")),
                Arguments.of("native", new NativeCommandException(new OvsdbCommand.AddPort(BRIDGE, "tap0", false),
                        NativeCommandException.Reason.PORT_EXISTS, "cannot create a port named tap0 because a port "
                                + "named tap0 already exists on bridge " + BRIDGE)));
    }

    @ParameterizedTest(name = "{0} driver")
    @MethodSource("otherPortRefusals")
    @DisplayName("the same error about another port is not retried")
    void otherPortNotRetried(String driver, RuntimeException refusal) {
        ovsdb.failNextTransaction(refusal);
        assertThatThrownBy(() -> plugin(isolating()).plug(createPortVif(), instance())).isSameAs(refusal);
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, newPortTxn(true));
    }

    @Test
    @DisplayName("a port on another bridge: the re-plug fails too, and its failure propagates")
    void portOnOtherBridge() {
        ovsdb.withPort("br-ex", TAP);
        assertThatThrownBy(() -> plugin(isolating()).plug(createPortVif(), instance()))
                .isInstanceOfSatisfying(NativeCommandException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NativeCommandException.Reason.PORT_ON_OTHER_BRIDGE);
                    assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(
                            NativeCommandException.class,
                            first -> assertThat(first.reason()).isEqualTo(NativeCommandException.Reason.PORT_EXISTS));
                })
                .hasMessageContaining("is actually attached to bridge br-ex");
        assertThat(ovsdb.timeline()).containsExactly(
                QOS_READ,
                newPortTxn(true),
                replugTxn("system"));
        assertThat(ovsdb.bridgeOf(TAP)).contains("br-ex");
    }

    @Test
    @DisplayName("the network's MTU wins over network_device_mtu")
    void networkMtu() {
        deviceExists(runner, TAP);
        VifOpenVSwitch vif = ovsVif(profile().createPort(true).build()).network(network(BRIDGE, 9000)).build();
        plugin().plug(vif, instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ,
                newPortTxn(BRIDGE, false, List.of(), vifIds(IFACE_ID), 9000));
    }

    @Test
    @DisplayName("the MTU goes into the port transaction as mtu_request: no ip command, whether the device "
            + "exists or not")
    void mtuRequestNoIp() {
        deviceExists(runner, TAP);
        plugin().plug(createPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, newPortTxn(false));
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("with network_device_mtu 0 and no network MTU there is no mtu_request")
    void noMtu() {
        OvsSettings noMtu = new OvsSettings(0, false, false, "linux-noop", OvsSettings.defaults().sysfsRoot());
        plugin(noMtu).plug(createPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ,
                newPortTxn(BRIDGE, false, List.of(), vifIds(IFACE_ID), null));
    }

    @Test
    @DisplayName("without create_tap a new port on the netdev datapath is exactly one OVSDB call and no host "
            + "command: the transaction, with isolation and mtu_request")
    void exactlyOneCall() {
        plugin(isolating()).plug(netdevPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(netdevIsolatedTxn());
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("on the netdev datapath without isolation: no QoS read, --may-exist add-port, no QoS row, "
            + "one transaction")
    void netdevNoRead() {
        plugin().plug(netdevPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(replugTxn("netdev"));
        assertThat(ovsdb.reads()).isEmpty();
    }

    @Test
    @DisplayName("on the netdev datapath without isolation an existing port is not a failure: still one transaction")
    void netdevExistingPort() {
        ovsdb.withPort(BRIDGE, TAP);
        plugin().plug(netdevPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(replugTxn("netdev"));
    }

    @Test
    @DisplayName("on the netdev datapath with isolate_vif: no QoS read, a plain add-port with the isolation, "
            + "no QoS row, one transaction")
    void netdevIsolated() {
        plugin(isolating()).plug(netdevPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(netdevIsolatedTxn());
        assertThat(ovsdb.qosRows()).isEmpty();
    }

    @Test
    @DisplayName("on the netdev datapath with isolate_vif an existing port is re-plugged without isolation")
    void netdevIsolatedExisting() {
        ovsdb.withPort(BRIDGE, TAP);
        plugin(isolating()).plug(netdevPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(netdevIsolatedTxn(), replugTxn("netdev"));
    }

    @Test
    @DisplayName("on the netdev datapath QoS rows keyed to the port are neither read nor destroyed")
    void netdevNoQosRead() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_TAP));
        plugin(isolating()).plug(netdevPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(netdevIsolatedTxn());
        assertThat(ovsdb.reads()).isEmpty();
        assertThat(ovsdb.qosRows()).containsExactly(QOS_ROW);
    }

    @Test
    @DisplayName("on a trunk bridge the port is not isolated and gets external_ids:bridge_name")
    void trunkBridge() {
        String trunk = "tbr-5e6f7a8b-9c";
        VifOpenVSwitch vif = ovsVif(profile().createPort(true).build()).network(network(trunk)).build();
        plugin(isolating()).plug(vif, instance());
        Map<String, String> ids = vifIds(IFACE_ID);
        ids.put("bridge_name", trunk);
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, newPortTxn(trunk, false, List.of(), ids, MTU));
    }

    @Test
    @DisplayName("a VIF without a MAC gets no attached-mac")
    void noMac() {
        VifOpenVSwitch vif = ovsVif(profile().createPort(true).build()).address((String) null).build();
        plugin().plug(vif, instance());
        assertThat(ovsdb.timeline()).containsExactly(QOS_READ, newPortTxn(BRIDGE, false, List.of(),
                ids("iface-id", IFACE_ID, "iface-status", "active", "vm-uuid", INSTANCE_UUID), MTU));
    }
}
