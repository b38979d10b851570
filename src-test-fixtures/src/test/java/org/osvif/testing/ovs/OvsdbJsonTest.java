package org.osvif.testing.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class OvsdbJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Object value(String json) throws Exception {
        return OvsdbJson.value(MAPPER.readTree(json));
    }

    @Nested
    @DisplayName("values")
    class Values {
        @Test
        @DisplayName("atoms: strings, integers as Long, reals as Double, booleans")
        void atoms() throws Exception {
            assertThat(value("\"br0\"")).isEqualTo("br0");
            assertThat(value("4095")).isEqualTo(4095L);
            assertThat(value("1.5")).isEqualTo(1.5d);
            assertThat(value("true")).isEqualTo(true);
            assertThat(value("null")).isNull();
        }

        @Test
        @DisplayName("[\"uuid\", x] and [\"named-uuid\", x] are the string x")
        void uuids() throws Exception {
            assertThat(value("[\"uuid\",\"5542d025-41c9-4d34-ba70-480fbb17a1e4\"]"))
                    .isEqualTo("5542d025-41c9-4d34-ba70-480fbb17a1e4");
            assertThat(value("[\"named-uuid\",\"row1\"]")).isEqualTo("row1");
        }

        @Test
        @DisplayName("[\"set\", [...]] is a List of decoded atoms; the empty set is List.of()")
        void sets() throws Exception {
            assertThat(value("[\"set\",[]]")).isEqualTo(List.of());
            assertThat(value("[\"set\",[1,2,3]]")).isEqualTo(List.of(1L, 2L, 3L));
            assertThat(value("[\"set\",[[\"uuid\",\"a\"],[\"uuid\",\"b\"]]]")).isEqualTo(List.of("a", "b"));
        }

        @Test
        @DisplayName("[\"map\", [[k, v], ...]] is a Map in printed order")
        void maps() throws Exception {
            Object map = value("[\"map\",[[\"iface-id\",\"abc\"],[\"attached-mac\",\"fa:16:3e:00:00:01\"]]]");
            assertThat(map).isEqualTo(Map.of("iface-id", "abc", "attached-mac", "fa:16:3e:00:00:01"));
            assertThat(List.copyOf(((Map<?, ?>) map).keySet())).isEqualTo(List.of("iface-id", "attached-mac"));
            assertThat(value("[\"map\",[]]")).isEqualTo(Map.of());
            assertThat(value("[\"map\",[[1,[\"uuid\",\"q\"]]]]")).isEqualTo(Map.of(1L, "q"));
        }

        @Test
        @DisplayName("anything else is refused")
        void refused() {
            assertThatThrownBy(() -> value("[\"bag\",[]]")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> value("[1,2,3]")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> value("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("a table from ovs-vsctl --format=json list: one map per row, heading -> decoded value")
    void table() {
        String json = "{\"data\":[[[\"uuid\",\"c35a4aa8-ade8-4a61-9947-f1cde3533cbf\"],[\"map\",[[\"a\",\"b\"]]],"
                + "[\"uuid\",\"5542d025-41c9-4d34-ba70-480fbb17a1e4\"],\"br0\",[\"set\",[]],[\"set\",[]]]],"
                + "\"headings\":[\"_uuid\",\"external_ids\",\"interfaces\",\"name\",\"tag\",\"trunks\"]}";

        List<Map<String, Object>> rows = OvsdbJson.table(json);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly(
                Map.entry("_uuid", "c35a4aa8-ade8-4a61-9947-f1cde3533cbf"),
                Map.entry("external_ids", Map.of("a", "b")),
                Map.entry("interfaces", "5542d025-41c9-4d34-ba70-480fbb17a1e4"),
                Map.entry("name", "br0"),
                Map.entry("tag", List.of()),
                Map.entry("trunks", List.of()));
        assertThat(OvsdbJson.table("{\"data\":[],\"headings\":[\"_uuid\"]}")).isEmpty();
        assertThatThrownBy(() -> OvsdbJson.table("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OvsdbJson.table("{\"data\":[[1]],\"headings\":[\"a\",\"b\"]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not have 2 columns");
    }

    @Nested
    @DisplayName("ovsdb-client monitor --format=json lines (as printed by Open vSwitch 3.1)")
    class Monitor {
        private static final String HEADINGS = "\"headings\":[\"row\",\"action\",\"name\",\"tag\"]}";

        @Test
        @DisplayName("initial, insert and delete rows keep their action")
        void plainActions() {
            assertThat(OvsdbJson.monitorUpdates("{\"data\":[[\"u1\",\"initial\",\"br0\",[\"set\",[]]],"
                    + "[\"u2\",\"initial\",\"p2\",5]]," + HEADINGS)).containsExactly(
                            Map.of("_uuid", "u1", "action", "initial", "name", "br0", "tag", List.of()),
                            Map.of("_uuid", "u2", "action", "initial", "name", "p2", "tag", 5L));
            assertThat(OvsdbJson.monitorUpdates("{\"data\":[[\"u3\",\"insert\",\"p1\",4095]]," + HEADINGS))
                    .containsExactly(Map.of("_uuid", "u3", "action", "insert", "name", "p1", "tag", 4095L));
            assertThat(OvsdbJson.monitorUpdates("{\"data\":[[\"u3\",\"delete\",\"p1\",10]]," + HEADINGS))
                    .containsExactly(Map.of("_uuid", "u3", "action", "delete", "name", "p1", "tag", 10L));
        }

        @Test
        @DisplayName("an old/new pair is one modify: the new values, the row's UUID, and _old with what changed")
        void modify() {
            List<Map<String, Object>> updates = OvsdbJson.monitorUpdates(
                    "{\"data\":[[\"u3\",\"old\",null,4095],[\"\",\"new\",\"p1\",10],"
                            + "[\"u4\",\"old\",\"a\",null],[\"\",\"new\",\"b\",1]]," + HEADINGS);

            assertThat(updates).containsExactly(
                    Map.of("_uuid", "u3", "action", "modify", "name", "p1", "tag", 10L, "_old", Map.of("tag", 4095L)),
                    Map.of("_uuid", "u4", "action", "modify", "name", "b", "tag", 1L, "_old", Map.of("name", "a")));
        }

        @Test
        @DisplayName("other JSON is refused")
        void refused() {
            assertThatThrownBy(() -> OvsdbJson.monitorUpdates("{\"data\":[],\"headings\":[\"_uuid\",\"name\"]}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not ovsdb-client monitor");
        }
    }
}
