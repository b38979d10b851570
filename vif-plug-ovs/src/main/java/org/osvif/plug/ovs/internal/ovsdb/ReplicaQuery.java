package org.osvif.plug.ovs.internal.ovsdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osvif.ovsdb.Replica;
import org.osvif.ovsdb.Row;

/**
 * Answers {@link Ovsdb#find} from the replica, with the meaning ovs-vsctl's {@code find} gives
 * the conditions: a column equals the value, a map holds the given keys with those values,
 * {@code _uuid} names the row.
 */
final class ReplicaQuery {
    private ReplicaQuery() {
    }

    /**
     * @param replica the replica
     * @param table a replicated table
     * @param conditions column to value
     * @param columns the columns to return besides {@code _uuid}; empty for every replicated one
     * @return the matching rows, {@code _uuid} first
     */
    static List<Map<String, OvsdbValue>> find(Replica replica, String table, Map<String, OvsdbValue> conditions,
            List<String> columns) {
        List<String> wanted = columns.isEmpty() ? NativeOvsdb.REPLICATED.get(table) : columns;
        List<Map<String, OvsdbValue>> found = new ArrayList<>();
        for (Row row : replica.rows(table).values()) {
            if (matches(row, conditions)) {
                Map<String, OvsdbValue> out = new LinkedHashMap<>();
                out.put("_uuid", OvsdbValue.uuid(row.uuid().value().toString()));
                for (String column : wanted) {
                    if (!"_uuid".equals(column)) {
                        out.put(column, NativeValues.fromClient(row.get(column)));
                    }
                }
                found.add(out);
            }
        }
        return found;
    }

    private static boolean matches(Row row, Map<String, OvsdbValue> conditions) {
        for (Map.Entry<String, OvsdbValue> condition : conditions.entrySet()) {
            String column = condition.getKey();
            OvsdbValue wanted = condition.getValue();
            if ("_uuid".equals(column)) {
                if (!(wanted instanceof OvsdbValue.Uuid u) || !row.uuid().value().toString().equals(u.uuid())) {
                    return false;
                }
            } else if (wanted instanceof OvsdbValue.StringMap map) {
                Map<Object, Object> held = row.map(column);
                for (Map.Entry<String, String> entry : map.entries().entrySet()) {
                    if (!entry.getValue().equals(held.get(entry.getKey()))) {
                        return false;
                    }
                }
            } else if (!wanted.equals(NativeValues.fromClient(row.get(column)))) {
                return false;
            }
        }
        return true;
    }
}
