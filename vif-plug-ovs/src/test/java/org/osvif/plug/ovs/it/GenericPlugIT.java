package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.plug.ovs.it.HostState.externalIds;
import static org.osvif.plug.ovs.it.HostState.row;
import static org.osvif.plug.ovs.it.HostState.sortedNames;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.OsVif;
import org.osvif.exec.Command;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.plug.ovs.it.Vifs.Ids;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generic VIFOpenVSwitch path with the default options (no isolation, no per-port bridge): bridge only,
 * {@code create_port}, {@code create_tap} and {@code multiqueue}, unplug, and idempotence.
 */
@RequiresOvs
@DisplayName("A VIFOpenVSwitch plugged on a real Open vSwitch")
class GenericPlugIT {
    private final PrivateOvs ovs;
    private final HostState host;
    private final OsVif osvif;

    GenericPlugIT(PrivateOvs ovs) {
        this.ovs = ovs;
        this.host = new HostState(ovs);
        this.osvif = Vifs.osVif(ovs);
    }

    @AfterEach
    void close() {
        osvif.close();
    }

    private VifOpenVSwitch vif(Ids ids, String bridge, boolean createPort, boolean createTap, boolean multiqueue) {
        return Vifs.openVSwitch(ids, Vifs.network(bridge),
                Vifs.profile(ids).createPort(createPort).createTap(createTap).multiqueue(multiqueue).build());
    }

    @Test
    @DisplayName("without create_port only ensures the bridge, with the profile's datapath type, and makes no port")
    void bridgeOnly() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");

        osvif.plug(Vifs.openVSwitch(ids, Vifs.network(bridge), Vifs.profile(ids).build()), Vifs.instance());

        assertThat(host.bridge(bridge)).isEqualTo(row("name", bridge, "datapath_type", "netdev", "ports", bridge));
        assertThat(host.hasPort(ids.tap())).isFalse();
        assertThat(host.hasLink(ids.tap())).isFalse();
    }

    @Test
    @DisplayName("without create_port leaves an existing bridge and its ports as they were")
    void existingBridgeUntouched() {
        Ids ids = Ids.fresh();
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-g"));
        ovs.vsctl("add-port", bridge, "other0", "--", "set", "Interface", "other0", "type=internal");
        var before = host.snapshot(List.of("other0"), List.of(bridge));

        osvif.plug(vif(ids, bridge, false, false, false), Vifs.instance());

        assertThat(host.snapshot(List.of("other0"), List.of(bridge))).isEqualTo(before);
        ovs.vsctl("del-port", bridge, "other0");
    }

    @Test
    @DisplayName("with create_port adds one port whose Interface carries iface-id, iface-status, attached-mac, "
            + "vm-uuid and the network's MTU as mtu_request, untagged")
    void createPortRows() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");

        osvif.plug(vif(ids, bridge, true, false, false), Vifs.instance());

        assertThat(host.port(ids.tap())).isEqualTo(row("name", ids.tap(), "interfaces", ids.tap()));
        assertThat(host.iface(ids.tap())).isEqualTo(row("name", ids.tap(),
                "external_ids", externalIds(ids, ids.ifaceId()), "mtu_request", (long) Vifs.NETWORK_MTU));
        assertThat(host.bridge(bridge)).isEqualTo(
                row("name", bridge, "datapath_type", "netdev", "ports", sortedNames(bridge, ids.tap())));
        assertThat(host.qosRowsOf(ids.tap())).as("no QoS on the netdev datapath").isEmpty();
    }

    @Test
    @DisplayName("with create_port gives a device the hypervisor already made the network's MTU, through "
            + "mtu_request")
    void createPortSetsMtuOfExistingDevice() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");
        ovs.runner().run(Command.of("ip", "tuntap", "add", "dev", ids.tap(), "mode", "tap"));
        assertThat(host.requireLink(ids.tap()).path("mtu").asInt()).isEqualTo(1500);

        osvif.plug(vif(ids, bridge, true, false, false), Vifs.instance());

        assertThat(host.iface(ids.tap())).containsEntry("mtu_request", (long) Vifs.NETWORK_MTU);
        host.awaitMtu(ids.tap(), Vifs.NETWORK_MTU);
        assertThat(ovs.portNames(bridge)).containsExactly(ids.tap());

        osvif.unplug(vif(ids, bridge, true, false, false), Vifs.instance());
        host.assertNoTrace(ids.tap());
    }

    @Test
    @DisplayName("with create_port gives a device the hypervisor makes after the plug the network's MTU, through "
            + "mtu_request")
    void createPortSetsMtuOfLaterDevice() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");

        osvif.plug(vif(ids, bridge, true, false, false), Vifs.instance());
        assertThat(host.hasLink(ids.tap())).isFalse();
        ovs.runner().run(Command.of("ip", "tuntap", "add", "dev", ids.tap(), "mode", "tap"));

        host.awaitMtu(ids.tap(), Vifs.NETWORK_MTU);
        assertThat(host.iface(ids.tap())).containsEntry("mtu_request", (long) Vifs.NETWORK_MTU);

        osvif.unplug(vif(ids, bridge, true, false, false), Vifs.instance());
        host.assertNoTrace(ids.tap());
    }

    @Test
    @DisplayName("with create_tap makes a real tap first: the VIF's MAC, the network's MTU, up, IPv6 off, one queue")
    void createTap() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");

        osvif.plug(vif(ids, bridge, true, true, false), Vifs.instance());

        JsonNode tap = host.requireLink(ids.tap());
        assertThat(tap.path("linkinfo").path("info_kind").asText()).isEqualTo("tun");
        assertThat(tap.path("linkinfo").path("info_data").path("type").asText()).isEqualTo("tap");
        assertThat(tap.path("linkinfo").path("info_data").path("multi_queue").asBoolean()).isFalse();
        assertThat(tap.path("address").asText()).isEqualTo(ids.mac());
        assertThat(tap.path("mtu").asInt()).isEqualTo(Vifs.NETWORK_MTU);
        assertThat(HostState.flags(tap)).contains("UP");
        assertThat(host.procSys("net/ipv6/conf/" + ids.tap() + "/disable_ipv6")).isEqualTo("1");
        assertThat(host.port(ids.tap())).isEqualTo(row("name", ids.tap(), "interfaces", ids.tap()));
        assertThat(host.iface(ids.tap())).isEqualTo(
                row("name", ids.tap(), "external_ids", externalIds(ids, ids.ifaceId())));
    }

    @Test
    @DisplayName("with create_tap and multiqueue makes a multi-queue tap")
    void createTapMultiqueue() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");

        osvif.plug(vif(ids, bridge, true, true, true), Vifs.instance());

        JsonNode tap = host.requireLink(ids.tap());
        assertThat(tap.path("linkinfo").path("info_data").path("multi_queue").asBoolean()).isTrue();
        String tuntap = ovs.runner().run(Command.of("ip", "tuntap", "show")).stdout();
        assertThat(tuntap.lines().filter(l -> l.startsWith(ids.tap() + ":"))).singleElement().asString()
                .contains("multi_queue");
        assertThat(ovs.portNames(bridge)).containsExactly(ids.tap());
    }

    @Test
    @DisplayName("takes network_device_mtu for the tap when the network has no MTU")
    void networkDeviceMtu() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");
        VifOpenVSwitch vif = Vifs.openVSwitch(ids, Vifs.network(bridge, null),
                Vifs.profile(ids).createPort(true).createTap(true).build());

        try (OsVif withMtu = Vifs.osVif(ovs, "network_device_mtu", "1400")) {
            withMtu.plug(vif, Vifs.instance());
            assertThat(host.requireLink(ids.tap()).path("mtu").asInt()).isEqualTo(1400);
            withMtu.unplug(vif, Vifs.instance());
        }
        host.assertNoTrace(ids.tap());
    }

    @Test
    @DisplayName("unplug removes the port and deletes the tap; unplugging again does nothing and does not fail")
    void unplugTwice() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");
        VifOpenVSwitch vif = vif(ids, bridge, true, true, false);
        osvif.plug(vif, Vifs.instance());
        assertThat(host.hasLink(ids.tap())).isTrue();

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.tap());
        assertThat(host.bridge(bridge)).as("the bridge stays").containsEntry("ports", bridge);

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.tap());
        assertThat(ovs.bridgeNames()).contains(bridge);
    }

    @Test
    @DisplayName("unplug removes a port the hypervisor created (no create_port) and deletes its device")
    void unplugHypervisorPort() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");
        VifOpenVSwitch vif = vif(ids, bridge, false, false, false);
        osvif.plug(vif, Vifs.instance());
        // what libvirt does for <interface type='bridge'><virtualport type='openvswitch'/>
        ovs.runner().run(Command.of("ip", "tuntap", "add", "dev", ids.tap(), "mode", "tap"));
        ovs.vsctl("--", "--if-exists", "del-port", ids.tap(), "--", "add-port", bridge, ids.tap(), "--", "set",
                "Interface", ids.tap(), "external_ids:iface-id=\"" + ids.ifaceId() + "\"",
                "external_ids:iface-status=active", "external_ids:attached-mac=\"" + ids.mac() + "\"",
                "external_ids:vm-uuid=\"" + Vifs.INSTANCE_UUID + "\"");

        osvif.unplug(vif, Vifs.instance());

        host.assertNoTrace(ids.tap());
    }

    @Test
    @DisplayName("plugs and unplugs many VIFs at once on one new bridge, from one library instance")
    void concurrentPlugs() throws Exception {
        String bridge = ovs.uniqueBridgeName("br-g");
        List<Ids> all = IntStream.range(0, 8).mapToObj(i -> Ids.fresh()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(all.size());
        try {
            List<Future<?>> plugs = new ArrayList<>();
            for (Ids ids : all) {
                plugs.add(pool.submit(() -> osvif.plug(vif(ids, bridge, true, true, false), Vifs.instance())));
            }
            for (Future<?> plug : plugs) {
                plug.get(60, TimeUnit.SECONDS);
            }
            assertThat(ovs.portNames(bridge)).containsExactlyInAnyOrderElementsOf(
                    all.stream().map(Ids::tap).toList());
            List<Future<?>> unplugs = new ArrayList<>();
            for (Ids ids : all) {
                unplugs.add(pool.submit(() -> osvif.unplug(vif(ids, bridge, true, true, false), Vifs.instance())));
            }
            for (Future<?> unplug : unplugs) {
                unplug.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        host.assertNoTrace(all.stream().map(Ids::tap).toArray(String[]::new));
    }

    @Test
    @DisplayName("plugging the same VIF twice leaves the same rows and devices as plugging it once")
    void idempotentPlug() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-g");
        VifOpenVSwitch vif = vif(ids, bridge, true, true, false);
        osvif.plug(vif, Vifs.instance());
        var rows = host.snapshot(List.of(ids.tap()), List.of(bridge));
        JsonNode tap = host.requireLink(ids.tap());

        osvif.plug(vif, Vifs.instance());

        assertThat(host.snapshot(List.of(ids.tap()), List.of(bridge))).isEqualTo(rows);
        JsonNode again = host.requireLink(ids.tap());
        assertThat(again.path("ifindex").asInt()).as("the same tap, not a new one").isEqualTo(
                tap.path("ifindex").asInt());
        assertThat(again.path("mtu").asInt()).isEqualTo(Vifs.NETWORK_MTU);
        assertThat(again.path("address").asText()).isEqualTo(ids.mac());
    }
}
