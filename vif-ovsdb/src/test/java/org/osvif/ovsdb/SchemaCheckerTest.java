package org.osvif.ovsdb;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The schema's limits (enum, integer and real range, string length, set size) refused before sending. */
class SchemaCheckerTest {
    private static final SchemaChecker CHECKER = new SchemaChecker(DatabaseSchema.parse(ScriptedPeer.SCHEMA));
    private static final List<Condition> PORT_P = List.of(Condition.eq("name", "p"));

    private static void check(Operation... ops) {
        CHECKER.check(List.of(ops));
    }

    private static Operation updatePort(String column, Object value) {
        return Operation.update("Port", PORT_P, Map.of(column, value));
    }

    @Test
    @DisplayName("an integer outside minInteger..maxInteger: Port.tag must be between 0 and 4095, not 5000")
    void integerRange() {
        assertThatThrownBy(() -> check(Operation.comment("x"), updatePort("tag", 5000)))
                .isInstanceOf(OvsdbSchemaException.class)
                .hasMessage("operation 1 (update): Port.tag must be between 0 and 4095, not 5000 (database "
                        + "Open_vSwitch)");
        assertThatThrownBy(() -> check(Operation.insert("Port", Map.of("name", "p", "tag", OvsdbSet.of(-1L)),
                null))).hasMessageContaining("Port.tag must be between 0 and 4095, not -1");
        assertThatCode(() -> check(updatePort("tag", 0), updatePort("tag", 4095), updatePort("tag", OvsdbSet.EMPTY)))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a value outside the column's enum, naming the values allowed")
    void enumeration() {
        assertThatThrownBy(() -> check(updatePort("vlan_mode", "trunc")))
                .isInstanceOf(OvsdbSchemaException.class)
                .hasMessageContaining("Port.vlan_mode must be one of \"trunk\", \"access\", \"native-tagged\", "
                        + "\"native-untagged\", \"dot1q-tunnel\", not \"trunc\"");
        assertThatCode(() -> check(updatePort("vlan_mode", "access"))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a map's keys and values are checked against their own constraints, and its size against max")
    void mapConstraints() {
        assertThatThrownBy(() -> check(updatePort("options", OvsdbMap.of(Map.of("d", 1L)))))
                .hasMessageContaining("Port.options must be one of \"a\", \"b\", \"c\", not \"d\"");
        assertThatThrownBy(() -> check(updatePort("options", OvsdbMap.of(Map.of("a", 10L)))))
                .hasMessageContaining("Port.options must be at most 9, not 10");
        assertThatThrownBy(() -> check(updatePort("options", OvsdbMap.of(Map.of("a", 1L, "b", 2L, "c", 3L)))))
                .hasMessageContaining("Port.options takes 0 to 2 elements, not 3");
        assertThatCode(() -> check(updatePort("options", OvsdbMap.of(Map.of("a", 9L, "c", 0L)))))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a string shorter than minLength or longer than maxLength (in characters, not bytes)")
    void stringLength() {
        assertThatThrownBy(() -> check(updatePort("description", "ninechars")))
                .hasMessageContaining("Port.description must be 1 to 8 characters long, not 9 (\"ninechars\")");
        assertThatThrownBy(() -> check(updatePort("description", "")))
                .hasMessageContaining("Port.description must be 1 to 8 characters long, not 0");
        // Eight characters, sixteen UTF-8 bytes: allowed.
        assertThatCode(() -> check(updatePort("description", "éééééééé"))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a real outside minReal..maxReal")
    void realRange() {
        assertThatThrownBy(() -> check(updatePort("weight", 1.5)))
                .hasMessageContaining("Port.weight must be between 0.0 and 1.0, not 1.5");
        assertThatCode(() -> check(updatePort("weight", 0.5), updatePort("weight", 1L))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a set with more members than max")
    void setSize() {
        List<Object> trunks = new ArrayList<>();
        for (long i = 0; i < 4097; i++) {
            trunks.add(i);
        }
        assertThatThrownBy(() -> check(updatePort("trunks", new OvsdbSet(trunks))))
                .hasMessageContaining("Port.trunks takes 0 to 4096 elements, not 4097 (")
                .hasMessageContaining("database Open_vSwitch");
        assertThatThrownBy(() -> check(updatePort("tag", OvsdbSet.of(1L, 2L))))
                .hasMessageContaining("Port.tag takes 0 to 1 elements, not 2");
        assertThatCode(() -> check(updatePort("trunks", new OvsdbSet(trunks.subList(0, 4096)))))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("mutate insert checks the members' constraints; conditions and arithmetic operands are not limited")
    void mutationsAndConditions() {
        assertThatThrownBy(() -> check(Operation.mutate("Port", PORT_P, List.of(Mutation.insert("options",
                OvsdbMap.of(Map.of("z", 1L)))))))
                .hasMessageContaining("Port.options must be one of");
        // A condition outside the range matches nothing; the server takes it, so do we.
        assertThatCode(() -> check(Operation.select("Port", List.of(Condition.eq("tag", 5000L)), null),
                Operation.delete("Port", List.of(new Condition("vlan_mode", "!=", "other")))))
                .doesNotThrowAnyException();
        // A delete of members that cannot be there is harmless.
        assertThatCode(() -> check(Operation.mutate("Port", PORT_P, List.of(Mutation.delete("trunks",
                OvsdbSet.of(9000L)))))).doesNotThrowAnyException();
    }
}
