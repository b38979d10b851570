package org.osvif.objects.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CanonicalJson against Python: the expected texts are
 * {@code json.dumps(json.loads(INPUT), sort_keys=True, indent=2) + "\n"} printed by /usr/bin/python3.
 */
@DisplayName("CanonicalJson")
class CanonicalJsonTest {

    /** Non-ASCII, control characters, quotes, backslashes, empty containers, nesting, numbers, odd keys. */
    private static final String INPUT =
            "{\"zeta\": \"last\", \"Alpha\": \"upper case sorts first\", \"quotes\": \"say \\\"hi\\\" and 'b"
            + "ye'\", \"backslash\": \"C:\\\\path\\\\to\\\\file \\\\n not a newline\", \"controls\": \"\\u0000\\u"
            + "0001\\u0007\\b\\t\\n\\u000b\\f\\r\\u001b\\u001f\\u007f\", \"non_ascii\": \"caf\\u00e9 \\u00fc\\u0"
            + "0df \\u20ac \\u4e2d\\u6587 \\ud83d\\ude00 \\ufeff\\u2028\", \"slash\": \"a/b</script>\", \"em"
            + "pty_object\": {}, \"empty_array\": [], \"empty_string\": \"\", \"nested\": {\"b\": [1, [2, "
            + "[3, {}]], {\"y\": null, \"x\": true}], \"a\": {\"c\": {\"d\": []}}}, \"numbers\": [0, 0, 1, "
            + "-1, 12345678901234567890123, 1.5, -2.25, 0.1, 1e+16, 1e-05, 0.0001, 1e+22, 1.234"
            + "5678901234568e+17, 5e-324, 1.7976931348623157e+308, 100.0, -0.0], \"booleans\": [t"
            + "rue, false, null], \"\\u00e9cole\": 1, \"\\ud83d\\ude00\": \"astral key\", \"\\uffff\": \"BMP"
            + " top key\", \"\": \"empty key\", \"a b\": \"space key\", \"a\\\"b\": \"quote key\"}";

    private static final String PYTHON =
            "{\n"
            + "  \"\": \"empty key\",\n"
            + "  \"Alpha\": \"upper case sorts first\",\n"
            + "  \"a b\": \"space key\",\n"
            + "  \"a\\\"b\": \"quote key\",\n"
            + "  \"backslash\": \"C:\\\\path\\\\to\\\\file \\\\n not a newline\",\n"
            + "  \"booleans\": [\n"
            + "    true,\n"
            + "    false,\n"
            + "    null\n"
            + "  ],\n"
            + "  \"controls\": \"\\u0000\\u0001\\u0007\\b\\t\\n\\u000b\\f\\r\\u001b\\u001f\\u007f\",\n"
            + "  \"empty_array\": [],\n"
            + "  \"empty_object\": {},\n"
            + "  \"empty_string\": \"\",\n"
            + "  \"nested\": {\n"
            + "    \"a\": {\n"
            + "      \"c\": {\n"
            + "        \"d\": []\n"
            + "      }\n"
            + "    },\n"
            + "    \"b\": [\n"
            + "      1,\n"
            + "      [\n"
            + "        2,\n"
            + "        [\n"
            + "          3,\n"
            + "          {}\n"
            + "        ]\n"
            + "      ],\n"
            + "      {\n"
            + "        \"x\": true,\n"
            + "        \"y\": null\n"
            + "      }\n"
            + "    ]\n"
            + "  },\n"
            + "  \"non_ascii\": \"caf\\u00e9 \\u00fc\\u00df \\u20ac \\u4e2d\\u6587 \\ud83d\\ude00 \\ufeff\\u2028\",\n"
            + "  \"numbers\": [\n"
            + "    0,\n"
            + "    0,\n"
            + "    1,\n"
            + "    -1,\n"
            + "    12345678901234567890123,\n"
            + "    1.5,\n"
            + "    -2.25,\n"
            + "    0.1,\n"
            + "    1e+16,\n"
            + "    1e-05,\n"
            + "    0.0001,\n"
            + "    1e+22,\n"
            + "    1.2345678901234568e+17,\n"
            + "    5e-324,\n"
            + "    1.7976931348623157e+308,\n"
            + "    100.0,\n"
            + "    -0.0\n"
            + "  ],\n"
            + "  \"quotes\": \"say \\\"hi\\\" and 'bye'\",\n"
            + "  \"slash\": \"a/b</script>\",\n"
            + "  \"zeta\": \"last\",\n"
            + "  \"\\u00e9cole\": 1,\n"
            + "  \"\\uffff\": \"BMP top key\",\n"
            + "  \"\\ud83d\\ude00\": \"astral key\"\n"
            + "}\n";

    @Test
    @DisplayName("writes a tricky document byte for byte as Python's json.dumps(sort_keys=True, indent=2)")
    void trickyDocument() {
        assertThat(CanonicalJson.write(PrimitiveCodec.parse(INPUT))).isEqualTo(PYTHON);
    }

    @Test
    @DisplayName("is stable: its own output parses back to the same tree and the same text")
    void idempotent() {
        JsonNode tree = PrimitiveCodec.parse(INPUT);
        assertThat(PrimitiveCodec.parse(PYTHON)).isEqualTo(tree);
        assertThat(CanonicalJson.write(PrimitiveCodec.parse(PYTHON))).isEqualTo(PYTHON);
    }

    @Test
    @DisplayName("sorts keys by code point, as Python does, not by UTF-16 unit")
    void codePointOrder() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("\ud83d\ude00", 1);
        o.put("\uffff", 2);
        o.put("\ue000", 3);
        o.put("z", 4);
        // Python: json.dumps({"\U0001F600": 1, "\uffff": 2, "\ue000": 3, "z": 4}, sort_keys=True, indent=2)
        assertThat(CanonicalJson.write(o)).isEqualTo("{\n  \"z\": 4,\n  \"\\ue000\": 3,\n  \"\\uffff\": 2,\n"
                + "  \"\\ud83d\\ude00\": 1\n}\n");
    }

    @Test
    @DisplayName("writes numbers beyond double range as Python's json.dumps writes inf and nan")
    void nonFinite() {
        // Python: json.dumps(json.loads("[1e400, -1e400]"), indent=2) + "\n"
        assertThat(CanonicalJson.write(PrimitiveCodec.parse("[1e400, -1e400]")))
                .isEqualTo("[\n  Infinity,\n  -Infinity\n]\n");
        assertThat(CanonicalJson.write(JsonNodeFactory.instance.numberNode(Double.NaN))).isEqualTo("NaN\n");
    }

    @Test
    @DisplayName("writes scalars and empty containers at top level")
    void topLevel() {
        assertThat(CanonicalJson.write(PrimitiveCodec.parse("{}"))).isEqualTo("{}\n");
        assertThat(CanonicalJson.write(PrimitiveCodec.parse("[]"))).isEqualTo("[]\n");
        assertThat(CanonicalJson.write(PrimitiveCodec.parse("\"x\""))).isEqualTo("\"x\"\n");
        assertThat(CanonicalJson.write(PrimitiveCodec.parse("null"))).isEqualTo("null\n");
        assertThat(CanonicalJson.write(PrimitiveCodec.parse("2.50"))).isEqualTo("2.5\n");
    }
}
