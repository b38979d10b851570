package org.osvif.ovsdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one implementation of {@link Operation}: keeps the parts in their Java form (the schema check reads
 * them) and builds the JSON once.
 */
final class TableOperation implements Operation {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String op;
    private final String table;
    private final Map<String, Object> row;
    private final List<Condition> where;
    private final List<Mutation> mutations;
    private final List<String> columns;
    private final List<Map<String, Object>> rows;
    private final ObjectNode json;

    private TableOperation(String op, String table, Map<String, Object> row, List<Condition> where,
            List<Mutation> mutations, List<String> columns, List<Map<String, Object>> rows, ObjectNode json) {
        this.op = op;
        this.table = table;
        this.row = row;
        this.where = where;
        this.mutations = mutations;
        this.columns = columns;
        this.rows = rows;
        this.json = json;
    }

    static TableOperation insert(String table, Map<String, Object> row, String uuidName) {
        Map<String, Object> r = row(row);
        ObjectNode json = base("insert", table).set("row", rowJson(r));
        if (uuidName != null) {
            json.put("uuid-name", new NamedUuid(uuidName).name());
        }
        return new TableOperation("insert", table, r, List.of(), List.of(), null, List.of(), json);
    }

    static TableOperation select(String table, List<Condition> where, List<String> columns) {
        List<Condition> w = List.copyOf(Objects.requireNonNull(where, "where"));
        List<String> c = columns == null ? null : List.copyOf(columns);
        ObjectNode json = base("select", table).set("where", whereJson(w));
        if (c != null) {
            json.set("columns", names(c));
        }
        return new TableOperation("select", table, Map.of(), w, List.of(), c, List.of(), json);
    }

    static TableOperation update(String table, List<Condition> where, Map<String, Object> row) {
        List<Condition> w = List.copyOf(Objects.requireNonNull(where, "where"));
        Map<String, Object> r = row(row);
        ObjectNode json = base("update", table).set("where", whereJson(w));
        json.set("row", rowJson(r));
        return new TableOperation("update", table, r, w, List.of(), null, List.of(), json);
    }

    static TableOperation mutate(String table, List<Condition> where, List<Mutation> mutations) {
        List<Condition> w = List.copyOf(Objects.requireNonNull(where, "where"));
        List<Mutation> m = List.copyOf(Objects.requireNonNull(mutations, "mutations"));
        ObjectNode json = base("mutate", table).set("where", whereJson(w));
        ArrayNode ms = json.putArray("mutations");
        m.forEach(x -> ms.add(x.toJson()));
        return new TableOperation("mutate", table, Map.of(), w, m, null, List.of(), json);
    }

    static TableOperation delete(String table, List<Condition> where) {
        List<Condition> w = List.copyOf(Objects.requireNonNull(where, "where"));
        ObjectNode json = base("delete", table).set("where", whereJson(w));
        return new TableOperation("delete", table, Map.of(), w, List.of(), null, List.of(), json);
    }

    static TableOperation waitFor(String table, List<Condition> where, List<String> columns, String until,
            List<Map<String, Object>> rows, Long timeoutMillis) {
        if (!"==".equals(until) && !"!=".equals(until)) {
            throw new IllegalArgumentException("wait: until must be == or !=, not " + until);
        }
        if (timeoutMillis != null && timeoutMillis < 0) {
            throw new IllegalArgumentException("wait: timeout must not be negative: " + timeoutMillis);
        }
        List<Condition> w = List.copyOf(Objects.requireNonNull(where, "where"));
        List<String> c = List.copyOf(Objects.requireNonNull(columns, "columns"));
        List<Map<String, Object>> rs = new ArrayList<>();
        for (Map<String, Object> r : Objects.requireNonNull(rows, "rows")) {
            rs.add(row(r));
        }
        ObjectNode json = base("wait", table);
        if (timeoutMillis != null) {
            json.put("timeout", timeoutMillis.longValue());
        }
        json.set("where", whereJson(w));
        json.set("columns", names(c));
        json.put("until", until);
        ArrayNode rj = json.putArray("rows");
        rs.forEach(r -> rj.add(rowJson(r)));
        return new TableOperation("wait", table, Map.of(), w, List.of(), c, List.copyOf(rs), json);
    }

    static TableOperation commit(boolean durable) {
        ObjectNode json = JSON.objectNode().put("op", "commit").put("durable", durable);
        return new TableOperation("commit", null, Map.of(), List.of(), List.of(), null, List.of(), json);
    }

    static TableOperation simple(String op) {
        return new TableOperation(op, null, Map.of(), List.of(), List.of(), null, List.of(),
                JSON.objectNode().put("op", op));
    }

    static TableOperation comment(String text) {
        ObjectNode json = JSON.objectNode().put("op", "comment").put("comment", Objects.requireNonNull(text));
        return new TableOperation("comment", null, Map.of(), List.of(), List.of(), null, List.of(), json);
    }

    static TableOperation assertLock(String lock) {
        ObjectNode json = JSON.objectNode().put("op", "assert").put("lock", Objects.requireNonNull(lock));
        return new TableOperation("assert", null, Map.of(), List.of(), List.of(), null, List.of(), json);
    }

    private static ObjectNode base(String op, String table) {
        return JSON.objectNode().put("op", op).put("table", Objects.requireNonNull(table, "table"));
    }

    private static Map<String, Object> row(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        Objects.requireNonNull(row, "row").forEach((k, v) -> {
            try {
                copy.put(Objects.requireNonNull(k, "column"), OvsdbValues.value(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + k + ": " + e.getMessage(), e);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static ObjectNode rowJson(Map<String, Object> row) {
        ObjectNode json = JSON.objectNode();
        row.forEach((k, v) -> json.set(k, OvsdbValues.toJson(v)));
        return json;
    }

    private static ArrayNode whereJson(List<Condition> where) {
        ArrayNode json = JSON.arrayNode();
        where.forEach(c -> json.add(c.toJson()));
        return json;
    }

    private static ArrayNode names(List<String> names) {
        ArrayNode json = JSON.arrayNode();
        names.forEach(json::add);
        return json;
    }

    @Override
    public String op() {
        return op;
    }

    @Override
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    /** @return the table, or null for commit, abort, comment and assert */
    String table() {
        return table;
    }

    Map<String, Object> row() {
        return row;
    }

    List<Condition> where() {
        return where;
    }

    List<Mutation> mutations() {
        return mutations;
    }

    /** @return the selected or compared columns, or null */
    List<String> columns() {
        return columns;
    }

    List<Map<String, Object>> rows() {
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableOperation t && t.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
