package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.exception.NoMatchingPluginException;
import org.osvif.objects.base.PrimitiveCodec;

/** HostInfo, with the cases of upstream's os_vif/tests/unit/test_host_info.py. */
@DisplayName("HostInfo")
class HostInfoTest {
    private static final PrimitiveCodec CODEC = OsVifObjects.codec();

    static HostVifInfo vifInfo(String name, String min, String max) {
        return HostVifInfo.builder().vifObjectName(name).minVersion(min).maxVersion(max).build();
    }

    /** Upstream's setUp: a Linux bridge plugin and an Open vSwitch plugin. */
    static HostInfo upstreamHostInfo() {
        return HostInfo.builder().pluginInfo(
                HostPluginInfo.builder().pluginName("linux_bridge")
                        .vifInfo(vifInfo("VIFBridge", "1.0", "3.0")).build(),
                HostPluginInfo.builder().pluginName("ovs")
                        .vifInfo(vifInfo("VIFBridge", "2.0", "7.0"), vifInfo("VIFOpenVSwitch", "1.0", "2.0"),
                                vifInfo("VIFVHostUser", "1.0", "2.0")).build())
                .build();
    }

    static List<String> vifNames(HostPluginInfo plugin) {
        return plugin.vifInfo().stream().map(HostVifInfo::vifObjectName).toList();
    }

    @Test
    @DisplayName("serializes in the os_vif namespace and reads back equal (test_serialization)")
    void serialization() {
        HostInfo info = upstreamHostInfo();
        ObjectNode json = CODEC.toPrimitive(info);
        assertThat(json.get("versioned_object.namespace").textValue()).isEqualTo("os_vif");
        assertThat(CODEC.fromPrimitive(json, HostInfo.TYPE)).isEqualTo(info);
    }

    @Test
    @DisplayName("tells which plugins it has (test_plugin_existance)")
    void pluginExistence() {
        HostInfo info = upstreamHostInfo();
        assertThat(info.hasPlugin("ovs")).isTrue();
        assertThat(info.hasPlugin("linux_bridge")).isTrue();
        assertThat(info.hasPlugin("fishfood")).isFalse();
        assertThat(info.hasPlugin("OVS")).isFalse();
    }

    @Test
    @DisplayName("gets a plugin by name, or refuses with upstream's message (test_plugin_fetch)")
    void pluginFetch() {
        HostInfo info = upstreamHostInfo();
        assertThat(info.getPlugin("ovs").pluginName()).isEqualTo("ovs");
        assertThat(info.getPlugin("linux_bridge")).isSameAs(info.pluginInfo().get(0));
        assertThatThrownBy(() -> info.getPlugin("fishfood"))
                .isInstanceOfSatisfying(NoMatchingPluginException.class,
                        e -> assertThat(e.pluginName()).isEqualTo("fishfood"))
                .hasMessage("No VIF plugin was found with the name fishfood");
    }

    @Test
    @DisplayName("filters VIF types, dropping the plugins left empty (test_filtering)")
    void filtering() {
        HostInfo info = upstreamHostInfo();

        HostInfo first = info.filterVifTypes(List.of("VIFBridge", "VIFOpenVSwitch"));
        assertThat(first.pluginInfo()).hasSize(2);
        assertThat(vifNames(first.pluginInfo().get(0))).containsExactly("VIFBridge");
        assertThat(vifNames(first.pluginInfo().get(1))).containsExactly("VIFBridge", "VIFOpenVSwitch");

        HostInfo second = first.filterVifTypes(Set.of("VIFOpenVSwitch"));
        assertThat(second.pluginInfo()).hasSize(1);
        assertThat(second.pluginInfo().get(0).pluginName()).isEqualTo("ovs");
        assertThat(vifNames(second.pluginInfo().get(0))).containsExactly("VIFOpenVSwitch");
    }

    @Test
    @DisplayName("filters into a copy, leaving the original whole and marking plugin_info changed")
    void filteringCopies() {
        HostInfo info = upstreamHostInfo().toBuilder().resetChanges().build();
        HostInfo none = info.filterVifTypes(List.of());
        assertThat(none.pluginInfo()).isEmpty();
        assertThat(none.changedFields()).containsExactly("plugin_info");
        assertThat(info.pluginInfo()).hasSize(2);
        assertThat(vifNames(info.pluginInfo().get(1))).hasSize(3);
        assertThat(info.filterVifTypes(List.of("VIFBridge", "VIFOpenVSwitch", "VIFVHostUser"))).isEqualTo(info);
    }
}
