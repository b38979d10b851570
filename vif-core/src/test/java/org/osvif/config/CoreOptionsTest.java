package org.osvif.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CoreOptions")
class CoreOptionsTest {

    private static GroupConfig core(String rootHelper) {
        return VifConfig.builder().set("os_vif", "root_helper", rootHelper).build().bind(CoreOptions.GROUP);
    }

    @Test
    @DisplayName("declares root_helper and command_timeout in group os_vif")
    void declares() {
        assertThat(CoreOptions.GROUP.name()).isEqualTo("os_vif");
        assertThat(CoreOptions.GROUP.options()).containsExactly(CoreOptions.ROOT_HELPER, CoreOptions.COMMAND_TIMEOUT);
        assertThat(CoreOptions.ROOT_HELPER.defaultValue()).isEmpty();
        assertThat(CoreOptions.COMMAND_TIMEOUT.defaultValue()).isEqualTo(300);
        assertThat(CoreOptions.COMMAND_TIMEOUT.min()).hasValue(1);
    }

    @Test
    @DisplayName("splits a rootwrap helper into three arguments")
    void splitsRootwrap() {
        assertThat(CoreOptions.rootHelperArgv(core("sudo nova-rootwrap /etc/nova/rootwrap.conf")))
                .containsExactly("sudo", "nova-rootwrap", "/etc/nova/rootwrap.conf");
    }

    @Test
    @DisplayName("splits on any run of whitespace and never interprets shell syntax")
    void noShell() {
        assertThat(CoreOptions.rootHelperArgv(core("  sudo\t-n   --  ")))
                .containsExactly("sudo", "-n", "--");
        assertThat(CoreOptions.rootHelperArgv(core("sudo 'a b' $HOME;rm")))
                .containsExactly("sudo", "'a", "b'", "$HOME;rm");
    }

    @Test
    @DisplayName("gives no arguments when the helper is empty, blank or unset")
    void empty() {
        assertThat(CoreOptions.rootHelperArgv(core(""))).isEmpty();
        assertThat(CoreOptions.rootHelperArgv(core("   "))).isEmpty();
        assertThat(CoreOptions.rootHelperArgv(VifConfig.empty().bind(CoreOptions.GROUP))).isEmpty();
        assertThat(CoreOptions.rootHelperArgv(GroupConfig.defaults(CoreOptions.GROUP))).isEmpty();
    }

    @Test
    @DisplayName("bounds command_timeout to at least one second")
    void timeoutBounds() {
        VifConfig config = VifConfig.builder().set("os_vif", "command_timeout", "0").build();
        assertThatThrownBy(() -> config.bind(CoreOptions.GROUP)).isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '0' for option [os_vif] command_timeout: must be at least 1");
        assertThat(VifConfig.builder().set("os_vif", "command_timeout", "30").build().bind(CoreOptions.GROUP)
                .get(CoreOptions.COMMAND_TIMEOUT)).isEqualTo(30);
    }

    @Test
    @DisplayName("refuses values of another group")
    void refusesOtherGroup() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CoreOptions.rootHelperArgv(VifConfig.empty().bind(TestGroups.OVS)))
                .withMessage("option root_helper is not in group os_vif_ovs");
    }
}
