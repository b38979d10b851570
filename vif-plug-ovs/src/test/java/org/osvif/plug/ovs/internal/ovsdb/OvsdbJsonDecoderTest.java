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
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding OVSDB JSON; the tables are verbatim output of ovs-vsctl 3.1 ({@code --oneline --format=json}). */
class OvsdbJsonDecoderTest {
    private static final String PORT_UUID = "1adc9a08-cf7e-4b4f-ba63-63a4c80decdd";
    private static final String QOS_UUID = "af23f8c2-8f6e-44d5-ae40-f005b60e1f8e";
    private static final String QUEUE_UUID = "fb3e14c9-b3c2-44d6-ba87-1571fb210d9b";

    @Nested
    @DisplayName("values (RFC 7047 section 5.1)")
    class Values {

        @Test
        void strings() {
            assertThat(OvsdbJsonDecoder.value("\"trunk\"")).isEqualTo(OvsdbValue.of("trunk"));
            assertThat(OvsdbJsonDecoder.value("\"\"")).isEqualTo(OvsdbValue.of(""));
            assertThat(OvsdbJsonDecoder.value("\"q\\\"uo\\\\te\\n\\u00e9\"")).isEqualTo(OvsdbValue.of("q\"uo\\te\né"));
        }

        @Test
        void integers() {
            assertThat(OvsdbJsonDecoder.value("4095")).isEqualTo(OvsdbValue.of(4095));
            assertThat(OvsdbJsonDecoder.value("-1")).isEqualTo(OvsdbValue.of(-1));
            assertThat(OvsdbJsonDecoder.value("9223372036854775807")).isEqualTo(OvsdbValue.of(Long.MAX_VALUE));
        }

        @Test
        void integersBeyond64BitsAreRefused() {
            assertThatThrownBy(() -> OvsdbJsonDecoder.value("9223372036854775808"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64-bit");
        }

        @Test
        void realsBecomeText() {
            assertThat(OvsdbJsonDecoder.value("1.5")).isEqualTo(OvsdbValue.of("1.5"));
        }

        @Test
        void booleans() {
            assertThat(OvsdbJsonDecoder.value("true")).isEqualTo(OvsdbValue.of(true));
            assertThat(OvsdbJsonDecoder.value("false")).isEqualTo(OvsdbValue.of(false));
        }

        @Test
        void uuids() {
            assertThat(OvsdbJsonDecoder.value("[\"uuid\",\"" + QOS_UUID + "\"]")).isEqualTo(OvsdbValue.uuid(QOS_UUID));
        }

        @Test
        void namedUuids() {
            assertThat(OvsdbJsonDecoder.value("[\"named-uuid\",\"qos\"]")).isEqualTo(OvsdbValue.ref("qos"));
        }

        @Test
        void sets() {
            assertThat(OvsdbJsonDecoder.value("[\"set\",[]]")).isEqualTo(OvsdbValue.EMPTY);
            assertThat(OvsdbJsonDecoder.value("[\"set\",[1,2,4095]]"))
                    .isEqualTo(OvsdbValue.set(List.of(OvsdbValue.of(1), OvsdbValue.of(2), OvsdbValue.of(4095))));
            assertThat(OvsdbJsonDecoder.value("[\"set\",[[\"uuid\",\"" + PORT_UUID + "\"],[\"uuid\",\"" + QOS_UUID
                    + "\"]]]")).isEqualTo(OvsdbValue.set(List.of(OvsdbValue.uuid(PORT_UUID), OvsdbValue.uuid(QOS_UUID))));
            assertThat(OvsdbJsonDecoder.value("[\"set\",[\"a\",\"b\"]]"))
                    .isEqualTo(OvsdbValue.set(List.of(OvsdbValue.of("a"), OvsdbValue.of("b"))));
        }

        @Test
        void stringMapsKeepTheirOrder() {
            OvsdbValue value = OvsdbJsonDecoder.value("[\"map\",[[\"b\",\"2\"],[\"a\",\"1\"],[\"e\",\"\"]]]");
            assertThat(value).isEqualTo(OvsdbValue.map(Map.of("a", "1", "b", "2", "e", "")));
            assertThat(((OvsdbValue.StringMap) value).entries().keySet()).containsExactly("b", "a", "e");
            assertThat(OvsdbJsonDecoder.value("[\"map\",[]]")).isEqualTo(OvsdbValue.map(Map.of()));
        }

        @Test
        void otherMapsBecomeTheTextOfTheirAtoms() {
            // QoS queues: {integer: uuid}; Interface statistics: {string: integer}
            assertThat(OvsdbJsonDecoder.value("[\"map\",[[0,[\"uuid\",\"" + QUEUE_UUID + "\"]]]]"))
                    .isEqualTo(OvsdbValue.map(Map.of("0", QUEUE_UUID)));
            assertThat(OvsdbJsonDecoder.value("[\"map\",[[\"rx_packets\",12],[\"up\",true]]]"))
                    .isEqualTo(OvsdbValue.map(Map.of("rx_packets", "12", "up", "true")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"null", "{}", "[]", "[1,2]", "[\"set\",[[\"set\",[]]]]", "[\"set\",[{}]]",
            "[\"map\",[[\"k\"]]]", "[\"map\",[\"k\",\"v\"]]", "[\"uuid\",\"not-a-uuid\"]", "[\"named-uuid\",\"Bad-Name\"]",
            "[\"bogus\",\"x\"]", "[\"set\",\"x\"]"})
        void nonValuesAreRefused(String json) {
            assertThatThrownBy(() -> OvsdbJsonDecoder.value(json)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void nonJsonIsRefused() {
            assertThatThrownBy(() -> OvsdbJsonDecoder.value("ovs-vsctl: oops"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON: ovs-vsctl: oops");
            assertThatThrownBy(() -> OvsdbJsonDecoder.value(""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("expected OVSDB JSON, got nothing");
        }
    }

    @Nested
    @DisplayName("tables printed by ovs-vsctl")
    class Tables {

        @Test
        void findPort() {
            String json = "{\"data\":[[[\"uuid\",\"" + PORT_UUID + "\"],\"tap0\",4095,4095,\"trunk\",[\"uuid\",\""
                    + QOS_UUID + "\"]]],\"headings\":[\"_uuid\",\"name\",\"tag\",\"trunks\",\"vlan_mode\",\"qos\"]}\n";
            List<Map<String, OvsdbValue>> rows = OvsdbJsonDecoder.table(json);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsExactly(
                    Map.entry("_uuid", OvsdbValue.uuid(PORT_UUID)),
                    Map.entry("name", OvsdbValue.of("tap0")),
                    Map.entry("tag", OvsdbValue.of(4095)),
                    // a one-element set arrives as the element
                    Map.entry("trunks", OvsdbValue.of(4095)),
                    Map.entry("vlan_mode", OvsdbValue.of("trunk")),
                    Map.entry("qos", OvsdbValue.uuid(QOS_UUID)));
        }

        @Test
        void listInterfaceWithMapsAndAwkwardStrings() {
            String json = "{\"data\":[[\"tap0\",[\"map\",[[\"attached-mac\",\"fa:16:3e:11:22:33\"],[\"iface-id\","
                    + "\"5d8b9a4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f\"],[\"iface-status\",\"active\"],[\"vm-uuid\","
                    + "\"7f3c2a1b-0000-4000-8000-000000000001\"],[\"weird\",\"q\\\"uo\\\\te,{}=:[]é😀\\n\"]]],"
                    + "[\"map\",[[\"vhost-server-path\",\"/var/run/openvswitch/vhu0\"]]],\"dpdkvhostuserclient\","
                    + "9000,[\"set\",[]]]],\"headings\":[\"name\",\"external_ids\",\"options\",\"type\",\"mtu_request\","
                    + "\"ofport\"]}\n";
            Map<String, OvsdbValue> row = OvsdbJsonDecoder.table(json).get(0);
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put("attached-mac", "fa:16:3e:11:22:33");
            ids.put("iface-id", "5d8b9a4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f");
            ids.put("iface-status", "active");
            ids.put("vm-uuid", "7f3c2a1b-0000-4000-8000-000000000001");
            ids.put("weird", "q\"uo\\te,{}=:[]é\uD83D\uDE00\n");
            assertThat(row).containsExactly(
                    Map.entry("name", OvsdbValue.of("tap0")),
                    Map.entry("external_ids", OvsdbValue.map(ids)),
                    Map.entry("options", OvsdbValue.map(Map.of("vhost-server-path", "/var/run/openvswitch/vhu0"))),
                    Map.entry("type", OvsdbValue.of("dpdkvhostuserclient")),
                    Map.entry("mtu_request", OvsdbValue.of(9000)),
                    Map.entry("ofport", OvsdbValue.EMPTY));
        }

        @Test
        void listBridgeWithBooleansAndSets() {
            String json = "{\"data\":[[\"br-int\",false,[\"set\",[]],\"netdev\",[\"set\",[[\"uuid\",\"" + PORT_UUID
                    + "\"],[\"uuid\",\"a4ec71b3-f73e-441d-850f-f00c2f2a4905\"]]]]],\"headings\":[\"name\",\"stp_enable\","
                    + "\"flood_vlans\",\"datapath_type\",\"ports\"]}";
            Map<String, OvsdbValue> row = OvsdbJsonDecoder.table(json).get(0);
            assertThat(row.get("stp_enable")).isEqualTo(OvsdbValue.of(false));
            assertThat(row.get("flood_vlans")).isEqualTo(OvsdbValue.EMPTY);
            assertThat(row.get("ports")).isEqualTo(OvsdbValue.set(List.of(OvsdbValue.uuid(PORT_UUID),
                    OvsdbValue.uuid("a4ec71b3-f73e-441d-850f-f00c2f2a4905"))));
        }

        @Test
        void noRows() {
            assertThat(OvsdbJsonDecoder.table("{\"data\":[],\"headings\":[\"tag\"]}\n")).isEmpty();
        }

        @Test
        void severalRows() {
            String json = "{\"data\":[[\"tap1\",[\"map\",[]]],[\"br0\",[\"map\",[]]]],"
                    + "\"headings\":[\"name\",\"external_ids\"]}";
            assertThat(OvsdbJsonDecoder.table(json)).extracting(row -> row.get("name"))
                    .containsExactly(OvsdbValue.of("tap1"), OvsdbValue.of("br0"));
        }

        @Test
        void rowsAreUnmodifiable() {
            List<Map<String, OvsdbValue>> rows = OvsdbJsonDecoder.table("{\"data\":[[1]],\"headings\":[\"tag\"]}");
            assertThatThrownBy(() -> rows.get(0).put("x", OvsdbValue.EMPTY))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(rows::clear).isInstanceOf(UnsupportedOperationException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "{\"data\":[]}", "{\"headings\":[]}", "{\"data\":{},\"headings\":[]}",
            "{\"data\":[[1,2]],\"headings\":[\"tag\"]}", "{\"data\":[[1]],\"headings\":[1]}",
            "{\"data\":[],\"headings\":[\"a\"]}\n{\"data\":[],\"headings\":[\"b\"]}"})
        void malformedTablesAreRefused(String json) {
            assertThatThrownBy(() -> OvsdbJsonDecoder.table(json)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
