package org.osvif.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OptionGroup")
class OptionGroupTest {

    @Test
    @DisplayName("keeps its options in the order they were added and finds them by name")
    void ordersAndFinds() {
        assertThat(TestGroups.OVS.name()).isEqualTo("os_vif_ovs");
        assertThat(TestGroups.OVS.title()).isEqualTo("Open vSwitch plugin");
        assertThat(TestGroups.OVS.options()).extracting(Option::name).containsExactly("network_device_mtu",
                "ovs_vsctl_timeout", "ovsdb_connection", "ovsdb_interface", "isolate_vif", "per_port_bridge");
        assertThat(TestGroups.OVS.option("isolate_vif")).containsSame(TestGroups.ISOLATE_VIF);
        assertThat(TestGroups.OVS.option("nope")).isEmpty();
    }

    @Test
    @DisplayName("refuses two options of the same name")
    void refusesDuplicates() {
        Option<String> a = Option.string("a").build();
        Option<Integer> otherA = Option.integer("a").build();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OptionGroup.builder("os_vif_x").add(a).add(otherA))
                .withMessage("duplicate option a in group os_vif_x");
    }

    @Test
    @DisplayName("has an empty title unless given, and may be empty")
    void defaults() {
        OptionGroup group = OptionGroup.builder("os_vif_noop").build();
        assertThat(group.title()).isEmpty();
        assertThat(group.options()).isEmpty();
    }

    @Test
    @DisplayName("refuses a blank or dotted group name")
    void refusesBadNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> OptionGroup.builder(""));
        assertThatIllegalArgumentException().isThrownBy(() -> OptionGroup.builder("os_vif.ovs"));
    }
}
