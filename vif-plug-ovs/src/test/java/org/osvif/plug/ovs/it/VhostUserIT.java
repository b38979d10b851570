package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.osvif.plug.ovs.it.HostState.externalIds;
import static org.osvif.plug.ovs.it.HostState.row;
import static org.osvif.plug.ovs.it.HostState.sortedNames;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.OsVif;
import org.osvif.exception.PlugException;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.plug.ovs.TapCreationNotSupportedException;
import org.osvif.plug.ovs.it.Vifs.Ids;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * VIFVHostUser: a DPDK vhost-user port {@code vhu<id>}. Without DPDK, ovs-vswitchd sets the Interface's
 * {@code error} column, but the rows are there and are what this checks.
 */
@RequiresOvs
@DisplayName("A VIFVHostUser plugged on a real Open vSwitch")
class VhostUserIT {
    private final PrivateOvs ovs;
    private final HostState host;
    private final OsVif osvif;

    VhostUserIT(PrivateOvs ovs) {
        this.ovs = ovs;
        this.host = new HostState(ovs);
        this.osvif = Vifs.osVif(ovs);
    }

    @AfterEach
    void close() {
        osvif.close();
    }

    private static VifVHostUser vif(Ids ids, String bridge, VifVHostUserMode mode) {
        return Vifs.vhostUser(ids, Vifs.network(bridge), Vifs.profile(ids).build(), mode);
    }

    @Test
    @DisplayName("in server mode (the hypervisor serves the socket) is a dpdkvhostuserclient with "
            + "vhost-server-path and mtu_request in one port")
    void serverMode() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-v");

        osvif.plug(vif(ids, bridge, VifVHostUserMode.SERVER), Vifs.instance());

        assertThat(host.iface(ids.vhu())).isEqualTo(row("name", ids.vhu(), "type", "dpdkvhostuserclient",
                "options", row("vhost-server-path", Vifs.socketPath(ids)),
                "mtu_request", (long) Vifs.NETWORK_MTU,
                "external_ids", externalIds(ids, ids.ifaceId())));
        assertThat(host.port(ids.vhu())).isEqualTo(row("name", ids.vhu(), "interfaces", ids.vhu()));
        assertThat(host.bridge(bridge)).isEqualTo(
                row("name", bridge, "datapath_type", "netdev", "ports", sortedNames(bridge, ids.vhu())));
        assertThat(host.qosRowsOf(ids.vhu())).isEmpty();
    }

    @Test
    @DisplayName("in client mode (Open vSwitch serves the socket) is a dpdkvhostuser without vhost-server-path")
    void clientMode() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-v");

        osvif.plug(vif(ids, bridge, VifVHostUserMode.CLIENT), Vifs.instance());

        assertThat(host.iface(ids.vhu())).isEqualTo(row("name", ids.vhu(), "type", "dpdkvhostuser",
                "mtu_request", (long) Vifs.NETWORK_MTU, "external_ids", externalIds(ids, ids.ifaceId())));
        assertThat(host.port(ids.vhu())).isEqualTo(row("name", ids.vhu(), "interfaces", ids.vhu()));
    }

    @Test
    @DisplayName("goes on a netdev bridge when the profile names no datapath")
    void netdevByDefault() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-v");
        VifVHostUser vif = Vifs.vhostUser(ids, Vifs.network(bridge),
                new VifPortProfileOpenVSwitch.Builder().interfaceId(ids.ifaceId()).build(),
                VifVHostUserMode.SERVER);

        osvif.plug(vif, Vifs.instance());

        assertThat(host.bridge(bridge)).containsEntry("datapath_type", "netdev");
        assertThat(host.qosRowsOf(ids.vhu())).as("no QoS off the system datapath").isEmpty();
    }

    @Test
    @DisplayName("takes network_device_mtu as mtu_request when the network has no MTU")
    void defaultMtu() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-v");
        VifVHostUser vif = Vifs.vhostUser(ids, Vifs.network(bridge, null), Vifs.profile(ids).build(),
                VifVHostUserMode.SERVER);

        try (OsVif withMtu = Vifs.osVif(ovs, "network_device_mtu", "9000")) {
            withMtu.plug(vif, Vifs.instance());
        }

        assertThat(host.iface(ids.vhu())).containsEntry("mtu_request", 9000L);
    }

    @Test
    @DisplayName("gets no mtu_request when neither the network nor network_device_mtu gives an MTU")
    void noMtu() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-v");
        VifVHostUser vif = Vifs.vhostUser(ids, Vifs.network(bridge, null), Vifs.profile(ids).build(),
                VifVHostUserMode.SERVER);

        try (OsVif noMtu = Vifs.osVif(ovs, "network_device_mtu", "0")) {
            noMtu.plug(vif, Vifs.instance());
        }

        assertThat(host.iface(ids.vhu())).doesNotContainKey("mtu_request");
    }

    @Test
    @DisplayName("with isolate_vif is isolated when new, and keeps the agent's VLAN when plugged again")
    void isolation() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-v");
        VifVHostUser vif = vif(ids, bridge, VifVHostUserMode.CLIENT);

        try (OsVif isolating = Vifs.osVif(ovs, "isolate_vif", "true")) {
            isolating.plug(vif, Vifs.instance());
            assertThat(host.port(ids.vhu())).containsEntry("tag", 4095L).containsEntry("vlan_mode", "trunk")
                    .containsEntry("trunks", 4095L);
            ovs.vsctl("set", "Port", ids.vhu(), "tag=42", "--", "clear", "Port", ids.vhu(), "vlan_mode", "trunks");

            isolating.plug(vif, Vifs.instance());
        }

        assertThat(host.port(ids.vhu())).isEqualTo(row("name", ids.vhu(), "interfaces", ids.vhu(), "tag", 42L));
    }

    @Test
    @DisplayName("unplugged loses its port; unplugging again does nothing and does not fail")
    void unplugTwice() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-v");
        VifVHostUser vif = vif(ids, bridge, VifVHostUserMode.SERVER);
        osvif.plug(vif, Vifs.instance());

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.vhu());
        assertThat(ovs.bridgeNames()).contains(bridge);

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.vhu());
    }

    @Test
    @DisplayName("plugged twice leaves the same rows as plugged once")
    void idempotentPlug() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-v");
        VifVHostUser vif = vif(ids, bridge, VifVHostUserMode.CLIENT);
        osvif.plug(vif, Vifs.instance());
        var rows = host.snapshot(List.of(ids.vhu()), List.of(bridge));

        osvif.plug(vif, Vifs.instance());

        assertThat(host.snapshot(List.of(ids.vhu()), List.of(bridge))).isEqualTo(rows);
    }

    @Test
    @DisplayName("with create_tap is refused before anything is made")
    void createTapRefused() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-v");
        VifVHostUser vif = Vifs.vhostUser(ids, Vifs.network(bridge), Vifs.profile(ids).createTap(true).build(),
                VifVHostUserMode.SERVER);

        PlugException failure = catchThrowableOfType(PlugException.class, () -> osvif.plug(vif, Vifs.instance()));

        assertThat(failure.getCause()).isInstanceOf(TapCreationNotSupportedException.class);
        assertThat(failure.vif()).isSameAs(vif);
        assertThat(ovs.bridgeNames()).doesNotContain(bridge);
        host.assertNoTrace(ids.vhu());
    }
}
