package org.osvif.exception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osvif.objects.VifOpenVSwitch;

/**
 * The exception hierarchy keeps upstream's wording: each message is os_vif/exception.py's
 * {@code msg_fmt % kwargs}, the expected texts printed by Python os-vif.
 */
@DisplayName("VifException")
class VifExceptionTest {

    @Nested
    @DisplayName("format()")
    class Format {

        @Test
        @DisplayName("fills %(name)s placeholders from the values")
        void fills() {
            assertThat(VifException.format("default message: %(foo)s", Map.of("foo", "bar")))
                    .isEqualTo("default message: bar");
            assertThat(VifException.format("%(a)s-%(b)s-%(a)s", Map.of("a", 1, "b", "x"))).isEqualTo("1-x-1");
            assertThat(VifException.format("default message", Map.of())).isEqualTo("default message");
        }

        @Test
        @DisplayName("leaves unknown or unterminated placeholders as written")
        void leavesUnknown() {
            assertThat(VifException.format("a %(missing)s b", Map.of())).isEqualTo("a %(missing)s b");
            assertThat(VifException.format("a %(open", Map.of("open", "x"))).isEqualTo("a %(open");
            assertThat(VifException.format("100% sure", Map.of())).isEqualTo("100% sure");
        }

        @Test
        @DisplayName("formatMessage() is the message, as upstream's format_message()")
        void formatMessage() {
            VifException e = new VifException("test");
            assertThat(e.formatMessage()).isEqualTo("test").isEqualTo(e.getMessage());
            assertThat(e).isInstanceOf(RuntimeException.class);
        }
    }

    @Nested
    @DisplayName("upstream messages")
    class Messages {

        @Test
        @DisplayName("every exception's text equals Python os-vif's")
        void messages() {
            Map<VifException, String> python = Map.ofEntries(
                    Map.entry(new LibraryNotInitializedException(),
                            "Before using the os_vif library, you need to call os_vif.initialize()"),
                    Map.entry(new NoMatchingPluginException("fishfood"),
                            "No VIF plugin was found with the name fishfood"),
                    Map.entry(new NoMatchingPortProfileClassException("VIFPortProfileFish"),
                            "No PortProfile class was found with the name VIFPortProfileFish"),
                    Map.entry(new NoSupportedPortProfileVersionException("VIFPortProfileOpenVSwitch", "1.3", "1.0",
                            "1.2"), "PortProfile class VIFPortProfileOpenVSwitch versions 1.3 do not satisfy min=1.0 "
                                    + "max=1.2"),
                    Map.entry(new NoMatchingVifClassException("VIFFishFood"),
                            "No VIF class was found with the name VIFFishFood"),
                    Map.entry(new NoSupportedVifVersionException("VIFOpenVSwitch", "1.0", "1729.0", "8753.0"),
                            "VIF class VIFOpenVSwitch versions 1.0 do not satisfy min=1729.0 max=8753.0"),
                    Map.entry(new NetworkMissingPhysicalNetworkException("net-1"),
                            "Physical network is missing for network net-1"),
                    Map.entry(new NetworkInterfaceNotFoundException("tap0"), "Network interface tap0 not found"),
                    Map.entry(new NetworkInterfaceTypeNotDefinedException("bond"),
                            "Network interface type bond not defined"),
                    Map.entry(new NotImplementedForOsException("ip link", "Windows"),
                            "Function ip link for Windows operating system"));
            python.forEach((e, text) -> {
                assertThat(e).as(e.getClass().getSimpleName()).hasMessage(text);
                assertThat(e.formatMessage()).isEqualTo(text);
            });
        }

        @Test
        @DisplayName("each MSG_FMT is upstream's msg_fmt")
        void templates() {
            assertThat(List.of(LibraryNotInitializedException.MSG_FMT, NoMatchingPluginException.MSG_FMT,
                    NoMatchingPortProfileClassException.MSG_FMT, NoSupportedPortProfileVersionException.MSG_FMT,
                    NoMatchingVifClassException.MSG_FMT, NoSupportedVifVersionException.MSG_FMT,
                    PlugException.MSG_FMT, UnplugException.MSG_FMT, NetworkMissingPhysicalNetworkException.MSG_FMT,
                    NetworkInterfaceNotFoundException.MSG_FMT, NetworkInterfaceTypeNotDefinedException.MSG_FMT,
                    NotImplementedForOsException.MSG_FMT)).containsExactly(
                    "Before using the os_vif library, you need to call os_vif.initialize()",
                    "No VIF plugin was found with the name %(plugin_name)s",
                    "No PortProfile class was found with the name %(name)s",
                    "PortProfile class %(name)s versions %(got_versions)s do not satisfy min=%(min_version)s "
                            + "max=%(max_version)s",
                    "No VIF class was found with the name %(name)s",
                    "VIF class %(name)s versions %(got_versions)s do not satisfy min=%(min_version)s "
                            + "max=%(max_version)s",
                    "Failed to plug VIF %(vif)s. Got error: %(err)s",
                    "Failed to unplug VIF %(vif)s. Got error: %(err)s",
                    "Physical network is missing for network %(network_uuid)s",
                    "Network interface %(interface)s not found",
                    "Network interface type %(type)s not defined",
                    "Function %(function)s for %(os)s operating system");
        }

        @Test
        @DisplayName("keep the values they were made with")
        void accessors() {
            assertThat(new NoMatchingPluginException("ovs").pluginName()).isEqualTo("ovs");
            assertThat(new NoMatchingVifClassException("VIFX").name()).isEqualTo("VIFX");
            assertThat(new NoMatchingPortProfileClassException("PPX").name()).isEqualTo("PPX");
            assertThat(new NetworkInterfaceNotFoundException("eth9").interfaceName()).isEqualTo("eth9");
            assertThat(new NoMatchingPluginException(null)).hasMessage("No VIF plugin was found with the name null");
        }

        @Test
        @DisplayName("plug and unplug failures name the VIF and the error, and carry the cause")
        void plugFailures() {
            VifOpenVSwitch vif = VifOpenVSwitch.builder().vifName("tap0").build();
            IllegalStateException cause = new IllegalStateException("boom");
            PlugException plug = new PlugException(vif, cause);
            assertThat(plug).hasMessage("Failed to plug VIF " + vif + ". Got error: boom").hasCause(cause);
            assertThat(plug.vif()).isSameAs(vif);
            UnplugException unplug = new UnplugException(vif, cause);
            assertThat(unplug).hasMessage("Failed to unplug VIF " + vif + ". Got error: boom").hasCause(cause);
            assertThat(unplug.vif()).isSameAs(vif);
            assertThat(new PlugException(vif, new RuntimeException())).hasMessageEndingWith("Got error: null");
        }
    }
}
