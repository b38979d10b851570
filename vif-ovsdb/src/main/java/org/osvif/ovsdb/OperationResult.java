package org.osvif.ovsdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of one operation of a successful transaction.
 *
 * @param json the server's result object ({@code {}} for operations that return nothing)
 */
public record OperationResult(JsonNode json) {
    /** @return the new row's UUID (insert), else empty */
    public Optional<Uuid> uuid() {
        JsonNode uuid = json == null ? null : json.get("uuid");
        return uuid == null ? Optional.empty() : Optional.of((Uuid) OvsdbValues.fromJson(uuid));
    }

    /** @return the selected rows (select), values decoded with {@link OvsdbValues#fromJson}; else empty */
    public List<Map<String, Object>> rows() {
        JsonNode rows = json == null ? null : json.get("rows");
        if (rows == null || !rows.isArray()) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            row.fields().forEachRemaining(e -> r.put(e.getKey(), OvsdbValues.fromJson(e.getValue())));
            out.add(Collections.unmodifiableMap(r));
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the number of rows touched (update, mutate, delete); 0 when absent */
    public long count() {
        JsonNode count = json == null ? null : json.get("count");
        return count == null ? 0 : count.asLong();
    }
}
