package org.osvif.objects.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing and printing of IP networks. Expected texts were printed by Python's
 * netaddr 0.8 ({@code str(netaddr.IPNetwork(x))}).
 */
@DisplayName("IpNetwork")
class IpNetworkTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("prints what netaddr prints, host bits kept")
    @CsvSource({
        "10.0.0.1/24, 10.0.0.1/24, 24",
        "10.0.0.0/8, 10.0.0.0/8, 8",
        "1.2.3.4/0, 1.2.3.4/0, 0",
        "1.2.3.4/32, 1.2.3.4/32, 32",
        "2001:db8::1/64, 2001:db8::1/64, 64",
        "2001:DB8::/32, 2001:db8::/32, 32",
        "::/0, ::/0, 0",
        "::1/128, ::1/128, 128",
        "::ffff:1.2.3.4/96, ::ffff:1.2.3.4/96, 96",
    })
    void parses(String input, String netaddr, int prefix) {
        IpNetwork n = IpNetwork.parse(input);
        assertThat(n).hasToString(netaddr);
        assertThat(n.prefixLength()).isEqualTo(prefix);
        assertThat(IpNetwork.parse(n.toString())).isEqualTo(n);
    }

    @Test
    @DisplayName("keeps the host bits of the address")
    void keepsHostBits() {
        IpNetwork n = IpNetwork.parse("10.0.0.1/24");
        assertThat(n.address()).isEqualTo(IpAddress.parse("10.0.0.1"));
        assertThat(n).isNotEqualTo(IpNetwork.parse("10.0.0.0/24"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("a bare address means a full-length prefix")
    @CsvSource({"1.2.3.4, 1.2.3.4/32, 4", "::1, ::1/128, 6", "FE80::1, fe80::1/128, 6"})
    void bareAddress(String input, String netaddr, int version) {
        IpNetwork n = IpNetwork.parse(input);
        assertThat(n).hasToString(netaddr);
        assertThat(n.version()).isEqualTo(version);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("an IPv4 netmask is read as its prefix length")
    @CsvSource({
        "1.2.3.4/255.255.255.0, 1.2.3.4/24",
        "1.2.3.4/255.255.255.255, 1.2.3.4/32",
        "1.2.3.4/0.0.0.0, 1.2.3.4/0",
        "10.1.2.3/255.128.0.0, 10.1.2.3/9",
    })
    void netmask(String input, String netaddr) {
        assertThat(IpNetwork.parse(input)).hasToString(netaddr);
    }

    @ParameterizedTest(name = "''{0}''")
    @DisplayName("refuses malformed networks, naming the text")
    @ValueSource(strings = {
        "1.2.3.4/255.0.255.0", // non-contiguous netmask
        "1.2.3.4/33", "::1/129", "1.2.3.4/128", "1.2.3.4/1000",
        "10/8", // netaddr's abbreviated form (10.0.0.0/8) is refused
        "1.2.3.4/024", "1.2.3.4/00", // leading zeros (netaddr reads /024 as /24)
        "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/+8", "1.2.3.4/ 24", "1.2.3.4/24 ", "1.2.3.4/24/1",
        "::1/255.255.255.0", // a netmask is IPv4 only
        "1.2.3.4/0.0.0.255", // a host mask (netaddr reads it as /24) is refused
        "1.2.3.4/255.255.255.0.0", "/24", "", "010.0.0.0/8", "fe80::1%eth0/64", "1.2.3.4/x",
    })
    void refuses(String text) {
        assertThatThrownBy(() -> IpNetwork.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid IPNetwork " + text);
    }

    @Test
    @DisplayName("refuses null")
    void refusesNull() {
        assertThatThrownBy(() -> IpNetwork.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid IPNetwork null");
    }

    @Test
    @DisplayName("of() checks the prefix length against the address family")
    void of() {
        assertThat(IpNetwork.of(IpAddress.parse("10.0.0.1"), 8)).hasToString("10.0.0.1/8")
                .isEqualTo(IpNetwork.parse("10.0.0.1/8"))
                .hasSameHashCodeAs(IpNetwork.parse("10.0.0.1/255.0.0.0"));
        assertThat(IpNetwork.of(IpAddress.parse("::"), 128)).hasToString("::/128");
        assertThatThrownBy(() -> IpNetwork.of(IpAddress.parse("10.0.0.1"), 33))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid IPNetwork 10.0.0.1/33");
        assertThatThrownBy(() -> IpNetwork.of(IpAddress.parse("::1"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid IPNetwork ::1/-1");
    }

    @Test
    @DisplayName("networks differing only in prefix are not equal")
    void equality() {
        assertThat(IpNetwork.parse("10.0.0.0/8")).isNotEqualTo(IpNetwork.parse("10.0.0.0/9"));
    }
}
