package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.plug.ovs.it.HostState.externalIds;
import static org.osvif.plug.ovs.it.HostState.row;
import static org.osvif.plug.ovs.it.HostState.sortedNames;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.OsVif;
import org.osvif.objects.VifBridge;
import org.osvif.plug.ovs.it.Vifs.Ids;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hybrid plug (VIFBridge): a Linux bridge {@code qbr<id>} joined to Open vSwitch by the veth pair
 * {@code qvb<id>} / {@code qvo<id>}; its re-plug, its unplug, and the VIFOpenVSwitch unplug that removes a
 * hybrid set left over from an earlier hybrid plug.
 */
@RequiresOvs
@DisplayName("A hybrid-plugged VIFBridge")
class HybridPlugIT {
    private final PrivateOvs ovs;
    private final HostState host;
    private final OsVif osvif;

    HybridPlugIT(PrivateOvs ovs) {
        this.ovs = ovs;
        this.host = new HostState(ovs);
        this.osvif = Vifs.osVif(ovs);
    }

    @AfterEach
    void close() {
        osvif.close();
    }

    private static VifBridge vif(Ids ids, String bridge, int mtu) {
        return Vifs.hybrid(ids, Vifs.network(bridge, mtu), Vifs.profile(ids).build());
    }

    @Test
    @DisplayName("gets a Linux bridge qbr with MAC ageing 0, IPv6 off and ARP replies restricted, up")
    void linuxBridge() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-h");

        osvif.plug(vif(ids, bridge, Vifs.NETWORK_MTU), Vifs.instance());

        JsonNode qbr = host.requireLink(ids.qbr());
        assertThat(qbr.path("linkinfo").path("info_kind").asText()).isEqualTo("bridge");
        assertThat(qbr.path("linkinfo").path("info_data").path("ageing_time").asInt()).isZero();
        assertThat(qbr.path("linkinfo").path("info_data").path("stp_state").asInt()).isZero();
        assertThat(qbr.path("linkinfo").path("info_data").path("forward_delay").asInt()).isZero();
        assertThat(HostState.flags(qbr)).contains("UP");
        assertThat(host.procSys("net/ipv6/conf/" + ids.qbr() + "/disable_ipv6")).isEqualTo("1");
        assertThat(host.procSys("net/ipv4/conf/" + ids.qbr() + "/arp_ignore")).isEqualTo("1");
        assertThat(host.procSys("net/ipv4/conf/" + ids.qbr() + "/arp_announce")).isEqualTo("2");
    }

    @Test
    @DisplayName("gets a veth pair qvb/qvo, both up and promiscuous with the network's MTU, qvb on qbr, qvo on "
            + "Open vSwitch with the VIF's external_ids")
    void vethPairAndRows() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-h");

        osvif.plug(vif(ids, bridge, Vifs.NETWORK_MTU), Vifs.instance());

        JsonNode qvb = host.requireLink(ids.qvb());
        JsonNode qvo = host.requireLink(ids.qvo());
        for (JsonNode end : List.of(qvb, qvo)) {
            assertThat(end.path("linkinfo").path("info_kind").asText()).isEqualTo("veth");
            assertThat(end.path("mtu").asInt()).isEqualTo(Vifs.NETWORK_MTU);
            assertThat(HostState.flags(end)).contains("UP", "PROMISC");
        }
        assertThat(qvb.path("link").asText()).as("qvb's peer").isEqualTo(ids.qvo());
        assertThat(qvb.path("master").asText()).isEqualTo(ids.qbr());
        assertThat(qvo.path("master").isMissingNode()).as("qvo is on no Linux bridge").isTrue();

        assertThat(host.port(ids.qvo())).isEqualTo(row("name", ids.qvo(), "interfaces", ids.qvo()));
        assertThat(host.iface(ids.qvo())).isEqualTo(
                row("name", ids.qvo(), "external_ids", externalIds(ids, ids.ifaceId())));
        assertThat(host.bridge(bridge)).isEqualTo(
                row("name", bridge, "datapath_type", "netdev", "ports", sortedNames(bridge, ids.qvo())));
        assertThat(host.hasPort(ids.qvb())).as("qvb is not an Open vSwitch port").isFalse();
        assertThat(host.hasLink(ids.tap())).as("the tap is the hypervisor's to make").isFalse();
    }

    @Test
    @DisplayName("plugged again with a new network MTU only gets the new MTU on the same devices")
    void replugUpdatesMtu() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-h");
        osvif.plug(vif(ids, bridge, Vifs.NETWORK_MTU), Vifs.instance());
        var rows = host.snapshot(List.of(ids.qvo()), List.of(bridge));
        int qvbIndex = host.requireLink(ids.qvb()).path("ifindex").asInt();
        int qvoIndex = host.requireLink(ids.qvo()).path("ifindex").asInt();
        int qbrIndex = host.requireLink(ids.qbr()).path("ifindex").asInt();

        osvif.plug(vif(ids, bridge, 1400), Vifs.instance());

        JsonNode qvb = host.requireLink(ids.qvb());
        JsonNode qvo = host.requireLink(ids.qvo());
        assertThat(qvb.path("mtu").asInt()).isEqualTo(1400);
        assertThat(qvo.path("mtu").asInt()).isEqualTo(1400);
        assertThat(qvb.path("ifindex").asInt()).as("the same qvb").isEqualTo(qvbIndex);
        assertThat(qvo.path("ifindex").asInt()).as("the same qvo").isEqualTo(qvoIndex);
        assertThat(host.requireLink(ids.qbr()).path("ifindex").asInt()).as("the same qbr").isEqualTo(qbrIndex);
        assertThat(qvb.path("master").asText()).isEqualTo(ids.qbr());
        assertThat(host.snapshot(List.of(ids.qvo()), List.of(bridge))).as("OVSDB rows unchanged").isEqualTo(rows);
    }

    @Test
    @DisplayName("plugged twice leaves the same devices and rows as plugged once")
    void idempotentPlug() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-h");
        osvif.plug(vif(ids, bridge, Vifs.NETWORK_MTU), Vifs.instance());
        var rows = host.snapshot(List.of(ids.qvo()), List.of(bridge));
        List<String> links = ovs.links();

        osvif.plug(vif(ids, bridge, Vifs.NETWORK_MTU), Vifs.instance());

        assertThat(host.snapshot(List.of(ids.qvo()), List.of(bridge))).isEqualTo(rows);
        assertThat(ovs.links()).containsExactlyInAnyOrderElementsOf(links);
    }

    @Test
    @DisplayName("unplugged loses qbr, qvb, qvo and the port; unplugging again does nothing and does not fail")
    void unplugTwice() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-h");
        VifBridge vif = vif(ids, bridge, Vifs.NETWORK_MTU);
        osvif.plug(vif, Vifs.instance());

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.qbr(), ids.qvb(), ids.qvo());
        assertThat(ovs.bridgeNames()).as("the Open vSwitch bridge stays").contains(bridge);

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.qbr(), ids.qvb(), ids.qvo());
    }

    @Test
    @DisplayName("unplugged as a VIFOpenVSwitch (the same port, later bound without hybrid plug) still loses its "
            + "leftover qbr, qvb and qvo")
    void openVSwitchUnplugRemovesLeftoverHybridSet() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-h");
        osvif.plug(vif(ids, bridge, Vifs.NETWORK_MTU), Vifs.instance());
        assertThat(host.hasLink(ids.qbr())).isTrue();

        osvif.unplug(Vifs.openVSwitch(ids, Vifs.network(bridge), Vifs.profile(ids).build()), Vifs.instance());

        host.assertNoTrace(ids.qbr(), ids.qvb(), ids.qvo(), ids.tap());
    }
}
