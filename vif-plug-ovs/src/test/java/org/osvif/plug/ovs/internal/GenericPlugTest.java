package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.internal.OvsFixtures.BRIDGE;
import static org.osvif.plug.ovs.internal.OvsFixtures.IFACE_ID;
import static org.osvif.plug.ovs.internal.OvsFixtures.MAC;
import static org.osvif.plug.ovs.internal.OvsFixtures.QBR;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_KEY_TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW;
import static org.osvif.plug.ovs.internal.OvsFixtures.QOS_ROW_2;
import static org.osvif.plug.ovs.internal.OvsFixtures.QVO;
import static org.osvif.plug.ovs.internal.OvsFixtures.TAP;
import static org.osvif.plug.ovs.internal.OvsFixtures.concat;
import static org.osvif.plug.ovs.internal.OvsFixtures.createPortVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.destroyQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.deviceExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.forcedBatch;
import static org.osvif.plug.ovs.internal.OvsFixtures.run;
import static org.osvif.plug.ovs.internal.OvsFixtures.write;
import static org.osvif.plug.ovs.internal.OvsFixtures.externalIds;
import static org.osvif.plug.ovs.internal.OvsFixtures.findDefaultQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.findQos;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.ip;
import static org.osvif.plug.ovs.internal.OvsFixtures.isolating;
import static org.osvif.plug.ovs.internal.OvsFixtures.network;
import static org.osvif.plug.ovs.internal.OvsFixtures.nothingExists;
import static org.osvif.plug.ovs.internal.OvsFixtures.ovsVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.plugin;
import static org.osvif.plug.ovs.internal.OvsFixtures.portAlreadyExistsError;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.exec.CommandFailedException;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

@ExtendWith(RecordingCommandRunnerExtension.class)
@DisplayName("VIFOpenVSwitch, generic path")
class GenericPlugTest {

    /** The read every plug of a new port on the system datapath runs first: the tap's stale QoS rows. */
    static final List<String> QOS_READ = findDefaultQos(QOS_KEY_TAP);

    /** The MTU of a port without create_tap (network_device_mtu), in its transaction. */
    static final String MTU_REQUEST = "mtu_request=1500";

    /**
     * The port transaction of a new tap on the system datapath: a plain {@code add-port} (the port
     * must be new, since it gets a QoS row), the QoS row, then {@code portSet} (the isolation) and
     * the link to the QoS row on the Port, and the Interface's external_ids and mtu_request.
     */
    static List<String> newPortTxn(String bridge, String... portSet) {
        return newPortTxn(bridge, List.of(), portSet);
    }

    /**
     * The same, with {@code --if-exists destroy QoS} of each {@code stale} row (as the read found
     * them, in order) right before the new row's {@code create QoS}.
     */
    static List<String> newPortTxn(String bridge, List<String> stale, String... portSet) {
        List<String> argv = vsctl("--", "--may-exist", "add-br", bridge, "--", "set", "Bridge", bridge,
                "datapath_type=system",
                "--", "add-port", bridge, TAP);
        argv.addAll(destroyQos(stale.toArray(String[]::new)));
        argv.addAll(List.of("--", "--id=@qos", "create", "QoS", "type=linux-noop",
                "external_ids={id=" + str(QOS_KEY_TAP) + ",_type=linux-noop}",
                "--", "set", "Port", TAP));
        argv.addAll(List.of(portSet));
        argv.add("qos=@qos");
        argv.addAll(List.of("--", "set", "Interface", TAP));
        argv.addAll(externalIds(IFACE_ID));
        argv.add(MTU_REQUEST);
        return argv;
    }

    /** A port transaction of a VIF with create_tap: the tap has its MTU, so no mtu_request. */
    static List<String> withoutMtuRequest(List<String> txn) {
        assertThat(txn).endsWith(MTU_REQUEST);
        return txn.subList(0, txn.size() - 1);
    }

    /**
     * The re-plug transaction: {@code --may-exist add-port}, no isolation, no QoS row, only the
     * Interface's columns.
     */
    static List<String> replugTxn(String bridge, String datapath) {
        return concat(vsctl("--", "--may-exist", "add-br", bridge, "--", "set", "Bridge", bridge,
                "datapath_type=" + datapath,
                "--", "--may-exist", "add-port", bridge, TAP,
                "--", "set", "Interface", TAP), externalIds(IFACE_ID), MTU_REQUEST);
    }

    @Nested
    @DisplayName("plug")
    class Plug {

        @Test
        @DisplayName("without create_port only ensures the bridge, in one ovs-vsctl run")
        void ensuresBridgeOnly(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner).plug(ovsVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                            "datapath_type=system"));
        }

        @Test
        @DisplayName("without create_port uses the profile's datapath type")
        void profileDatapath(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner).plug(ovsVif(profile().datapathType("netdev").build()).build(), instance());
            assertThat(runner.argvs()).containsExactly(
                    vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                            "datapath_type=netdev"));
        }

        @Test
        @DisplayName("with create_port: the read of stale QoS rows, then one transaction with a plain add-port, "
                + "QoS and mtu_request")
        void createPort(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner).plug(createPortVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    newPortTxn(BRIDGE));
        }

        @Test
        @DisplayName("with isolate_vif a new port is tagged 4095, vlan_mode=trunk, trunks=[4095] in the same transaction")
        void isolated(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner, isolating()).plug(createPortVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    newPortTxn(BRIDGE, "tag=4095", "vlan_mode=trunk", "trunks=[4095]"));
        }

        @Test
        @DisplayName("a new isolated port on the system datapath costs one read (stale QoS rows) and one "
                + "transaction: no existence check")
        void isolatedReadAndOneTransaction(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner, isolating()).plug(createPortVif(), instance());
            assertThat(vsctlRuns(runner)).isEqualTo(2);
            assertThat(runner.argvs()).noneMatch(a -> a.contains("Port") && a.contains("find"));
        }

        @Test
        @DisplayName("a QoS row left behind by a vanished port is destroyed before the new one is created, "
                + "in the port's one transaction")
        void staleQosRow(RecordingCommandRunner runner) {
            staleQos(runner, QOS_KEY_TAP, QOS_ROW);
            nothingExists(runner);
            plugin(runner).plug(createPortVif(), instance());
            // Spelled out once in full; the other tests build it with newPortTxn.
            List<String> txn = List.of("ovs-vsctl", "--timeout=120", "--oneline", "--format=json",
                    "--db=tcp:127.0.0.1:6640",
                    "--", "--may-exist", "add-br", "br-int",
                    "--", "set", "Bridge", "br-int", "datapath_type=system",
                    "--", "add-port", "br-int", "tapa2b3c4d5-e6",
                    "--", "--if-exists", "destroy", "QoS", "af23f8c2-8f6e-44d5-ae40-f005b60e1f8e",
                    "--", "--id=@qos", "create", "QoS", "type=linux-noop",
                    "external_ids={id=d34fab25-51f9-54cf-a9b1-d4a37502f266,_type=linux-noop}",
                    "--", "set", "Port", "tapa2b3c4d5-e6", "qos=@qos",
                    "--", "set", "Interface", "tapa2b3c4d5-e6",
                    "external_ids:iface-id=\"0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9\"",
                    "external_ids:iface-status=active",
                    "external_ids:attached-mac=\"fa:16:3e:11:22:33\"",
                    "external_ids:vm-uuid=\"7f3c2a1b-0000-4000-8000-000000000001\"",
                    "mtu_request=1500");
            assertThat(runner.argvs()).containsExactly(
                    List.of("ovs-vsctl", "--timeout=120", "--oneline", "--format=json", "--db=tcp:127.0.0.1:6640",
                            "--", "--columns=_uuid", "find", "QoS",
                            "external_ids:id=d34fab25-51f9-54cf-a9b1-d4a37502f266",
                            "external_ids:_type=linux-noop"),
                    txn);
            assertThat(txn).isEqualTo(newPortTxn(BRIDGE, List.of(QOS_ROW)));
            assertThat(vsctlRuns(runner)).isEqualTo(2);
        }

        @Test
        @DisplayName("two stale QoS rows are both destroyed, in the order found, before the new row; isolation kept")
        void twoStaleQosRows(RecordingCommandRunner runner) {
            staleQos(runner, QOS_KEY_TAP, QOS_ROW, QOS_ROW_2);
            nothingExists(runner);
            plugin(runner, isolating()).plug(createPortVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    newPortTxn(BRIDGE, List.of(QOS_ROW, QOS_ROW_2), "tag=4095", "vlan_mode=trunk", "trunks=[4095]"));
            assertThat(vsctlRuns(runner)).isEqualTo(2);
        }

        @Test
        @DisplayName("re-plug of an existing port whose QoS row the read finds: the first transaction destroys and "
                + "creates, fails on add-port, and the re-plug carries neither destroy nor create")
        void existingPortWithQosRow(RecordingCommandRunner runner) {
            portAlreadyOn(runner, BRIDGE, TAP);
            staleQos(runner, QOS_KEY_TAP, QOS_ROW);
            deviceExists(runner, TAP);
            nothingExists(runner);
            plugin(runner, isolating()).plug(createPortVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    newPortTxn(BRIDGE, List.of(QOS_ROW), "tag=4095", "vlan_mode=trunk", "trunks=[4095]"),
                    replugTxn(BRIDGE, "system"));
            List<String> replug = runner.argvs().get(2);
            assertThat(replug).doesNotContain("destroy", "create", "QoS", "qos=@qos", QOS_ROW);
            assertThat(vsctlRuns(runner)).isEqualTo(3);
        }

        @Test
        @DisplayName("a failed read of stale QoS rows fails the plug before anything else runs")
        void qosReadFails(RecordingCommandRunner runner) {
            runner.when(RecordingCommandRunner.argvEquals(QOS_READ.toArray(String[]::new)))
                    .thenFail(1, "ovs-vsctl: unix:/run/openvswitch/db.sock: database connection failed\n");
            nothingExists(runner);
            assertThatThrownBy(() -> plugin(runner).plug(
                    ovsVif(profile().createPort(true).createTap(true).build()).build(), instance()))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("database connection failed");
            assertThat(runner.argvs()).containsExactly(QOS_READ);
        }

        @Test
        @DisplayName("re-plugging an existing port: the isolating transaction fails, the re-plug neither isolates it nor adds QoS")
        void existingPort(RecordingCommandRunner runner) {
            portAlreadyOn(runner, BRIDGE, TAP);
            deviceExists(runner, TAP);
            nothingExists(runner);
            plugin(runner, isolating()).plug(createPortVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    newPortTxn(BRIDGE, "tag=4095", "vlan_mode=trunk", "trunks=[4095]"),
                    replugTxn(BRIDGE, "system"));
            assertThat(vsctlRuns(runner)).isEqualTo(3);
        }

        @Test
        @DisplayName("re-plugging an existing port without isolate_vif: the QoS transaction fails, the re-plug adds no QoS row")
        void existingPortQosOnly(RecordingCommandRunner runner) {
            portAlreadyOn(runner, BRIDGE, TAP);
            deviceExists(runner, TAP);
            nothingExists(runner);
            plugin(runner).plug(createPortVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    newPortTxn(BRIDGE),
                    replugTxn(BRIDGE, "system"));
        }

        @Test
        @DisplayName("a failure other than an existing port is not retried and propagates")
        void otherFailureNotRetried(RecordingCommandRunner runner) {
            runner.when(RecordingCommandRunner.argvContains("add-port")).thenFail(1,
                    "ovs-vsctl: cannot create a port named " + TAP + " because an interface named " + TAP
                            + " already exists on bridge br-ex\n");
            nothingExists(runner);
            assertThatThrownBy(() -> plugin(runner, isolating()).plug(createPortVif(), instance()))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("because an interface named " + TAP + " already exists");
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    newPortTxn(BRIDGE, "tag=4095", "vlan_mode=trunk", "trunks=[4095]"));
        }

        @Test
        @DisplayName("the same error about another port is not retried")
        void otherPortNotRetried(RecordingCommandRunner runner) {
            runner.when(RecordingCommandRunner.argvContains("add-port"))
                    .thenFail(1, portAlreadyExistsError("tap0", BRIDGE));
            nothingExists(runner);
            assertThatThrownBy(() -> plugin(runner, isolating()).plug(createPortVif(), instance()))
                    .isInstanceOf(CommandFailedException.class);
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    newPortTxn(BRIDGE, "tag=4095", "vlan_mode=trunk", "trunks=[4095]"));
        }

        @Test
        @DisplayName("a port on another bridge: the re-plug fails too, and its failure propagates")
        void portOnOtherBridge(RecordingCommandRunner runner) {
            portAlreadyOn(runner, BRIDGE, TAP);
            String moved = "ovs-vsctl: \"--may-exist add-port " + BRIDGE + " " + TAP + "\" but " + TAP
                    + " is actually attached to bridge br-ex\n";
            runner.when(RecordingCommandRunner.argvContains("--may-exist", "add-port", BRIDGE, TAP)).thenFail(1, moved);
            nothingExists(runner);
            assertThatThrownBy(() -> plugin(runner, isolating()).plug(createPortVif(), instance()))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("is actually attached to bridge br-ex");
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    newPortTxn(BRIDGE, "tag=4095", "vlan_mode=trunk", "trunks=[4095]"),
                    replugTxn(BRIDGE, "system"));
        }

        @Test
        @DisplayName("the network's MTU wins over network_device_mtu")
        void networkMtu(RecordingCommandRunner runner) {
            deviceExists(runner, TAP);
            nothingExists(runner);
            VifOpenVSwitch vif = ovsVif(profile().createPort(true).build()).network(network(BRIDGE, 9000)).build();
            plugin(runner).plug(vif, instance());
            List<String> txn = newPortTxn(BRIDGE);
            txn.set(txn.size() - 1, "mtu_request=9000");
            assertThat(runner.argvs()).containsExactly(QOS_READ, txn);
        }

        @Test
        @DisplayName("the MTU goes into the port transaction as mtu_request: no ip command, whether the device "
                + "exists or not")
        void mtuRequestNoIp(RecordingCommandRunner runner) {
            deviceExists(runner, TAP);
            nothingExists(runner);
            plugin(runner).plug(createPortVif(), instance());
            assertThat(runner.argvs()).containsExactly(QOS_READ, newPortTxn(BRIDGE));
            assertThat(runner.argvs()).noneMatch(a -> a.get(0).equals("ip"));
        }

        @Test
        @DisplayName("with network_device_mtu 0 and no network MTU there is no mtu_request")
        void noMtu(RecordingCommandRunner runner) {
            nothingExists(runner);
            OvsSettings noMtu = new OvsSettings(0, false, false, "linux-noop", OvsSettings.defaults().sysfsRoot());
            plugin(runner, noMtu).plug(createPortVif(), instance());
            assertThat(runner.argvs()).containsExactly(QOS_READ, withoutMtuRequest(newPortTxn(BRIDGE)));
        }

        @Test
        @DisplayName("without create_tap a new port on the netdev datapath runs exactly one command: the "
                + "transaction, with isolation and mtu_request")
        void exactlyOneCommand(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner, isolating()).plug(
                    ovsVif(profile().createPort(true).datapathType("netdev").build()).build(), instance());
            assertThat(runner.commandCount()).isEqualTo(1);
            assertThat(runner.argvs()).containsExactly(netdevIsolatedTxn());
        }

        @Test
        @DisplayName("on the netdev datapath without isolation: no QoS read, --may-exist add-port, no QoS row, "
                + "one ovs-vsctl run")
        void netdevNoRead(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner).plug(ovsVif(profile().createPort(true).datapathType("netdev").build()).build(),
                    instance());
            assertThat(runner.argvs()).containsExactly(
                    replugTxn(BRIDGE, "netdev"));
            assertThat(vsctlRuns(runner)).isEqualTo(1);
        }

        @Test
        @DisplayName("on the netdev datapath without isolation an existing port is not a failure: still one run")
        void netdevExistingPort(RecordingCommandRunner runner) {
            portAlreadyOn(runner, BRIDGE, TAP);
            nothingExists(runner);
            plugin(runner).plug(ovsVif(profile().createPort(true).datapathType("netdev").build()).build(),
                    instance());
            assertThat(runner.argvs()).containsExactly(
                    replugTxn(BRIDGE, "netdev"));
        }

        @Test
        @DisplayName("on the netdev datapath with isolate_vif: no QoS read, a plain add-port with the isolation, "
                + "no QoS row, one ovs-vsctl run")
        void netdevIsolated(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner, isolating()).plug(
                    ovsVif(profile().createPort(true).datapathType("netdev").build()).build(), instance());
            assertThat(runner.argvs()).containsExactly(
                    netdevIsolatedTxn());
            assertThat(vsctlRuns(runner)).isEqualTo(1);
        }

        @Test
        @DisplayName("on the netdev datapath with isolate_vif an existing port is re-plugged without isolation")
        void netdevIsolatedExisting(RecordingCommandRunner runner) {
            portAlreadyOn(runner, BRIDGE, TAP);
            nothingExists(runner);
            plugin(runner, isolating()).plug(
                    ovsVif(profile().createPort(true).datapathType("netdev").build()).build(), instance());
            assertThat(runner.argvs()).containsExactly(
                    netdevIsolatedTxn(),
                    replugTxn(BRIDGE, "netdev"));
        }

        @Test
        @DisplayName("on the netdev datapath QoS rows keyed to the port are neither read nor destroyed")
        void netdevNoQosRead(RecordingCommandRunner runner) {
            staleQos(runner, QOS_KEY_TAP, QOS_ROW);
            runner.when(RecordingCommandRunner.argvContains("find")).thenReturn(row(QOS_ROW));
            nothingExists(runner);
            plugin(runner, isolating()).plug(
                    ovsVif(profile().createPort(true).datapathType("netdev").build()).build(), instance());
            assertThat(runner.argvs()).containsExactly(
                    netdevIsolatedTxn());
            assertThat(runner.argvs()).noneMatch(a -> a.contains("find") || a.contains("QoS"));
            assertThat(vsctlRuns(runner)).isEqualTo(1);
        }

        private List<String> netdevIsolatedTxn() {
            return concat(vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                    "datapath_type=netdev",
                    "--", "add-port", BRIDGE, TAP,
                    "--", "set", "Port", TAP, "tag=4095", "vlan_mode=trunk", "trunks=[4095]",
                    "--", "set", "Interface", TAP), externalIds(IFACE_ID), MTU_REQUEST);
        }

        @Test
        @DisplayName("on a trunk bridge the port is not isolated and gets external_ids:bridge_name")
        void trunkBridge(RecordingCommandRunner runner) {
            nothingExists(runner);
            String trunk = "tbr-5e6f7a8b-9c";
            VifOpenVSwitch vif = ovsVif(profile().createPort(true).build()).network(network(trunk)).build();
            plugin(runner, isolating()).plug(vif, instance());
            List<String> txn = newPortTxn(trunk);
            txn.add(txn.size() - 1, "external_ids:bridge_name=" + trunk);
            assertThat(runner.argvs()).containsExactly(QOS_READ, txn);
        }

        @Test
        @DisplayName("a VIF without a MAC gets no attached-mac")
        void noMac(RecordingCommandRunner runner) {
            nothingExists(runner);
            VifOpenVSwitch vif = ovsVif(profile().createPort(true).build()).address((String) null).build();
            plugin(runner).plug(vif, instance());
            assertThat(runner.argvs()).hasSize(2);
            assertThat(runner.argvs().get(1)).doesNotContain("external_ids:attached-mac=" + str(MAC))
                    .contains("external_ids:iface-status=active");
        }
    }

    @Nested
    @DisplayName("create_tap")
    class CreateTap {

        /** The one ip process that makes a tap: created, MAC, up, MTU (the last three tolerate a kernel refusal). */
        List<String> tapBatch(String create) {
            return forcedBatch(create, "link set dev " + TAP + " address " + MAC, "link set dev " + TAP + " up",
                    "link set dev " + TAP + " mtu 1500");
        }

        @Test
        @DisplayName("reads the stale QoS rows, creates the tap (IPv6 off, MAC, up, MTU), then the port")
        void newTap(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner).plug(ovsVif(profile().createPort(true).createTap(true).build()).build(), instance());
            List<String> expected = new ArrayList<>();
            expected.add(run(QOS_READ));
            expected.addAll(tapBatch("tuntap add dev " + TAP + " mode tap"));
            expected.add(write("/proc/sys/net/ipv6/conf/" + TAP + "/disable_ipv6", "1"));
            expected.add(run(withoutMtuRequest(newPortTxn(BRIDGE))));
            assertThat(runner.steps()).containsExactlyElementsOf(expected);
            assertThat(runner.commandCount()).isEqualTo(3);
        }

        @Test
        @DisplayName("with multiqueue the tap gets several queues")
        void multiqueue(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner).plug(ovsVif(profile().createPort(true).createTap(true).multiqueue(true).build()).build(),
                    instance());
            assertThat(runner.steps().subList(1, 6)).containsExactlyElementsOf(
                    tapBatch("tuntap add dev " + TAP + " mode tap multi_queue").subList(0, 5));
        }

        @Test
        @DisplayName("an existing tap is kept and only gets its MTU")
        void existingTap(RecordingCommandRunner runner) {
            deviceExists(runner, TAP);
            nothingExists(runner);
            plugin(runner).plug(ovsVif(profile().createPort(true).createTap(true).build()).build(), instance());
            assertThat(runner.argvs()).containsExactly(
                    QOS_READ,
                    ip("link", "set", "dev", TAP, "mtu", "1500"),
                    withoutMtuRequest(newPortTxn(BRIDGE)));
        }

        @Test
        @DisplayName("without create_port no tap is made, as upstream")
        void needsCreatePort(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner).plug(ovsVif(profile().createTap(true).build()).build(), instance());
            assertThat(runner.argvs()).containsExactly(
                    vsctl("--", "--may-exist", "add-br", BRIDGE, "--", "set", "Bridge", BRIDGE,
                            "datapath_type=system"));
        }

        @Test
        @DisplayName("a failed port transaction is not retried and deletes the tap it made")
        void rollback(RecordingCommandRunner runner) {
            runner.when(RecordingCommandRunner.argvContains("add-port"))
                    .thenFail(1, "ovs-vsctl: no bridge named br-int");
            nothingExists(runner);
            assertThatThrownBy(() -> plugin(runner, isolating()).plug(
                    ovsVif(profile().createPort(true).createTap(true).build()).build(), instance()))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("no bridge named br-int");
            List<String> expected = new ArrayList<>();
            expected.add(run(QOS_READ));
            expected.addAll(tapBatch("tuntap add dev " + TAP + " mode tap"));
            expected.add(write("/proc/sys/net/ipv6/conf/" + TAP + "/disable_ipv6", "1"));
            expected.add(run(withoutMtuRequest(newPortTxn(BRIDGE, "tag=4095", "vlan_mode=trunk", "trunks=[4095]"))));
            expected.add(run(ip("link", "del", "dev", TAP)));
            assertThat(runner.steps()).containsExactlyElementsOf(expected);
            assertThat(runner.files().devices()).isEmpty();
            assertThat(vsctlRuns(runner)).isEqualTo(2);
        }

        @Test
        @DisplayName("a port left in the database without its tap: the tap is made, the re-plug keeps it")
        void stalePortKeepsTap(RecordingCommandRunner runner) {
            portAlreadyOn(runner, BRIDGE, TAP);
            nothingExists(runner);
            plugin(runner, isolating()).plug(ovsVif(profile().createPort(true).createTap(true).build()).build(),
                    instance());
            List<List<String>> argvs = runner.argvs();
            assertThat(argvs.subList(argvs.size() - 2, argvs.size())).containsExactly(
                    withoutMtuRequest(newPortTxn(BRIDGE, "tag=4095", "vlan_mode=trunk", "trunks=[4095]")),
                    withoutMtuRequest(replugTxn(BRIDGE, "system")));
            assertThat(argvs).doesNotContain(ip("link", "del", "dev", TAP));
        }

        @Test
        @DisplayName("a failed re-plug transaction deletes the tap this plug made")
        void replugFailureRollsBack(RecordingCommandRunner runner) {
            portAlreadyOn(runner, BRIDGE, TAP);
            runner.when(RecordingCommandRunner.argvContains("--may-exist", "add-port", BRIDGE, TAP))
                    .thenFail(1, "ovs-vsctl: transaction error: constraint violation\n");
            nothingExists(runner);
            assertThatThrownBy(() -> plugin(runner, isolating()).plug(
                    ovsVif(profile().createPort(true).createTap(true).build()).build(), instance()))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("constraint violation");
            List<List<String>> argvs = runner.argvs();
            assertThat(argvs.subList(argvs.size() - 3, argvs.size())).containsExactly(
                    withoutMtuRequest(newPortTxn(BRIDGE, "tag=4095", "vlan_mode=trunk", "trunks=[4095]")),
                    withoutMtuRequest(replugTxn(BRIDGE, "system")),
                    ip("link", "del", "dev", TAP));
        }

        @Test
        @DisplayName("a tap whose IPv6 cannot be switched off is deleted again")
        void tapHalfway(RecordingCommandRunner runner) {
            runner.files().refuseWrites("/proc/sys/net/ipv6/conf/" + TAP + "/disable_ipv6", "Permission denied");
            nothingExists(runner);
            assertThatThrownBy(() -> plugin(runner).plug(
                    ovsVif(profile().createPort(true).createTap(true).build()).build(), instance()))
                    .isInstanceOf(org.osvif.exec.HostFileException.class)
                    .hasMessage("Writing 1 to /proc/sys/net/ipv6/conf/" + TAP + "/disable_ipv6 failed: "
                            + "Permission denied");
            List<List<String>> argvs = runner.argvs();
            assertThat(argvs).noneMatch(a -> a.contains("add-port"));
            assertThat(argvs.get(argvs.size() - 1)).isEqualTo(ip("link", "del", "dev", TAP));
            assertThat(runner.files().devices()).isEmpty();
        }

        @Test
        @DisplayName("a tap whose batch fails in the middle is deleted again, and the error names the step")
        void tapBatchFails(RecordingCommandRunner runner) {
            OvsFixtures.batchFailsAt(runner, "link set dev " + TAP + " address " + MAC, "Cannot find device \"" + TAP
                    + "\"");
            nothingExists(runner);
            assertThatThrownBy(() -> plugin(runner).plug(
                    ovsVif(profile().createPort(true).createTap(true).build()).build(), instance()))
                    .isInstanceOf(org.osvif.net.IpBatchException.class)
                    .hasMessage("Step 'set MAC of " + TAP + " to " + MAC + " (ip link set dev " + TAP + " address "
                            + MAC + ")' failed on device " + TAP + " (line 2 of the ip batch): Cannot find device \""
                            + TAP + "\"");
            List<String> steps = runner.steps();
            assertThat(steps.subList(steps.size() - 1, steps.size())).containsExactly(run(ip("link", "del", "dev", TAP)));
            assertThat(runner.argvs()).noneMatch(a -> a.contains("add-port"));
        }
    }

    @Nested
    @DisplayName("unplug")
    class Unplug {

        @Test
        @DisplayName("removes the port, then its QoS rows, then the device")
        void unplug(RecordingCommandRunner runner) {
            runner.when(RecordingCommandRunner.argvContains("QoS")).thenReturn(row(QOS_ROW));
            nothingExists(runner);
            deviceExists(runner, TAP);
            plugin(runner).unplug(createPortVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    vsctl("--", "--if-exists", "del-port", BRIDGE, TAP),
                    findQos(QOS_KEY_TAP, "linux-noop"),
                    vsctl("--", "--if-exists", "destroy", "QoS", QOS_ROW),
                    ip("link", "del", "dev", TAP));
        }

        @Test
        @DisplayName("on the netdev datapath looks for no QoS row")
        void netdev(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner).unplug(ovsVif(profile().datapathType("netdev").build()).build(), instance());
            assertThat(runner.argvs()).containsExactly(
                    vsctl("--", "--if-exists", "del-port", BRIDGE, TAP));
        }

        @Test
        @DisplayName("deletes a trunk bridge in the same transaction")
        void trunk(RecordingCommandRunner runner) {
            nothingExists(runner);
            String trunk = "tbr-5e6f7a8b-9c";
            plugin(runner).unplug(ovsVif(profile().build()).network(network(trunk)).build(), instance());
            assertThat(runner.argvs()).containsExactly(
                    vsctl("--", "--if-exists", "del-port", trunk, TAP, "--", "--if-exists", "del-br", trunk),
                    findQos(QOS_KEY_TAP, "linux-noop"));
        }

        @Test
        @DisplayName("takes the hybrid path when a qbr bridge is left over")
        void leftoverHybridBridge(RecordingCommandRunner runner) {
            deviceExists(runner, QBR);
            nothingExists(runner);
            plugin(runner).unplug(ovsVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    vsctl("--", "--if-exists", "del-port", BRIDGE, QVO),
                    findQos(OvsFixtures.QOS_KEY_QVO, "linux-noop"),
                    ip("link", "del", "dev", QBR));
        }

        @Test
        @DisplayName("of a VIF that is not plugged succeeds and starts no ip process")
        void idempotent(RecordingCommandRunner runner) {
            nothingExists(runner);
            plugin(runner).unplug(ovsVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    vsctl("--", "--if-exists", "del-port", BRIDGE, TAP),
                    findQos(QOS_KEY_TAP, "linux-noop"));
        }

        @Test
        @DisplayName("a device that vanishes between the check and the delete counts as deleted")
        void vanished(RecordingCommandRunner runner) {
            runner.when(RecordingCommandRunner.argvStartsWith("ip", "link", "del"))
                    .thenFail(1, "Cannot find device \"" + TAP + "\"");
            nothingExists(runner);
            deviceExists(runner, TAP);
            plugin(runner).unplug(ovsVif(), instance());
            assertThat(runner.argvs()).containsExactly(
                    vsctl("--", "--if-exists", "del-port", BRIDGE, TAP),
                    findQos(QOS_KEY_TAP, "linux-noop"),
                    ip("link", "del", "dev", TAP));
        }
    }
}
