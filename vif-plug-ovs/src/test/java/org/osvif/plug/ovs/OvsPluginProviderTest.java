package org.osvif.plug.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
                .set("os_vif_ovs", "ovsdb_interface", "vsctl")
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
        VifConfig config = VifConfig.builder().set("os_vif_ovs", "ovsdb_interface", "vsctl").build();
        try (OsVif osvif = OsVif.initialize(config, InitOptions.builder().commandRunner(runner).build())) {
            assertThatThrownBy(() -> osvif.plug(vif(), instance()))
                    .isInstanceOf(PlugException.class)
                    .hasMessageContaining("database connection failed");
        }
    }

    @Test
    @DisplayName("the native driver, the default, connects on the first plug (not at initialize) and says where "
            + "it could not")
    void nativeDefault(RecordingCommandRunner runner, @TempDir Path dir) {
        String db = "unix:" + dir.resolve("no-such.sock");
        VifConfig config = VifConfig.builder().set("os_vif_ovs", "ovsdb_connection", db).build();
        try (OsVif osvif = OsVif.initialize(config, InitOptions.builder().commandRunner(runner).build())) {
            assertThatThrownBy(() -> osvif.plug(vif(), instance()))
                    .isInstanceOf(PlugException.class)
                    .hasMessageContaining(db)
                    .hasRootCauseInstanceOf(java.io.IOException.class);
        }
        assertThat(runner.commandCount()).as("no process: the native driver speaks OVSDB itself").isZero();
    }

    @Test
    @DisplayName("a bad ovsdb_connection fails initialize, naming the option and value")
    void badConnection(RecordingCommandRunner runner) {
        VifConfig config = VifConfig.builder().set("os_vif_ovs", "ovsdb_connection", "punix:/x.sock").build();
        assertThatThrownBy(() -> OsVif.initialize(config, InitOptions.builder().commandRunner(runner).build()))
                .isInstanceOf(VifException.class)
                .hasMessageContaining("VIF plugin 'ovs' failed to start")
                .hasMessageContaining("ovsdb_connection")
                .hasMessageContaining("punix:/x.sock")
                .hasCauseInstanceOf(ConfigException.class);
    }

    @Test
    @DisplayName("an ssl: connection needs its three TLS files, for either driver")
    void sslNeedsFiles(RecordingCommandRunner runner, @TempDir Path dir) throws java.io.IOException {
        for (String driver : List.of("native", "vsctl")) {
            VifConfig missing = VifConfig.builder().set("os_vif_ovs", "ovsdb_interface", driver)
                    .set("os_vif_ovs", "ovsdb_connection", "ssl:127.0.0.1:6640").build();
            assertThatThrownBy(() -> OsVif.initialize(missing, InitOptions.builder().commandRunner(runner).build()))
                    .hasMessageContaining("ssl_key_file").hasCauseInstanceOf(ConfigException.class);
            VifConfig unreadable = VifConfig.builder().set("os_vif_ovs", "ovsdb_interface", driver)
                    .set("os_vif_ovs", "ovsdb_connection", "ssl:127.0.0.1:6640")
                    .set("os_vif_ovs", "ssl_key_file", dir.resolve("key.pem").toString())
                    .set("os_vif_ovs", "ssl_cert_file", dir.resolve("cert.pem").toString())
                    .set("os_vif_ovs", "ssl_ca_cert_file", dir.resolve("ca.pem").toString()).build();
            assertThatThrownBy(() -> OsVif.initialize(unreadable, InitOptions.builder().commandRunner(runner)
                    .build())).hasMessageContaining("ssl_key_file").hasMessageContaining("key.pem")
                    .hasMessageContaining("not readable");
        }
        for (String file : List.of("key.pem", "cert.pem", "ca.pem")) {
            java.nio.file.Files.writeString(dir.resolve(file), "x");
        }
        runner.dispatch(RecordingCommandRunner.ok());
        VifConfig vsctl = VifConfig.builder().set("os_vif_ovs", "ovsdb_interface", "vsctl")
                .set("os_vif_ovs", "ovsdb_connection", "ssl:127.0.0.1:6640")
                .set("os_vif_ovs", "ssl_key_file", dir.resolve("key.pem").toString())
                .set("os_vif_ovs", "ssl_cert_file", dir.resolve("cert.pem").toString())
                .set("os_vif_ovs", "ssl_ca_cert_file", dir.resolve("ca.pem").toString()).build();
        try (OsVif osvif = OsVif.initialize(vsctl, InitOptions.builder().commandRunner(runner).build())) {
            osvif.plug(vif(), instance());
        }
        runner.takeCommand("ovs-vsctl", "--timeout=120", "--oneline", "--format=json",
                "--db=ssl:127.0.0.1:6640", "--private-key=" + dir.resolve("key.pem"),
                "--certificate=" + dir.resolve("cert.pem"), "--ca-cert=" + dir.resolve("ca.pem"), "--",
                "--may-exist", "add-br", "br-int", "--", "set", "Bridge", "br-int", "datapath_type=system");
    }

    @Test
    @DisplayName("with a DryRunOvsdb the native driver prints the transaction and connects to nothing")
    void dryRun(RecordingCommandRunner runner) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        InitOptions options = InitOptions.builder().commandRunner(runner)
                .extension(DryRunOvsdb.class, new DryRunOvsdb(new java.io.PrintStream(out, true,
                        java.nio.charset.StandardCharsets.UTF_8))).build();
        try (OsVif osvif = OsVif.initialize(VifConfig.empty(), options)) {
            osvif.plug(vif(), instance());
        }
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith(
                "{\"method\":\"transact\",\"params\":[\"Open_vSwitch\",{\"op\":\"insert\",\"table\":\"Interface\","
                        + "\"row\":{\"name\":\"br-int\",\"type\":\"internal\"}").hasLineCount(1);
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
    @DisplayName("declares upstream's options with upstream's defaults, native as the driver, and the TLS files")
    void options() {
        OvsPluginProvider provider = new OvsPluginProvider();
        assertThat(provider.name()).isEqualTo("ovs");
        assertThat(provider.options().name()).isEqualTo("os_vif_ovs");
        assertThat(provider.options().options()).extracting(Option::name).containsExactly(
                "network_device_mtu", "ovs_vsctl_timeout", "ovsdb_connection", "ovsdb_interface", "isolate_vif",
                "per_port_bridge", "default_qos_type", "sysfs_root", "ssl_key_file", "ssl_cert_file",
                "ssl_ca_cert_file");
        GroupConfig defaults = GroupConfig.defaults(OvsOptions.GROUP);
        assertThat(defaults.get(OvsOptions.NETWORK_DEVICE_MTU)).isEqualTo(1500);
        assertThat(defaults.get(OvsOptions.OVS_VSCTL_TIMEOUT)).isEqualTo(120);
        assertThat(defaults.get(OvsOptions.OVSDB_CONNECTION)).isEqualTo("tcp:127.0.0.1:6640");
        assertThat(defaults.get(OvsOptions.OVSDB_INTERFACE)).isEqualTo("native");
        assertThat(defaults.get(OvsOptions.SSL_KEY_FILE)).isNull();
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
