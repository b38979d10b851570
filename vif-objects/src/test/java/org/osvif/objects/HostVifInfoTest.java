package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.objects.HostInfoTest.vifInfo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osvif.exception.NoMatchingVifClassException;
import org.osvif.exception.NoSupportedVifVersionException;
import org.osvif.objects.base.BackportException;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.PrimitiveCodec;
import org.osvif.objects.base.VersionManifest;

/** HostVifInfo.commonVersion(), with the cases of upstream's test_host_info.py. */
@DisplayName("HostVifInfo")
class HostVifInfoTest {

    @Test
    @DisplayName("refuses an unknown VIF class (test_common_version_no_obj)")
    void noObject() {
        assertThatThrownBy(() -> vifInfo("VIFFishFood", "1.0", "1.8").commonVersion())
                .isInstanceOfSatisfying(NoMatchingVifClassException.class,
                        e -> assertThat(e.name()).isEqualTo("VIFFishFood"))
                .hasMessage("No VIF class was found with the name VIFFishFood");
    }

    @Test
    @DisplayName("refuses a known class that is not a VIF")
    void notAVif() {
        assertThatThrownBy(() -> vifInfo("Network", "1.0", "1.8").commonVersion())
                .isInstanceOf(NoMatchingVifClassException.class)
                .hasMessage("No VIF class was found with the name Network");
        assertThatThrownBy(() -> vifInfo("VIFPortProfileOpenVSwitch", "1.0", "1.8").commonVersion())
                .isInstanceOf(NoMatchingVifClassException.class);
    }

    @Test
    @DisplayName("refuses a range the known version is outside, with upstream's message (test_common_version_no_version)")
    void noVersion() {
        assertThatThrownBy(() -> vifInfo("VIFOpenVSwitch", "1729.0", "8753.0").commonVersion())
                .isInstanceOf(NoSupportedVifVersionException.class)
                .hasMessage("VIF class VIFOpenVSwitch versions 1.0 do not satisfy min=1729.0 max=8753.0");
        assertThatThrownBy(() -> vifInfo("VIFVHostUser", "1.0", "1.0").commonVersion())
                .isInstanceOf(NoSupportedVifVersionException.class)
                .hasMessage("VIF class VIFVHostUser versions 1.1 do not satisfy min=1.0 max=1.0");
        assertThatThrownBy(() -> vifInfo("VIFVHostUser", "1.2", "1.9").commonVersion())
                .isInstanceOf(NoSupportedVifVersionException.class)
                .hasMessage("VIF class VIFVHostUser versions 1.1 do not satisfy min=1.2 max=1.9");
    }

    @Test
    @DisplayName("gives the known version inside the range (test_common_version_ok)")
    void ok() {
        assertThat(vifInfo("VIFOpenVSwitch", "1.0", "10.0").commonVersion())
                .isEqualTo(VifOpenVSwitch.TYPE.version().toString()).isEqualTo("1.0");
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}] -> {3}")
    @DisplayName("compares versions numerically, bounds included")
    @CsvSource({
        "VIFVHostUser, 1.1, 1.1, 1.1",
        "VIFVHostUser, 1.0, 1.1, 1.1",
        "VIFVHostUser, 1.1, 2.0, 1.1",
        "VIFVHostUser, 0.9, 1.10, 1.1",
        "VIFBridge, 1.0, 1.0, 1.0",
        "VIFNestedDPDK, 0.0, 99.99, 1.0",
    })
    void ranges(String name, String min, String max, String expected) {
        assertThat(vifInfo(name, min, max).commonVersion()).isEqualTo(expected);
    }

    @Test
    @DisplayName("drops supported_port_profiles when written as 1.0, as upstream's obj_make_compatible does")
    void backport() {
        HostVifInfo info = vifInfo("VIFOpenVSwitch", "1.0", "1.0").toBuilder().supportedPortProfiles(
                HostPortProfileInfo.builder().profileObjectName("VIFPortProfileOpenVSwitch").minVersion("1.0")
                        .maxVersion("1.4").build()).build();
        PrimitiveCodec codec = OsVifObjects.codec();
        assertThat(codec.toPrimitive(info).at("/versioned_object.data/supported_port_profiles")).hasSize(1);
        // without a manifest o.vo (and this library) refuses: no rule gives the child's version
        assertThatThrownBy(() -> codec.toPrimitive(info, ObjectVersion.of(1, 0)))
                .isInstanceOf(BackportException.class).hasMessageContaining("No rule for supported_port_profiles");
        // with one, o.vo fails with a KeyError on the field it just deleted; the field is simply left out
        ObjectNode old = codec.toPrimitive(info, ObjectVersion.of(1, 0),
                VersionManifest.parse("HostPortProfileInfo=1.0"));
        assertThat(old.get("versioned_object.version").textValue()).isEqualTo("1.0");
        assertThat(old.get("versioned_object.data").has("supported_port_profiles")).isFalse();
        assertThat(old.get("versioned_object.data").get("vif_object_name").textValue()).isEqualTo("VIFOpenVSwitch");
        assertThat(old.get("versioned_object.changes").toString())
                .isEqualTo("[\"max_version\",\"min_version\",\"vif_object_name\"]");
    }
}
