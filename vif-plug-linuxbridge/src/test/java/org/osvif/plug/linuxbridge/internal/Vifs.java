package org.osvif.plug.linuxbridge.internal;

import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBridge;

/** The objects upstream's test_plugin.py builds, and variations of them. */
final class Vifs {
    static final String NETWORK_ID = "437c6db5-4e6f-4b43-b64b-ed6a11ee5ba7";
    static final String VIF_ID = "b679325f-ca89-4ee0-a8be-6db1409b69ea";

    private Vifs() {
    }

    static InstanceInfo instance() {
        return InstanceInfo.builder().name("demo").uuid("f0000000-0000-0000-0000-000000000001").build();
    }

    /** @return upstream's network of test_plug_bridge: bridge br0, nothing to provide */
    static Network.Builder network() {
        return Network.builder().id(NETWORK_ID).bridge("br0");
    }

    /** @return a flat network whose bridge the host provides on eth0 */
    static Network.Builder flatNetwork(Integer mtu) {
        return network().bridgeInterface("eth0").shouldProvideBridge(true).mtu(mtu);
    }

    /** @return a VLAN 99 network whose bridge and VLAN interface the host provides on eth0 */
    static Network.Builder vlanNetwork(Integer mtu) {
        return network().bridgeInterface("eth0").vlan(99).shouldProvideBridge(true).shouldProvideVlan(true)
                .mtu(mtu);
    }

    static VifBridge.Builder vif(Network network, String bridgeName) {
        return VifBridge.builder()
                .id(VIF_ID)
                .address("ca:fe:de:ad:be:ef")
                .network(network)
                .vifName("tap-xxx-yyy-zzz")
                .plugin("linux_bridge")
                .bridgeName(bridgeName);
    }
}
