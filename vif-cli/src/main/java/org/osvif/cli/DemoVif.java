package org.osvif.cli;

import java.util.List;
import org.osvif.objects.FixedIp;
import org.osvif.objects.FixedIpList;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.Subnet;
import org.osvif.objects.SubnetList;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;

/** The VIF and instance {@code vifctl demo} plugs: what Nova sends for a port on an ML2/OVS network. */
final class DemoVif {
    static final String VIF_ID = "3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11";
    static final String BRIDGE = "br-int";

    private DemoVif() {
    }

    static VifOpenVSwitch vif() {
        Network network = Network.builder().id("5e1f0e83-93c2-4e4a-a7cf-cf0a1a3c2e10").bridge(BRIDGE)
                .label("demo-net").mtu(1450)
                .subnets(SubnetList.of(Subnet.builder().cidr("10.0.0.0/24").gateway("10.0.0.1")
                        .dns(List.of()).ips(FixedIpList.of(FixedIp.builder().address("10.0.0.5")
                                .floatingIps(List.of()).build())).build()))
                .build();
        return VifOpenVSwitch.builder().id(VIF_ID).address("fa:16:3e:4c:2c:30").network(network).plugin("ovs")
                .vifName("tap3c7a1f52-4f").bridgeName(BRIDGE).active(false).hasTrafficFiltering(true)
                .portProfile(VifPortProfileOpenVSwitch.builder().interfaceId(VIF_ID)
                        // No Open vSwitch kernel module is needed: the userspace datapath.
                        .datapathType("netdev").createPort(true).build())
                .build();
    }

    static InstanceInfo instance() {
        return InstanceInfo.builder().uuid("d5ba1f2c-3b9d-4a5e-9c63-8f1a47c1b7a2").name("instance-00000001")
                .projectId("demo").build();
    }
}
