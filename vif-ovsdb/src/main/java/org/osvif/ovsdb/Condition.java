package org.osvif.ovsdb;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One clause of a {@code where}: {@code [column, function, value]} (RFC 7047 5.1).
 *
 * @param column the column, or {@code _uuid}
 * @param function one of {@code == != < <= > >= includes excludes}
 * @param value the value compared with
 */
public record Condition(String column, String function, Object value) {
    private static final Set<String> FUNCTIONS = Set.of("==", "!=", "<", "<=", ">", ">=", "includes", "excludes");

    /**
     * Checks the parts.
     *
     * @param column see the record component
     * @param function see the record component
     * @param value see the record component
     */
    public Condition {
        Objects.requireNonNull(column, "column");
        if (!FUNCTIONS.contains(function)) {
            throw new IllegalArgumentException("unknown condition function '" + function + "'; expected one of "
                    + "== != < <= > >= includes excludes");
        }
        value = OvsdbValues.value(value);
    }

    /**
     * @param column the column
     * @param value the value it must equal
     * @return {@code [column, "==", value]}
     */
    public static Condition eq(String column, Object value) {
        return new Condition(column, "==", value);
    }

    /**
     * @param uuid the row's UUID
     * @return {@code ["_uuid", "==", ["uuid", ...]]}
     */
    public static Condition uuidIs(Uuid uuid) {
        return new Condition("_uuid", "==", uuid);
    }

    /** @return the JSON form */
    ArrayNode toJson() {
        return JsonNodeFactory.instance.arrayNode().add(column).add(function).add(OvsdbValues.toJson(value));
    }
}
