package org.osvif.ovsdb.internal;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osvif.ovsdb.OvsdbProtocolException;

/**
 * Splits the server's byte stream into JSON values. OVSDB frames nothing: messages are JSON values one after
 * the other, split across reads or several in one read as TCP pleases, which Jackson's streaming parser
 * handles. The tree is built token by token so that a message larger than the limit is refused while it is
 * read, not after it filled the memory.
 */
public final class MessageReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser parser;
    private final int maxBytes;
    private long start;

    /**
     * @param in the bytes from the server
     * @param maxBytes the largest message accepted
     * @throws IOException when the parser cannot be created
     */
    public MessageReader(InputStream in, int maxBytes) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxBytes).build())
                .build();
        this.parser = factory.createParser(in);
        this.maxBytes = maxBytes;
    }

    /**
     * Reads the next message.
     *
     * @return the message, or null when the stream ended between messages
     * @throws OvsdbProtocolException for malformed JSON, a message larger than the limit, or a stream ending
     *         inside a message
     * @throws IOException when reading fails
     */
    public JsonNode next() throws IOException {
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return null;
            }
            start = parser.currentTokenLocation().getByteOffset();
            if (t != JsonToken.START_OBJECT) {
                throw new OvsdbProtocolException("expected a JSON-RPC object, got " + t.asString() + " at byte "
                        + start);
            }
            return value(t);
        } catch (StreamConstraintsException e) {
            throw tooLarge();
        } catch (JsonProcessingException e) {
            throw new OvsdbProtocolException("malformed JSON from the server: " + e.getOriginalMessage(), e);
        }
    }

    private JsonToken nextToken() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw new OvsdbProtocolException("the stream ended inside a message");
        }
        checkSize();
        return t;
    }

    private void checkSize() {
        if (parser.currentLocation().getByteOffset() - start > maxBytes) {
            throw tooLarge();
        }
    }

    private OvsdbProtocolException tooLarge() {
        return new OvsdbProtocolException("a message from the server is larger than " + maxBytes + " bytes");
    }

    private JsonNode value(JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (JsonToken n = nextToken(); n != JsonToken.END_OBJECT; n = nextToken()) {
                    String name = parser.currentName();
                    o.set(name, value(nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken n = nextToken(); n != JsonToken.END_ARRAY; n = nextToken()) {
                    a.add(value(n));
                }
                return a;
            }
            case VALUE_STRING: {
                String text = parser.getText();
                checkSize();
                return NODES.textNode(text);
            }
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new OvsdbProtocolException("unexpected JSON token " + t);
        }
    }
}
