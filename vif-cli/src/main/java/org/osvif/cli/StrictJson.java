package org.osvif.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osvif.objects.base.InvalidPrimitiveException;

/**
 * Parses the input as exactly one JSON value, as Python's {@code json.loads}
 * does: text after the value ({@code {...} junk}, two concatenated primitives)
 * is refused instead of ignored. {@code PrimitiveCodec.parse} ignores it, so the
 * command parses here and hands the tree to the codec.
 */
final class StrictJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    /**
     * @param text the input
     * @return the one JSON value in it
     * @throws InvalidPrimitiveException at {@code $}, worded as the codec words it, when the text is not one JSON value
     */
    static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidPrimitiveException("$", "no JSON value in the input");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidPrimitiveException("$", "not valid JSON: " + e.getOriginalMessage());
        }
    }
}
