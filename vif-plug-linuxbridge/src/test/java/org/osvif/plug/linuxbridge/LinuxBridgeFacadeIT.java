package org.osvif.plug.linuxbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBridge;
import org.osvif.plug.linuxbridge.netns.NamespaceSandbox;
import org.osvif.plug.linuxbridge.netns.RequiresNetns;

/**
 * The public path, as an agent (or {@code vifctl plug}) takes it: {@code OsVif.initialize}
 * finds the plugin with ServiceLoader, {@code OsVif.plug} plugs a VIFBridge, all in a
 * fresh network namespace.
 */
@RequiresNetns
class LinuxBridgeFacadeIT {
    NamespaceSandbox ns;

    @BeforeEach
    void sandbox() {
        ns = NamespaceSandbox.create();
        ns.exec("ip", "link", "add", "name", "eth9", "type", "veth", "peer", "name", "eth9p");
        ns.exec("ip", "link", "set", "dev", "eth9", "up");
        ns.exec("ip", "link", "set", "dev", "eth9p", "up");
    }

    @AfterEach
    void cleanup() {
        ns.close();
    }

    @Test
    @DisplayName("OsVif.initialize discovers linux_bridge; plug makes the bridge on flat_interface; unplug keeps it")
    void plugThroughOsVif() {
        VifConfig config = VifConfig.builder().map(Map.of(
                "os_vif_linux_bridge.flat_interface", "eth9",
                "os_vif_linux_bridge.network_device_mtu", "1450")).build();
        VifBridge vif = VifBridge.builder()
                .id("b679325f-ca89-4ee0-a8be-6db1409b69ea")
                .address("fa:16:3e:00:00:01")
                .network(Network.builder().id("437c6db5-4e6f-4b43-b64b-ed6a11ee5ba7").bridge("brq-facade")
                        .shouldProvideBridge(true).build())
                .vifName("tap-facade")
                .plugin("linux_bridge")
                .bridgeName("brq-facade")
                .build();
        InstanceInfo instance = InstanceInfo.builder().name("demo").uuid("f0000000-0000-0000-0000-000000000001")
                .build();
        try (OsVif osvif = OsVif.initialize(config, InitOptions.builder().commandRunner(ns.runner()).build())) {
            assertThat(osvif.pluginNames()).contains("linux_bridge");
            assertThat(osvif.hostInfo(List.of("VIFBridge")).pluginInfo())
                    .anyMatch(p -> p.pluginName().equals("linux_bridge"));
            osvif.plug(vif, instance);
            assertThat(ns.exec("ip", "-o", "link", "show", "dev", "eth9")).contains("master brq-facade");
            assertThat(ns.read("/sys/class/net/brq-facade/mtu")).isEqualTo("1450");
            assertThat(ns.exec("iptables-save")).contains("-i brq-facade -j ACCEPT");
            osvif.unplug(vif, instance);
            assertThat(ns.exec("ip", "-o", "link", "show", "dev", "eth9")).contains("master brq-facade");
        }
    }
}
