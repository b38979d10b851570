package org.osvif.ovsdb;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One mutation of a {@code mutate} operation: {@code [column, mutator, value]} (RFC 7047 5.2.4).
 *
 * @param column the column
 * @param mutator one of {@code += -= *= /= %= insert delete}
 * @param value the operand
 */
public record Mutation(String column, String mutator, Object value) {
    private static final Set<String> MUTATORS = Set.of("+=", "-=", "*=", "/=", "%=", "insert", "delete");

    /**
     * Checks the parts.
     *
     * @param column see the record component
     * @param mutator see the record component
     * @param value see the record component
     */
    public Mutation {
        Objects.requireNonNull(column, "column");
        if (!MUTATORS.contains(mutator)) {
            throw new IllegalArgumentException("unknown mutator '" + mutator + "'; expected one of "
                    + "+= -= *= /= %= insert delete");
        }
        value = OvsdbValues.value(value);
    }

    /**
     * @param column a set or map column
     * @param value the members (a set or map, or one atom) to add
     * @return the insert mutation
     */
    public static Mutation insert(String column, Object value) {
        return new Mutation(column, "insert", value);
    }

    /**
     * @param column a set or map column
     * @param value the members to remove (for a map: a map, or a set of keys)
     * @return the delete mutation
     */
    public static Mutation delete(String column, Object value) {
        return new Mutation(column, "delete", value);
    }

    /** @return the JSON form */
    ArrayNode toJson() {
        return JsonNodeFactory.instance.arrayNode().add(column).add(mutator).add(OvsdbValues.toJson(value));
    }
}
