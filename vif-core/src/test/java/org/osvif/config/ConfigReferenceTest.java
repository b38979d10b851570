package org.osvif.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConfigReference")
class ConfigReferenceTest {

    @Test
    @DisplayName("renders a group as a heading and a table of its options")
    void rendersGroup() {
        OptionGroup group = OptionGroup.builder("os_vif_ovs")
                .title("Open vSwitch plugin")
                .add(TestGroups.OVS_MTU, TestGroups.OVSDB_INTERFACE, TestGroups.ISOLATE_VIF)
                .add(Option.string("vlan_interface").help("VLANs | trunks.").build())
                .build();

        assertThat(ConfigReference.markdown(List.of(group))).isEqualTo("""
                ## [os_vif_ovs] Open vSwitch plugin

                | option | type | default | description |
                |---|---|---|---|
                | `network_device_mtu` | integer | `1500` | MTU setting for network interface.<br>between 68 and 65535<br>deprecated: [DEFAULT] network_device_mtu |
                | `ovsdb_interface` | choice | `native` | The interface for interacting with the OVSDB<br>one of: vsctl, native<br>deprecated for removal since 2.2.0: os-vif has supported ovsdb access via python bindings since Stein (1.15.0), starting in Victoria (2.2.0) the ovs-vsctl driver is now deprecated for removal and in future releases it will be be removed. |
                | `isolate_vif` | boolean | `false` | Controls if VIF should be isolated when plugged to the ovs bridge. This should only be set to True when using the neutron ovs ml2 agent. |
                | `vlan_interface` | string |  | VLANs \\| trunks. |
                """);
    }

    @Test
    @DisplayName("renders groups in the given order, lists, empty defaults, one-sided bounds and groups without options")
    void rendersSeveralGroups() {
        OptionGroup first = OptionGroup.builder("os_vif")
                .add(Option.integer("command_timeout").min(1).defaultValue(300).build())
                .add(Option.string("root_helper").defaultValue("").build())
                .build();
        OptionGroup second = OptionGroup.builder("os_vif_linux_bridge").title("Linux bridge plugin")
                .add(Option.multi("forward_bridge_interface").defaultValue(List.of("all", "eth1"))
                        .deprecatedGroup("DEFAULT").deprecatedName(null, "forward_interface").build())
                .add(Option.list("physnets").build())
                .add(Option.string("old").deprecatedForRemoval(null, null).build())
                .build();
        OptionGroup empty = OptionGroup.builder("os_vif_noop").title("No-op plugin").build();

        assertThat(ConfigReference.markdown(List.of(first, second, empty))).isEqualTo("""
                ## [os_vif]

                | option | type | default | description |
                |---|---|---|---|
                | `command_timeout` | integer | `300` | at least 1 |
                | `root_helper` | string | `""` |  |

                ## [os_vif_linux_bridge] Linux bridge plugin

                | option | type | default | description |
                |---|---|---|---|
                | `forward_bridge_interface` | multi-valued | `all,eth1` | deprecated: [DEFAULT] forward_bridge_interface, [os_vif_linux_bridge] forward_interface |
                | `physnets` | list |  |  |
                | `old` | string |  | deprecated for removal |

                ## [os_vif_noop] No-op plugin

                No options.
                """);
    }

    @Test
    @DisplayName("renders nothing for no groups and the same text every time")
    void deterministic() {
        assertThat(ConfigReference.markdown(List.of())).isEmpty();
        List<OptionGroup> groups = List.of(TestGroups.OVS, TestGroups.LINUX_BRIDGE, CoreOptions.GROUP);
        assertThat(ConfigReference.markdown(groups)).isEqualTo(ConfigReference.markdown(groups))
                .startsWith("## [os_vif_ovs] Open vSwitch plugin\n")
                .contains("\n## [os_vif_linux_bridge] Linux bridge plugin\n", "\n## [os_vif] os-vif library\n")
                .endsWith(" |\n");
    }
}
