package org.osvif.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("VifConfig.bind")
class GroupBindingTest {
    private static final String MTU_DEPRECATED = "Option \"network_device_mtu\" from group \"DEFAULT\" is deprecated. "
            + "Use option \"network_device_mtu\" from group \"os_vif_ovs\".";

    private static VifConfig ini(String text) {
        return VifConfig.builder().ini(new StringReader(text), "nova.conf").build();
    }

    @Nested
    @DisplayName("deprecated names")
    class DeprecatedNames {
        @Test
        @DisplayName("a value in the deprecated group is applied with oslo's warning")
        void deprecatedGroupApplied() {
            GroupConfig ovs = ini("[DEFAULT]\nnetwork_device_mtu = 9000\n").bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(9000);
            assertThat(ovs.isExplicit(TestGroups.OVS_MTU)).isTrue();
            assertThat(ovs.warnings()).containsExactly(MTU_DEPRECATED);
        }

        @Test
        @DisplayName("the new name wins over the deprecated one in the same source, with a warning")
        void newNameWinsInSameSource() {
            GroupConfig ovs = ini("""
                    [DEFAULT]
                    network_device_mtu = 9000
                    [os_vif_ovs]
                    network_device_mtu = 1400
                    """).bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(1400);
            assertThat(ovs.warnings()).containsExactly(MTU_DEPRECATED + " Its value is ignored: option "
                    + "\"network_device_mtu\" from group \"os_vif_ovs\" is set.");
        }

        @Test
        @DisplayName("a later source wins even when it uses the deprecated name")
        void laterSourceWins() {
            VifConfig config = VifConfig.builder()
                    .map(Map.of("os_vif_ovs.network_device_mtu", "1400"))
                    .ini(new StringReader("[DEFAULT]\nnetwork_device_mtu = 9000\n"), "nova.conf")
                    .build();
            GroupConfig ovs = config.bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVS_MTU)).isEqualTo(9000);
            assertThat(ovs.warnings()).containsExactly(MTU_DEPRECATED);
        }

        @Test
        @DisplayName("a deprecated name in the same group and one in another group are both found, in declared order")
        void renamedOption() {
            Option<String> bridge = Option.string("integration_bridge").defaultValue("br-int")
                    .deprecatedName(null, "bridge").deprecatedName("DEFAULT", "ovs_bridge").build();
            OptionGroup group = OptionGroup.builder("os_vif_ovs").add(bridge).build();

            GroupConfig sameGroup = ini("[os_vif_ovs]\nbridge = br-a\n[DEFAULT]\novs_bridge = br-b\n").bind(group);
            assertThat(sameGroup.get(bridge)).isEqualTo("br-a");
            assertThat(sameGroup.warnings()).containsExactly(
                    "Option \"bridge\" from group \"os_vif_ovs\" is deprecated. "
                            + "Use option \"integration_bridge\" from group \"os_vif_ovs\".",
                    "Option \"ovs_bridge\" from group \"DEFAULT\" is deprecated. "
                            + "Use option \"integration_bridge\" from group \"os_vif_ovs\". Its value is ignored: "
                            + "option \"bridge\" from group \"os_vif_ovs\" is set.");

            GroupConfig otherGroup = ini("[DEFAULT]\novs_bridge = br-b\n").bind(group);
            assertThat(otherGroup.get(bridge)).isEqualTo("br-b");
        }

        @Test
        @DisplayName("a deprecated name of the group itself is not reported as unknown")
        void deprecatedNotUnknown() {
            Option<String> bridge = Option.string("integration_bridge").deprecatedName(null, "bridge").build();
            OptionGroup group = OptionGroup.builder("os_vif_ovs").add(bridge).build();
            assertThat(ini("[os_vif_ovs]\nbridge = br-a\n").bind(group).warnings()).containsExactly(
                    "Option \"bridge\" from group \"os_vif_ovs\" is deprecated. "
                            + "Use option \"integration_bridge\" from group \"os_vif_ovs\".");
        }

        @Test
        @DisplayName("a multi-valued option in the deprecated group collects its occurrences there")
        void multiInDeprecatedGroup() {
            GroupConfig lb = ini("[DEFAULT]\nforward_bridge_interface = eth1\nforward_bridge_interface = eth2\n")
                    .bind(TestGroups.LINUX_BRIDGE);
            assertThat(lb.get(TestGroups.FORWARD_BRIDGE_INTERFACE)).containsExactly("eth1", "eth2");
        }
    }

    @Nested
    @DisplayName("warnings")
    class Warnings {
        @Test
        @DisplayName("unknown keys of the bound group are warned about, once each, with their sources")
        void unknownKeys() {
            VifConfig config = VifConfig.builder()
                    .map(Map.of("os_vif_ovs.isolate_vfi", "true"))
                    .ini(new StringReader("[os_vif_ovs]\nisolate_vfi = true\novsdb_conection = tcp:x:1\n"), "nova.conf")
                    .build();
            assertThat(config.bind(TestGroups.OVS).warnings()).containsExactly(
                    "Unknown option \"isolate_vfi\" in group \"os_vif_ovs\" is ignored (from map, nova.conf).",
                    "Unknown option \"ovsdb_conection\" in group \"os_vif_ovs\" is ignored (from nova.conf).");
        }

        @Test
        @DisplayName("unknown keys of other groups are not the bound group's business")
        void otherGroupsIgnored() {
            assertThat(ini("[DEFAULT]\nhost = h\n[libvirt]\nvirt_type = kvm\n").bind(TestGroups.OVS).warnings())
                    .isEmpty();
        }

        @Test
        @DisplayName("setting an option deprecated for removal is warned about with its reason")
        void deprecatedForRemoval() {
            GroupConfig ovs = ini("[os_vif_ovs]\novsdb_interface = vsctl\n").bind(TestGroups.OVS);
            assertThat(ovs.get(TestGroups.OVSDB_INTERFACE)).isEqualTo("vsctl");
            assertThat(ovs.warnings()).containsExactly("Option \"ovsdb_interface\" from group \"os_vif_ovs\" is "
                    + "deprecated for removal (os-vif has supported ovsdb access via python bindings since Stein "
                    + "(1.15.0), starting in Victoria (2.2.0) the ovs-vsctl driver is now deprecated for removal and "
                    + "in future releases it will be be removed.).  Its value may be silently ignored in the future.");
            assertThat(VifConfig.empty().bind(TestGroups.OVS).warnings()).isEmpty();
        }

        @Test
        @DisplayName("an option deprecated for removal without a reason is warned about without parentheses")
        void deprecatedForRemovalNoReason() {
            Option<String> old = Option.string("old").deprecatedForRemoval(null, null).build();
            OptionGroup group = OptionGroup.builder("os_vif_x").add(old).build();
            assertThat(ini("[os_vif_x]\nold = 1\n").bind(group).warnings()).containsExactly(
                    "Option \"old\" from group \"os_vif_x\" is deprecated for removal.  "
                            + "Its value may be silently ignored in the future.");
        }
    }

    @Nested
    @DisplayName("invalid values")
    class InvalidValues {
        static Stream<Arguments> invalid() {
            return Stream.of(
                    Arguments.of("os_vif_ovs", "network_device_mtu", "abc", "not an integer"),
                    Arguments.of("os_vif_ovs", "network_device_mtu", "", "not an integer"),
                    Arguments.of("os_vif_ovs", "network_device_mtu", "65536", "must be between 68 and 65535"),
                    Arguments.of("os_vif_ovs", "isolate_vif", "maybe",
                            "not a boolean (use true/false, yes/no, on/off or 1/0)"),
                    Arguments.of("os_vif_ovs", "ovsdb_interface", "idl", "must be one of: vsctl, native"),
                    Arguments.of("DEFAULT", "network_device_mtu", "12", "must be between 68 and 65535"),
                    Arguments.of("DEFAULT", "ovs_vsctl_timeout", "2m", "not an integer"));
        }

        @ParameterizedTest(name = "[{0}] {1} = ''{2}'' is refused: {3}")
        @MethodSource("invalid")
        void refused(String group, String option, String value, String reason) {
            VifConfig config = VifConfig.builder().ini(new StringReader("[" + group + "]\n" + option + " = " + value
                    + "\n"), "nova.conf").build();
            assertThatThrownBy(() -> config.bind(TestGroups.OVS))
                    .asInstanceOf(InstanceOfAssertFactories.type(ConfigException.class))
                    .satisfies(e -> {
                        assertThat(e.getMessage()).isEqualTo("Invalid value '" + value + "' for option [" + group
                                + "] " + option + ": " + reason);
                        assertThat(e.group()).isEqualTo(group);
                        assertThat(e.option()).isEqualTo(option);
                        assertThat(e.value()).isEqualTo(value);
                        assertThat(e.source()).isEqualTo("nova.conf");
                        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
                    });
        }

        @Test
        @DisplayName("a value from a map is refused the same way")
        void fromMap() {
            VifConfig config = VifConfig.builder().map(Map.of("os_vif_ovs.per_port_bridge", "sure")).build();
            assertThatThrownBy(() -> config.bind(TestGroups.OVS)).isInstanceOf(ConfigException.class)
                    .hasMessage("Invalid value 'sure' for option [os_vif_ovs] per_port_bridge: "
                            + "not a boolean (use true/false, yes/no, on/off or 1/0)");
        }

        @Test
        @DisplayName("the repeated occurrence actually read is the one named")
        void repeatedNamesLast() {
            VifConfig config = ini("[os_vif_ovs]\nnetwork_device_mtu = abc\nnetwork_device_mtu = 10\n");
            assertThatThrownBy(() -> config.bind(TestGroups.OVS)).isInstanceOf(ConfigException.class)
                    .hasMessage("Invalid value '10' for option [os_vif_ovs] network_device_mtu: "
                            + "must be between 68 and 65535");
        }

        @Test
        @DisplayName("a ConfigException built by callers carries the same message")
        void publicConstructor() {
            ConfigException e = new ConfigException("os_vif_ovs", "network_device_mtu", "abc", "not an integer");
            assertThat(e).hasMessage("Invalid value 'abc' for option [os_vif_ovs] network_device_mtu: not an integer");
            assertThat(e.source()).isNull();
            assertThat(e.line()).isZero();
            assertThat(e).isInstanceOf(org.osvif.exception.VifException.class);
        }
    }

    @Nested
    @DisplayName("GroupConfig")
    class Values {
        @Test
        @DisplayName("refuses to read an option that is not in its group")
        void foreignOption() {
            GroupConfig ovs = VifConfig.empty().bind(TestGroups.OVS);
            assertThatIllegalArgumentException().isThrownBy(() -> ovs.get(TestGroups.USE_IPV6))
                    .withMessage("option use_ipv6 is not in group os_vif_ovs");
            assertThatIllegalArgumentException().isThrownBy(() -> ovs.isExplicit(TestGroups.USE_IPV6));
            Option<Integer> lookalike = Option.integer("network_device_mtu").defaultValue(1).build();
            assertThatIllegalArgumentException().isThrownBy(() -> ovs.get(lookalike));
        }

        @Test
        @DisplayName("returns null for an option without default that no source sets")
        void noDefault() {
            GroupConfig lb = VifConfig.empty().bind(TestGroups.LINUX_BRIDGE);
            assertThat(lb.get(TestGroups.VLAN_INTERFACE)).isNull();
            assertThat(lb.group()).isSameAs(TestGroups.LINUX_BRIDGE);
        }

        @Test
        @DisplayName("defaults() is the same as binding an empty configuration")
        void defaults() {
            GroupConfig defaults = GroupConfig.defaults(TestGroups.OVS);
            for (Option<?> option : TestGroups.OVS.options()) {
                assertThat((Object) defaults.get(option)).isEqualTo(VifConfig.empty().bind(TestGroups.OVS).get(option));
                assertThat(defaults.isExplicit(option)).isFalse();
            }
        }
    }
}
