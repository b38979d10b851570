package org.osvif.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OvsdbEndpointTest {

    @Test
    void unixSocket() {
        OvsdbEndpoint c = OvsdbEndpoint.parse("unix:/run/openvswitch/db.sock", "ovsdb_connection");
        assertThat(c.kind()).isEqualTo(OvsdbEndpoint.Kind.UNIX);
        assertThat(c.path()).isEqualTo("/run/openvswitch/db.sock");
        assertThat(c.host()).isNull();
        assertThat(c).hasToString("unix:/run/openvswitch/db.sock");
    }

    @Test
    void upstreamsDefault() {
        OvsdbEndpoint c = OvsdbEndpoint.parse("tcp:127.0.0.1:6640", "ovsdb_connection");
        assertThat(c.kind()).isEqualTo(OvsdbEndpoint.Kind.TCP);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(6640);
        assertThat(c.path()).isNull();
    }

    @Test
    void sslIpv6AndDefaultPort() {
        OvsdbEndpoint c = OvsdbEndpoint.parse("ssl:[fd00::1]:6641", "ovsdb_connection");
        assertThat(c.kind()).isEqualTo(OvsdbEndpoint.Kind.SSL);
        assertThat(c.host()).isEqualTo("fd00::1");
        assertThat(c.port()).isEqualTo(6641);
        assertThat(OvsdbEndpoint.parse("tcp:10.0.0.1", "ovsdb_connection").port()).isEqualTo(OvsdbEndpoint.DEFAULT_PORT);
        assertThat(OvsdbEndpoint.parse("tcp:[::1]", "ovsdb_connection").host()).isEqualTo("::1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix:db.sock", "unix:/tmp/x/db.sock",
        "tcp:0.0.0.0:1", "tcp:255.255.255.255:65535", "tcp:ovsdb.example.org:6640", "tcp:localhost",
        "ssl:[::ffff:10.0.0.1]:6640", "tcp:[2001:db8::1]:6640"})
    void accepted(String text) {
        assertThat(OvsdbEndpoint.parse(text, "ovsdb_connection").text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/run/openvswitch/db.sock", "unix:", "punix:/tmp/db.sock", "ptcp:6640",
        "pssl:6640:127.0.0.1", "tcp:", "tcp::6640", "tcp:127.0.0.1:", "tcp:127.0.0.1:0", "tcp:127.0.0.1:65536",
        "tcp:127.0.0.1:6640:1", "tcp:256.0.0.1:6640", "tcp:1.2.3:6640", "tcp:::1:6640", "tcp:[::1:6640",
        "tcp:[zz::1]:6640", "tcp:[127.0.0.1]:6640", "tcp:host name:6640", "tcp:-host:6640",
        "tcp:127.0.0.1:6640,tcp:127.0.0.2:6640", "unix:/a.sock,unix:/b.sock", "unix:/tmp/db\n.sock",
        "http://127.0.0.1:6640", "TCP:127.0.0.1:6640"})
    void refusedNamingTheValue(String text) {
        assertThatThrownBy(() -> OvsdbEndpoint.parse(text, "ovsdb_connection"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid ovsdb_connection '" + text + "': ")
                .hasMessageEndingWith("expected unix:PATH, tcp:IP:PORT or ssl:IP:PORT");
    }

    @Test
    void passiveFormsSaySo() {
        assertThatThrownBy(() -> OvsdbEndpoint.parse("ptcp:6640", "ovsdb_connection"))
                .hasMessageContaining("passive connections are not supported");
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> OvsdbEndpoint.parse(null, "ovsdb_connection"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid ovsdb_connection null: it is missing");
    }

    @Test
    void namesTheEndpointByDefault() {
        assertThatThrownBy(() -> OvsdbEndpoint.parse("ptcp:6640"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid OVSDB endpoint 'ptcp:6640': ");
    }
}
