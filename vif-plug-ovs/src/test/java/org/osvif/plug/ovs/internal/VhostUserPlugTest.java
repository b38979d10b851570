package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.IFACE_ID;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_VHU;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW_2;
import static org.osvif.plug.ovs.internal.OvsFixtures.VHU;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.isolating;
import static org.osvif.plug.ovs.internal.OvsFixtures.network;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.vhostUserVif;
import static org.osvif.plug.ovs.internal.OvsdbCommands.addBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.createQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.deleteBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.deletePort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.destroyQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.ids;
import static org.osvif.plug.ovs.internal.OvsdbCommands.mayExistPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.newPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.qosIds;
import static org.osvif.plug.ovs.internal.OvsdbCommands.qosRead;
import static org.osvif.plug.ovs.internal.OvsdbCommands.setPort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.txn;
import static org.osvif.plug.ovs.internal.OvsdbCommands.vifIds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.plug.ovs.TapCreationNotSupportedException;
import org.osvif.plug.ovs.internal.RecordingOvsdb.Txn;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/** The vhost-user path at the OVSDB seam: no kernel device, so no host step at all. */
@DisplayName("VIFVHostUser")
class VhostUserPlugTest extends PlugPathTest {
    private static final String SOCKET = "/var/lib/vhost_sockets/" + VHU;
    /** Client mode: Open vSwitch serves the socket. */
    private static final String CLIENT = "dpdkvhostuser";
    /** Server mode: the hypervisor serves the socket, at vhost-server-path. */
    private static final String SERVER = "dpdkvhostuserclient";

    /** Unscripted: any host command on this path fails the test. */
    @Override
    boolean hostCommandsSucceed() {
        return false;
    }

    /**
     * The port's transaction. A port that gets isolation or a QoS row must be new (a plain
     * add-port, then each {@code stale} QoS row destroyed before the new row); otherwise
     * {@code --may-exist add-port}. The Interface gets the external_ids, the type, the socket
     * path in server mode and the MTU.
     */
    static Txn portTxn(String datapath, boolean isolated, boolean qos, List<String> stale, String type, int mtu) {
        List<OvsdbCommand> c = new ArrayList<>(List.of(addBridge(BRIDGE, datapath)));
        c.add(isolated || qos ? newPort(BRIDGE, VHU) : mayExistPort(BRIDGE, VHU));
        if (qos) {
            stale.forEach(uuid -> c.add(destroyQos(uuid)));
            c.add(createQos(QOS_KEY_VHU));
        }
        if (isolated || qos) {
            c.add(setPort(VHU, isolated, qos));
        }
        Map<String, OvsdbValue> iface = new LinkedHashMap<>();
        iface.put("external_ids", OvsdbValue.map(vifIds(IFACE_ID)));
        iface.put("type", OvsdbValue.of(type));
        if (SERVER.equals(type)) {
            iface.put("options", OvsdbValue.map(ids("vhost-server-path", SOCKET)));
        }
        iface.put("mtu_request", OvsdbValue.of(mtu));
        c.add(new OvsdbCommand.Set("Interface", VHU, iface));
        return txn(c);
    }

    /** On the default netdev datapath: no QoS row. */
    static Txn netdevTxn(boolean isolated, String type, int mtu) {
        return portTxn("netdev", isolated, false, List.of(), type, mtu);
    }

    /** On the system datapath, client mode: a QoS row unless the port exists. */
    static Txn systemTxn(boolean isolated, boolean qos, List<String> stale) {
        return portTxn("system", isolated, qos, stale, CLIENT, 1500);
    }

    private static VifVHostUser systemVif() {
        return vhostUserVif(VifVHostUserMode.CLIENT).portProfile(profile().datapathType("system").build()).build();
    }

    @Test
    @DisplayName("server mode: dpdkvhostuserclient with the socket path and mtu_request, in one transaction, "
            + "no QoS read on the default netdev datapath")
    void serverMode() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_VHU));
        plugin().plug(vhostUserVif(VifVHostUserMode.SERVER).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(netdevTxn(false, SERVER, 1500));
        assertThat(ovsdb.qosRows()).containsExactly(QOS_ROW);
    }

    @Test
    @DisplayName("client mode: dpdkvhostuser without a socket path")
    void clientMode() {
        plugin().plug(vhostUserVif(VifVHostUserMode.CLIENT).network(network(BRIDGE, 9000)).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(netdevTxn(false, CLIENT, 9000));
    }

    @Test
    @DisplayName("without isolate_vif an existing port is no failure: --may-exist, one transaction")
    void existingNotIsolated() {
        ovsdb.withPort(BRIDGE, VHU);
        plugin().plug(vhostUserVif(VifVHostUserMode.CLIENT).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(netdevTxn(false, CLIENT, 1500));
    }

    @Test
    @DisplayName("with isolate_vif a new port is isolated in the same transaction, the only OVSDB call")
    void isolated() {
        plugin(isolating()).plug(vhostUserVif(VifVHostUserMode.CLIENT).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(netdevTxn(true, CLIENT, 1500));
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("re-plug with isolate_vif: the isolating transaction fails, the re-plug leaves the port untagged")
    void replugIsolated() {
        ovsdb.withPort(BRIDGE, VHU);
        plugin(isolating()).plug(vhostUserVif(VifVHostUserMode.SERVER).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                netdevTxn(true, SERVER, 1500),
                netdevTxn(false, SERVER, 1500));
        assertThat(ovsdb.transactions()).hasSize(2);
    }

    @Test
    @DisplayName("with isolate_vif a failure other than an existing port is not retried and propagates")
    void otherFailure() {
        RuntimeException error = RecordingOvsdb.vsctlFailure("ovs-vsctl: no bridge named " + BRIDGE + "\n");
        ovsdb.failTransactions(RecordingOvsdb.holding(OvsdbCommand.AddPort.class), () -> error);
        assertThatThrownBy(() -> plugin(isolating()).plug(vhostUserVif(VifVHostUserMode.CLIENT).build(),
                instance()))
                .isSameAs(error)
                .hasMessageContaining("no bridge named " + BRIDGE);
        assertThat(ovsdb.timeline()).containsExactly(netdevTxn(true, CLIENT, 1500));
    }

    @Test
    @DisplayName("on the system datapath: the read of stale QoS rows, then one transaction where the new port gets "
            + "a QoS row with a plain add-port")
    void systemDatapath() {
        plugin().plug(systemVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                qosRead(QOS_KEY_VHU),
                txn(addBridge(BRIDGE, "system"), newPort(BRIDGE, VHU), createQos(QOS_KEY_VHU),
                        setPort(VHU, false, true),
                        OvsdbCommands.set("Interface", VHU, "external_ids", vifIds(IFACE_ID), "type", CLIENT,
                                "mtu_request", 1500)));
        assertThat(ovsdb.timeline().get(1)).isEqualTo(systemTxn(false, true, List.of()));
    }

    @Test
    @DisplayName("on the system datapath a stale QoS row is destroyed before the new one is created, "
            + "in the port's one transaction")
    void systemStaleQosRow() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_VHU));
        plugin().plug(systemVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(qosRead(QOS_KEY_VHU), systemTxn(false, true, List.of(QOS_ROW)));
    }

    @Test
    @DisplayName("on the system datapath two stale QoS rows are both destroyed, in the order found; with isolate_vif")
    void systemTwoStaleQosRows() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_VHU)).withQos(QOS_ROW_2, qosIds(QOS_KEY_VHU));
        plugin(isolating()).plug(systemVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                qosRead(QOS_KEY_VHU),
                systemTxn(true, true, List.of(QOS_ROW, QOS_ROW_2)));
    }

    @Test
    @DisplayName("on the system datapath a re-plug whose QoS row the read finds carries neither destroy nor create")
    void systemReplugWithQosRow() {
        ovsdb.withPort(BRIDGE, VHU).withQos(QOS_ROW, qosIds(QOS_KEY_VHU));
        plugin().plug(systemVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                qosRead(QOS_KEY_VHU),
                systemTxn(false, true, List.of(QOS_ROW)),
                systemTxn(false, false, List.of()));
        assertThat(ovsdb.transactions()).hasSize(2);
        assertThat(ovsdb.qosRows()).containsExactly(QOS_ROW);
    }

    @Test
    @DisplayName("unplug removes the port in one transaction; a netdev port has no QoS row and no kernel device")
    void unplug() {
        ovsdb.withPort(BRIDGE, VHU);
        plugin().unplug(vhostUserVif(VifVHostUserMode.SERVER).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(deletePort(BRIDGE, VHU)));
        assertThat(ovsdb.hasPort(VHU)).isFalse();
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("unplug on the system datapath also destroys the port's QoS rows")
    void unplugSystem() {
        ovsdb.withQos(QOS_ROW, qosIds(QOS_KEY_VHU));
        plugin().unplug(vhostUserVif(VifVHostUserMode.SERVER)
                .portProfile(profile().datapathType("system").build()).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                txn(deletePort(BRIDGE, VHU)),
                qosRead(QosKeys.id(VHU).toString()),
                txn(destroyQos(QOS_ROW)));
        assertThat(ovsdb.qosRows()).isEmpty();
    }

    @Test
    @DisplayName("unplug from a trunk bridge deletes the trunk bridge in the same transaction")
    void unplugTrunk() {
        String trunk = "tbr-5e6f7a8b-9c";
        plugin().unplug(vhostUserVif(VifVHostUserMode.SERVER).network(network(trunk)).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(deletePort(trunk, VHU), deleteBridge(trunk)));
    }

    @Test
    @DisplayName("create_tap is refused before anything runs")
    void createTap() {
        assertThatThrownBy(() -> plugin().plug(vhostUserVif(VifVHostUserMode.SERVER)
                .portProfile(profile().createTap(true).build()).build(), instance()))
                .isInstanceOf(TapCreationNotSupportedException.class)
                .hasMessageContaining("VIFVHostUser");
        assertThat(ovsdb.timeline()).isEmpty();
    }
}
