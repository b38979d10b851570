package org.osvif.objects.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osvif.objects.Network;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.Subnet;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifVHostUser;

/**
 * Malformed primitives: every kind is refused with the documented
 * {@link ObjectException} subclass and a message naming where the problem is,
 * never with another exception (no NPE, ClassCastException or StackOverflowError).
 */
@DisplayName("PrimitiveReader (through PrimitiveCodec)")
class PrimitiveReaderTest {
    private static final PrimitiveCodec CODEC = OsVifObjects.codec();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String NAME = "versioned_object.name";
    private static final String NAMESPACE = "versioned_object.namespace";
    private static final String VERSION = "versioned_object.version";
    private static final String DATA = "versioned_object.data";
    private static final String CHANGES = "versioned_object.changes";

    /** A valid VIFOpenVSwitch 1.0 primitive to break. */
    static ObjectNode vif() {
        ObjectNode p = JSON.objectNode();
        p.put(NAME, "VIFOpenVSwitch");
        p.put(NAMESPACE, "os_vif");
        p.put(VERSION, "1.0");
        p.putObject(DATA).put("vif_name", "tap0").put("plugin", "ovs");
        p.putArray(CHANGES).add("vif_name").add("plugin");
        return p;
    }

    static ObjectNode envelope(String name, String version) {
        ObjectNode p = JSON.objectNode();
        p.put(NAME, name);
        p.put(NAMESPACE, "os_vif");
        p.put(VERSION, version);
        p.putObject(DATA);
        return p;
    }

    static void invalid(JsonNode primitive, String path, String reason) {
        assertThatThrownBy(() -> CODEC.fromPrimitive(primitive))
                .isExactlyInstanceOf(InvalidPrimitiveException.class)
                .hasMessage("invalid primitive at " + path + ": " + reason)
                .satisfies(e -> assertThat(((InvalidPrimitiveException) e).path()).isEqualTo(path));
    }

    @Test
    @DisplayName("reads a valid primitive, keeping its changes")
    void valid() {
        VifOpenVSwitch v = CODEC.fromPrimitive(vif(), VifOpenVSwitch.TYPE);
        assertThat(v.vifName()).isEqualTo("tap0");
        assertThat(v.changedFields()).containsExactly("plugin", "vif_name");
        assertThat(v.setFields()).containsExactly("plugin", "vif_name");
    }

    @Nested
    @DisplayName("the envelope")
    class EnvelopeShape {

        @ParameterizedTest(name = "{0}")
        @DisplayName("must be a JSON object")
        @ValueSource(strings = {"[]", "[{}]", "\"VIFOpenVSwitch\"", "5", "1.5", "true", "null"})
        void notAnObject(String json) {
            String type = json.startsWith("[") ? "array" : json.startsWith("\"") ? "string"
                    : json.equals("true") ? "boolean" : json.equals("null") ? "null" : "number";
            assertThatThrownBy(() -> CODEC.fromJson(json)).isExactlyInstanceOf(InvalidPrimitiveException.class)
                    .hasMessage("invalid primitive at $: a primitive must be a JSON object, not a JSON " + type);
        }

        @Test
        @DisplayName("must be there at all")
        void missing() {
            invalid(null, "$", "a primitive must be a JSON object, not nothing");
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("must hold the name, namespace, version and data keys")
        @ValueSource(strings = {NAME, NAMESPACE, VERSION, DATA})
        void missingKey(String key) {
            ObjectNode p = vif();
            p.remove(key);
            invalid(p, "$", "'" + key + "' is missing");
        }

        @Test
        @DisplayName("may lack the changes key")
        void noChanges() {
            ObjectNode p = vif();
            p.remove(CHANGES);
            assertThat(CODEC.fromPrimitive(p).changedFields()).isEmpty();
            p.putNull(CHANGES);
            assertThat(CODEC.fromPrimitive(p).changedFields()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("name, namespace and version must be strings")
        @ValueSource(strings = {NAME, NAMESPACE, VERSION})
        void keyOfWrongType(String key) {
            for (Supplier<JsonNode> junk : List.<Supplier<JsonNode>>of(() -> JSON.numberNode(1),
                    () -> JSON.numberNode(1.0), JSON::nullNode, () -> JSON.booleanNode(true), JSON::arrayNode,
                    JSON::objectNode)) {
                ObjectNode p = vif();
                JsonNode value = junk.get();
                p.set(key, value);
                invalid(p, "$." + key, "must be a string, not a JSON " + FieldTypes.jsonType(value));
            }
        }

        @Test
        @DisplayName("data must be a JSON object")
        void dataNotAnObject() {
            for (JsonNode junk : List.<JsonNode>of(JSON.arrayNode(), JSON.textNode("{}"), JSON.numberNode(0),
                    JSON.nullNode(), JSON.booleanNode(false))) {
                ObjectNode p = vif();
                p.set(DATA, junk);
                invalid(p, "$", "'" + DATA + "' must be a JSON object, not a JSON " + FieldTypes.jsonType(junk));
            }
        }

        @Test
        @DisplayName("changes must be a list of strings")
        void changesNotAList() {
            ObjectNode p = vif();
            p.put(CHANGES, "vif_name");
            invalid(p, "$." + CHANGES, "must be a list of field names");
            p.putObject(CHANGES);
            invalid(p, "$." + CHANGES, "must be a list of field names");
            p.putArray(CHANGES).add("vif_name").add(1);
            invalid(p, "$." + CHANGES, "must be a list of field names, found a JSON number");
            p.putArray(CHANGES).addNull();
            invalid(p, "$." + CHANGES, "must be a list of field names, found a JSON null");
            p.putArray(CHANGES).addArray().add("vif_name");
            invalid(p, "$." + CHANGES, "must be a list of field names, found a JSON array");
        }

        @Test
        @DisplayName("changes naming unknown fields are ignored, as o.vo ignores them")
        void unknownChanges() {
            ObjectNode p = vif();
            p.putArray(CHANGES).add("vif_name").add("no_such_field");
            assertThat(CODEC.fromPrimitive(p).changedFields()).containsExactly("vif_name");
        }

        @Test
        @DisplayName("data keys naming unknown fields are ignored, as o.vo ignores them")
        void unknownData() {
            ObjectNode p = vif();
            ((ObjectNode) p.get(DATA)).put("no_such_field", 1);
            assertThat(CODEC.fromPrimitive(p).setFields()).containsExactly("plugin", "vif_name");
        }
    }

    @Nested
    @DisplayName("the object name")
    class Names {

        @Test
        @DisplayName("must be known")
        void unknownName() {
            ObjectNode p = vif();
            p.put(NAME, "VIFFishFood");
            assertThatThrownBy(() -> CODEC.fromPrimitive(p)).isInstanceOfSatisfying(UnsupportedObjectException.class,
                    e -> {
                        assertThat(e.objectType()).isEqualTo("VIFFishFood");
                        assertThat(e.path()).isEqualTo("$");
                        assertThat(e).hasMessage("invalid primitive at $: unknown object name 'VIFFishFood'");
                    });
        }

        @Test
        @DisplayName("must be in the os_vif namespace")
        void foreignNamespace() {
            ObjectNode p = vif();
            p.put(NAMESPACE, "nova");
            assertThatThrownBy(() -> CODEC.fromPrimitive(p)).isInstanceOfSatisfying(UnsupportedObjectException.class,
                    e -> {
                        assertThat(e.objectType()).isEqualTo("nova.VIFOpenVSwitch");
                        assertThat(e).hasMessage("invalid primitive at $: object nova.VIFOpenVSwitch is not in the "
                                + "namespace 'os_vif'");
                    });
        }

        @Test
        @DisplayName("of a nested object is checked too, with its path")
        void nested() {
            ObjectNode p = vif();
            ObjectNode net = envelope("Network", "1.1");
            net.put(NAMESPACE, "neutron");
            ((ObjectNode) p.get(DATA)).set("network", net);
            assertThatThrownBy(() -> CODEC.fromPrimitive(p)).isInstanceOfSatisfying(UnsupportedObjectException.class,
                    e -> {
                        assertThat(e.objectType()).isEqualTo("neutron.Network");
                        assertThat(e.path()).isEqualTo("$.versioned_object.data.network");
                    });
        }

        @Test
        @DisplayName("must be the expected class when one is asked for")
        void expectedClass() {
            assertThatThrownBy(() -> CODEC.fromPrimitive(envelope("Subnet", "1.0"), Network.TYPE))
                    .isInstanceOfSatisfying(UnsupportedObjectException.class, e -> {
                        assertThat(e.objectType()).isEqualTo("Subnet");
                        assertThat(e).hasMessage("invalid primitive at $: expected a Network but the primitive holds "
                                + "a Subnet");
                    });
        }
    }

    @Nested
    @DisplayName("the version")
    class Versions {

        @Test
        @DisplayName("of another major version is refused, naming both versions")
        void otherMajor() {
            assertThatThrownBy(() -> CODEC.fromPrimitive(envelope("VIFOpenVSwitch", "2.0")))
                    .isInstanceOfSatisfying(IncompatibleObjectVersionException.class, e -> {
                        assertThat(e.objectName()).isEqualTo("VIFOpenVSwitch");
                        assertThat(e.requested()).isEqualTo(ObjectVersion.of(2, 0));
                        assertThat(e.supported()).isEqualTo(ObjectVersion.of(1, 0));
                        assertThat(e).hasMessage("invalid primitive at $: version 2.0 of VIFOpenVSwitch is not "
                                + "supported (this library knows VIFOpenVSwitch 1.0 and reads 1.0 to 1.0)");
                    });
            assertThatThrownBy(() -> CODEC.fromPrimitive(envelope("Network", "0.9")))
                    .isInstanceOf(IncompatibleObjectVersionException.class)
                    .hasMessageContaining("version 0.9 of Network").hasMessageContaining("Network 1.1");
        }

        @Test
        @DisplayName("of a newer minor version is refused, naming both versions")
        void newerMinor() {
            assertThatThrownBy(() -> CODEC.fromPrimitive(envelope("Network", "1.9")))
                    .isInstanceOfSatisfying(IncompatibleObjectVersionException.class, e -> {
                        assertThat(e.requested()).isEqualTo(ObjectVersion.of(1, 9));
                        assertThat(e.supported()).isEqualTo(ObjectVersion.of(1, 1));
                        assertThat(e).hasMessage("invalid primitive at $: version 1.9 of Network is not supported "
                                + "(this library knows Network 1.1 and reads 1.0 to 1.1)");
                    });
        }

        @Test
        @DisplayName("of an older minor version is read and kept")
        void olderMinor() {
            ObjectNode user = envelope("VIFVHostUser", "1.0");
            ((ObjectNode) user.get(DATA)).put("path", "/var/run/sock").put("mode", "client");
            VifVHostUser read = CODEC.fromPrimitive(user, VifVHostUser.TYPE);
            assertThat(read.version()).isEqualTo(ObjectVersion.of(1, 0));
            assertThat(read.path()).isEqualTo("/var/run/sock");
            assertThat(CODEC.toPrimitive(read)).isEqualTo(user);

            ObjectNode net = envelope("Network", "1.0");
            ((ObjectNode) net.get(DATA)).put("label", "public");
            Network n = CODEC.fromPrimitive(net, Network.TYPE);
            assertThat(n.version()).isEqualTo(ObjectVersion.of(1, 0));
            assertThat(n.label()).isEqualTo("public");
            assertThat(CODEC.toPrimitive(n).get(VERSION).textValue()).isEqualTo("1.0");
        }

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("that is not MAJOR.MINOR is refused")
        @ValueSource(strings = {"1", "1.x", "v1.0", "", "1.0.0", "1.", ".1", "1.-1", "-1.0", " 1.0", "1.0 ", "1,0",
            "99999999999.0", "1.0a", "\u0661.\u0660"})
        void malformed(String version) {
            ObjectNode p = vif();
            p.put(VERSION, version);
            invalid(p, "$." + VERSION, "'" + version + "' is not a version of the form MAJOR.MINOR");
        }
    }

    @Nested
    @DisplayName("deep nesting")
    class Nesting {

        /** VIFOpenVSwitch → data.network → VIFOpenVSwitch → ... {@code depth} levels, built without recursion. */
        ObjectNode nestedThroughNetwork(int depth) {
            ObjectNode inner = vif();
            for (int i = 1; i < depth; i++) {
                ObjectNode outer = vif();
                ((ObjectNode) outer.get(DATA)).set("network", inner);
                inner = outer;
            }
            return inner;
        }

        @Test
        @DisplayName("of 10000 objects ends in InvalidPrimitiveException, not StackOverflowError")
        void deepObjects() {
            ObjectNode p = nestedThroughNetwork(10_000);
            assertThatThrownBy(() -> CODEC.fromPrimitive(p)).isExactlyInstanceOf(InvalidPrimitiveException.class)
                    .hasMessageEndingWith("objects nest deeper than " + PrimitiveReader.MAX_DEPTH + " levels")
                    .hasMessageStartingWith("invalid primitive at $" + ".versioned_object.data.network".repeat(
                            PrimitiveReader.MAX_DEPTH));
        }

        @Test
        @DisplayName("of objects is read to the reader's depth limit and refused just past it")
        void depthLimit() {
            // at the limit the reader gets to the innermost object and refuses it for its class
            ObjectNode atLimit = nestedThroughNetwork(PrimitiveReader.MAX_DEPTH);
            assertThatThrownBy(() -> CODEC.fromPrimitive(atLimit))
                    .isExactlyInstanceOf(InvalidFieldValueException.class)
                    .hasMessageContaining("An object of type Network is required, not a VIFOpenVSwitch");
            ObjectNode tooDeep = nestedThroughNetwork(PrimitiveReader.MAX_DEPTH + 1);
            assertThatThrownBy(() -> CODEC.fromPrimitive(tooDeep))
                    .isExactlyInstanceOf(InvalidPrimitiveException.class)
                    .hasMessageEndingWith("objects nest deeper than " + PrimitiveReader.MAX_DEPTH + " levels");
        }

        @Test
        @DisplayName("of 10000 objects as JSON text ends in InvalidPrimitiveException")
        void deepObjectsText() {
            StringBuilder sb = new StringBuilder();
            String head = "{\"versioned_object.name\": \"VIFOpenVSwitch\", \"versioned_object.namespace\": "
                    + "\"os_vif\", \"versioned_object.version\": \"1.0\", \"versioned_object.data\": {\"network\": ";
            int depth = 10_000;
            sb.append(head.repeat(depth)).append("null").append("}}".repeat(depth));
            assertThatThrownBy(() -> CODEC.fromJson(sb.toString()))
                    .isExactlyInstanceOf(InvalidPrimitiveException.class)
                    .hasMessageStartingWith("invalid primitive at $: not valid JSON: ");
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("of 10000 arrays in a field ends in the field's refusal")
        @ValueSource(strings = {"dns", "gateway", "ips", "cidr"})
        void deepArrays(String field) {
            ArrayNode deep = JSON.arrayNode();
            ArrayNode cur = deep;
            for (int i = 0; i < 10_000; i++) {
                cur = cur.addArray();
            }
            ObjectNode p = envelope("Subnet", "1.0");
            ((ObjectNode) p.get(DATA)).set(field, deep);
            assertThatThrownBy(() -> CODEC.fromPrimitive(p)).isInstanceOf(ObjectException.class)
                    .hasMessageContaining("$.versioned_object.data." + field);
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("of 10000 arrays in a scalar field ends in InvalidFieldValueException")
        @ValueSource(strings = {"vif_name", "mode", "path", "active", "address", "id"})
        void deepArraysInScalars(String field) {
            ArrayNode deep = JSON.arrayNode();
            ArrayNode cur = deep;
            for (int i = 0; i < 10_000; i++) {
                cur = cur.addArray();
            }
            ObjectNode p = envelope("VIFVHostUser", "1.1");
            ((ObjectNode) p.get(DATA)).set(field, deep);
            assertThatThrownBy(() -> CODEC.fromPrimitive(p)).isInstanceOfSatisfying(InvalidFieldValueException.class,
                    e -> {
                        assertThat(e.path()).isEqualTo("$.versioned_object.data." + field);
                        assertThat(e.value()).isEqualTo("<a JSON array nested deeper than 100 levels>");
                    });
        }

        @Test
        @DisplayName("of 10000 arrays as JSON text ends in InvalidPrimitiveException")
        void deepArraysText() {
            String json = "{\"versioned_object.name\": \"Subnet\", \"versioned_object.namespace\": \"os_vif\", "
                    + "\"versioned_object.version\": \"1.0\", \"versioned_object.data\": {\"dns\": "
                    + "[".repeat(10_000) + "]".repeat(10_000) + "}}";
            assertThatThrownBy(() -> CODEC.fromJson(json)).isExactlyInstanceOf(InvalidPrimitiveException.class)
                    .hasMessageStartingWith("invalid primitive at $: not valid JSON: ");
        }
    }

    @Nested
    @DisplayName("text that is not one JSON value")
    class Text {

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("is refused by parse()")
        @ValueSource(strings = {"{", "{\"a\": }", "{'a': 1}", "[1,]", "nul", "{\"a\": NaN}", "/* c */ {}", "\u0000",
            "{} {}", "{\"a\": 1} x", "[] ]"})
        void notJson(String text) {
            assertThatThrownBy(() -> PrimitiveCodec.parse(text)).isExactlyInstanceOf(InvalidPrimitiveException.class)
                    .hasMessageStartingWith("invalid primitive at $: ");
            assertThatThrownBy(() -> CODEC.fromJson(text)).isExactlyInstanceOf(InvalidPrimitiveException.class);
        }

        @ParameterizedTest(name = "''{0}''")
        @DisplayName("is refused when there is no value at all")
        @ValueSource(strings = {"", " ", "\n\t"})
        void empty(String text) {
            assertThatThrownBy(() -> PrimitiveCodec.parse(text)).isExactlyInstanceOf(InvalidPrimitiveException.class)
                    .hasMessage("invalid primitive at $: no JSON value in the input");
        }

        @Test
        @DisplayName("is refused when null")
        void nullText() {
            assertThatThrownBy(() -> CODEC.fromJson(null)).isExactlyInstanceOf(InvalidPrimitiveException.class)
                    .hasMessage("invalid primitive at $: no JSON value in the input");
        }

        @Test
        @DisplayName("surrounded by white space is fine")
        void whitespace() {
            assertThat(PrimitiveCodec.parse("\n {\"a\": [1, 2.5, \"x\"]} \n")).hasToString("{\"a\":[1,2.5,\"x\"]}");
        }
    }

    @Nested
    @DisplayName("mutated golden primitives")
    class Mutations {
        private static final int MUTATIONS_PER_FILE = 60;

        private List<String> goldenFiles() throws IOException {
            List<String> files = new ArrayList<>();
            for (JsonNode e : MAPPER.readTree(golden("index.json"))) {
                if (!e.get("file").isNull() && !files.contains(e.get("file").asText())) {
                    files.add(e.get("file").asText());
                }
            }
            return files;
        }

        private String golden(String file) throws IOException {
            try (InputStream in = PrimitiveReaderTest.class.getResourceAsStream("/ovo/golden/" + file)) {
                assertThat(in).as(file).isNotNull();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        /** Every container and leaf of the tree, each with its parent and key (or index). */
        private record Spot(JsonNode parent, String key, int index) {
        }

        private void spots(JsonNode node, List<Spot> out) {
            if (node.isObject()) {
                node.fieldNames().forEachRemaining(k -> {
                    out.add(new Spot(node, k, -1));
                    spots(node.get(k), out);
                });
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    out.add(new Spot(node, null, i));
                    spots(node.get(i), out);
                }
            }
        }

        private JsonNode junk(Random r, JsonNode current) {
            List<JsonNode> options = new ArrayList<>(List.of(JSON.textNode("junk"), JSON.textNode(""),
                    JSON.numberNode(7), JSON.numberNode(-1), JSON.numberNode(1.5), JSON.numberNode(1L << 40),
                    JSON.booleanNode(true), JSON.booleanNode(false), JSON.nullNode(), JSON.arrayNode(),
                    JSON.objectNode(), JSON.arrayNode().add(JSON.arrayNode()).add("x"),
                    JSON.objectNode().set("versioned_object.data", JSON.objectNode()), JSON.textNode("1.0"),
                    JSON.textNode("VIFOpenVSwitch"), JSON.textNode("fa:16:3e:00:00:01"), JSON.textNode("10.0.0.1")));
            options.removeIf(o -> o.getNodeType() == current.getNodeType() && o.equals(current));
            return options.get(r.nextInt(options.size()));
        }

        /** Every older version, with and without a manifest of the oldest versions, ends in a primitive or a BackportException. */
        private void backports(VersionedObject o, String what) {
            for (ObjectVersion v : o.objectType().history().keySet()) {
                if (o.version().isBefore(v)) {
                    continue;
                }
                for (VersionManifest m : new VersionManifest[] {null, OLDEST}) {
                    try {
                        JsonNode p = m == null ? CODEC.toPrimitive(o, v) : CODEC.toPrimitive(o, v, m);
                        assertThat(p.get(VERSION).textValue()).as(what).isEqualTo(v.toString());
                    } catch (BackportException e) {
                        assertThat(e.getMessage()).as(what).isNotBlank();
                    }
                }
            }
        }

        private static final VersionManifest OLDEST = VersionManifest.of(OsVifObjects.registry().types().stream()
                .collect(java.util.stream.Collectors.toMap(ObjectType::name, t -> ObjectVersion.of(1, 0))));

        @TestFactory
        @DisplayName("end in success or an ObjectException, nothing else")
        Stream<DynamicTest> onlyObjectExceptions() throws IOException {
            return goldenFiles().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
                String text = golden(file);
                Random r = new Random(file.hashCode() * 31L + 12345);
                int refused = 0;
                for (int n = 0; n < MUTATIONS_PER_FILE; n++) {
                    JsonNode tree = MAPPER.readTree(text);
                    List<Spot> spots = new ArrayList<>();
                    spots(tree, spots);
                    Spot s = spots.get(r.nextInt(spots.size()));
                    String what;
                    if (s.key != null) {
                        ObjectNode parent = (ObjectNode) s.parent;
                        int op = r.nextInt(4);
                        if (op == 0) {
                            parent.remove(s.key);
                            what = "removed " + s.key;
                        } else if (op == 1) {
                            JsonNode v = parent.remove(s.key);
                            parent.set(s.key + "x", v);
                            what = "renamed " + s.key;
                        } else {
                            JsonNode j = junk(r, parent.get(s.key));
                            parent.set(s.key, j);
                            what = s.key + " = " + j;
                        }
                    } else {
                        ArrayNode parent = (ArrayNode) s.parent;
                        JsonNode j = junk(r, parent.get(s.index));
                        parent.set(s.index, j);
                        what = "[" + s.index + "] = " + j;
                    }
                    try {
                        VersionedObject o = CODEC.fromPrimitive(tree);
                        // what is read must also write and read back unchanged, and write at older versions
                        assertThat(CODEC.fromPrimitive(CODEC.toPrimitive(o))).as(what).isEqualTo(o);
                        assertThat(o.toString()).as(what).startsWith(o.objectName() + "(");
                        backports(o, what);
                    } catch (ObjectException e) {
                        assertThat(e.getMessage()).as(what).isNotBlank();
                        refused++;
                    } catch (Throwable t) {
                        throw new AssertionError(file + ", " + what + ": " + t, t);
                    }
                }
                assertThat(refused).as("mutations refused for " + file).isPositive();
            }));
        }
    }
}
