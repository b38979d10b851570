package org.osvif.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("VifConfig")
class VifConfigTest {

    @Nested
    @DisplayName("sources")
    class Sources {
        @Test
        @DisplayName("an empty configuration gives every default")
        void empty() {
            GroupConfig ovs = VifConfig.empty().bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(1500);
            assertThat(ovs.get(TestGroups.OVSDB_CONNECTION)).isEqualTo("tcp:127.0.0.1:6640");
            assertThat(ovs.get(TestGroups.ISOLATE_VIF)).isFalse();
            assertThat(ovs.isExplicit(TestGroups.OVS_MTU)).isFalse();
            assertThat(ovs.warnings()).isEmpty();
            assertThat(VifConfig.empty().groups()).isEmpty();
            assertThat(VifConfig.builder().build()).isSameAs(VifConfig.empty());
        }

        @Test
        @DisplayName("a map keyed group.option sets typed values")
        void map() {
            GroupConfig ovs = VifConfig.builder()
                    .map(Map.of("os_vif_ovs.network_device_mtu", "9000", "os_vif_ovs.isolate_vif", "yes"))
                    .build().bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(9000);
            assertThat(ovs.get(TestGroups.ISOLATE_VIF)).isTrue();
            assertThat(ovs.isExplicit(TestGroups.OVS_MTU)).isTrue();
            assertThat(ovs.isExplicit(TestGroups.PER_PORT_BRIDGE)).isFalse();
        }

        @Test
        @DisplayName("properties use the same keys, defaults included")
        void properties() {
            Properties defaults = new Properties();
            defaults.setProperty("os_vif_ovs.ovsdb_connection", "unix:/run/openvswitch/db.sock");
            Properties properties = new Properties(defaults);
            properties.setProperty("os_vif_ovs.per_port_bridge", "on");
            GroupConfig ovs = VifConfig.builder().properties(properties).build().bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVSDB_CONNECTION)).isEqualTo("unix:/run/openvswitch/db.sock");
            assertThat(ovs.get(TestGroups.PER_PORT_BRIDGE)).isTrue();
        }

        @Test
        @DisplayName("a multi-valued option reads a map value comma-separated and INI occurrences one by one")
        void multiFromEachSource() {
            GroupConfig fromMap = VifConfig.builder()
                    .map(Map.of("os_vif_linux_bridge.forward_bridge_interface", "eth1, bond0"))
                    .build().bind(TestGroups.LINUX_BRIDGE);
            GroupConfig fromSet = VifConfig.builder()
                    .set("os_vif_linux_bridge", "forward_bridge_interface", "eth1,bond0")
                    .build().bind(TestGroups.LINUX_BRIDGE);
            GroupConfig fromIni = VifConfig.builder().ini(new StringReader("""
                    [os_vif_linux_bridge]
                    forward_bridge_interface = eth1
                    forward_bridge_interface = bond0
                    """), "lb.conf").build().bind(TestGroups.LINUX_BRIDGE);
            assertThat(fromMap.get(TestGroups.FORWARD_BRIDGE_INTERFACE)).containsExactly("eth1", "bond0");
            assertThat(fromSet.get(TestGroups.FORWARD_BRIDGE_INTERFACE)).containsExactly("eth1", "bond0");
            assertThat(fromIni.get(TestGroups.FORWARD_BRIDGE_INTERFACE)).containsExactly("eth1", "bond0");
        }

        @Test
        @DisplayName("a single-valued option repeated in one INI section takes the last occurrence")
        void repeatedSingle() {
            GroupConfig ovs = VifConfig.builder().ini(new StringReader("""
                    [os_vif_ovs]
                    network_device_mtu = 1400
                    network_device_mtu = 9000
                    """), "ovs.conf").build().bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(9000);
        }

        @Test
        @DisplayName("an INI file is read from a path")
        void iniPath(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("nova.conf");
            Files.writeString(file, "[os_vif_ovs]\novsdb_connection = unix:/tmp/db.sock\n", StandardCharsets.UTF_8);
            assertThat(VifConfig.builder().ini(file).build().bind(TestGroups.OVS).get(TestGroups.OVSDB_CONNECTION))
                    .isEqualTo("unix:/tmp/db.sock");
        }

        @Test
        @DisplayName("an unreadable INI file fails naming the file")
        void iniMissing(@TempDir Path dir) {
            Path missing = dir.resolve("missing.conf");
            assertThatThrownBy(() -> VifConfig.builder().ini(missing))
                    .asInstanceOf(InstanceOfAssertFactories.type(ConfigException.class))
                    .satisfies(e -> {
                        assertThat(e.getMessage()).isEqualTo(
                                "Failed to read configuration file " + missing + ": NoSuchFileException");
                        assertThat(e.source()).isEqualTo(missing.toString());
                        assertThat(e.getCause()).isInstanceOf(IOException.class);
                    });
        }

        @Test
        @DisplayName("a malformed INI file fails naming the file and the line")
        void iniMalformed(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("nova.conf");
            Files.writeString(file, "[DEFAULT]\nhost = compute-01\n[os_vif_ovs\n");
            assertThatThrownBy(() -> VifConfig.builder().ini(file))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Failed to parse " + file + ": at line 3, Invalid section (must end with ]): "
                            + "'[os_vif_ovs'");
        }

        @Test
        @DisplayName("a map key without group or option is refused")
        void badKeys() {
            assertThatThrownBy(() -> VifConfig.builder().map(Map.of("network_device_mtu", "1500")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Invalid key 'network_device_mtu' in map: expected group.option");
            assertThatThrownBy(() -> VifConfig.builder().map(Map.of(".mtu", "1")))
                    .hasMessage("Invalid key '.mtu' in map: expected group.option");
            Properties properties = new Properties();
            properties.setProperty("os_vif_ovs.", "1");
            assertThatThrownBy(() -> VifConfig.builder().properties(properties))
                    .hasMessage("Invalid key 'os_vif_ovs.' in properties: expected group.option");
        }

        @Test
        @DisplayName("the configuration does not change when its source map does")
        void copiesSources() {
            Map<String, String> values = new java.util.HashMap<>(Map.of("os_vif_ovs.network_device_mtu", "9000"));
            VifConfig config = VifConfig.builder().map(values).build();
            values.put("os_vif_ovs.network_device_mtu", "1400");
            assertThat(config.bind(TestGroups.OVS).get(TestGroups.OVS_MTU)).isEqualTo(9000);
        }
    }

    @Nested
    @DisplayName("override order")
    class OverrideOrder {
        @Test
        @DisplayName("a later source overrides an earlier one, whatever their kinds")
        void laterWins() {
            VifConfig config = VifConfig.builder()
                    .map(Map.of("os_vif_ovs.network_device_mtu", "1400", "os_vif_ovs.ovsdb_connection", "tcp:a:1"))
                    .ini(new StringReader("[os_vif_ovs]\nnetwork_device_mtu = 9000\n"), "nova.conf")
                    .set("os_vif_ovs", "ovsdb_connection", "tcp:b:2")
                    .build();
            GroupConfig ovs = config.bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(9000);
            assertThat(ovs.get(TestGroups.OVSDB_CONNECTION)).isEqualTo("tcp:b:2");

            VifConfig reversed = VifConfig.builder()
                    .ini(new StringReader("[os_vif_ovs]\nnetwork_device_mtu = 9000\n"), "nova.conf")
                    .map(Map.of("os_vif_ovs.network_device_mtu", "1400"))
                    .build();
            assertThat(reversed.bind(TestGroups.OVS).get(TestGroups.OVS_MTU)).isEqualTo(1400);
        }

        @Test
        @DisplayName("a later source replaces all items of a multi-valued option")
        void multiReplaced() {
            GroupConfig lb = VifConfig.builder()
                    .ini(new StringReader("[os_vif_linux_bridge]\nforward_bridge_interface = a\n"
                            + "forward_bridge_interface = b\n"), "one.conf")
                    .ini(new StringReader("[os_vif_linux_bridge]\nforward_bridge_interface = c\n"), "two.conf")
                    .build().bind(TestGroups.LINUX_BRIDGE);
            assertThat(lb.get(TestGroups.FORWARD_BRIDGE_INTERFACE)).containsExactly("c");
        }

        @Test
        @DisplayName("consecutive set calls: the last one wins")
        void setTwice() {
            GroupConfig ovs = VifConfig.builder()
                    .set("os_vif_ovs", "isolate_vif", "true")
                    .set("os_vif_ovs", "isolate_vif", "false")
                    .build().bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.ISOLATE_VIF)).isFalse();
            assertThat(ovs.isExplicit(TestGroups.ISOLATE_VIF)).isTrue();
        }

        @Test
        @DisplayName("an invalid value that a later source overrides is never read")
        void overriddenInvalidIgnored() {
            GroupConfig ovs = VifConfig.builder()
                    .set("os_vif_ovs", "network_device_mtu", "abc")
                    .set("os_vif_ovs", "network_device_mtu", "1500")
                    .build().bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(1500);
        }
    }

    @Nested
    @DisplayName("groups")
    class Groups {
        private final VifConfig config = VifConfig.builder()
                .map(Map.of("os_vif_ovs.isolate_vif", "true", "OS_VIF_SRIOV.x", "1", "os_vif.root_helper", "sudo"))
                .ini(new StringReader("""
                        [DEFAULT]
                        host = h
                        [os_vif_linux_brige]
                        use_ipv6 = true
                        [libvirt]
                        virt_type = kvm
                        """), "nova.conf")
                .build();

        @Test
        @DisplayName("lists every group mentioned, normalized and sorted")
        void listsGroups() {
            assertThat(config.groups()).containsExactly("DEFAULT", "libvirt", "os_vif", "os_vif_linux_brige",
                    "os_vif_ovs", "os_vif_sriov");
        }

        @Test
        @DisplayName("reports os_vif_* groups that no known group matches")
        void unknownGroups() {
            assertThat(config.unknownGroups(List.of("os_vif", "os_vif_ovs", "os_vif_linux_bridge")))
                    .containsExactly("os_vif_linux_brige", "os_vif_sriov");
            assertThat(config.unknownGroups(List.of("OS_VIF_OVS", "os_vif_sriov", "os_vif_linux_brige"))).isEmpty();
            assertThat(VifConfig.empty().unknownGroups(List.of())).isEmpty();
        }

        @Test
        @DisplayName("matches group names case-insensitively, as oslo.config does")
        void caseInsensitive() {
            GroupConfig ovs = VifConfig.builder().map(Map.of("OS_VIF_OVS.isolate_vif", "true")).build()
                    .bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.ISOLATE_VIF)).isTrue();
        }
    }
}
