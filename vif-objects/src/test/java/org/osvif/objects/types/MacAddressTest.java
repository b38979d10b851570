package org.osvif.objects.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** MAC addresses, normalised as o.vo's {@code MACAddress.coerce} does (lower case, dashes to colons). */
@DisplayName("MacAddress")
class MacAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("normalises upper case and dashes")
    @CsvSource({
        "fa:16:3e:00:00:01, fa:16:3e:00:00:01",
        "FA:16:3E:00:00:01, fa:16:3e:00:00:01",
        "FA-16-3E-00-00-01, fa:16:3e:00:00:01",
        "fa-16:3e-00:00-01, fa:16:3e:00:00:01",
        "00:00:00:00:00:00, 00:00:00:00:00:00",
        "Ff:fF:ff:FF:ff:ff, ff:ff:ff:ff:ff:ff",
    })
    void normalises(String input, String normal) {
        MacAddress m = MacAddress.parse(input);
        assertThat(m).hasToString(normal).isEqualTo(MacAddress.parse(normal)).hasSameHashCodeAs(MacAddress.parse(normal));
    }

    @ParameterizedTest(name = "''{0}''")
    @DisplayName("refuses anything else with upstream's message")
    @ValueSource(strings = {"", "fa:16:3e:00:00", "fa:16:3e:00:00:01:02", "fa:16:3e:00:00:0g", "fa163e000001",
        "fa.16.3e.00.00.01", "fa:16:3e:0:0:1", " fa:16:3e:00:00:01", "fa:16:3e:00:00:01 ", "fa:16:3e:00:00:01\n",
        "fa::16:3e:00:00:01", "fa_16_3e_00_00_01", "\uff46a:16:3e:00:00:01"})
    void refuses(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Malformed MAC " + text);
    }

    @Test
    @DisplayName("refuses null")
    void refusesNull() {
        assertThatThrownBy(() -> MacAddress.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Malformed MAC null");
    }

    @Test
    @DisplayName("gives its six bytes")
    void bytes() {
        assertThat(MacAddress.parse("fa:16:3e:00:80:ff").toBytes()).containsExactly(0xfa, 0x16, 0x3e, 0x00, 0x80, 0xff);
    }

    @Test
    @DisplayName("differs from another address")
    void inequality() {
        assertThat(MacAddress.parse("fa:16:3e:00:00:01")).isNotEqualTo(MacAddress.parse("fa:16:3e:00:00:02"));
    }
}
