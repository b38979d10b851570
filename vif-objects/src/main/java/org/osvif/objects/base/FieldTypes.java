package org.osvif.objects.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osvif.objects.types.IpAddress;
import org.osvif.objects.types.IpNetwork;
import org.osvif.objects.types.MacAddress;
import org.osvif.objects.types.PciAddress;

/**
 * The field types of oslo.versionedobjects that os-vif uses, with o.vo's
 * coercions. Where o.vo would silently accept nonsense this library refuses it,
 * and the difference is listed in {@code docs/compatibility.md}: invalid UUIDs
 * (o.vo only warns), JSON strings in boolean fields (o.vo reads {@code "false"}
 * as true), IPv4 addresses with leading zeros, integers beyond 32 bits.
 */
public final class FieldTypes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FieldTypes() {
    }

    /** o.vo {@code String}: text; numbers and booleans from a primitive become their Python {@code str()}. */
    public static final FieldType<String> STRING = new FieldType<>() {
        @Override
        public String describe() {
            return "String";
        }

        @Override
        String accept(Object value) {
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof Integer || value instanceof Long) {
                return value.toString();
            }
            if (value instanceof Boolean b) {
                return b ? "True" : "False";
            }
            if (value instanceof Double || value instanceof Float) {
                return PythonText.floatRepr(((Number) value).doubleValue());
            }
            throw new IllegalArgumentException("A string is required, not a " + typeName(value));
        }

        @Override
        String read(JsonNode node, PrimitiveReader reader, String path) {
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue().toString();
            }
            if (node.isBoolean()) {
                return node.booleanValue() ? "True" : "False";
            }
            if (node.isNumber()) {
                return PythonText.floatRepr(node.doubleValue());
            }
            throw new IllegalArgumentException("A string is required, not a JSON " + jsonType(node));
        }

        @Override
        JsonNode write(String value) {
            return JSON.textNode(value);
        }

        @Override
        String stringify(String value) {
            return "'" + value + "'";
        }
    };

    /** o.vo {@code Integer}: a 32-bit integer; from a primitive also an integral string or a float (truncated). */
    public static final FieldType<Integer> INTEGER = new FieldType<>() {
        @Override
        public String describe() {
            return "Integer";
        }

        @Override
        Integer accept(Object value) {
            if (value instanceof Integer i) {
                return i;
            }
            throw new IllegalArgumentException("An integer is required, not a " + typeName(value));
        }

        @Override
        Integer read(JsonNode node, PrimitiveReader reader, String path) {
            BigDecimal value;
            if (node.isIntegralNumber()) {
                value = new BigDecimal(node.bigIntegerValue());
            } else if (node.isNumber()) {
                double d = node.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("cannot convert float " + PythonText.floatRepr(d) + " to integer");
                }
                value = new BigDecimal(d);
            } else if (node.isBoolean()) {
                value = node.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
            } else if (node.isTextual()) {
                value = PythonText.parseInt(node.textValue());
                if (value == null) {
                    throw new IllegalArgumentException("invalid literal for int() with base 10");
                }
            } else {
                throw new IllegalArgumentException("An integer is required, not a JSON " + jsonType(node));
            }
            try {
                return value.toBigInteger().intValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("integer out of the 32-bit range this library supports");
            }
        }

        @Override
        JsonNode write(Integer value) {
            return JSON.numberNode(value);
        }
    };

    /** o.vo {@code Boolean}: a JSON boolean; from a primitive also a number (zero is false). */
    public static final FieldType<Boolean> BOOLEAN = new FieldType<>() {
        @Override
        public String describe() {
            return "Boolean";
        }

        @Override
        Boolean accept(Object value) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException("A boolean is required, not a " + typeName(value));
        }

        @Override
        Boolean read(JsonNode node, PrimitiveReader reader, String path) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isNumber()) {
                return node.decimalValue().signum() != 0;
            }
            throw new IllegalArgumentException("A boolean is required, not a JSON " + jsonType(node)
                    + " (Python would read any non-empty string, \"false\" included, as True)");
        }

        @Override
        JsonNode write(Boolean value) {
            return JSON.booleanNode(value);
        }

        @Override
        String stringify(Boolean value) {
            return value ? "True" : "False";
        }
    };

    private static final Pattern UUID_FORM = Pattern.compile(
            "(?:urn:uuid:)?\\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\\}?");

    /**
     * o.vo {@code UUID}: kept exactly as written (o.vo does not normalise it), but,
     * unlike o.vo, which only warns, a value Python's {@code uuid.UUID} would not
     * parse is refused.
     */
    public static final FieldType<String> UUID = new FieldType<>() {
        @Override
        public String describe() {
            return "UUID";
        }

        @Override
        String accept(Object value) {
            String s = value instanceof java.util.UUID u ? u.toString() : value instanceof String t ? t : null;
            if (s == null) {
                throw new IllegalArgumentException("A UUID string is required, not a " + typeName(value));
            }
            String body = s.startsWith("urn:uuid:") ? s.substring("urn:uuid:".length()) : s;
            if (!UUID_FORM.matcher(s).matches() || (body.startsWith("{") != body.endsWith("}"))) {
                throw new IllegalArgumentException("Malformed UUID " + s);
            }
            return s;
        }

        @Override
        String read(JsonNode node, PrimitiveReader reader, String path) {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("A UUID string is required, not a JSON " + jsonType(node));
            }
            return accept(node.textValue());
        }

        @Override
        JsonNode write(String value) {
            return JSON.textNode(value);
        }
    };

    /** o.vo {@code MACAddress}: normalised to lowercase with colons. */
    public static final FieldType<MacAddress> MAC_ADDRESS = new TextType<>("MACAddress", MacAddress.class,
            MacAddress::parse);

    /** o.vo {@code PCIAddress}: normalised to lowercase. */
    public static final FieldType<PciAddress> PCI_ADDRESS = new TextType<>("PCIAddress", PciAddress.class,
            PciAddress::parse);

    /** o.vo {@code IPAddress}: IPv4 or IPv6, written as netaddr writes it. */
    public static final FieldType<IpAddress> IP_ADDRESS = new TextType<>("IPAddress", IpAddress.class,
            IpAddress::parse);

    /** o.vo {@code IPNetwork}: an address with a prefix length, host bits kept. */
    public static final FieldType<IpNetwork> IP_NETWORK = new TextType<>("IPNetwork", IpNetwork.class,
            IpNetwork::parse);

    /**
     * o.vo {@code Enum} over a Java enum whose constants carry their wire value.
     *
     * @param name the o.vo field type name, e.g. {@code VIFVHostUserMode}
     * @param type the Java enum
     * @param <E> the enum
     * @return the field type
     */
    public static <E extends Enum<E> & WireEnum> FieldType<E> enumOf(String name, Class<E> type) {
        Map<String, E> byWire = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            byWire.put(e.wireValue(), e);
        }
        String valid = String.join(", ", byWire.keySet());
        return new FieldType<>() {
            @Override
            public String describe() {
                return name + "(" + valid + ")";
            }

            @Override
            E accept(Object value) {
                if (type.isInstance(value)) {
                    return type.cast(value);
                }
                if (value instanceof String s && byWire.containsKey(s)) {
                    return byWire.get(s);
                }
                throw new IllegalArgumentException("Field value " + value + " is invalid (valid: " + valid + ")");
            }

            @Override
            E read(JsonNode node, PrimitiveReader reader, String path) {
                E e = node.isTextual() ? byWire.get(node.textValue()) : null;
                if (e == null) {
                    throw new IllegalArgumentException("Field value " + preview(node) + " is invalid (valid: " + valid
                            + ")");
                }
                return e;
            }

            @Override
            JsonNode write(E value) {
                return JSON.textNode(value.wireValue());
            }

            @Override
            String stringify(E value) {
                return "'" + value.wireValue() + "'";
            }
        };
    }

    /**
     * o.vo {@code List}: a list of values of one type; the list and its elements are never null.
     *
     * @param element the element type
     * @param <E> the element's Java type
     * @return the field type
     */
    public static <E> FieldType<List<E>> listOf(FieldType<E> element) {
        return new ListType<>(element);
    }

    /**
     * o.vo {@code Object}: a nested versioned object of one declared class, or,
     * with {@code subclasses}, of that class or any subclass.
     *
     * @param declared the declared object type (supplied lazily, so classes may refer to each other)
     * @param subclasses whether subclasses are accepted
     * @param <T> the Java class
     * @return the field type
     */
    public static <T extends VersionedObject> FieldType<T> object(Supplier<ObjectType<T>> declared,
            boolean subclasses) {
        return new ObjectFieldType<>(declared, subclasses);
    }

    /**
     * o.vo {@code ListOfObjectsField}: a list of versioned objects of exactly one class.
     *
     * @param declared the element type
     * @param <T> the Java class
     * @return the field type
     */
    public static <T extends VersionedObject> FieldType<List<T>> listOfObjects(Supplier<ObjectType<T>> declared) {
        return new ListType<>(new ObjectFieldType<>(declared, false));
    }

    static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static final int PREVIEW_DEPTH = 100;

    /**
     * A JSON value as compact text for an error message. Jackson cannot write a
     * tree nested deeper than its limit (it throws a plain RuntimeException), so
     * such a value is described instead of written.
     */
    static String preview(JsonNode node) {
        return nestsDeeperThan(node, PREVIEW_DEPTH) ? "<a JSON " + jsonType(node) + " nested deeper than "
                + PREVIEW_DEPTH + " levels>" : node.toString();
    }

    private static boolean nestsDeeperThan(JsonNode node, int levels) {
        if (!node.isContainerNode()) {
            return false;
        }
        if (levels == 0) {
            return true;
        }
        for (JsonNode child : node) {
            if (nestsDeeperThan(child, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    static String jsonType(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL, MISSING -> "null";
            case BINARY -> "binary";
        };
    }

    /** A type whose values are written as text and parsed by one function. */
    private static final class TextType<T> extends FieldType<T> {
        private final String name;
        private final Class<T> javaType;
        private final java.util.function.Function<String, T> parser;

        TextType(String name, Class<T> javaType, java.util.function.Function<String, T> parser) {
            this.name = name;
            this.javaType = javaType;
            this.parser = parser;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        T accept(Object value) {
            if (javaType.isInstance(value)) {
                return javaType.cast(value);
            }
            if (value instanceof String s) {
                return parser.apply(s);
            }
            throw new IllegalArgumentException("A " + name + " is required, not a " + typeName(value));
        }

        @Override
        T read(JsonNode node, PrimitiveReader reader, String path) {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("A " + name + " string is required, not a JSON " + jsonType(node));
            }
            return parser.apply(node.textValue());
        }

        @Override
        JsonNode write(T value) {
            return JSON.textNode(value.toString());
        }
    }

    /** A list of one element type. */
    private static final class ListType<E> extends FieldType<List<E>> {
        private final FieldType<E> element;

        ListType(FieldType<E> element) {
            this.element = element;
        }

        @Override
        public String describe() {
            return "List<" + element.describe() + ">";
        }

        @Override
        List<E> accept(Object value) {
            if (!(value instanceof Collection<?> c)) {
                throw new IllegalArgumentException("A list is required, not a " + typeName(value));
            }
            List<E> out = new ArrayList<>(c.size());
            for (Object o : c) {
                if (o == null) {
                    throw new IllegalArgumentException("list elements cannot be None");
                }
                out.add(element.accept(o));
            }
            return Collections.unmodifiableList(out);
        }

        @Override
        List<E> read(JsonNode node, PrimitiveReader reader, String path) {
            if (!node.isArray()) {
                throw new IllegalArgumentException("A list is required, not a JSON " + jsonType(node));
            }
            List<E> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isNull()) {
                    throw new IllegalArgumentException("list element [" + i + "] cannot be None");
                }
                try {
                    out.add(element.read(item, reader, path + "[" + i + "]"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("list element [" + i + "]: " + e.getMessage(), e);
                }
            }
            return Collections.unmodifiableList(out);
        }

        @Override
        JsonNode write(List<E> value) {
            ArrayNode out = JSON.arrayNode(value.size());
            for (E e : value) {
                out.add(element.write(e));
            }
            return out;
        }

        @Override
        String stringify(List<E> value) {
            return value.stream().map(element::stringify).collect(Collectors.joining(",", "[", "]"));
        }

        @Override
        boolean holdsObjects() {
            return element.holdsObjects();
        }

        @Override
        String objectName() {
            return element.objectName();
        }
    }

    /** A nested versioned object. */
    static final class ObjectFieldType<T extends VersionedObject> extends FieldType<T> {
        private final Supplier<ObjectType<T>> declared;
        private final boolean subclasses;

        ObjectFieldType(Supplier<ObjectType<T>> declared, boolean subclasses) {
            this.declared = declared;
            this.subclasses = subclasses;
        }

        ObjectType<T> declared() {
            return declared.get();
        }

        @Override
        public String describe() {
            return "Object<" + declared().name() + (subclasses ? ",subclasses" : "") + ">";
        }

        @Override
        T accept(Object value) {
            if (!(value instanceof VersionedObject o)) {
                throw new IllegalArgumentException("An object of type " + declared().name()
                        + " is required, not a " + typeName(value));
            }
            check(o.objectType());
            return declared().javaClass().cast(value);
        }

        private void check(ObjectType<?> actual) {
            ObjectType<T> want = declared();
            if (subclasses ? !actual.isSubtypeOf(want) : actual != want) {
                throw new IllegalArgumentException("An object of type " + want.name()
                        + (subclasses ? " (or a subclass)" : "") + " is required, not a " + actual.name());
            }
        }

        @Override
        T read(JsonNode node, PrimitiveReader reader, String path) {
            VersionedObject o = reader.readObject(node, path);
            check(o.objectType());
            return declared().javaClass().cast(o);
        }

        @Override
        JsonNode write(T value) {
            return PrimitiveWriter.writeObject(value, null, null);
        }

        @Override
        String stringify(T value) {
            return value.objectType().name() + value.identity();
        }

        @Override
        boolean holdsObjects() {
            return true;
        }

        @Override
        String objectName() {
            return declared().name();
        }

        boolean polymorphic() {
            return subclasses;
        }
    }
}
