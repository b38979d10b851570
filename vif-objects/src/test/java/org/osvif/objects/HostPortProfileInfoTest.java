package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osvif.exception.NoMatchingPortProfileClassException;
import org.osvif.exception.NoSupportedPortProfileVersionException;

/** HostPortProfileInfo.commonVersion(), mirroring the HostVIFInfo cases of upstream's test_host_info.py. */
@DisplayName("HostPortProfileInfo")
class HostPortProfileInfoTest {

    static HostPortProfileInfo profile(String name, String min, String max) {
        return HostPortProfileInfo.builder().profileObjectName(name).minVersion(min).maxVersion(max).build();
    }

    @Test
    @DisplayName("refuses an unknown port profile class with upstream's message")
    void noObject() {
        assertThatThrownBy(() -> profile("VIFPortProfileFishFood", "1.0", "1.8").commonVersion())
                .isInstanceOfSatisfying(NoMatchingPortProfileClassException.class,
                        e -> assertThat(e.name()).isEqualTo("VIFPortProfileFishFood"))
                .hasMessage("No PortProfile class was found with the name VIFPortProfileFishFood");
    }

    @Test
    @DisplayName("refuses a known class that is not a port profile")
    void notAProfile() {
        assertThatThrownBy(() -> profile("VIFOpenVSwitch", "1.0", "1.8").commonVersion())
                .isInstanceOf(NoMatchingPortProfileClassException.class)
                .hasMessage("No PortProfile class was found with the name VIFOpenVSwitch");
    }

    @Test
    @DisplayName("refuses a range the known version is outside, with upstream's message")
    void noVersion() {
        assertThatThrownBy(() -> profile("VIFPortProfileOpenVSwitch", "1.0", "1.3").commonVersion())
                .isInstanceOf(NoSupportedPortProfileVersionException.class)
                .hasMessage("PortProfile class VIFPortProfileOpenVSwitch versions 1.4 do not satisfy min=1.0 max=1.3");
        assertThatThrownBy(() -> profile("VIFPortProfileFPTap", "1729.0", "8753.0").commonVersion())
                .isInstanceOf(NoSupportedPortProfileVersionException.class)
                .hasMessage("PortProfile class VIFPortProfileFPTap versions 1.1 do not satisfy min=1729.0 max=8753.0");
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}] -> {3}")
    @DisplayName("gives the known version inside the range")
    @CsvSource({
        "VIFPortProfileOpenVSwitch, 1.0, 1.4, 1.4",
        "VIFPortProfileOpenVSwitch, 1.4, 10.0, 1.4",
        "VIFPortProfileOVSRepresentor, 1.0, 1.10, 1.4",
        "VIFPortProfile8021Qbh, 1.1, 1.1, 1.1",
        "VIFPortProfileBase, 1.0, 2.0, 1.1",
    })
    void ok(String name, String min, String max, String expected) {
        assertThat(profile(name, min, max).commonVersion()).isEqualTo(expected);
    }
}
