package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.objects.HostInfoTest.vifInfo;
import static org.osvif.objects.HostInfoTest.vifNames;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.exception.NoMatchingVifClassException;

/** HostPluginInfo, with the cases of upstream's test_host_info.py. */
@DisplayName("HostPluginInfo")
class HostPluginInfoTest {

    static HostPluginInfo ovs() {
        return HostInfoTest.upstreamHostInfo().getPlugin("ovs");
    }

    @Test
    @DisplayName("tells which VIF classes it supports (test_vif_existance)")
    void vifExistence() {
        assertThat(ovs().hasVif("VIFOpenVSwitch")).isTrue();
        assertThat(ovs().hasVif("VIFVHostUser")).isTrue();
        assertThat(ovs().hasVif("VIFFishFood")).isFalse();
    }

    @Test
    @DisplayName("gets a VIF class by name, or refuses naming it (test_vif_fetch)")
    void vifFetch() {
        HostVifInfo vif = ovs().getVif("VIFOpenVSwitch");
        assertThat(vif.vifObjectName()).isEqualTo("VIFOpenVSwitch");
        assertThat(vif.maxVersion()).isEqualTo("2.0");
        // upstream passes vif_name= and so prints the raw template; the Java message names the class
        assertThatThrownBy(() -> ovs().getVif("VIFFishFood"))
                .isInstanceOfSatisfying(NoMatchingVifClassException.class,
                        e -> assertThat(e.name()).isEqualTo("VIFFishFood"))
                .hasMessage("No VIF class was found with the name VIFFishFood");
    }

    @Test
    @DisplayName("filters its VIF classes into a copy, keeping their order")
    void filter() {
        HostPluginInfo plugin = ovs().toBuilder().resetChanges().build();
        HostPluginInfo filtered = plugin.filterVifTypes(Set.of("VIFVHostUser", "VIFBridge", "VIFFishFood"));
        assertThat(vifNames(filtered)).containsExactly("VIFBridge", "VIFVHostUser");
        assertThat(filtered.pluginName()).isEqualTo("ovs");
        assertThat(filtered.changedFields()).containsExactly("vif_info");
        assertThat(vifNames(plugin)).containsExactly("VIFBridge", "VIFOpenVSwitch", "VIFVHostUser");
        assertThat(plugin.filterVifTypes(List.of()).vifInfo()).isEmpty();
    }

    @Test
    @DisplayName("finds the first entry when a class is listed twice")
    void firstMatch() {
        HostPluginInfo plugin = HostPluginInfo.builder().pluginName("p")
                .vifInfo(vifInfo("VIFBridge", "1.0", "1.0"), vifInfo("VIFBridge", "2.0", "2.0")).build();
        assertThat(plugin.getVif("VIFBridge").minVersion()).isEqualTo("1.0");
    }
}
