package org.osvif.objects.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PCI addresses, lowercased as o.vo's {@code PCIAddress.coerce} does, with a real dot before the function. */
@DisplayName("PciAddress")
class PciAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("normalises to lower case")
    @CsvSource({
        "0000:0a:00.1, 0000:0a:00.1",
        "0000:0A:00.1, 0000:0a:00.1",
        "ABCD:EF:1F.7, abcd:ef:1f.7",
        "0000:00:00.0, 0000:00:00.0",
    })
    void normalises(String input, String normal) {
        PciAddress p = PciAddress.parse(input);
        assertThat(p).hasToString(normal).isEqualTo(PciAddress.parse(normal)).hasSameHashCodeAs(PciAddress.parse(normal));
    }

    @Test
    @DisplayName("splits into domain, bus, slot and function")
    void parts() {
        PciAddress p = PciAddress.parse("0001:0A:1F.7");
        assertThat(p.domain()).isEqualTo("0001");
        assertThat(p.bus()).isEqualTo("0a");
        assertThat(p.slot()).isEqualTo("1f");
        assertThat(p.function()).isEqualTo("7");
    }

    @ParameterizedTest(name = "''{0}''")
    @DisplayName("refuses anything else with upstream's message")
    @ValueSource(strings = {
        // o.vo's pattern has an unescaped dot and would take these
        "0000:0a:00:1", "0000:0a:00x1", "0000:0a:0001",
        "", "0000:0a:00", "000:0a:00.1", "00000:0a:00.1", "0000:a:00.1", "0000:0a:20.1", "0000:0a:00.8",
        "0000:0g:00.1", " 0000:0a:00.1", "0000:0a:00.1 ", "0000-0a-00.1", "0000:0a:00.1\n"})
    void refuses(String text) {
        assertThatThrownBy(() -> PciAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Malformed PCI address " + text);
    }

    @Test
    @DisplayName("refuses null")
    void refusesNull() {
        assertThatThrownBy(() -> PciAddress.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Malformed PCI address null");
    }
}
