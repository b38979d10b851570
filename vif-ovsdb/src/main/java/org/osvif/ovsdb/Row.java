package org.osvif.ovsdb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** One row of a {@link Replica}: its UUID and the replicated columns' values; immutable. */
public final class Row {
    private final Uuid uuid;
    private final Map<String, Object> columns;

    private Row(Uuid uuid, Map<String, Object> columns) {
        this.uuid = uuid;
        this.columns = columns;
    }

    /**
     * @param uuid the row's UUID
     * @param columns the columns' values (String, Long, Double, Boolean, Uuid, OvsdbSet, OvsdbMap)
     * @return the row (e.g. for a test double of a replica)
     */
    public static Row of(Uuid uuid, Map<String, Object> columns) {
        Map<String, Object> copy = new LinkedHashMap<>();
        columns.forEach((k, v) -> copy.put(Objects.requireNonNull(k), OvsdbValues.value(v)));
        return new Row(Objects.requireNonNull(uuid, "uuid"), Collections.unmodifiableMap(copy));
    }

    /** @return the row's UUID */
    public Uuid uuid() {
        return uuid;
    }

    /**
     * @param column a column
     * @return its decoded value, or null when the column is not replicated
     */
    public Object get(String column) {
        return columns.get(column);
    }

    /**
     * @param column a column
     * @return its string, when it is a string atom or a set of one string
     */
    public Optional<String> string(String column) {
        Object v = single(column);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /**
     * @param column a column
     * @return its integer, when it is an integer atom or a set of one integer
     */
    public OptionalLong integer(String column) {
        Object v = single(column);
        return v instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }

    private Object single(String column) {
        Object v = columns.get(column);
        if (v instanceof OvsdbSet set) {
            return set.members().size() == 1 ? set.members().get(0) : null;
        }
        return v;
    }

    /**
     * @param column a column
     * @return an atom as a list of one, a set's members; empty when unset or not replicated
     */
    public List<Object> set(String column) {
        Object v = columns.get(column);
        if (v == null || v instanceof OvsdbMap) {
            return List.of();
        }
        return v instanceof OvsdbSet set ? set.members() : List.of(v);
    }

    /**
     * @param column a map column
     * @return its entries, empty when it is empty or not replicated
     */
    public Map<Object, Object> map(String column) {
        Object v = columns.get(column);
        return v instanceof OvsdbMap m ? m.entries() : Map.of();
    }

    /** @return the replicated columns */
    public Set<String> columns() {
        return columns.keySet();
    }

    /** @return the columns as a map (immutable) */
    Map<String, Object> values() {
        return columns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.uuid.equals(uuid) && r.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return uuid.hashCode() * 31 + columns.hashCode();
    }

    @Override
    public String toString() {
        return uuid + columns.toString();
    }
}
