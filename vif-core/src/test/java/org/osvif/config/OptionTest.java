package org.osvif.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Option")
class OptionTest {

    @Nested
    @DisplayName("integer")
    class IntegerOption {
        private final Option<Integer> mtu = Option.integer("network_device_mtu").min(68).max(65535)
                .defaultValue(1500).build();

        @Test
        @DisplayName("reads decimal text, ignoring surrounding whitespace")
        void readsDecimal() {
            assertThat(mtu.parse("9000")).isEqualTo(9000);
            assertThat(mtu.parse(" 1400 ")).isEqualTo(1400);
            assertThat(mtu.parse("+1500")).isEqualTo(1500);
        }

        @Test
        @DisplayName("accepts both bounds, which are inclusive")
        void boundsInclusive() {
            assertThat(mtu.parse("68")).isEqualTo(68);
            assertThat(mtu.parse("65535")).isEqualTo(65535);
        }

        @ParameterizedTest(name = "refuses {0} outside the bounds")
        @ValueSource(strings = {"67", "65536", "-1", "0"})
        void refusesOutOfBounds(String raw) {
            assertThatIllegalArgumentException().isThrownBy(() -> mtu.parse(raw))
                    .withMessage("must be between 68 and 65535");
        }

        @ParameterizedTest(name = "refuses \"{0}\" as not an integer")
        @ValueSource(strings = {"abc", "", "15.5", "1e3", "0x10", "99999999999"})
        void refusesNonIntegers(String raw) {
            assertThatIllegalArgumentException().isThrownBy(() -> mtu.parse(raw)).withMessage("not an integer");
        }

        @Test
        @DisplayName("words a one-sided bound as at least or at most")
        void oneSidedBounds() {
            Option<Integer> atLeast = Option.integer("timeout").min(1).build();
            Option<Integer> atMost = Option.integer("retries").max(10).build();
            assertThatIllegalArgumentException().isThrownBy(() -> atLeast.parse("0")).withMessage("must be at least 1");
            assertThatIllegalArgumentException().isThrownBy(() -> atMost.parse("11")).withMessage("must be at most 10");
            assertThat(atLeast.min()).hasValue(1);
            assertThat(atLeast.max()).isEmpty();
        }

        @Test
        @DisplayName("without bounds accepts any int")
        void unbounded() {
            Option<Integer> any = Option.integer("ovs_vsctl_timeout").build();
            assertThat(any.parse("-5")).isEqualTo(-5);
            assertThat(any.defaultValue()).isNull();
            assertThat(any.type()).isEqualTo("integer");
        }

        @Test
        @DisplayName("refuses a declaration whose default breaks the bounds or whose min exceeds max")
        void refusesBadDeclaration() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> Option.integer("mtu").min(68).defaultValue(10).build())
                    .withMessage("option mtu: invalid default '10': must be at least 68");
            assertThatIllegalStateException().isThrownBy(() -> Option.integer("mtu").min(10).max(5).build())
                    .withMessage("option mtu: min 10 is greater than max 5");
        }
    }

    @Nested
    @DisplayName("boolean")
    class BooleanOption {
        private final Option<Boolean> isolate = Option.bool("isolate_vif").defaultValue(false).build();

        @ParameterizedTest(name = "reads \"{0}\" as true")
        @ValueSource(strings = {"true", "True", "TRUE", "yes", "Yes", "on", "ON", "1", " true "})
        void trueValues(String raw) {
            assertThat(isolate.parse(raw)).isTrue();
        }

        @ParameterizedTest(name = "reads \"{0}\" as false")
        @ValueSource(strings = {"false", "False", "no", "NO", "off", "Off", "0"})
        void falseValues(String raw) {
            assertThat(isolate.parse(raw)).isFalse();
        }

        @ParameterizedTest(name = "refuses \"{0}\"")
        @ValueSource(strings = {"", "y", "n", "2", "enabled", "truee"})
        void refuses(String raw) {
            assertThatIllegalArgumentException().isThrownBy(() -> isolate.parse(raw))
                    .withMessage("not a boolean (use true/false, yes/no, on/off or 1/0)");
        }

        @Test
        @DisplayName("documents itself as boolean with its default")
        void describes() {
            assertThat(isolate.type()).isEqualTo("boolean");
            assertThat(isolate.defaultValue()).isFalse();
        }
    }

    @Nested
    @DisplayName("string")
    class StringOption {
        @Test
        @DisplayName("keeps the text as given, whitespace and empty text included")
        void keepsText() {
            Option<String> connection = Option.string("ovsdb_connection").defaultValue("tcp:127.0.0.1:6640").build();
            assertThat(connection.parse("unix:/run/openvswitch/db.sock")).isEqualTo("unix:/run/openvswitch/db.sock");
            assertThat(connection.parse(" a b ")).isEqualTo(" a b ");
            assertThat(connection.parse("")).isEmpty();
            assertThat(connection.defaultValue()).isEqualTo("tcp:127.0.0.1:6640");
            assertThat(connection.type()).isEqualTo("string");
        }
    }

    @Nested
    @DisplayName("choice")
    class ChoiceOption {
        private final Option<String> iface = Option.choice("ovsdb_interface", "vsctl", "native")
                .defaultValue("native").build();

        @Test
        @DisplayName("accepts a listed value, ignoring surrounding whitespace")
        void accepts() {
            assertThat(iface.parse("vsctl")).isEqualTo("vsctl");
            assertThat(iface.parse(" native ")).isEqualTo("native");
            assertThat(iface.choices()).containsExactly("vsctl", "native");
            assertThat(iface.type()).isEqualTo("choice");
        }

        @ParameterizedTest(name = "refuses \"{0}\", being case-sensitive like oslo")
        @ValueSource(strings = {"VSCTL", "idl", ""})
        void refuses(String raw) {
            assertThatIllegalArgumentException().isThrownBy(() -> iface.parse(raw))
                    .withMessage("must be one of: vsctl, native");
        }

        @Test
        @DisplayName("refuses a default that is not a choice, and an empty or repeated choice list")
        void refusesBadDeclaration() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> Option.choice("ovsdb_interface", "vsctl", "native").defaultValue("idl").build())
                    .withMessage("option ovsdb_interface: invalid default 'idl': must be one of: vsctl, native");
            assertThatIllegalArgumentException().isThrownBy(() -> Option.choice("x"));
            assertThatIllegalArgumentException().isThrownBy(() -> Option.choice("x", "a", "a"));
        }
    }

    @Nested
    @DisplayName("list")
    class ListOption {
        private final Option<List<String>> list = Option.list("physical_interfaces").build();

        @Test
        @DisplayName("splits one value on commas and strips the items")
        void splits() {
            assertThat(list.parse("eth0, eth1 ,bond0")).containsExactly("eth0", "eth1", "bond0");
            assertThat(list.parse("single")).containsExactly("single");
        }

        @Test
        @DisplayName("reads an empty value as the empty list and drops trailing commas, like oslo")
        void emptyAndTrailing() {
            assertThat(list.parse("")).isEmpty();
            assertThat(list.parse("  ")).isEmpty();
            assertThat(list.parse("a,b,,")).containsExactly("a", "b");
            assertThat(list.parse("a,,b")).containsExactly("a", "", "b");
        }

        @Test
        @DisplayName("reads the last occurrence when the key is repeated")
        void lastOccurrence() {
            assertThat(list.parse(List.of("a,b", "c,d"))).containsExactly("c", "d");
            assertThat(list.type()).isEqualTo("list");
        }

        @Test
        @DisplayName("keeps an immutable copy of its default")
        void immutableDefault() {
            List<String> items = new java.util.ArrayList<>(List.of("a"));
            Option<List<String>> option = Option.list("x").defaultValue(items).build();
            items.add("b");
            assertThat(option.defaultValue()).containsExactly("a");
        }
    }

    @Nested
    @DisplayName("multi-valued")
    class MultiOption {
        private final Option<List<String>> forward = Option.multi("forward_bridge_interface")
                .defaultValue(List.of("all")).build();

        @Test
        @DisplayName("takes every occurrence of a repeated key as one item, as given")
        void everyOccurrence() {
            assertThat(forward.parse(List.of("eth1", "bond0.120"))).containsExactly("eth1", "bond0.120");
            assertThat(forward.parse(List.of("a,b"))).containsExactly("a,b");
        }

        @Test
        @DisplayName("splits a single map value on commas")
        void singleValue() {
            assertThat(forward.parse("eth1, bond0.120")).containsExactly("eth1", "bond0.120");
        }

        @Test
        @DisplayName("defaults to the empty list unless declared otherwise")
        void defaults() {
            assertThat(Option.multi("x").build().defaultValue()).isEmpty();
            assertThat(forward.defaultValue()).containsExactly("all");
            assertThat(forward.type()).isEqualTo("multi-valued");
            assertThat(forward.isMulti()).isTrue();
        }
    }

    @Nested
    @DisplayName("declaration")
    class Declaration {
        @Test
        @DisplayName("refuses min and max on anything but an integer")
        void boundsOnlyOnIntegers() {
            assertThatIllegalStateException().isThrownBy(() -> Option.string("s").min(1))
                    .withMessage("min applies to integer options only, not to string option s");
            assertThatIllegalStateException().isThrownBy(() -> Option.bool("b").max(1))
                    .withMessage("max applies to integer options only, not to boolean option b");
        }

        @Test
        @DisplayName("records deprecated names and groups in the order given")
        void deprecatedNames() {
            Option<Integer> mtu = Option.integer("network_device_mtu")
                    .deprecatedGroup("DEFAULT")
                    .deprecatedName(null, "mtu")
                    .deprecatedName("linux_net", "device_mtu")
                    .build();
            assertThat(mtu.deprecatedNames()).containsExactly(
                    new DeprecatedName("DEFAULT", "network_device_mtu"),
                    new DeprecatedName(null, "mtu"),
                    new DeprecatedName("linux_net", "device_mtu"));
            assertThat(mtu.deprecatedNames().get(1).groupOr("os_vif_ovs")).isEqualTo("os_vif_ovs");
        }

        @Test
        @DisplayName("records deprecation for removal with release and reason")
        void deprecatedForRemoval() {
            Option<String> plain = Option.string("a").build();
            Option<String> doomed = Option.string("b").deprecatedForRemoval("2.2.0", "gone").build();
            assertThat(plain.deprecatedForRemoval()).isFalse();
            assertThat(plain.deprecatedSince()).isNull();
            assertThat(plain.deprecatedReason()).isNull();
            assertThat(doomed.deprecatedForRemoval()).isTrue();
            assertThat(doomed.deprecatedSince()).isEqualTo("2.2.0");
            assertThat(doomed.deprecatedReason()).isEqualTo("gone");
        }

        @Test
        @DisplayName("has empty help unless given")
        void help() {
            assertThat(Option.string("a").build().help()).isEmpty();
            assertThat(Option.string("a").help("Does a.").build().help()).isEqualTo("Does a.");
        }

        @ParameterizedTest(name = "refuses the option name \"{0}\"")
        @ValueSource(strings = {"", " ", "a.b", "a b", "[x]"})
        void refusesBadNames(String name) {
            assertThatIllegalArgumentException().isThrownBy(() -> Option.string(name));
        }

        @Test
        @DisplayName("is equal to an identically declared option")
        void equality() {
            assertThat(Option.integer("a").min(1).defaultValue(2).build())
                    .isEqualTo(Option.integer("a").min(1).defaultValue(2).build())
                    .isNotEqualTo(Option.integer("a").min(1).defaultValue(3).build());
        }

        @Test
        @DisplayName("refuses to parse an empty list of occurrences")
        void noOccurrences() {
            assertThatIllegalArgumentException().isThrownBy(() -> Option.string("a").build().parse(List.of()))
                    .withMessage("no value");
        }
    }
}
