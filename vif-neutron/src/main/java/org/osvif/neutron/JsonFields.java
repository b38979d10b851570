package org.osvif.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;
import org.osvif.objects.types.IpAddress;
import org.osvif.objects.types.IpNetwork;
import org.osvif.objects.types.MacAddress;

/**
 * Reads typed values out of Networking API JSON; every refusal is an
 * {@link InvalidNeutronValueException} naming the field by its path
 * ({@code fixed_ips[1].ip_address}).
 */
final class JsonFields {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private final JsonNode node;
    private final String prefix;

    private JsonFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /**
     * @param node a JSON object, or the API's envelope {@code {"<wrapper>": {...}}}
     * @param wrapper the envelope's key ({@code port}, {@code network}, {@code server})
     * @param what what the object is, for messages
     * @return a reader over the object
     */
    static JsonFields object(JsonNode node, String wrapper, String what) {
        JsonNode inner = node;
        if (node != null && node.isObject() && node.size() == 1 && node.has(wrapper)) {
            inner = node.get(wrapper);
        }
        if (inner == null || !inner.isObject()) {
            throw new InvalidNeutronValueException(what, null, "not a JSON object");
        }
        return new JsonFields(inner, "");
    }

    /**
     * @param node a JSON object inside another
     * @param path its path, e.g. {@code fixed_ips[0]}
     * @return a reader over it
     */
    static JsonFields nested(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidNeutronValueException(path, text(node), "not a JSON object");
        }
        return new JsonFields(node, path + ".");
    }

    JsonNode node() {
        return node;
    }

    String path(String field) {
        return prefix + field;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null
                : value.isTextual() ? value.textValue() : value.toString();
    }

    private JsonNode value(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** @return the text, or null when absent or null */
    String optionalText(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidNeutronValueException(path(field), v.toString(), "not a JSON string");
        }
        if (v.textValue().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidNeutronValueException(path(field), v.textValue(), "contains control characters");
        }
        return v.textValue();
    }

    String requiredText(String field) {
        String v = optionalText(field);
        if (v == null) {
            throw new InvalidNeutronValueException(path(field), null, "missing");
        }
        return v;
    }

    String requiredUuid(String field) {
        return uuid(field, requiredText(field));
    }

    String optionalUuid(String field) {
        String v = optionalText(field);
        return v == null || v.isEmpty() ? null : uuid(field, v);
    }

    private String uuid(String field, String v) {
        if (!UUID.matcher(v).matches()) {
            throw new InvalidNeutronValueException(path(field), v, "not a UUID");
        }
        return v;
    }

    MacAddress requiredMac(String field) {
        String v = requiredText(field);
        try {
            return MacAddress.parse(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidNeutronValueException(path(field), v, "not a MAC address");
        }
    }

    IpAddress ip(String field, String v) {
        try {
            return IpAddress.parse(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidNeutronValueException(path(field), v, "not an IP address");
        }
    }

    IpAddress optionalIp(String field) {
        String v = optionalText(field);
        return v == null ? null : ip(field, v);
    }

    IpNetwork requiredCidr(String field) {
        String v = requiredText(field);
        try {
            return IpNetwork.parse(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidNeutronValueException(path(field), v, "not a CIDR");
        }
    }

    /** @return the boolean, or null when absent or null */
    Boolean optionalBoolean(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new InvalidNeutronValueException(path(field), text(v), "not a JSON boolean");
        }
        return v.booleanValue();
    }

    boolean flag(String field) {
        Boolean b = optionalBoolean(field);
        return b != null && b;
    }

    Integer optionalInt(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidNeutronValueException(path(field), text(v), "not a 32-bit integer");
        }
        return v.intValue();
    }

    /** @return the array (empty when absent or null) */
    JsonNode array(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw new InvalidNeutronValueException(path(field), text(v), "not a JSON array");
        }
        return v;
    }

    /** @return a copy of the object (empty when absent or null) */
    ObjectNode objectCopy(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!v.isObject()) {
            throw new InvalidNeutronValueException(path(field), text(v), "not a JSON object");
        }
        return ((ObjectNode) v).deepCopy();
    }
}
