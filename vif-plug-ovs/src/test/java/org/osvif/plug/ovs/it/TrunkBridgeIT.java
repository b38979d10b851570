package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.plug.ovs.it.HostState.row;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.OsVif;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.plug.ovs.it.Vifs.Ids;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * Trunk bridges ({@code tbr-} prefix, made by Neutron's trunk service per parent port): their ports are never
 * isolated, carry {@code external_ids:bridge_name}, and unplugging the VIF deletes the trunk bridge, while no
 * unplug ever deletes the integration bridge {@code br-int}. Run with {@code isolate_vif = true}, so that "not
 * isolated" means something.
 */
@RequiresOvs
@DisplayName("A VIF on a trunk bridge")
class TrunkBridgeIT {
    private final PrivateOvs ovs;
    private final HostState host;
    private final OsVif osvif;

    TrunkBridgeIT(PrivateOvs ovs) {
        this.ovs = ovs;
        this.host = new HostState(ovs);
        this.osvif = Vifs.osVif(ovs, "isolate_vif", "true");
    }

    @AfterEach
    void close() {
        osvif.close();
    }

    private static VifOpenVSwitch vif(Ids ids, String bridge) {
        return Vifs.openVSwitch(ids, Vifs.network(bridge), Vifs.profile(ids).createPort(true).build());
    }

    private static Map<String, Object> trunkExternalIds(Ids ids, String ifaceId, String bridge) {
        Map<String, Object> expected = HostState.externalIds(ids, ifaceId);
        expected.put("bridge_name", bridge);
        return expected;
    }

    @Test
    @DisplayName("is not isolated and its Interface names the trunk bridge in external_ids:bridge_name")
    void notIsolatedAndNamed() {
        Ids ids = Ids.fresh();
        String trunk = ovs.uniqueBridgeName("tbr-");

        osvif.plug(vif(ids, trunk), Vifs.instance());

        assertThat(host.port(ids.tap())).isEqualTo(row("name", ids.tap(), "interfaces", ids.tap()));
        assertThat(host.iface(ids.tap())).isEqualTo(row("name", ids.tap(),
                "external_ids", trunkExternalIds(ids, ids.ifaceId(), trunk), "mtu_request", (long) Vifs.NETWORK_MTU));
    }

    @Test
    @DisplayName("is unplugged together with its trunk bridge, while br-int and its ports stay")
    void unplugDeletesTrunkBridge() {
        Ids ids = Ids.fresh();
        Ids neighbour = Ids.fresh();
        String trunk = ovs.uniqueBridgeName("tbr-");
        osvif.plug(vif(neighbour, "br-int"), Vifs.instance());
        VifOpenVSwitch vif = vif(ids, trunk);
        osvif.plug(vif, Vifs.instance());

        osvif.unplug(vif, Vifs.instance());

        host.assertNoTrace(ids.tap(), trunk);
        assertThat(ovs.bridgeNames()).contains("br-int");
        assertThat(ovs.portNames("br-int")).contains(neighbour.tap());

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.tap(), trunk);
        osvif.unplug(vif(neighbour, "br-int"), Vifs.instance());
    }

    @Test
    @DisplayName("of a hybrid plug is unplugged together with its trunk bridge")
    void hybridOnTrunk() {
        Ids ids = Ids.fresh();
        String trunk = ovs.uniqueBridgeName("tbr-");
        VifBridge vif = Vifs.hybrid(ids, Vifs.network(trunk), Vifs.profile(ids).build());
        osvif.plug(vif, Vifs.instance());
        assertThat(host.port(ids.qvo())).doesNotContainKeys("tag", "vlan_mode", "trunks");
        assertThat(host.iface(ids.qvo())).extracting(r -> r.get("external_ids")).isEqualTo(
                trunkExternalIds(ids, ids.ifaceId(), trunk));

        osvif.unplug(vif, Vifs.instance());

        host.assertNoTrace(ids.qbr(), ids.qvb(), ids.qvo(), trunk);
    }

    @Test
    @DisplayName("of vhost-user is unplugged together with its trunk bridge")
    void vhostUserOnTrunk() {
        Ids ids = Ids.fresh();
        String trunk = ovs.uniqueBridgeName("tbr-");
        VifVHostUser vif = Vifs.vhostUser(ids, Vifs.network(trunk), Vifs.profile(ids).build(),
                VifVHostUserMode.SERVER);
        osvif.plug(vif, Vifs.instance());
        assertThat(host.port(ids.vhu())).doesNotContainKeys("tag", "vlan_mode", "trunks");

        osvif.unplug(vif, Vifs.instance());

        host.assertNoTrace(ids.vhu(), trunk);
    }

    @Test
    @DisplayName("is not what br-int is: unplugging a VIF of br-int never deletes br-int")
    void integrationBridgeNeverDeleted() {
        Ids ids = Ids.fresh();
        VifOpenVSwitch vif = vif(ids, "br-int");
        osvif.plug(vif, Vifs.instance());
        assertThat(host.port(ids.tap())).containsEntry("tag", 4095L);

        osvif.unplug(vif, Vifs.instance());
        osvif.unplug(vif, Vifs.instance());

        host.assertNoTrace(ids.tap());
        assertThat(ovs.bridgeNames()).contains("br-int");
    }
}
