package org.osvif.objects.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing and printing of IP addresses. Every expected text was printed by
 * Python's netaddr 0.8 ({@code str(netaddr.IPAddress(x))}), the library o.vo's
 * {@code IPAddress} field writes primitives with.
 */
@DisplayName("IpAddress")
class IpAddressTest {

    @Nested
    @DisplayName("prints what netaddr prints")
    class Printing {

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("IPv4 addresses are printed as dotted quads")
        @CsvSource({
            "1.2.3.4, 1.2.3.4",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "10.0.0.1, 10.0.0.1",
        })
        void ipv4(String input, String netaddr) {
            IpAddress a = IpAddress.parse(input);
            assertThat(a).hasToString(netaddr);
            assertThat(a.version()).isEqualTo(4);
            assertThat(a.bitLength()).isEqualTo(32);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("IPv6 addresses compress the first longest run of two or more zero groups")
        @CsvSource({
            "::, ::",
            "::1, ::1",
            "1::, 1::",
            "2001:db8::1, 2001:db8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "0:0:0:0:0:0:0:0, ::",
            "0:0:0:0:0:0:0:1, ::1",
            "1:0:0:0:0:0:0:0, 1::",
            "1:0:0:0:0:0:0:1, 1::1",
            "fe80:0:0:0:0:0:0:0, fe80::",
            "0001:0002::0003, 1:2::3",
            // ties: the first of two equally long runs is compressed
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
            "2001:db8:0:0:0:1:0:0, 2001:db8::1:0:0",
            // the longer run wins even when it comes second
            "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
            "0:0:1::, 0:0:1::",
            // a single zero group is never compressed
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:db8:1:1:1:1:1:0, 2001:db8:1:1:1:1:1:0",
            "0:1:2:3:4:5:6:7, 0:1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
            "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
            "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "1::8, 1::8",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            // an embedded IPv4 tail is read, and printed as hex unless the address is mapped or compatible
            "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
            "64:ff9b::1.2.3.4, 64:ff9b::102:304",
            "0:0:0:0:0:1:1.2.3.4, ::1:102:304",
            "::1:ffff:1.2.3.4, ::1:ffff:102:304",
            "0:0:0:0:0:fffe:1.2.3.4, ::fffe:102:304",
        })
        void ipv6(String input, String netaddr) {
            IpAddress a = IpAddress.parse(input);
            assertThat(a).hasToString(netaddr);
            assertThat(a.version()).isEqualTo(6);
            assertThat(a.bitLength()).isEqualTo(128);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("IPv4-mapped addresses (::ffff:a.b.c.d) keep a dotted tail")
        @CsvSource({
            "::ffff:1.2.3.4, ::ffff:1.2.3.4",
            "::ffff:0102:0304, ::ffff:1.2.3.4",
            "::FFFF:10.0.0.1, ::ffff:10.0.0.1",
            "::ffff:0.0.0.0, ::ffff:0.0.0.0",
            "::ffff:0:0, ::ffff:0.0.0.0",
            "::ffff:1:0, ::ffff:0.1.0.0",
            "0:0:0:0:0:ffff:ffff:ffff, ::ffff:255.255.255.255",
            "::ffff:ffff:ffff, ::ffff:255.255.255.255",
        })
        void ipv4Mapped(String input, String netaddr) {
            assertThat(IpAddress.parse(input)).hasToString(netaddr);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("IPv4-compatible addresses (::a.b.c.d) keep a dotted tail, but ::1 and ::ffff stay hex")
        @CsvSource({
            "::1.2.3.4, ::1.2.3.4",
            "::0102:0304, ::1.2.3.4",
            "::1.2.0.0, ::1.2.0.0",
            "::0.1.0.0, ::0.1.0.0",
            "::1:0, ::0.1.0.0",
            "::0.0.0.2, ::2",
            "::0.0.1.0, ::100",
            "::ffff, ::ffff",
            "::fffe, ::fffe",
            "::1:0:0, ::1:0:0",
        })
        void ipv4Compatible(String input, String netaddr) {
            assertThat(IpAddress.parse(input)).hasToString(netaddr);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("upper-case hex is read and printed in lower case")
        @CsvSource({
            "FE80::1, fe80::1",
            "FE80::ABCD, fe80::abcd",
            "2001:DB8::A:B, 2001:db8::a:b",
            "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789, abcd:ef01:2345:6789:abcd:ef01:2345:6789",
        })
        void upperCase(String input, String netaddr) {
            assertThat(IpAddress.parse(input)).hasToString(netaddr);
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("printed text reads back as the same address")
        @ValueSource(strings = {"::", "::1", "::ffff:1.2.3.4", "::1.2.3.4", "2001:db8::1:0:0:1", "1:2:3:4:5:6:7:0",
            "0:2:3:4:5:6:7:8", "10.0.0.1"})
        void roundTrip(String text) {
            IpAddress a = IpAddress.parse(text);
            assertThat(IpAddress.parse(a.toString())).isEqualTo(a).hasToString(text);
        }
    }

    @Nested
    @DisplayName("refuses")
    class Refusals {

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("text that is not an address, naming it")
        @ValueSource(strings = {
            // leading zeros: netaddr 0.8 reads 010.1.1.1 as octal 8.1.1.1; this library refuses the ambiguity
            "010.1.1.1", "01.2.3.4", "1.2.3.04",
            // short forms inet_aton would take (netaddr reads 1.2.3 as 1.2.0.3)
            "1.2.3", "1.2", "1",
            "1.2.3.4.5", "256.1.1.1", "1234.1.1.1", "1.2.3.-1", "0x1.2.3.4", "1.2.3.4/24", "abc",
            "1.2.3.", ".1.2.3", "1..2.3",
            // zone ids
            "fe80::1%eth0", "fe80::1%1",
            // too many or too few groups
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:1.2.3.4",
            // colons in the wrong places
            ":::", "1::2::3", "1:", ":1", ":1::2", "1::2:", "1:::2",
            // bad groups and tails
            "12345::", "::g", "::1.2.3", "::1.2.3.04", "::ffff:256.1.1.1", "1.2.3.4::", "::1.2.3.4:5",
            // empty and spaces (netaddr also takes a trailing space)
            "", " ", " 1.2.3.4", "1.2.3.4 ", "1. 2.3.4", ":: 1", " ::1",
            // digits that are not ASCII
            "\u0661.2.3.4", "::\uff11",
        })
        void malformed(String text) {
            assertThatThrownBy(() -> IpAddress.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("failed to detect a valid IP address from '" + text + "'");
        }

        @Test
        @DisplayName("null")
        void nullText() {
            assertThatThrownBy(() -> IpAddress.parse(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("null");
        }

        @Test
        @DisplayName("byte arrays of a length other than 4 or 16")
        void badLength() {
            assertThatThrownBy(() -> IpAddress.ofBytes(new byte[5]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an IP address has 4 or 16 bytes, not 5");
        }
    }

    @Nested
    @DisplayName("as a value")
    class AsValue {

        @Test
        @DisplayName("exposes its bytes in network order, as a copy")
        void bytes() {
            IpAddress a = IpAddress.parse("::ffff:1.2.3.4");
            byte[] b = a.toBytes();
            assertThat(b).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4);
            b[15] = 9;
            assertThat(a).hasToString("::ffff:1.2.3.4");
            assertThat(IpAddress.parse("192.168.0.1").toBytes()).containsExactly(192, 168, 0, 1);
        }

        @Test
        @DisplayName("is built from bytes without keeping the caller's array")
        void ofBytes() {
            byte[] b = {10, 0, 0, 1};
            IpAddress a = IpAddress.ofBytes(b);
            b[0] = 11;
            assertThat(a).hasToString("10.0.0.1").isEqualTo(IpAddress.parse("10.0.0.1"));
        }

        @Test
        @DisplayName("equals another spelling of the same address, with the same hash code")
        void equality() {
            IpAddress a = IpAddress.parse("2001:DB8:0:0:0:0:0:1");
            IpAddress b = IpAddress.parse("2001:db8::1");
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(IpAddress.parse("::ffff:1.2.3.4")).isNotEqualTo(IpAddress.parse("1.2.3.4"));
            assertThat(IpAddress.parse("::1")).isNotEqualTo(IpAddress.parse("::2"));
        }
    }
}
