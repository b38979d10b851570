package org.osvif.plug.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.ConfigException;
import org.osvif.config.GroupConfig;
import org.osvif.config.Option;
import org.osvif.config.VifConfig;
import org.osvif.exception.PlugException;
import org.osvif.exception.VifException;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

@ExtendWith(RecordingCommandRunnerExtension.class)
@DisplayName("OvsPluginProvider")
class OvsPluginProviderTest {

    private static VifOpenVSwitch vif() {
        return VifOpenVSwitch.builder().id("a2b3c4d5-e6f7-4a8b-9c0d-1e2f3a4b5c6d").address("fa:16:3e:11:22:33")
                .plugin("ovs").vifName("tapa2b3c4d5-e6").bridgeName("br-int")
                .network(Network.builder().id("11111111-2222-4333-8444-555555555555").bridge("br-int").build())
                .portProfile(new VifPortProfileOpenVSwitch.Builder().interfaceId("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9").build()).build();
    }

    private static InstanceInfo instance() {
        return InstanceInfo.builder().uuid("7f3c2a1b-0000-4000-8000-000000000001").name("vm1").build();
    }

    @Test
    @DisplayName("OsVif.initialize finds the plugin with ServiceLoader and plugs through it")
    void discovered(RecordingCommandRunner runner) {
        runner.dispatch(RecordingCommandRunner.ok());
        VifConfig config = VifConfig.builder()
                .set("os_vif_ovs", "ovsdb_connection", "unix:/run/openvswitch/db.sock")
                .set("os_vif_ovs", "ovs_vsctl_timeout", "30")
                .build();
        try (OsVif osvif = OsVif.initialize(config, InitOptions.builder().commandRunner(runner).build())) {
            assertThat(osvif.pluginNames()).contains("ovs");
            assertThat(osvif.hostInfo(List.of("VIFOpenVSwitch")).pluginInfo()).hasSize(1);
            osvif.plug(vif(), instance());
        }
        runner.takeCommand("ovs-vsctl", "--timeout=30", "--oneline", "--format=json",
                "--db=unix:/run/openvswitch/db.sock", "--", "--may-exist", "add-br", "br-int",
                "--", "set", "Bridge", "br-int", "datapath_type=system");
        runner.assertNoMoreCommands();
    }

    @Test
    @DisplayName("a plugin failure reaches the caller as a PlugException carrying the command")
    void plugFailure(RecordingCommandRunner runner) {
        runner.dispatch(RecordingCommandRunner.fail(1, "ovs-vsctl: unix:/nowhere: database connection failed"));
        try (OsVif osvif = OsVif.initialize(VifConfig.empty(), InitOptions.builder().commandRunner(runner).build())) {
            assertThatThrownBy(() -> osvif.plug(vif(), instance()))
                    .isInstanceOf(PlugException.class)
                    .hasMessageContaining("database connection failed");
        }
    }

    @Test
    @DisplayName("ovsdb_interface = native fails initialize and says to use vsctl")
    void nativeRefused(RecordingCommandRunner runner) {
        VifConfig config = VifConfig.builder().set("os_vif_ovs", "ovsdb_interface", "native").build();
        assertThatThrownBy(() -> OsVif.initialize(config, InitOptions.builder().commandRunner(runner).build()))
                .isInstanceOf(VifException.class)
                .hasMessageContaining("VIF plugin 'ovs' failed to start")
                .hasMessageContaining("native OVSDB driver is not implemented")
                .hasMessageContaining("later release")
                .hasMessageContaining("ovsdb_interface = vsctl")
                .hasCauseInstanceOf(ConfigException.class);
        assertThat(runner.commandCount()).isZero();
    }

    @Test
    @DisplayName("nova.conf's [DEFAULT] network_device_mtu and ovs_vsctl_timeout still apply")
    void deprecatedGroup() {
        VifConfig config = VifConfig.builder()
                .set("DEFAULT", "network_device_mtu", "9000")
                .set("DEFAULT", "ovs_vsctl_timeout", "0")
                .build();
        GroupConfig ovs = config.bind(OvsOptions.GROUP);
        assertThat(ovs.get(OvsOptions.NETWORK_DEVICE_MTU)).isEqualTo(9000);
        assertThat(ovs.get(OvsOptions.OVS_VSCTL_TIMEOUT)).isZero();
        assertThat(ovs.warnings()).isNotEmpty();
    }

    @Test
    @DisplayName("declares upstream's options with upstream's defaults, vsctl as the driver")
    void options() {
        OvsPluginProvider provider = new OvsPluginProvider();
        assertThat(provider.name()).isEqualTo("ovs");
        assertThat(provider.options().name()).isEqualTo("os_vif_ovs");
        assertThat(provider.options().options()).extracting(Option::name).containsExactly(
                "network_device_mtu", "ovs_vsctl_timeout", "ovsdb_connection", "ovsdb_interface", "isolate_vif",
                "per_port_bridge", "default_qos_type", "sysfs_root");
        GroupConfig defaults = GroupConfig.defaults(OvsOptions.GROUP);
        assertThat(defaults.get(OvsOptions.NETWORK_DEVICE_MTU)).isEqualTo(1500);
        assertThat(defaults.get(OvsOptions.OVS_VSCTL_TIMEOUT)).isEqualTo(120);
        assertThat(defaults.get(OvsOptions.OVSDB_CONNECTION)).isEqualTo("tcp:127.0.0.1:6640");
        assertThat(defaults.get(OvsOptions.OVSDB_INTERFACE)).isEqualTo("vsctl");
        assertThat(defaults.get(OvsOptions.ISOLATE_VIF)).isFalse();
        assertThat(defaults.get(OvsOptions.PER_PORT_BRIDGE)).isFalse();
        assertThat(defaults.get(OvsOptions.DEFAULT_QOS_TYPE)).isEqualTo("linux-noop");
        assertThat(defaults.get(OvsOptions.SYSFS_ROOT)).isEqualTo("/sys");
        assertThat(OvsOptions.OVSDB_INTERFACE.choices()).containsExactly("vsctl", "native");
        assertThat(OvsOptions.OVSDB_INTERFACE.deprecatedForRemoval()).isTrue();
        assertThat(OvsOptions.DEFAULT_QOS_TYPE.choices()).containsExactly("linux-htb", "linux-hfsc", "linux-sfq",
                "linux-codel", "linux-fq_codel", "linux-noop");
    }

    @Test
    @DisplayName("refuses a QoS type that is not one of upstream's choices")
    void badQosType() {
        VifConfig config = VifConfig.builder().set("os_vif_ovs", "default_qos_type", "linux-fancy").build();
        assertThatThrownBy(() -> config.bind(OvsOptions.GROUP)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("default_qos_type");
    }
}
