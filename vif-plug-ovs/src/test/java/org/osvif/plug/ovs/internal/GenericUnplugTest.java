package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.plug.ovs.internal.GenericTxns.QOS_READ;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.QBR;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_QVO;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW;
import static org.osvif.plug.ovs.internal.OvsFixtures.QVO;
import static org.osvif.plug.ovs.internal.OvsFixtures.TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.createPortVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.deviceExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.ip;
import static org.osvif.plug.ovs.internal.OvsFixtures.network;
import static org.osvif.plug.ovs.internal.OvsFixtures.ovsVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.run;
import static org.osvif.plug.ovs.internal.OvsdbCommands.deleteBridge;
import static org.osvif.plug.ovs.internal.OvsdbCommands.deletePort;
import static org.osvif.plug.ovs.internal.OvsdbCommands.destroyQos;
import static org.osvif.plug.ovs.internal.OvsdbCommands.qosIds;
import static org.osvif.plug.ovs.internal.OvsdbCommands.qosRead;
import static org.osvif.plug.ovs.internal.OvsdbCommands.txn;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/** The generic path's unplug: the port's transaction, then its QoS rows, then the device. */
@DisplayName("VIFOpenVSwitch, generic path: unplug")
class GenericUnplugTest extends PlugPathTest {
    @Test
    @DisplayName("removes the port, then its QoS rows, then the device")
    void unplug() {
        ovsdb.withPort(BRIDGE, TAP).withQos(QOS_ROW, qosIds(QOS_KEY_TAP));
        deviceExists(runner, TAP);
        plugin().unplug(createPortVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                txn(deletePort(BRIDGE, TAP)),
                QOS_READ,
                txn(destroyQos(QOS_ROW)),
                run(ip("link", "del", "dev", TAP)));
        assertThat(ovsdb.hasPort(TAP)).isFalse();
        assertThat(ovsdb.qosRows()).isEmpty();
    }

    @Test
    @DisplayName("on the netdev datapath looks for no QoS row")
    void netdev() {
        plugin().unplug(ovsVif(profile().datapathType("netdev").build()).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(deletePort(BRIDGE, TAP)));
    }

    @Test
    @DisplayName("deletes a trunk bridge in the same transaction")
    void trunk() {
        String trunk = "tbr-5e6f7a8b-9c";
        ovsdb.withPort(trunk, TAP);
        plugin().unplug(ovsVif(profile().build()).network(network(trunk)).build(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                txn(deletePort(trunk, TAP), deleteBridge(trunk)),
                QOS_READ);
        assertThat(ovsdb.hasBridge(trunk)).isFalse();
    }

    @Test
    @DisplayName("takes the hybrid path when a qbr bridge is left over")
    void leftoverHybridBridge() {
        deviceExists(runner, QBR);
        plugin().unplug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                txn(deletePort(BRIDGE, QVO)),
                qosRead(QOS_KEY_QVO),
                run(ip("link", "del", "dev", QBR)));
    }

    @Test
    @DisplayName("of a VIF that is not plugged succeeds and starts no ip process")
    void idempotent() {
        plugin().unplug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(txn(deletePort(BRIDGE, TAP)), QOS_READ);
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("a device that vanishes between the check and the delete counts as deleted")
    void vanished() {
        runner.when(RecordingCommandRunner.argvStartsWith("ip", "link", "del"))
                .thenFail(1, "Cannot find device \"" + TAP + "\"");
        deviceExists(runner, TAP);
        plugin().unplug(ovsVif(), instance());
        assertThat(ovsdb.timeline()).containsExactly(
                txn(deletePort(BRIDGE, TAP)),
                QOS_READ,
                run(ip("link", "del", "dev", TAP)));
    }
}
