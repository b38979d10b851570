package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.plug.ovs.it.HostState.externalIds;
import static org.osvif.plug.ovs.it.HostState.row;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.OsVif;
import org.osvif.exec.Command;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.plug.ovs.it.Vifs.Ids;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * {@code isolate_vif = true}: a new port starts in the dead VLAN 4095 (tag, {@code vlan_mode=trunk},
 * {@code trunks=[4095]}) in the very transaction that creates it, proved with an {@code ovsdb-client monitor}
 * of the Port table started before the plug; a port that already exists is never isolated again.
 */
@RequiresOvs
@DisplayName("With isolate_vif, a plugged port")
class IsolationIT {
    private static final Long DEAD_VLAN = 4095L;
    private static final Duration MONITOR_WAIT = Duration.ofSeconds(10);

    private final PrivateOvs ovs;
    private final HostState host;
    private final OsVif osvif;

    IsolationIT(PrivateOvs ovs) {
        this.ovs = ovs;
        this.host = new HostState(ovs);
        this.osvif = Vifs.osVif(ovs, "isolate_vif", "true");
    }

    @AfterEach
    void close() {
        osvif.close();
    }

    private static VifOpenVSwitch createPortVif(Ids ids, String bridge) {
        return Vifs.openVSwitch(ids, Vifs.network(bridge), Vifs.profile(ids).createPort(true).build());
    }

    /**
     * Plugs with a monitor of the Port table running from before the plug, and asserts that the monitor saw
     * the port's creation and that every state of the port it saw was in the dead VLAN.
     */
    private void assertIsolatedFromBirth(VifBase vif, String port) {
        try (PrivateOvs.Monitor ports = ovs.startMonitor("Port", "name", "tag", "vlan_mode", "trunks")) {
            osvif.plug(vif, Vifs.instance());
            barrier(ports);
            List<Map<String, Object>> seen = ports.updates().stream().filter(u -> port.equals(u.get("name")))
                    .toList();
            assertThat(seen).as("updates of Port %s", port).isNotEmpty();
            assertThat(seen.get(0)).as("the first update of Port %s is its creation", port)
                    .containsEntry("action", "insert");
            assertThat(seen).as("every state of Port %s ever seen", port).allSatisfy(update -> {
                assertThat(update).containsEntry("tag", DEAD_VLAN);
                assertThat(update).containsEntry("vlan_mode", "trunk");
                assertThat(update).containsEntry("trunks", DEAD_VLAN);
            });
        }
    }

    /**
     * Waits until the monitor has seen every change committed so far: OVSDB sends updates in commit order, so
     * once the insert of a marker port made now has arrived, so has everything the plug did.
     */
    private void barrier(PrivateOvs.Monitor ports) {
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-m"));
        String marker = "mk-" + bridge;
        ovs.vsctl("add-port", bridge, marker);
        ports.awaitRows(u -> marker.equals(u.get("name")) && "insert".equals(u.get("action")), MONITOR_WAIT);
        ovs.vsctl("del-br", bridge);
    }

    @Test
    @DisplayName("is created with tag 4095, vlan_mode trunk and trunks [4095]")
    void isolatedRow() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");

        osvif.plug(createPortVif(ids, bridge), Vifs.instance());

        assertThat(host.port(ids.tap())).isEqualTo(row("name", ids.tap(), "interfaces", ids.tap(),
                "tag", DEAD_VLAN, "vlan_mode", "trunk", "trunks", DEAD_VLAN));
        assertThat(host.iface(ids.tap())).isEqualTo(row("name", ids.tap(),
                "external_ids", externalIds(ids, ids.ifaceId()), "mtu_request", (long) Vifs.NETWORK_MTU));
    }

    @Test
    @DisplayName("never exists without the dead VLAN: every update a Port monitor sees, its insert included, "
            + "carries tag 4095")
    void atomicIsolation() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");

        assertIsolatedFromBirth(createPortVif(ids, bridge), ids.tap());
    }

    @Test
    @DisplayName("(control: the monitor does see a port that is tagged in a second transaction, as upstream's "
            + "3.0.0 would, without the dead VLAN)")
    void monitorSeesTwoStepIsolation() {
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-i"));
        String port = "two-step-" + bridge.substring(4);
        try (PrivateOvs.Monitor ports = ovs.startMonitor("Port", "name", "tag", "vlan_mode", "trunks")) {
            ovs.vsctl("add-port", bridge, port);
            ovs.vsctl("set", "Port", port, "tag=4095", "vlan_mode=trunk", "trunks=4095");
            barrier(ports);
            assertThat(ports.updates()).filteredOn(u -> port.equals(u.get("name")))
                    .anySatisfy(u -> assertThat(u.get("tag")).isNotEqualTo(DEAD_VLAN));
        }
        ovs.vsctl("del-br", bridge);
    }

    @Test
    @DisplayName("with create_tap is isolated from its creation too")
    void atomicIsolationWithTap() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");
        VifOpenVSwitch vif = Vifs.openVSwitch(ids, Vifs.network(bridge),
                Vifs.profile(ids).createPort(true).createTap(true).build());

        assertIsolatedFromBirth(vif, ids.tap());
        assertThat(host.hasLink(ids.tap())).isTrue();
    }

    @Test
    @DisplayName("of a hybrid plug (qvo) is isolated from its creation")
    void atomicIsolationHybrid() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");

        assertIsolatedFromBirth(Vifs.hybrid(ids, Vifs.network(bridge), Vifs.profile(ids).build()), ids.qvo());
        osvif.unplug(Vifs.hybrid(ids, Vifs.network(bridge), Vifs.profile(ids).build()), Vifs.instance());
        host.assertNoTrace(ids.qbr(), ids.qvb(), ids.qvo());
    }

    @Test
    @DisplayName("of vhost-user (vhu) is isolated from its creation")
    void atomicIsolationVhostUser() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");

        assertIsolatedFromBirth(Vifs.vhostUser(ids, Vifs.network(bridge), Vifs.profile(ids).build(),
                VifVHostUserMode.SERVER), ids.vhu());
    }

    @Test
    @DisplayName("that the network agent has wired (tag 42) keeps its VLAN when the VIF is plugged again")
    void replugDoesNotReisolate() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");
        VifOpenVSwitch vif = createPortVif(ids, bridge);
        osvif.plug(vif, Vifs.instance());
        // what the Neutron OVS agent does when it binds the port
        ovs.vsctl("set", "Port", ids.tap(), "tag=42", "--", "clear", "Port", ids.tap(), "vlan_mode", "trunks");
        Map<String, Object> wired = host.port(ids.tap());
        assertThat(wired).containsEntry("tag", 42L).doesNotContainKeys("vlan_mode", "trunks");

        try (PrivateOvs.Monitor ports = ovs.startMonitor("Port", "name", "tag", "vlan_mode", "trunks")) {
            osvif.plug(vif, Vifs.instance());
            barrier(ports);
            assertThat(host.port(ids.tap())).isEqualTo(wired);
            assertThat(ports.updates()).filteredOn(u -> ids.tap().equals(u.get("name")))
                    .as("the re-plug never touched the port's VLAN")
                    .allSatisfy(u -> assertThat(u.get("action")).isEqualTo("initial"));
        }
    }

    @Test
    @DisplayName("of a hybrid plug whose devices vanished (a host reboot keeps OVSDB rows) gets its devices back "
            + "and keeps the agent's VLAN")
    void hybridReplugAfterRebootKeepsWiring() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");
        VifBase vif = Vifs.hybrid(ids, Vifs.network(bridge), Vifs.profile(ids).build());
        osvif.plug(vif, Vifs.instance());
        ovs.vsctl("set", "Port", ids.qvo(), "tag=42", "--", "clear", "Port", ids.qvo(), "vlan_mode", "trunks");
        Map<String, Object> wired = host.port(ids.qvo());
        ovs.runner().run(Command.of("ip", "link", "del", "dev", ids.qvb()));
        ovs.runner().run(Command.of("ip", "link", "del", "dev", ids.qbr()));

        try (PrivateOvs.Monitor ports = ovs.startMonitor("Port", "name", "tag", "vlan_mode", "trunks")) {
            osvif.plug(vif, Vifs.instance());
            barrier(ports);
            assertThat(ports.updates()).filteredOn(u -> ids.qvo().equals(u.get("name")))
                    .noneSatisfy(u -> assertThat(u.get("tag")).isEqualTo(DEAD_VLAN));
        }
        assertThat(host.port(ids.qvo())).isEqualTo(wired);
        assertThat(host.requireLink(ids.qvb()).path("master").asText()).isEqualTo(ids.qbr());
        assertThat(host.hasLink(ids.qvo())).isTrue();
    }

    @Test
    @DisplayName("with create_tap whose tap vanished (a host reboot keeps OVSDB rows) gets its tap back and keeps "
            + "the agent's VLAN")
    void tapReplugAfterRebootKeepsWiring() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");
        VifOpenVSwitch vif = Vifs.openVSwitch(ids, Vifs.network(bridge),
                Vifs.profile(ids).createPort(true).createTap(true).build());
        osvif.plug(vif, Vifs.instance());
        ovs.vsctl("set", "Port", ids.tap(), "tag=42", "--", "clear", "Port", ids.tap(), "vlan_mode", "trunks");
        Map<String, Object> wired = host.port(ids.tap());
        ovs.runner().run(Command.of("ip", "link", "del", "dev", ids.tap()));

        osvif.plug(vif, Vifs.instance());

        assertThat(host.port(ids.tap())).isEqualTo(wired);
        assertThat(host.requireLink(ids.tap()).path("address").asText()).isEqualTo(ids.mac());
    }

    @Test
    @DisplayName("is not created at all without create_port: only the bridge is ensured")
    void noPortWithoutCreatePort() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");

        osvif.plug(Vifs.openVSwitch(ids, Vifs.network(bridge), Vifs.profile(ids).build()), Vifs.instance());

        assertThat(ovs.bridgeNames()).contains(bridge);
        assertThat(host.hasPort(ids.tap())).isFalse();
    }

    @Test
    @DisplayName("is removed entirely by unplug, twice without error")
    void unplug() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-i");
        VifOpenVSwitch vif = Vifs.openVSwitch(ids, Vifs.network(bridge),
                Vifs.profile(ids).createPort(true).createTap(true).build());
        osvif.plug(vif, Vifs.instance());

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.tap());
        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.tap());
    }
}
