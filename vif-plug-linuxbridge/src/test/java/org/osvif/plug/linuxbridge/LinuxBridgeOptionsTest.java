package org.osvif.plug.linuxbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.config.ConfigException;
import org.osvif.config.DeprecatedName;
import org.osvif.config.GroupConfig;
import org.osvif.config.Option;
import org.osvif.config.VifConfig;

/** The options match upstream's CONFIG_OPTS: names, types, defaults, help texts, deprecated group. */
class LinuxBridgeOptionsTest {

    @Test
    @DisplayName("group os_vif_linux_bridge holds upstream's eight options, in upstream's order")
    void names() {
        assertThat(LinuxBridgeOptions.GROUP.name()).isEqualTo("os_vif_linux_bridge");
        assertThat(LinuxBridgeOptions.GROUP.options()).extracting(Option::name).containsExactly(
                "use_ipv6", "iptables_top_regex", "iptables_bottom_regex", "iptables_drop_action",
                "forward_bridge_interface", "vlan_interface", "flat_interface", "network_device_mtu");
    }

    @Test
    @DisplayName("types and defaults: BoolOpt False, StrOpt '', '', 'DROP', MultiStrOpt ['all'], StrOpt None x2, "
            + "IntOpt 1500")
    void typesAndDefaults() {
        assertThat(LinuxBridgeOptions.GROUP.options()).extracting(Option::type).containsExactly(
                "boolean", "string", "string", "string", "multi-valued", "string", "string", "integer");
        assertThat(LinuxBridgeOptions.GROUP.options()).extracting(o -> (Object) o.defaultValue()).containsExactly(
                false, "", "", "DROP", List.of("all"), null, null, 1500);
    }

    @Test
    @DisplayName("help texts are upstream's, word for word")
    void help() {
        assertThat(LinuxBridgeOptions.GROUP.options()).extracting(Option::help).containsExactly(
                "Use IPv6",
                "Regular expression to match the iptables rule that should always be on the top.",
                "Regular expression to match the iptables rule that should always be on the bottom.",
                "The table that iptables to jump to when a packet is to be dropped.",
                "An interface that bridges can forward to. If this is set to all then all traffic will be "
                        + "forwarded. Can be specified multiple times.",
                "VLANs will bridge into this interface if set",
                "FlatDhcp will bridge into this interface if set",
                "MTU setting for network interface.");
    }

    @Test
    @DisplayName("every option may also be given in [DEFAULT] (deprecated_group)")
    void deprecatedGroup() {
        for (Option<?> option : LinuxBridgeOptions.GROUP.options()) {
            assertThat(option.deprecatedNames()).as(option.name())
                    .containsExactly(new DeprecatedName("DEFAULT", option.name()));
        }
    }

    @Test
    @DisplayName("an old nova.conf: [DEFAULT] values apply, repeated forward_bridge_interface collects, "
            + "the new group wins")
    void novaConf() {
        String conf = "[DEFAULT]\n"
                + "flat_interface = eth1\n"
                + "forward_bridge_interface = eth2\n"
                + "forward_bridge_interface = eth3\n"
                + "network_device_mtu = 9000\n"
                + "use_ipv6 = True\n"
                + "[os_vif_linux_bridge]\n"
                + "network_device_mtu = 1450\n";
        GroupConfig config = VifConfig.builder().ini(new StringReader(conf), "nova.conf").build()
                .bind(LinuxBridgeOptions.GROUP);
        assertThat(config.get(LinuxBridgeOptions.FLAT_INTERFACE)).isEqualTo("eth1");
        assertThat(config.get(LinuxBridgeOptions.FORWARD_BRIDGE_INTERFACE)).containsExactly("eth2", "eth3");
        assertThat(config.get(LinuxBridgeOptions.NETWORK_DEVICE_MTU)).isEqualTo(1450);
        assertThat(config.get(LinuxBridgeOptions.USE_IPV6)).isTrue();
        assertThat(config.get(LinuxBridgeOptions.VLAN_INTERFACE)).isNull();
    }

    @Test
    @DisplayName("network_device_mtu outside 68..65535 fails binding, naming the option")
    void mtuBounds() {
        assertThatThrownBy(() -> VifConfig.builder().map(Map.of("os_vif_linux_bridge.network_device_mtu", "67"))
                .build().bind(LinuxBridgeOptions.GROUP))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("network_device_mtu")
                .hasMessageContaining("67");
    }
}
