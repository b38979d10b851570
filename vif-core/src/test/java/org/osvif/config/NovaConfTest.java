package org.osvif.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A real nova.conf")
class NovaConfTest {

    private static VifConfig novaConf() throws Exception {
        try (InputStream in = NovaConfTest.class.getResourceAsStream("nova.conf")) {
            return VifConfig.builder().ini(new InputStreamReader(in, StandardCharsets.UTF_8), "nova.conf").build();
        }
    }

    @Test
    @DisplayName("configures the Open vSwitch plugin, taking the MTU from its deprecated [DEFAULT] location")
    void ovs() throws Exception {
        GroupConfig ovs = novaConf().bind(TestGroups.OVS);

        assertThat(ovs.get(TestGroups.OVSDB_CONNECTION)).isEqualTo("unix:/run/openvswitch/db.sock");
        assertThat(ovs.get(TestGroups.ISOLATE_VIF)).isTrue();
        assertThat(ovs.get(TestGroups.PER_PORT_BRIDGE)).isFalse();
        assertThat(ovs.isExplicit(TestGroups.PER_PORT_BRIDGE)).isTrue();
        assertThat(ovs.get(TestGroups.OVS_VSCTL_TIMEOUT)).isEqualTo(60);
        assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(9000);
        assertThat(ovs.get(TestGroups.OVSDB_INTERFACE)).isEqualTo("native");
        assertThat(ovs.isExplicit(TestGroups.OVSDB_INTERFACE)).isFalse();
        assertThat(ovs.warnings()).containsExactly("Option \"network_device_mtu\" from group \"DEFAULT\" is "
                + "deprecated. Use option \"network_device_mtu\" from group \"os_vif_ovs\".");
    }

    @Test
    @DisplayName("configures the Linux bridge plugin with a repeated forward_bridge_interface")
    void linuxBridge() throws Exception {
        GroupConfig lb = novaConf().bind(TestGroups.LINUX_BRIDGE);

        assertThat(lb.get(TestGroups.FORWARD_BRIDGE_INTERFACE)).containsExactly("eth1", "bond0.120");
        assertThat(lb.get(TestGroups.IPTABLES_DROP_ACTION)).isEqualTo("REJECT");
        assertThat(lb.get(TestGroups.LB_MTU)).isEqualTo(9000);
        assertThat(lb.get(TestGroups.USE_IPV6)).isFalse();
        assertThat(lb.get(TestGroups.VLAN_INTERFACE)).isNull();
        assertThat(lb.get(TestGroups.IPTABLES_TOP_REGEX)).isEmpty();
        assertThat(lb.warnings()).containsExactly("Option \"network_device_mtu\" from group \"DEFAULT\" is "
                + "deprecated. Use option \"network_device_mtu\" from group \"os_vif_linux_bridge\".");
    }

    @Test
    @DisplayName("leaves nova's own sections alone and finds no unknown plugin group")
    void unrelatedSections() throws Exception {
        VifConfig config = novaConf();

        assertThat(config.groups()).containsExactly("DEFAULT", "api", "libvirt", "neutron", "os_vif_linux_bridge",
                "os_vif_ovs");
        assertThat(config.unknownGroups(List.of("os_vif", "os_vif_ovs", "os_vif_linux_bridge"))).isEmpty();
        assertThat(config.unknownGroups(List.of("os_vif_ovs"))).containsExactly("os_vif_linux_bridge");
        assertThat(config.bind(CoreOptions.GROUP).warnings()).isEmpty();
    }

    @Test
    @DisplayName("reads the same from its path, and an agent's overrides applied after it win")
    void fromPathWithOverrides() throws URISyntaxException {
        Path file = Path.of(NovaConfTest.class.getResource("nova.conf").toURI());
        GroupConfig ovs = VifConfig.builder()
                .ini(file)
                .map(Map.of("os_vif_ovs.isolate_vif", "false", "os_vif_ovs.network_device_mtu", "1450"))
                .build().bind(TestGroups.OVS);

        assertThat(ovs.get(TestGroups.ISOLATE_VIF)).isFalse();
        assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(1450);
        assertThat(ovs.get(TestGroups.OVSDB_CONNECTION)).isEqualTo("unix:/run/openvswitch/db.sock");
        assertThat(ovs.warnings()).containsExactly("Option \"network_device_mtu\" from group \"DEFAULT\" is "
                + "deprecated. Use option \"network_device_mtu\" from group \"os_vif_ovs\". Its value is ignored: "
                + "option \"network_device_mtu\" from group \"os_vif_ovs\" is set.");
    }
}
