package org.osvif.testing.ovs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what {@code ovs-vsctl --format=json list TABLE} and
 * {@code ovsdb-client monitor ... --format=json} print, decoding OVSDB's
 * JSON values (RFC 7047, section 5.1) into plain Java values:
 *
 * <ul>
 * <li>{@code ["set", [a, b]]} → {@link List} of atoms (an empty set is {@code List.of()}; a set of
 *     one element is printed by OVSDB as the bare atom and so decodes to the atom itself)</li>
 * <li>{@code ["map", [[k, v], ...]]} → {@link Map}, in the order printed</li>
 * <li>{@code ["uuid", x]} and {@code ["named-uuid", x]} → the {@link String} {@code x}</li>
 * <li>integers → {@link Long}, reals → {@link Double}, booleans → {@link Boolean}, strings → {@link String}</li>
 * </ul>
 *
 * Everything returned is unmodifiable.
 */
final class OvsdbJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OvsdbJson() {
    }

    /**
     * @param json a table as {@code ovs-vsctl --format=json list TABLE} prints it:
     *        {@code {"data": [[v, ...], ...], "headings": ["_uuid", ...]}}
     * @return one map per row, heading → decoded value, in column order
     * @throws IllegalArgumentException when the text is not such a table
     */
    static List<Map<String, Object>> table(String json) {
        JsonNode root = parse(json);
        List<String> headings = headings(root, json);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : data(root, json)) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < headings.size(); i++) {
                map.put(headings.get(i), value(row.get(i)));
            }
            rows.add(Collections.unmodifiableMap(map));
        }
        return List.copyOf(rows);
    }

    /**
     * Decodes one line of {@code ovsdb-client monitor DB TABLE COLUMNS --format=json}, which prints one JSON
     * document per update notification: {@code {"data": [[uuid, action, v, ...], ...], "headings": ["row",
     * "action", column, ...]}}. The action is {@code initial}, {@code insert}, {@code delete}, or, for a
     * modification, a pair of rows: {@code old} (the row's UUID, the previous values of the columns that
     * changed and {@code null} for the others) followed by {@code new} (an empty UUID and all the new values).
     *
     * @param json one line of monitor output
     * @return one map per row state: {@code "_uuid"} → the row's UUID, {@code "action"} → {@code initial},
     *         {@code insert}, {@code modify} or {@code delete}, each monitored column → its (new) value, and,
     *         for {@code modify} only, {@code "_old"} → a map of the changed columns' previous values
     * @throws IllegalArgumentException when the text is not such a document
     */
    static List<Map<String, Object>> monitorUpdates(String json) {
        JsonNode root = parse(json);
        List<String> headings = headings(root, json);
        if (headings.size() < 2 || !"row".equals(headings.get(0)) || !"action".equals(headings.get(1))) {
            throw new IllegalArgumentException("not ovsdb-client monitor output (headings " + headings + "): "
                    + json);
        }
        List<Map<String, Object>> updates = new ArrayList<>();
        String oldUuid = null;
        Map<String, Object> old = null;
        for (JsonNode row : data(root, json)) {
            String uuid = row.get(0).asText();
            String action = row.get(1).asText();
            if ("old".equals(action)) {
                oldUuid = uuid;
                old = new LinkedHashMap<>();
                for (int i = 2; i < headings.size(); i++) {
                    if (!row.get(i).isNull()) {
                        old.put(headings.get(i), value(row.get(i)));
                    }
                }
                continue;
            }
            Map<String, Object> update = new LinkedHashMap<>();
            if ("new".equals(action)) {
                update.put("_uuid", oldUuid != null ? oldUuid : uuid);
                update.put("action", "modify");
            } else {
                update.put("_uuid", uuid);
                update.put("action", action);
            }
            for (int i = 2; i < headings.size(); i++) {
                update.put(headings.get(i), value(row.get(i)));
            }
            if ("new".equals(action)) {
                update.put("_old", Collections.unmodifiableMap(old != null ? old : new LinkedHashMap<>()));
                old = null;
                oldUuid = null;
            }
            updates.add(Collections.unmodifiableMap(update));
        }
        return List.copyOf(updates);
    }

    /**
     * @param node an OVSDB JSON value; null or JSON null gives null
     * @return the decoded value
     * @throws IllegalArgumentException for JSON that is no OVSDB value
     */
    static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            if (node.size() != 2 || !node.get(0).isTextual()) {
                throw new IllegalArgumentException("not an OVSDB value: " + node);
            }
            String tag = node.get(0).asText();
            JsonNode body = node.get(1);
            switch (tag) {
                case "set": {
                    List<Object> list = new ArrayList<>();
                    for (JsonNode element : body) {
                        list.add(atom(element));
                    }
                    return Collections.unmodifiableList(list);
                }
                case "map": {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (JsonNode pair : body) {
                        if (!pair.isArray() || pair.size() != 2) {
                            throw new IllegalArgumentException("not an OVSDB map pair: " + pair + " in " + node);
                        }
                        map.put(atom(pair.get(0)), atom(pair.get(1)));
                    }
                    return Collections.unmodifiableMap(map);
                }
                default:
                    return atom(node);
            }
        }
        return atom(node);
    }

    private static Object atom(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray() && node.size() == 2 && node.get(1).isTextual()
                && ("uuid".equals(node.get(0).asText()) || "named-uuid".equals(node.get(0).asText()))) {
            return node.get(1).asText();
        }
        throw new IllegalArgumentException("not an OVSDB atom: " + node);
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static List<String> headings(JsonNode root, String json) {
        JsonNode headings = root == null ? null : root.get("headings");
        if (headings == null || !headings.isArray()) {
            throw new IllegalArgumentException("no \"headings\" array in " + json);
        }
        List<String> list = new ArrayList<>();
        headings.forEach(h -> list.add(h.asText()));
        return list;
    }

    private static JsonNode data(JsonNode root, String json) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException("no \"data\" array in " + json);
        }
        int width = headings(root, json).size();
        for (JsonNode row : data) {
            if (!row.isArray() || row.size() != width) {
                throw new IllegalArgumentException("row " + row + " does not have " + width + " columns in " + json);
            }
        }
        return data;
    }
}
