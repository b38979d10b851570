package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.plug.ovs.it.HostState.row;
import static org.osvif.plug.ovs.it.HostState.sortedNames;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osvif.OsVif;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.plug.ovs.it.Vifs.Ids;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * {@code per_port_bridge = true}: the VIF's port on its own bridge {@code pb<id>}, patched to the integration
 * bridge by {@code pbp<id>} (on pb) and {@code ibp<id>} (on the integration bridge).
 */
@RequiresOvs
@DisplayName("A VIFOpenVSwitch plugged with per_port_bridge")
class PerPortBridgeIT {
    private final PrivateOvs ovs;
    private final HostState host;
    private final OsVif osvif;

    PerPortBridgeIT(PrivateOvs ovs) {
        this.ovs = ovs;
        this.host = new HostState(ovs);
        this.osvif = Vifs.osVif(ovs, "per_port_bridge", "true");
    }

    @AfterEach
    void close() {
        osvif.close();
    }

    private static VifOpenVSwitch vif(Ids ids, String bridge, boolean createTap) {
        return Vifs.openVSwitch(ids, Vifs.network(bridge), Vifs.profile(ids).createTap(createTap).build());
    }

    private static Map<String, Object> ibpExternalIds(Ids ids) {
        return row("iface-id", ids.vifId(), "iface-status", "active", "attached-mac", ids.mac(), "vm-uuid",
                Vifs.INSTANCE_UUID);
    }

    @Test
    @DisplayName("gets a bridge pb<id> holding its port and pbp<id>, patched both ways to ibp<id> on the "
            + "integration bridge")
    void rows() {
        Ids ids = Ids.fresh();
        String integration = ovs.uniqueBridgeName("br-p");

        osvif.plug(vif(ids, integration, false), Vifs.instance());

        assertThat(host.bridge(ids.pb())).isEqualTo(row("name", ids.pb(), "datapath_type", "netdev",
                "ports", sortedNames(ids.pb(), ids.pbp(), ids.tap())));
        assertThat(host.bridge(integration)).isEqualTo(row("name", integration, "datapath_type", "netdev",
                "ports", sortedNames(integration, ids.ibp())));
        assertThat(host.port(ids.tap())).isEqualTo(row("name", ids.tap(), "interfaces", ids.tap()));
        assertThat(host.iface(ids.tap())).as("the VIF's own port gets no external_ids (set_ids=False), its MTU")
                .isEqualTo(row("name", ids.tap(), "mtu_request", (long) Vifs.NETWORK_MTU));
        assertThat(host.port(ids.pbp())).isEqualTo(row("name", ids.pbp(), "interfaces", ids.pbp()));
        assertThat(host.iface(ids.pbp())).isEqualTo(
                row("name", ids.pbp(), "type", "patch", "options", row("peer", ids.ibp())));
        assertThat(host.port(ids.ibp())).isEqualTo(row("name", ids.ibp(), "interfaces", ids.ibp()));
        assertThat(host.iface(ids.ibp())).isEqualTo(row("name", ids.ibp(), "type", "patch",
                "options", row("peer", ids.pbp()), "external_ids", ibpExternalIds(ids)));
    }

    @Test
    @DisplayName("with create_tap gets its tap with the VIF's MAC and MTU on pb<id>")
    void createTap() {
        Ids ids = Ids.fresh();
        String integration = ovs.uniqueBridgeName("br-p");

        osvif.plug(vif(ids, integration, true), Vifs.instance());

        var tap = host.requireLink(ids.tap());
        assertThat(tap.path("address").asText()).isEqualTo(ids.mac());
        assertThat(tap.path("mtu").asInt()).isEqualTo(Vifs.NETWORK_MTU);
        assertThat(ovs.portNames(ids.pb())).contains(ids.tap());
    }

    @Test
    @DisplayName("unplugged loses pb<id>, both patch ports, its port and its tap, while br-int stays; twice is "
            + "harmless")
    void unplugTwice() {
        Ids ids = Ids.fresh();
        String integration = ovs.addBridge("br-int");
        VifOpenVSwitch vif = vif(ids, integration, true);
        osvif.plug(vif, Vifs.instance());
        assertThat(ovs.bridgeNames()).contains(ids.pb());

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.pb(), ids.pbp(), ids.ibp(), ids.tap());
        assertThat(ovs.bridgeNames()).contains("br-int");

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.pb(), ids.pbp(), ids.ibp(), ids.tap());
        assertThat(ovs.bridgeNames()).contains("br-int");
    }

    @Test
    @DisplayName("plugged twice leaves the same rows as plugged once")
    void idempotentPlug() {
        Ids ids = Ids.fresh();
        String integration = ovs.uniqueBridgeName("br-p");
        VifOpenVSwitch vif = vif(ids, integration, true);
        osvif.plug(vif, Vifs.instance());
        List<String> ports = List.of(ids.tap(), ids.pbp(), ids.ibp());
        List<String> bridges = List.of(ids.pb(), integration);
        var rows = host.snapshot(ports, bridges);

        osvif.plug(vif, Vifs.instance());

        assertThat(host.snapshot(ports, bridges)).isEqualTo(rows);
    }

    @Nested
    @DisplayName("and isolate_vif")
    class Isolated {
        private final OsVif isolating;

        Isolated() {
            this.isolating = Vifs.osVif(ovs, "per_port_bridge", "true", "isolate_vif", "true");
        }

        @AfterEach
        void close() {
            isolating.close();
        }

        @Test
        @DisplayName("tags ibp<id> with 4095 and isolates its port on pb<id>, each from its creation")
        void isolatedFromBirth() {
            Ids ids = Ids.fresh();
            String integration = ovs.uniqueBridgeName("br-p");
            try (PrivateOvs.Monitor ports = ovs.startMonitor("Port", "name", "tag", "vlan_mode", "trunks")) {
                isolating.plug(vif(ids, integration, false), Vifs.instance());
                ports.awaitRows(u -> ids.ibp().equals(u.get("name")), Duration.ofSeconds(10));
                ports.awaitRows(u -> ids.tap().equals(u.get("name")), Duration.ofSeconds(10));
                assertThat(ports.updates()).filteredOn(u -> ids.ibp().equals(u.get("name")))
                        .allSatisfy(u -> assertThat(u).containsEntry("tag", 4095L));
                assertThat(ports.updates()).filteredOn(u -> ids.tap().equals(u.get("name")))
                        .allSatisfy(u -> assertThat(u).containsEntry("tag", 4095L));
            }
            assertThat(host.port(ids.ibp())).as("upstream tags the patch port only")
                    .isEqualTo(row("name", ids.ibp(), "interfaces", ids.ibp(), "tag", 4095L));
            assertThat(host.port(ids.tap())).isEqualTo(row("name", ids.tap(), "interfaces", ids.tap(),
                    "tag", 4095L, "vlan_mode", "trunk", "trunks", 4095L));
            assertThat(host.port(ids.pbp())).isEqualTo(row("name", ids.pbp(), "interfaces", ids.pbp()));
        }

        @Test
        @DisplayName("does not isolate again ports the agent has wired")
        void replugKeepsWiring() {
            Ids ids = Ids.fresh();
            String integration = ovs.uniqueBridgeName("br-p");
            VifOpenVSwitch vif = vif(ids, integration, false);
            isolating.plug(vif, Vifs.instance());
            ovs.vsctl("set", "Port", ids.ibp(), "tag=7");
            ovs.vsctl("clear", "Port", ids.tap(), "tag", "vlan_mode", "trunks");

            isolating.plug(vif, Vifs.instance());

            assertThat(host.port(ids.ibp())).containsEntry("tag", 7L);
            assertThat(host.port(ids.tap())).doesNotContainKeys("tag", "vlan_mode", "trunks");
        }
    }
}
