package org.osvif.plug.linuxbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.exception.PlugException;
import org.osvif.exception.VifException;
import org.osvif.objects.HostInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBridge;
import org.osvif.spi.VifPluginProvider;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/** Discovery and wiring: ServiceLoader finds the provider, OsVif loads and uses it. */
@ExtendWith(RecordingCommandRunnerExtension.class)
class LinuxBridgePluginProviderTest {

    static OsVif osvif(RecordingCommandRunner runner, Map<String, String> config) {
        return OsVif.initialize(VifConfig.builder().map(config).build(),
                InitOptions.builder().commandRunner(runner).build());
    }

    static VifBridge vif(Network network) {
        return VifBridge.builder().id("b679325f-ca89-4ee0-a8be-6db1409b69ea").address("ca:fe:de:ad:be:ef")
                .network(network).vifName("tap-xxx-yyy-zzz").plugin("linux_bridge").bridgeName("br100")
                .hasTrafficFiltering(true).build();
    }

    static InstanceInfo instance() {
        return InstanceInfo.builder().name("demo").uuid("f0000000-0000-0000-0000-000000000001").build();
    }

    @Test
    @DisplayName("ServiceLoader finds the provider through META-INF/services; its name is linux_bridge")
    void serviceLoader() {
        List<VifPluginProvider> found = ServiceLoader.load(VifPluginProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(found).filteredOn(p -> p instanceof LinuxBridgePluginProvider).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("linux_bridge");
                    assertThat(p.options()).isSameAs(LinuxBridgeOptions.GROUP);
                });
    }

    @Test
    @DisplayName("OsVif.initialize loads it; hostInfo lists VIFBridge for it")
    void loaded(RecordingCommandRunner runner) {
        try (OsVif osvif = osvif(runner, Map.of())) {
            assertThat(osvif.pluginNames()).contains("linux_bridge");
            HostInfo info = osvif.hostInfo(List.of("VIFBridge"));
            assertThat(info.pluginInfo()).anySatisfy(p -> {
                assertThat(p.pluginName()).isEqualTo("linux_bridge");
                assertThat(p.vifInfo()).extracting(v -> v.vifObjectName()).containsExactly("VIFBridge");
            });
        }
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("OsVif.plug reaches the plugin: a flat bridge from nova.conf-style options")
    void plugThroughFacade(RecordingCommandRunner runner) {
        runner.files().addDevice("eth7");
        runner.dispatch(RecordingCommandRunner.ok());
        try (OsVif osvif = osvif(runner, Map.of("DEFAULT.flat_interface", "eth7",
                "os_vif_linux_bridge.network_device_mtu", "1400"))) {
            Network network = Network.builder().id("437c6db5-4e6f-4b43-b64b-ed6a11ee5ba7")
                    .shouldProvideBridge(true).build();
            osvif.plug(vif(network), instance());
            osvif.unplug(vif(network), instance());
        }
        assertThat(runner.steps()).containsSubsequence(
                "  link set dev eth7 master br100 up",
                "  link set dev eth7 mtu 1400",
                "  link set dev br100 mtu 1400");
    }

    @Test
    @DisplayName("a refused VIF surfaces as PlugException with the field in the message, nothing run")
    void refusedThroughFacade(RecordingCommandRunner runner) {
        try (OsVif osvif = osvif(runner, Map.of())) {
            Network network = Network.builder().id("437c6db5-4e6f-4b43-b64b-ed6a11ee5ba7").bridgeInterface("eth0")
                    .shouldProvideBridge(true).shouldProvideVlan(true).vlan(4095).build();
            assertThatThrownBy(() -> osvif.plug(vif(network), instance()))
                    .isInstanceOf(PlugException.class)
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .rootCause().hasMessage("Invalid Network.vlan 4095: must be 1..4094");
        }
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("unusable iptables options fail initialize, naming the option")
    void badOptions(RecordingCommandRunner runner) {
        assertThatThrownBy(() -> osvif(runner, Map.of("os_vif_linux_bridge.iptables_top_regex", "([a-z")))
                .isInstanceOf(VifException.class)
                .hasMessageContaining("linux_bridge")
                .hasMessageContaining("os_vif_linux_bridge.iptables_top_regex");
        assertThatThrownBy(() -> osvif(runner, Map.of("os_vif_linux_bridge.iptables_drop_action",
                "DROP\n-A INPUT -j ACCEPT")))
                .isInstanceOf(VifException.class)
                .hasMessageContaining("os_vif_linux_bridge.iptables_drop_action");
        assertThatThrownBy(() -> osvif(runner, Map.of("os_vif_linux_bridge.forward_bridge_interface",
                "eth0,eth1 -j ACCEPT")))
                .isInstanceOf(VifException.class)
                .hasMessageContaining("os_vif_linux_bridge.forward_bridge_interface")
                .hasMessageContaining("'eth1 -j ACCEPT'");
        assertThat(runner.commandCount()).isZero();
    }
}
