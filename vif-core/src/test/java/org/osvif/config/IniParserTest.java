package org.osvif.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IniParser")
class IniParserTest {

    private static ConfigLayer parse(String text) {
        return IniParser.parse(new StringReader(text), "test.conf");
    }

    private static void assertSyntaxError(String text, int line, String message) {
        assertThatThrownBy(() -> parse(text))
                .asInstanceOf(InstanceOfAssertFactories.type(ConfigException.class))
                .satisfies(e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.source()).isEqualTo("test.conf");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.group()).isNull();
                });
    }

    @Test
    @DisplayName("reads sections with = and : assignments, stripping keys and values")
    void assignments() {
        ConfigLayer layer = parse("""
                [os_vif_ovs]
                ovsdb_connection = unix:/run/openvswitch/db.sock
                isolate_vif: True
                \t\s
                per_port_bridge=false
                """);
        assertThat(layer.source()).isEqualTo("test.conf");
        assertThat(layer.repeatable()).isTrue();
        assertThat(layer.sections()).containsExactly(Map.entry("os_vif_ovs", Map.of(
                "ovsdb_connection", List.of("unix:/run/openvswitch/db.sock"),
                "isolate_vif", List.of("True"),
                "per_port_bridge", List.of("false"))));
    }

    @Test
    @DisplayName("splits at whichever of = and : comes first")
    void firstSeparator() {
        ConfigLayer layer = parse("""
                [g]
                url = http://controller:9696
                a:b=c
                """);
        assertThat(layer.values("g", "url")).containsExactly("http://controller:9696");
        assertThat(layer.values("g", "a")).containsExactly("b=c");
    }

    @Test
    @DisplayName("removes one matching pair of surrounding quotes only")
    void quotes() {
        ConfigLayer layer = parse("""
                [g]
                a = "s3cr3t value"
                b = 'single'
                c = "mismatched'
                d = ""quoted twice""
                e = "
                f = say "hi"
                """);
        assertThat(layer.values("g", "a")).containsExactly("s3cr3t value");
        assertThat(layer.values("g", "b")).containsExactly("single");
        assertThat(layer.values("g", "c")).containsExactly("\"mismatched'");
        assertThat(layer.values("g", "d")).containsExactly("\"quoted twice\"");
        assertThat(layer.values("g", "e")).containsExactly("");
        assertThat(layer.values("g", "f")).containsExactly("say \"hi\"");
    }

    @Test
    @DisplayName("skips comments starting with # or ; and keeps inline # as part of the value")
    void comments() {
        ConfigLayer layer = parse("""
                # leading comment
                [g]
                ; another comment
                #a = 1
                b = 2 # not a comment
                """);
        assertThat(layer.sections().get("g")).containsOnlyKeys("b");
        assertThat(layer.values("g", "b")).containsExactly("2 # not a comment");
    }

    @Test
    @DisplayName("joins continuation lines with a line break until a blank line")
    void continuation() {
        ConfigLayer layer = parse("""
                [g]
                reason = first line
                    second line
                \tthird line

                other = x
                """);
        assertThat(layer.values("g", "reason")).containsExactly("first line\nsecond line\nthird line");
        assertThat(layer.values("g", "other")).containsExactly("x");
    }

    @Test
    @DisplayName("keeps every occurrence of a repeated key, also across repeated sections")
    void repeatedKeys() {
        ConfigLayer layer = parse("""
                [os_vif_linux_bridge]
                forward_bridge_interface = eth1
                forward_bridge_interface = eth2
                [libvirt]
                virt_type = kvm
                [os_vif_linux_bridge]
                forward_bridge_interface = eth3
                """);
        assertThat(layer.values("os_vif_linux_bridge", "forward_bridge_interface"))
                .containsExactly("eth1", "eth2", "eth3");
    }

    @Test
    @DisplayName("normalizes section names to lower case except DEFAULT")
    void normalizesSections() {
        ConfigLayer layer = parse("""
                [DEFAULT]
                a = 1
                [OS_VIF_OVS]
                b = 2
                [default]
                c = 3
                """);
        assertThat(layer.sections()).containsOnlyKeys("DEFAULT", "os_vif_ovs", "default");
        assertThat(layer.values("Os_Vif_Ovs", "b")).containsExactly("2");
    }

    @Test
    @DisplayName("accepts an empty value, CRLF line ends and a byte order mark")
    void edgeCases() {
        ConfigLayer layer = parse("\uFEFF[g]\r\na =\r\nb = 2\r\n");
        assertThat(layer.values("g", "a")).containsExactly("");
        assertThat(layer.values("g", "b")).containsExactly("2");
        assertThat(parse("").sections()).isEmpty();
    }

    @Test
    @DisplayName("refuses an assignment before any section, naming its line")
    void noSection() {
        assertSyntaxError("\n# nova\nmy_ip = 10.0.0.1\n[DEFAULT]\n", 3,
                "Failed to parse test.conf: at line 3, Section must be started before assignment: 'my_ip = 10.0.0.1'");
    }

    @Test
    @DisplayName("refuses a line without = or :")
    void noSeparator() {
        assertSyntaxError("[g]\na = 1\nthis is not an assignment\n", 3,
                "Failed to parse test.conf: at line 3, No ':' or '=' found in assignment: 'this is not an assignment'");
    }

    @Test
    @DisplayName("refuses an empty key")
    void emptyKey() {
        assertSyntaxError("[g]\n= 1\n", 2,
                "Failed to parse test.conf: at line 2, Key cannot be empty: '= 1'");
    }

    @Test
    @DisplayName("refuses an unclosed or empty section header")
    void badSections() {
        assertSyntaxError("[g]\na = 1\n[os_vif_ovs\n", 3,
                "Failed to parse test.conf: at line 3, Invalid section (must end with ]): '[os_vif_ovs'");
        assertSyntaxError("[g]\n\n\n[]\n", 4, "Failed to parse test.conf: at line 4, Empty section name: '[]'");
    }

    @Test
    @DisplayName("refuses a continuation line with nothing to continue")
    void strayContinuation() {
        assertSyntaxError("[g]\n  indented\n", 2,
                "Failed to parse test.conf: at line 2, Unexpected continuation line: '  indented'");
        assertSyntaxError("[g]\na = 1\n\n  indented\n", 4,
                "Failed to parse test.conf: at line 4, Unexpected continuation line: '  indented'");
    }
}
