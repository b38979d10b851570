package org.osvif.plug.ovs.internal.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How values and commands are written for ovs-vsctl. Every quoted form below was fed to
 * ovs-vsctl 3.1 and read back unchanged (see also {@code VsctlOvsdbIT#awkwardStringsRoundTrip}).
 */
class VsctlSyntaxTest {

    @Nested
    @DisplayName("strings")
    class Strings {

        @ParameterizedTest(name = "{0} stays bare")
        @ValueSource(strings = {"active", "netdev", "iface-id", "linux-noop", "_type", "a.b-c_d", "true", "trunk",
                "vm-uuid", "x"})
        void plainIdentifiersStayBare(String value) {
            assertThat(VsctlSyntax.string(value)).isEqualTo(value);
        }

        @ParameterizedTest(name = "[{0}] is written as [{1}]")
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''                          | '\"\"'",
            "fa:16:3e:11:22:33           | '\"fa:16:3e:11:22:33\"'",
            "/var/run/openvswitch/vhu0   | '\"/var/run/openvswitch/vhu0\"'",
            "5d8b9a4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f | '\"5d8b9a4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f\"'",
            "4095                        | '\"4095\"'",
            "a,b                         | '\"a,b\"'",
            "'a b'                       | '\"a b\"'",
            "a=b                         | '\"a=b\"'",
            "{x}                         | '\"{x}\"'",
            "[x]                         | '\"[x]\"'",
            "@qos                        | '\"@qos\"'",
            "-x                          | '\"-x\"'",
            "'it''s'                     | '\"it''s\"'",
        })
        void otherStringsAreQuoted(String value, String expected) {
            assertThat(VsctlSyntax.string(value)).isEqualTo(expected);
        }

        @Test
        void quotesAndBackslashesAreEscaped() {
            assertThat(VsctlSyntax.string("q\"uo\\te")).isEqualTo("\"q\\\"uo\\\\te\"");
            assertThat(VsctlSyntax.string("\"")).isEqualTo("\"\\\"\"");
            assertThat(VsctlSyntax.string("\\")).isEqualTo("\"\\\\\"");
        }

        @Test
        void controlCharactersUseJsonEscapes() {
            assertThat(VsctlSyntax.string("a\nb\tc\rd\be\ff")).isEqualTo("\"a\\nb\\tc\\rd\\be\\ff\"");
            assertThat(VsctlSyntax.string("\u0001\u001f\u007f")).isEqualTo("\"\\u0001\\u001f\\u007f\"");
        }

        @Test
        void nonAsciiIsEscapedSoTheArgvIsPureAscii() {
            assertThat(VsctlSyntax.string("héllo")).isEqualTo("\"h\\u00e9llo\"");
            assertThat(VsctlSyntax.string("\u2603")).isEqualTo("\"\\u2603\"");
            // U+1F600 as a UTF-16 surrogate pair, which ovs-vsctl's JSON parser joins again
            assertThat(VsctlSyntax.string("\uD83D\uDE00")).isEqualTo("\"\\ud83d\\ude00\"");
        }

        @Test
        void everythingAwkwardAtOnce() {
            assertThat(VsctlSyntax.string("q\"uo\\te,{}=:[]é\uD83D\uDE00\n"))
                    .isEqualTo("\"q\\\"uo\\\\te,{}=:[]\\u00e9\\ud83d\\ude00\\n\"")
                    .isASCII();
        }

        @Test
        void nulIsRefused() {
            assertThatThrownBy(() -> VsctlSyntax.string("a\0b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NUL")
                    .hasMessageContaining("a\\u0000b");
        }
    }

    @Nested
    @DisplayName("values")
    class Values {

        @Test
        void atoms() {
            assertThat(VsctlSyntax.value(OvsdbValue.of(4095))).isEqualTo("4095");
            assertThat(VsctlSyntax.value(OvsdbValue.of(-1))).isEqualTo("-1");
            assertThat(VsctlSyntax.value(OvsdbValue.of(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
            assertThat(VsctlSyntax.value(OvsdbValue.of(true))).isEqualTo("true");
            assertThat(VsctlSyntax.value(OvsdbValue.of(false))).isEqualTo("false");
            assertThat(VsctlSyntax.value(OvsdbValue.of("trunk"))).isEqualTo("trunk");
            assertThat(VsctlSyntax.value(OvsdbValue.ref("qos"))).isEqualTo("@qos");
            assertThat(VsctlSyntax.value(OvsdbValue.uuid("af23f8c2-8f6e-44d5-ae40-f005b60e1f8e")))
                    .isEqualTo("af23f8c2-8f6e-44d5-ae40-f005b60e1f8e");
        }

        @Test
        void setsAreBracketed() {
            assertThat(VsctlSyntax.value(OvsdbValue.EMPTY)).isEqualTo("[]");
            assertThat(VsctlSyntax.value(OvsdbValue.set(List.of(OvsdbValue.of(4095))))).isEqualTo("[4095]");
            assertThat(VsctlSyntax.value(OvsdbValue.set(List.of(OvsdbValue.of(1), OvsdbValue.of(2)))))
                    .isEqualTo("[1,2]");
            assertThat(VsctlSyntax.value(OvsdbValue.set(List.of(OvsdbValue.of("a b"), OvsdbValue.of("c")))))
                    .isEqualTo("[\"a b\",c]");
            assertThat(VsctlSyntax.value(OvsdbValue.set(List.of(OvsdbValue.ref("q1"), OvsdbValue.ref("q2")))))
                    .isEqualTo("[@q1,@q2]");
        }

        @Test
        void setsHoldAtomsOnly() {
            OvsdbValue nested = OvsdbValue.set(List.of(OvsdbValue.EMPTY));
            assertThatThrownBy(() -> VsctlSyntax.value(nested)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("set member");
            OvsdbValue withMap = OvsdbValue.set(List.of(OvsdbValue.map(Map.of("k", "v"))));
            assertThatThrownBy(() -> VsctlSyntax.value(withMap)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void wholeMapsAreBraced() {
            Map<String, String> entries = new LinkedHashMap<>();
            entries.put("id", "2c3b9e52-0b1d-5a3f-9c43-6d5a0a3b8f10");
            entries.put("_type", "linux-noop");
            entries.put("x y", "=:{}[]");
            assertThat(VsctlSyntax.value(OvsdbValue.map(entries)))
                    .isEqualTo("{id=\"2c3b9e52-0b1d-5a3f-9c43-6d5a0a3b8f10\",_type=linux-noop,\"x y\"=\"=:{}[]\"}");
            assertThat(VsctlSyntax.value(OvsdbValue.map(Map.of()))).isEqualTo("{}");
            assertThat(VsctlSyntax.value(OvsdbValue.map(Map.of("k", "")))).isEqualTo("{k=\"\"}");
        }
    }

    @Nested
    @DisplayName("assignments")
    class Assignments {

        @Test
        void mapsBecomeOneArgumentPerKeyInSetAndFind() {
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put("iface-id", "5d8b9a4e");
            ids.put("attached-mac", "fa:16:3e:11:22:33");
            ids.put("a:b", "c=d");
            assertThat(VsctlSyntax.assignments(Map.of("external_ids", OvsdbValue.map(ids)), true)).containsExactly(
                    "external_ids:iface-id=\"5d8b9a4e\"",
                    "external_ids:attached-mac=\"fa:16:3e:11:22:33\"",
                    "external_ids:\"a:b\"=\"c=d\"");
        }

        @Test
        void mapsAreOneArgumentInCreate() {
            assertThat(VsctlSyntax.assignments(Map.of("external_ids", OvsdbValue.map(Map.of("k", "v"))), false))
                    .containsExactly("external_ids={k=v}");
        }

        @Test
        void anEmptyMapSetsNoKey() {
            assertThat(VsctlSyntax.assignments(Map.of("external_ids", OvsdbValue.map(Map.of())), true)).isEmpty();
        }

        @Test
        void keepsTheCallersOrder() {
            Map<String, OvsdbValue> columns = new LinkedHashMap<>();
            columns.put("tag", OvsdbValue.of(4095));
            columns.put("vlan_mode", OvsdbValue.of("trunk"));
            columns.put("trunks", OvsdbValue.set(List.of(OvsdbValue.of(4095))));
            columns.put("qos", OvsdbValue.ref("qos"));
            assertThat(VsctlSyntax.assignments(columns, true))
                    .containsExactly("tag=4095", "vlan_mode=trunk", "trunks=[4095]", "qos=@qos");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "a=b", "ext ids", "a:b", "1tag", "tag\n", "--"})
        void columnNamesMustBeIdentifiers(String column) {
            assertThatThrownBy(() -> VsctlSyntax.assignments(Map.of(column, OvsdbValue.of(1)), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid column name");
        }
    }

    @Nested
    @DisplayName("names")
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"tap0", "br-int", ".", "-x", "a,b c", "@x", "tap\u00e9"})
        void namesPassVerbatim(String name) {
            assertThat(VsctlSyntax.name("port", name)).isSameAs(name);
        }

        @Test
        void commandSeparatorIsRefused() {
            assertThatThrownBy(() -> VsctlSyntax.name("port", "--"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("port name must not be \"--\"");
        }

        @Test
        void emptyNullAndControlCharactersAreRefused() {
            assertThatThrownBy(() -> VsctlSyntax.name("bridge", "")).hasMessage("bridge name must not be empty");
            assertThatThrownBy(() -> VsctlSyntax.name("bridge", null)).hasMessage("bridge name must not be empty");
            assertThatThrownBy(() -> VsctlSyntax.name("record", "tap\n0"))
                    .hasMessage("record name must not contain control characters: \"tap\\u000a0\"");
        }

        @Test
        void tablesMustBeIdentifiers() {
            assertThat(VsctlSyntax.table("Open_vSwitch")).isEqualTo("Open_vSwitch");
            assertThatThrownBy(() -> VsctlSyntax.table("Port Interface"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("invalid table name: \"Port Interface\"");
            assertThatThrownBy(() -> VsctlSyntax.table(null)).hasMessage("invalid table name: null");
        }
    }
}
