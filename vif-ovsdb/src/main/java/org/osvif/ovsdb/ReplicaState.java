package org.osvif.ovsdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rows of a replica and how monitor updates change them: {@code update} (RFC 7047 4.1.6),
 * {@code update2}/{@code update3} (ovsdb-server(7)), and a full reload applied as a diff so that listeners
 * see only rows that really changed. Values are normalized: a set column always holds an {@link OvsdbSet}, a
 * map column an {@link OvsdbMap}, even when the server sends a single atom. Not thread-safe: the replica
 * applies batches one at a time; readers see immutable snapshots.
 */
final class ReplicaState {
    private final DatabaseSchema schema;
    private final Map<String, List<String>> tableColumns;
    private volatile Map<String, Map<Uuid, Row>> tables;

    ReplicaState(DatabaseSchema schema, Map<String, List<String>> tableColumns) {
        this.schema = schema;
        this.tableColumns = tableColumns;
        Map<String, Map<Uuid, Row>> empty = new HashMap<>();
        tableColumns.keySet().forEach(t -> empty.put(t, Map.of()));
        this.tables = Collections.unmodifiableMap(empty);
    }

    Map<String, Map<Uuid, Row>> tables() {
        return tables;
    }

    /**
     * Replaces everything with new contents given as {@code update2} ({@code initial}/{@code insert}) or
     * {@code update} ({@code new}) rows.
     *
     * @return the rows that differ from before
     */
    List<ReplicaChange> reload(JsonNode updates, boolean update2) {
        Map<String, Map<Uuid, Row>> fresh = new HashMap<>();
        tableColumns.keySet().forEach(t -> fresh.put(t, new LinkedHashMap<>()));
        if (updates != null) {
            updates.fields().forEachRemaining(t -> {
                Map<Uuid, Row> rows = fresh.get(t.getKey());
                if (rows == null) {
                    return;
                }
                t.getValue().fields().forEachRemaining(r -> {
                    Uuid uuid = new Uuid(UUID.fromString(r.getKey()));
                    JsonNode row = update2 ? first(r.getValue(), "initial", "insert") : r.getValue().get("new");
                    if (row != null) {
                        rows.put(uuid, row(t.getKey(), uuid, row));
                    }
                });
            });
        }
        List<ReplicaChange> changes = new ArrayList<>();
        Map<String, Map<Uuid, Row>> old = tables;
        for (String table : tableColumns.keySet()) {
            Map<Uuid, Row> before = old.get(table);
            Map<Uuid, Row> after = fresh.get(table);
            Set<Uuid> all = new LinkedHashSet<>(before.keySet());
            all.addAll(after.keySet());
            for (Uuid uuid : all) {
                Row b = before.get(uuid);
                Row a = after.get(uuid);
                if (!Objects.equals(a, b)) {
                    changes.add(new ReplicaChange(table, uuid, b, a));
                }
            }
        }
        publish(fresh);
        return changes;
    }

    private static JsonNode first(JsonNode change, String... keys) {
        for (String k : keys) {
            if (change.has(k)) {
                return change.get(k);
            }
        }
        return null;
    }

    /** Applies {@code update2}/{@code update3} table-updates2: initial, insert, modify (a diff), delete. */
    List<ReplicaChange> applyUpdate2(JsonNode updates) {
        return apply(updates, (table, uuid, before, change) -> {
            JsonNode row = first(change, "initial", "insert");
            if (row != null) {
                return row(table, uuid, row);
            }
            if (change.has("modify")) {
                if (before == null) {
                    throw new OvsdbProtocolException("update2 modifies row " + uuid + " of " + table
                            + ", which the replica does not have");
                }
                return modify(table, before, change.get("modify"));
            }
            if (change.has("delete")) {
                return null;
            }
            throw new OvsdbProtocolException("update2 for row " + uuid + " of " + table + " is none of "
                    + "initial, insert, modify, delete: " + change);
        });
    }

    /** Applies RFC 7047 {@code update} table-updates: "new" is the whole row, no "new" is a delete. */
    List<ReplicaChange> applyUpdate(JsonNode updates) {
        return apply(updates, (table, uuid, before, change) -> {
            JsonNode row = change.get("new");
            return row == null || row.isNull() ? null : row(table, uuid, row);
        });
    }

    private interface RowChange {
        Row apply(String table, Uuid uuid, Row before, JsonNode change);
    }

    private List<ReplicaChange> apply(JsonNode updates, RowChange how) {
        List<ReplicaChange> changes = new ArrayList<>();
        if (updates == null || !updates.isObject()) {
            return changes;
        }
        Map<String, Map<Uuid, Row>> next = new HashMap<>(tables);
        updates.fields().forEachRemaining(t -> {
            String table = t.getKey();
            if (!next.containsKey(table)) {
                return;
            }
            Map<Uuid, Row> rows = new LinkedHashMap<>(next.get(table));
            t.getValue().fields().forEachRemaining(r -> {
                Uuid uuid = new Uuid(UUID.fromString(r.getKey()));
                Row before = rows.get(uuid);
                Row after = how.apply(table, uuid, before, r.getValue());
                if (after == null) {
                    rows.remove(uuid);
                } else {
                    rows.put(uuid, after);
                }
                if (!Objects.equals(before, after)) {
                    changes.add(new ReplicaChange(table, uuid, before, after));
                }
            });
            next.put(table, rows);
        });
        publish(next);
        return changes;
    }

    private void publish(Map<String, Map<Uuid, Row>> next) {
        Map<String, Map<Uuid, Row>> frozen = new HashMap<>();
        next.forEach((t, rows) -> frozen.put(t, Collections.unmodifiableMap(new LinkedHashMap<>(rows))));
        tables = Collections.unmodifiableMap(frozen);
    }

    /** A full row: the replicated columns, those the server left out at their default. */
    private Row row(String table, Uuid uuid, JsonNode json) {
        TableSchema ts = schema.table(table).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : tableColumns.get(table)) {
            ColumnSchema cs = ts.column(column).orElseThrow();
            JsonNode v = json.get(column);
            values.put(column, v == null ? defaultValue(cs) : normalize(cs, OvsdbValues.fromJson(v)));
        }
        return Row.of(uuid, values);
    }

    /** update2's "modify": sets get the symmetric difference, maps the changed pairs, atoms the new value. */
    private Row modify(String table, Row before, JsonNode diff) {
        TableSchema ts = schema.table(table).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>(before.values());
        diff.fields().forEachRemaining(e -> {
            if (!values.containsKey(e.getKey())) {
                return;
            }
            ColumnSchema cs = ts.column(e.getKey()).orElseThrow();
            Object d = normalize(cs, OvsdbValues.fromJson(e.getValue()));
            Object old = values.get(e.getKey());
            if (cs.isMap()) {
                Map<Object, Object> m = new LinkedHashMap<>(((OvsdbMap) old).entries());
                ((OvsdbMap) d).entries().forEach((k, v) -> {
                    if (v.equals(m.get(k))) {
                        m.remove(k);
                    } else {
                        m.put(k, v);
                    }
                });
                values.put(e.getKey(), new OvsdbMap(m));
            } else if (cs.isSet()) {
                Set<Object> s = new LinkedHashSet<>(((OvsdbSet) old).members());
                Set<Object> seen = new HashSet<>();
                for (Object m : ((OvsdbSet) d).members()) {
                    if (seen.add(m) && !s.remove(m)) {
                        s.add(m);
                    }
                }
                values.put(e.getKey(), new OvsdbSet(new ArrayList<>(s)));
            } else {
                values.put(e.getKey(), d);
            }
        });
        return Row.of(before.uuid(), values);
    }

    private static Object normalize(ColumnSchema cs, Object value) {
        if (cs.isMap()) {
            return value instanceof OvsdbMap ? value : OvsdbMap.EMPTY;
        }
        if (cs.isSet() && !(value instanceof OvsdbSet)) {
            return OvsdbSet.of(value);
        }
        return value;
    }

    static Object defaultValue(ColumnSchema cs) {
        if (cs.isMap()) {
            return OvsdbMap.EMPTY;
        }
        if (cs.isSet()) {
            return OvsdbSet.EMPTY;
        }
        switch (cs.keyType()) {
            case "integer":
                return 0L;
            case "real":
                return 0.0;
            case "boolean":
                return false;
            case "uuid":
                return new Uuid(new UUID(0, 0));
            default:
                return "";
        }
    }
}
