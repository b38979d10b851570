package org.osvif.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "tap0", "eth0.100", "qbrf1e2d3c4-b5", "qvo0123456789ab", "br-int", "vlan4094",
        "a_b", "-x", "!#$&*+=?@^~", "15-chars-name-1"})
    @DisplayName("valid names pass unchanged")
    void valid(String name) {
        assertThat(InterfaceName.check(name)).isSameAs(name);
        assertThat(InterfaceName.isValid(name)).isTrue();
        assertThat(InterfaceName.problem(name)).isNull();
    }

    @Test
    @DisplayName("15 bytes is the limit (IFNAMSIZ 16 with the NUL)")
    void length() {
        assertThat(InterfaceName.isValid("x".repeat(15))).isTrue();
        assertThatThrownBy(() -> InterfaceName.check("tap0123456789abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid interface name 'tap0123456789abc': must be at most 15 bytes long, not 16");
    }

    @Test
    @DisplayName("null and empty are refused")
    void nullAndEmpty() {
        assertThatThrownBy(() -> InterfaceName.check(null))
                .hasMessage("Invalid interface name null: must not be null");
        assertThatThrownBy(() -> InterfaceName.check(""))
                .hasMessage("Invalid interface name '': must not be empty");
    }

    @Test
    @DisplayName(". and .. are refused")
    void dots() {
        assertThatThrownBy(() -> InterfaceName.check("."))
                .hasMessage("Invalid interface name '.': must not be '.' or '..'");
        assertThatThrownBy(() -> InterfaceName.check(".."))
                .hasMessage("Invalid interface name '..': must not be '.' or '..'");
        assertThat(InterfaceName.isValid("...")).isTrue();
    }

    @Test
    @DisplayName("'/', ':' and '%' are refused, with their position")
    void forbiddenCharacters() {
        assertThatThrownBy(() -> InterfaceName.check("a/b"))
                .hasMessage("Invalid interface name 'a/b': must not contain '/' (at index 1)");
        assertThatThrownBy(() -> InterfaceName.check("eth0:1"))
                .hasMessage("Invalid interface name 'eth0:1': must not contain ':' (at index 4)");
        assertThatThrownBy(() -> InterfaceName.check("tap%d"))
                .hasMessageStartingWith("Invalid interface name 'tap%d': must not contain '%' (at index 3")
                .hasMessageContaining("template");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a\tb", "a\nb", "a\rb", "a\u000bb", "a\fb", " ab", "ab "})
    @DisplayName("whitespace is refused")
    void whitespace(String name) {
        assertThatThrownBy(() -> InterfaceName.check(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain whitespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tap\u0000", "t\u007fap", "tàp", "tap\u00a0", "\u0442\u0430\u043f", "tap\ud83d\ude00"})
    @DisplayName("characters outside printable ASCII are refused, and escaped in the message")
    void nonAscii(String name) {
        assertThatThrownBy(() -> InterfaceName.check(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("Invalid interface name '[ -~]*': must not contain .*U\\+[0-9A-F]{4} at index \\d+\\)");
    }

    @Test
    @DisplayName("the message names what the name is for")
    void what() {
        assertThatThrownBy(() -> InterfaceName.check("qbr 1", "bridge"))
                .hasMessage("Invalid bridge name 'qbr 1': must not contain whitespace (' ' at index 3)");
        assertThatThrownBy(() -> InterfaceName.check("a\nb", "veth peer"))
                .hasMessage("Invalid veth peer name 'a\\u000ab': must not contain whitespace (U+000A at index 1)");
    }
}
