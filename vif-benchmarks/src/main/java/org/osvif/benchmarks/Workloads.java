package org.osvif.benchmarks;

import org.osvif.objects.DatapathOffloadRepresentor;
import org.osvif.objects.FixedIp;
import org.osvif.objects.FixedIpList;
import org.osvif.objects.HostInfo;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.HostPortProfileInfo;
import org.osvif.objects.HostVifInfo;
import org.osvif.objects.Network;
import org.osvif.objects.Route;
import org.osvif.objects.RouteList;
import org.osvif.objects.Subnet;
import org.osvif.objects.SubnetList;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.types.IpAddress;

/**
 * The objects the benchmarks serialise: the same ones, field by field, as the
 * Python side builds in {@code tools/ovo/bench_python.py} (through the "full"
 * builders of {@code tools/ovo/generate_golden.py}, os-vif 5.1 definitions),
 * so that the two throughputs measure the same work. {@code WorkloadsTest}
 * checks that their primitives equal the golden files Python wrote.
 */
public final class Workloads {
    static final String VIF_ID = "5c2d3f1a-8b7e-4a6d-9c0b-1e2f3a4b5c6d";
    static final String NET_ID = "0f3a9d2e-4b1c-4e8a-b7d6-2c5e8f1a3b9d";
    static final String INTERFACE_ID = "07bd6cea-fb37-4594-b769-90fc51854ee9";
    static final String MAC = "fa:16:3e:4c:2c:30";
    static final String PCI_VF = "0000:0a:00.1";

    private Workloads() {
    }

    /**
     * Workload (a), Python's {@code vif_workload()}: the "full" VIFOpenVSwitch.
     *
     * @return a fully populated VIFOpenVSwitch with a VIFPortProfileOpenVSwitch 1.4 profile
     */
    public static VifOpenVSwitch vifOpenVSwitch() {
        return VifOpenVSwitch.builder()
                .id(VIF_ID)
                .address(MAC)
                .network(network())
                .plugin("ovs")
                .active(false)
                .preserveOnDelete(true)
                .hasTrafficFiltering(true)
                .portProfile(portProfile())
                .vifName("tap5c2d3f1a-8b")
                .bridgeName("br-int")
                .build();
    }

    /**
     * Workload (b), Python's {@code hostinfo_workload()}: three plugins.
     *
     * @return a HostInfo for plugins ovs, linux_bridge and noop
     */
    public static HostInfo hostInfo() {
        String[][] ovsProfiles = {{"VIFPortProfileOpenVSwitch", "1.4"}, {"VIFPortProfileOVSRepresentor", "1.4"}};
        return HostInfo.builder().pluginInfo(
                HostPluginInfo.builder().pluginName("ovs").vifInfo(
                        hostVif("VIFBridge", "1.0", ovsProfiles),
                        hostVif("VIFOpenVSwitch", "1.0", ovsProfiles),
                        hostVif("VIFVHostUser", "1.1", ovsProfiles),
                        hostVif("VIFHostDevice", "1.0", ovsProfiles)).build(),
                HostPluginInfo.builder().pluginName("linux_bridge").vifInfo(
                        hostVif("VIFBridge", "1.0", new String[][] {{"VIFPortProfileBase", "1.1"}})).build(),
                HostPluginInfo.builder().pluginName("noop").vifInfo(
                        hostVif("VIFVHostUser", "1.1", new String[][] {{"VIFPortProfileOpenVSwitch", "1.4"}})).build())
                .build();
    }

    private static HostVifInfo hostVif(String name, String maxVersion, String[][] profiles) {
        HostPortProfileInfo[] infos = new HostPortProfileInfo[profiles.length];
        for (int i = 0; i < profiles.length; i++) {
            infos[i] = HostPortProfileInfo.builder()
                    .profileObjectName(profiles[i][0]).minVersion("1.0").maxVersion(profiles[i][1]).build();
        }
        return HostVifInfo.builder().vifObjectName(name).minVersion("1.0").maxVersion(maxVersion)
                .supportedPortProfiles(infos).build();
    }

    private static VifPortProfileOpenVSwitch portProfile() {
        return VifPortProfileOpenVSwitch.builder()
                .interfaceId(INTERFACE_ID)
                .profileId("ovs-qos-gold")
                .datapathType("netdev")
                .createPort(true)
                .datapathOffload(DatapathOffloadRepresentor.builder()
                        .representorName("enp10s0f0_1").representorAddress(PCI_VF).build())
                .createTap(true)
                .multiqueue(true)
                .build();
    }

    private static Network network() {
        return Network.builder()
                .id(NET_ID)
                .bridge("br-int")
                .label("tenant-net")
                .subnets(SubnetList.of(subnetV4(), subnetV6()))
                .multiHost(false)
                .shouldProvideBridge(true)
                .shouldProvideVlan(true)
                .bridgeInterface("eth1")
                .vlan(101)
                .mtu(1450)
                .build();
    }

    private static Subnet subnetV4() {
        return Subnet.builder()
                .cidr("192.0.2.0/24")
                .dns(ip("192.0.2.2"), ip("198.51.100.53"))
                .gateway("192.0.2.1")
                .ips(FixedIpList.of(
                        FixedIp.builder().address("192.0.2.10")
                                .floatingIps(ip("198.51.100.5"), ip("198.51.100.6")).build(),
                        FixedIp.builder().address("192.0.2.11").floatingIps().build()))
                .routes(RouteList.of(
                        route("203.0.113.0/24", "192.0.2.254", "eth1"),
                        route("0.0.0.0/0", "192.0.2.1", "eth0")))
                .dhcpServer("192.0.2.2")
                .build();
    }

    private static Subnet subnetV6() {
        return Subnet.builder()
                .cidr("2001:db8:1::/64")
                .dns(ip("2001:db8:1::53"))
                .gateway("2001:db8:1::1")
                .ips(FixedIpList.of(
                        FixedIp.builder().address("2001:db8:1::10").floatingIps(ip("2001:db8:ffff::10")).build()))
                .routes(RouteList.of(route("2001:db8:2::/48", "2001:db8:1::fe", "eth0")))
                .dhcpServer("2001:db8:1::2")
                .build();
    }

    private static Route route(String cidr, String gateway, String iface) {
        return Route.builder().cidr(cidr).gateway(gateway).interfaceName(iface).build();
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }
}
