package org.osvif.plug.ovs.internal.ovsdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Decodes OVSDB's JSON (RFC 7047 section 5.1) into {@link OvsdbValue}s, and the
 * tables ovs-vsctl prints with {@code --format=json}
 * ({@code {"data":[[...],...],"headings":[...]}}) into rows.
 *
 * <table>
 * <caption>JSON to value</caption>
 * <tr><th>JSON</th><th>value</th></tr>
 * <tr><td>{@code "text"}</td><td>{@link OvsdbValue.Text}</td></tr>
 * <tr><td>{@code 42}</td><td>{@link OvsdbValue.Integer}</td></tr>
 * <tr><td>{@code true}</td><td>{@link OvsdbValue.Bool}</td></tr>
 * <tr><td>{@code ["uuid","..."]}</td><td>{@link OvsdbValue.Uuid}</td></tr>
 * <tr><td>{@code ["named-uuid","name"]}</td><td>{@link OvsdbValue.NamedRef}</td></tr>
 * <tr><td>{@code ["set",[atom,...]]}</td><td>{@link OvsdbValue.Set} ({@link OvsdbValue#EMPTY} when empty)</td></tr>
 * <tr><td>{@code ["map",[[k,v],...]]}</td><td>{@link OvsdbValue.StringMap}</td></tr>
 * </table>
 *
 * <p>As RFC 7047 allows and ovs-vsctl does, a set column holding exactly one element
 * arrives as that element ({@code trunks} holding 4095 is {@code 4095}, not
 * {@code ["set",[4095]]}); the decoder cannot know the column's type and returns the atom.
 * A map whose keys or values are not strings (the {@code statistics} columns, QoS
 * {@code queues}) becomes a {@link OvsdbValue.StringMap} of their text: integers in decimal,
 * UUIDs as their string. A real number (no Open_vSwitch column has one) becomes a
 * {@link OvsdbValue.Text} of its decimal form. Anything else is refused with an
 * {@link IllegalArgumentException} that quotes it.
 *
 * <p>Stateless and thread-safe.
 */
final class OvsdbJsonDecoder {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private OvsdbJsonDecoder() {
    }

    /**
     * @param json one OVSDB value as JSON text
     * @return the value
     * @throws IllegalArgumentException when it is not JSON or not an OVSDB value
     */
    static OvsdbValue value(String json) {
        return value(parse(json));
    }

    /**
     * @param node one OVSDB value
     * @return the value
     * @throws IllegalArgumentException when it is not an OVSDB value
     */
    static OvsdbValue value(JsonNode node) {
        if (node.isArray() && node.size() == 2 && node.get(0).isTextual()) {
            String tag = node.get(0).asText();
            JsonNode body = node.get(1);
            if (tag.equals("set") && body.isArray()) {
                List<OvsdbValue> members = new ArrayList<>(body.size());
                for (JsonNode member : body) {
                    members.add(atom(member));
                }
                return OvsdbValue.set(members);
            }
            if (tag.equals("map") && body.isArray()) {
                Map<String, String> entries = new LinkedHashMap<>();
                for (JsonNode pair : body) {
                    if (!pair.isArray() || pair.size() != 2) {
                        throw invalid("a map entry must be a [key, value] pair", node);
                    }
                    entries.put(text(atom(pair.get(0))), text(atom(pair.get(1))));
                }
                return OvsdbValue.map(entries);
            }
        }
        return atom(node);
    }

    /**
     * @param node an atom: string, number, boolean, {@code ["uuid",...]} or {@code ["named-uuid",...]}
     * @return the value
     */
    private static OvsdbValue atom(JsonNode node) {
        if (node.isTextual()) {
            return OvsdbValue.of(node.asText());
        }
        if (node.isBoolean()) {
            return OvsdbValue.of(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw invalid("an integer out of the 64-bit range", node);
            }
            return OvsdbValue.of(node.longValue());
        }
        if (node.isNumber()) {
            return OvsdbValue.of(node.decimalValue().toString());
        }
        if (node.isArray() && node.size() == 2 && node.get(0).isTextual() && node.get(1).isTextual()) {
            String tag = node.get(0).asText();
            String body = node.get(1).asText();
            try {
                if (tag.equals("uuid")) {
                    return OvsdbValue.uuid(body);
                }
                if (tag.equals("named-uuid")) {
                    return OvsdbValue.ref(body);
                }
            } catch (IllegalArgumentException e) {
                throw invalid("a malformed " + tag, node);
            }
        }
        throw invalid("not an OVSDB atom", node);
    }

    /** The text of a map key or value. */
    private static String text(OvsdbValue atom) {
        if (atom instanceof OvsdbValue.Text t) {
            return t.value();
        } else if (atom instanceof OvsdbValue.Integer i) {
            return Long.toString(i.value());
        } else if (atom instanceof OvsdbValue.Bool b) {
            return Boolean.toString(b.value());
        } else if (atom instanceof OvsdbValue.Uuid u) {
            return u.uuid();
        } else if (atom instanceof OvsdbValue.NamedRef r) {
            return r.name();
        }
        throw new IllegalArgumentException("not an atom: " + atom);
    }

    /**
     * Decodes the table ovs-vsctl prints for {@code list} and {@code find} with
     * {@code --format=json}.
     *
     * @param json e.g. {@code {"data":[[["uuid","..."],"tap0"]],"headings":["_uuid","name"]}}
     * @return one map per row, heading to value, in heading order
     * @throws IllegalArgumentException when it is not such a table
     */
    static List<Map<String, OvsdbValue>> table(String json) {
        JsonNode root = parse(json);
        JsonNode headings = root.get("headings");
        JsonNode data = root.get("data");
        if (!root.isObject() || headings == null || !headings.isArray() || data == null || !data.isArray()) {
            throw invalid("expected {\"data\":[...],\"headings\":[...]}", root);
        }
        List<String> names = new ArrayList<>(headings.size());
        for (JsonNode heading : headings) {
            if (!heading.isTextual()) {
                throw invalid("a heading must be a string", root);
            }
            names.add(heading.asText());
        }
        List<Map<String, OvsdbValue>> rows = new ArrayList<>(data.size());
        for (JsonNode row : data) {
            if (!row.isArray() || row.size() != names.size()) {
                throw invalid("a row must have one value per heading (" + names.size() + ")", row);
            }
            Map<String, OvsdbValue> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), value(row.get(i)));
            }
            rows.add(Collections.unmodifiableMap(values));
        }
        return Collections.unmodifiableList(rows);
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("expected OVSDB JSON, got nothing");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviate(json) + " (" + e.getOriginalMessage() + ")",
                    e);
        }
    }

    private static IllegalArgumentException invalid(String why, JsonNode node) {
        return new IllegalArgumentException(why + ": " + abbreviate(node.toString()));
    }

    private static String abbreviate(String text) {
        String s = text.strip();
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }
}
