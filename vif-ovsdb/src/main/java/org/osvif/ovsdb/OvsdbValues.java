package org.osvif.ovsdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Converts column values between their Java form and RFC 7047's JSON notation (section 5.1). */
public final class OvsdbValues {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OvsdbValues() {
    }

    /**
     * @param value a String, Long, Integer, Double, Boolean, Uuid, NamedUuid, OvsdbSet or OvsdbMap
     * @return its JSON form; a single atom stays an atom
     * @throws IllegalArgumentException for any other type
     */
    public static JsonNode toJson(Object value) {
        if (value instanceof OvsdbSet set) {
            ArrayNode members = JSON.arrayNode();
            set.members().forEach(m -> members.add(toJson(m)));
            return JSON.arrayNode().add("set").add(members);
        }
        if (value instanceof OvsdbMap map) {
            ArrayNode pairs = JSON.arrayNode();
            map.entries().forEach((k, v) -> pairs.add(JSON.arrayNode().add(toJson(k)).add(toJson(v))));
            return JSON.arrayNode().add("map").add(pairs);
        }
        Object atom = atom(value);
        if (atom instanceof String s) {
            return JSON.textNode(s);
        }
        if (atom instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (atom instanceof Double d) {
            return JSON.numberNode(d);
        }
        if (atom instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (atom instanceof Uuid u) {
            return JSON.arrayNode().add("uuid").add(u.toString());
        }
        NamedUuid n = (NamedUuid) atom;
        return JSON.arrayNode().add("named-uuid").add(n.name());
    }

    /**
     * @param json a value in RFC 7047 notation
     * @return {@code ["set",..]} as OvsdbSet, {@code ["map",..]} as OvsdbMap, {@code ["uuid",..]} as Uuid,
     *         {@code ["named-uuid",..]} as NamedUuid, integers as Long, reals as Double, strings, booleans
     * @throws IllegalArgumentException when json is none of these
     */
    public static Object fromJson(JsonNode json) {
        if (json == null) {
            throw new IllegalArgumentException("missing value");
        }
        if (json.isArray()) {
            if (json.size() != 2 || !json.get(0).isTextual()) {
                throw new IllegalArgumentException("not an OVSDB value: " + json);
            }
            JsonNode body = json.get(1);
            switch (json.get(0).asText()) {
                case "set": {
                    requireArray(json, body);
                    List<Object> members = new ArrayList<>(body.size());
                    body.forEach(m -> members.add(atomFromJson(m)));
                    return new OvsdbSet(members);
                }
                case "map": {
                    requireArray(json, body);
                    Map<Object, Object> entries = new LinkedHashMap<>();
                    for (JsonNode pair : body) {
                        if (!pair.isArray() || pair.size() != 2) {
                            throw new IllegalArgumentException("not a map pair: " + pair + " in " + json);
                        }
                        entries.put(atomFromJson(pair.get(0)), atomFromJson(pair.get(1)));
                    }
                    return new OvsdbMap(entries);
                }
                default:
                    return atomFromJson(json);
            }
        }
        return atomFromJson(json);
    }

    private static void requireArray(JsonNode json, JsonNode body) {
        if (!body.isArray()) {
            throw new IllegalArgumentException("not an OVSDB value: " + json);
        }
    }

    private static Object atomFromJson(JsonNode json) {
        if (json.isTextual()) {
            return json.textValue();
        }
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            return json.longValue();
        }
        if (json.isFloatingPointNumber()) {
            return json.doubleValue();
        }
        if (json.isArray() && json.size() == 2 && json.get(0).isTextual() && json.get(1).isTextual()) {
            String tag = json.get(0).textValue();
            if (tag.equals("uuid")) {
                return new Uuid(UUID.fromString(json.get(1).textValue()));
            }
            if (tag.equals("named-uuid")) {
                return new NamedUuid(json.get(1).textValue());
            }
        }
        throw new IllegalArgumentException("not an OVSDB atom: " + json);
    }

    /**
     * Checks (and normalizes) one atom: Integer, Short and Byte become Long, Float becomes Double.
     *
     * @param value the candidate
     * @return the atom
     * @throws IllegalArgumentException when value is not an atom
     */
    static Object atom(Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean
                || value instanceof Uuid || value instanceof NamedUuid) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        throw new IllegalArgumentException("not an OVSDB atom: " + (value == null ? "null"
                : value + " (" + value.getClass().getName() + ")"));
    }

    /**
     * Normalizes a column value: atoms as {@link #atom}, sets and maps as they are.
     *
     * @param value the candidate
     * @return the value
     */
    static Object value(Object value) {
        if (value instanceof OvsdbSet || value instanceof OvsdbMap) {
            return value;
        }
        return atom(value);
    }
}
