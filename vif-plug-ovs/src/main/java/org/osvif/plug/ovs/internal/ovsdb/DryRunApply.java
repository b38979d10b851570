package org.osvif.plug.ovs.internal.ovsdb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.osvif.ovsdb.NamedUuid;
import org.osvif.ovsdb.Operation;
import org.osvif.ovsdb.OvsdbMap;
import org.osvif.ovsdb.OvsdbSet;
import org.osvif.ovsdb.OvsdbValues;
import org.osvif.ovsdb.Row;
import org.osvif.ovsdb.Uuid;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Applies a dry run's transaction to its {@link InMemoryReplica}, so that a later transaction of
 * the same dry run (an unplug after a plug) sees what the earlier one would have made. Only what
 * the native driver sends is understood: insert, update, mutate ({@code insert}/{@code delete} of
 * sets and maps, {@code +=} of integers) and delete, with {@code ==} conditions; Port and Interface
 * rows that no Bridge refers to any more are dropped, as ovsdb-server's garbage collection would.
 */
final class DryRunApply {
    private final InMemoryReplica replica;
    private final Map<String, Uuid> named = new HashMap<>();

    private DryRunApply(InMemoryReplica replica) {
        this.replica = replica;
    }

    /**
     * @param replica the dry run's database
     * @param operations the transaction
     * @return the UUID given to each uuid-name of the transaction's inserts
     */
    static Map<String, Uuid> apply(InMemoryReplica replica, List<Operation> operations) {
        DryRunApply apply = new DryRunApply(replica);
        for (Operation op : operations) {
            JsonNode json = op.toJson();
            if ("insert".equals(op.op()) && json.hasNonNull("uuid-name")) {
                apply.named.put(json.get("uuid-name").asText(), new Uuid(UUID.randomUUID()));
            }
        }
        operations.forEach(op -> apply.one(op.op(), op.toJson()));
        apply.collectGarbage();
        return Map.copyOf(apply.named);
    }

    /**
     * Answers a {@code select} from the dry run's database, as the server would after the
     * transaction's earlier operations.
     *
     * @param replica the dry run's database
     * @param json the select operation
     * @return the rows, each with the selected columns (every column when none is named)
     */
    static com.fasterxml.jackson.databind.node.ArrayNode select(InMemoryReplica replica, JsonNode json) {
        DryRunApply apply = new DryRunApply(replica);
        com.fasterxml.jackson.databind.node.ArrayNode rows =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (Row row : apply.matching(json.path("table").asText(), json)) {
            com.fasterxml.jackson.databind.node.ObjectNode out = rows.addObject();
            List<String> columns = new ArrayList<>();
            json.path("columns").forEach(c -> columns.add(c.asText()));
            if (columns.isEmpty()) {
                columns.add("_uuid");
                columns.addAll(row.columns());
            }
            for (String column : columns) {
                Object value = "_uuid".equals(column) ? row.uuid() : row.get(column);
                out.set(column, OvsdbValues.toJson(value == null ? OvsdbSet.EMPTY : value));
            }
        }
        return rows;
    }

    private void one(String op, JsonNode json) {
        String table = json.path("table").asText();
        switch (op) {
            case "insert" -> {
                Uuid uuid = json.hasNonNull("uuid-name") ? named.get(json.get("uuid-name").asText())
                        : new Uuid(UUID.randomUUID());
                replica.putRow(table, Row.of(uuid, columns(json.get("row"))));
            }
            case "update" -> matching(table, json).forEach(row -> {
                Map<String, Object> merged = new LinkedHashMap<>(values(row));
                merged.putAll(columns(json.get("row")));
                replica.putRow(table, Row.of(row.uuid(), merged));
            });
            case "mutate" -> matching(table, json).forEach(row -> {
                Map<String, Object> merged = new LinkedHashMap<>(values(row));
                for (JsonNode m : json.get("mutations")) {
                    String column = m.get(0).asText();
                    Object value = resolve(OvsdbValues.fromJson(m.get(2)));
                    merged.put(column, mutate(merged.get(column), m.get(1).asText(), value));
                    if ("Open_vSwitch".equals(table) && "bridges".equals(column) && "delete".equals(m.get(1).asText())) {
                        // A bridge no longer in Open_vSwitch.bridges is garbage.
                        (value instanceof OvsdbSet s ? s.members() : List.of(value))
                                .forEach(b -> replica.removeRow("Bridge", (Uuid) b));
                    }
                }
                replica.putRow(table, Row.of(row.uuid(), merged));
            });
            case "delete" -> matching(table, json).forEach(row -> replica.removeRow(table, row.uuid()));
            default -> {
                // wait, select and comment change nothing
            }
        }
    }

    private static Object mutate(Object current, String mutator, Object value) {
        if ("+=".equals(mutator)) {
            return (current instanceof Long l ? l : 0L) + (Long) value;
        }
        if (current instanceof OvsdbMap map) {
            Map<Object, Object> entries = new LinkedHashMap<>(map.entries());
            if ("insert".equals(mutator)) {
                ((OvsdbMap) value).entries().forEach(entries::putIfAbsent);
            } else if (value instanceof OvsdbSet keys) {
                keys.members().forEach(entries::remove);
            } else {
                ((OvsdbMap) value).entries().forEach(entries::remove);
            }
            return new OvsdbMap(entries);
        }
        Set<Object> members = new LinkedHashSet<>(current instanceof OvsdbSet s ? s.members()
                : current == null ? List.of() : List.of(current));
        List<Object> changes = value instanceof OvsdbSet s ? s.members() : List.of(value);
        if ("insert".equals(mutator)) {
            members.addAll(changes);
        } else {
            changes.forEach(members::remove);
        }
        return new OvsdbSet(new ArrayList<>(members));
    }

    private List<Row> matching(String table, JsonNode json) {
        List<Row> rows = new ArrayList<>();
        for (Row row : replica.rows(table).values()) {
            boolean all = true;
            for (JsonNode condition : json.path("where")) {
                Object wanted = resolve(OvsdbValues.fromJson(condition.get(2)));
                Object held = "_uuid".equals(condition.get(0).asText()) ? row.uuid()
                        : row.get(condition.get(0).asText());
                if ("includes".equals(condition.get(1).asText()) && wanted instanceof OvsdbMap w
                        && held instanceof OvsdbMap h) {
                    all &= h.entries().entrySet().containsAll(w.entries().entrySet());
                } else {
                    all &= Objects.equals(wanted, held);
                }
            }
            if (all) {
                rows.add(row);
            }
        }
        return rows;
    }

    private Map<String, Object> columns(JsonNode row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        row.fields().forEachRemaining(f -> columns.put(f.getKey(), resolve(OvsdbValues.fromJson(f.getValue()))));
        return columns;
    }

    private static Map<String, Object> values(Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        row.columns().forEach(c -> values.put(c, row.get(c)));
        return values;
    }

    /** Replaces named-uuids by the UUIDs of the rows inserted under those names. */
    private Object resolve(Object value) {
        if (value instanceof NamedUuid n) {
            return Objects.requireNonNull(named.get(n.name()), () -> "no row named " + n.name());
        }
        if (value instanceof OvsdbSet s) {
            List<Object> members = new ArrayList<>();
            s.members().forEach(m -> members.add(resolve(m)));
            return new OvsdbSet(members);
        }
        return value;
    }

    /** Drops Ports no Bridge holds and Interfaces no Port holds. */
    private void collectGarbage() {
        Set<Object> ports = new LinkedHashSet<>();
        replica.rows("Bridge").values().forEach(b -> ports.addAll(b.set("ports")));
        replica.rows("Port").keySet().stream().filter(p -> !ports.contains(p)).toList()
                .forEach(p -> replica.removeRow("Port", p));
        Set<Object> interfaces = new LinkedHashSet<>();
        replica.rows("Port").values().forEach(p -> interfaces.addAll(p.set("interfaces")));
        replica.rows("Interface").keySet().stream().filter(i -> !interfaces.contains(i)).toList()
                .forEach(i -> replica.removeRow("Interface", i));
    }
}
