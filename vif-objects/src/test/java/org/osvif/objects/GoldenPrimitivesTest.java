package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.osvif.objects.base.BackportException;
import org.osvif.objects.base.CanonicalJson;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.PrimitiveCodec;
import org.osvif.objects.base.VersionManifest;
import org.osvif.objects.base.VersionedObject;

/**
 * Java against the primitives Python os-vif wrote (tools/ovo/generate_golden.py):
 * reading each one and writing it back gives the same text, and every backport
 * (with and without a manifest) gives the text Python gave, or the same error.
 */
class GoldenPrimitivesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final PrimitiveCodec CODEC = OsVifObjects.codec();

    static String golden(String file) {
        try (InputStream in = GoldenPrimitivesTest.class.getResourceAsStream("/ovo/golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> index() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        MAPPER.readTree(golden("index.json")).forEach(out::add);
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyPythonPrimitiveReadsAndWritesBackIdentically() throws IOException {
        return index().stream().filter(e -> !e.get("file").isNull()).map(e -> e.get("file").asText()).distinct()
                .filter(f -> !f.contains("manifest"))
                .map(file -> DynamicTest.dynamicTest(file, () -> {
                    String text = golden(file);
                    VersionedObject obj = CODEC.fromJson(text);
                    assertThat(CanonicalJson.write(CODEC.toPrimitive(obj))).isEqualTo(text);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyBackportMatchesPython() throws IOException {
        return index().stream().map(e -> DynamicTest.dynamicTest(name(e), () -> {
            VersionedObject source = CODEC.fromJson(golden(e.get("source").asText()));
            ObjectVersion target = ObjectVersion.parse(e.get("version").asText());
            VersionManifest manifest = manifest(e.get("manifest"));
            if (!e.get("error").isNull()) {
                assertThatThrownBy(() -> write(source, target, manifest)).isInstanceOf(BackportException.class)
                        .hasMessageContaining("No rule for");
                return;
            }
            String expected = e.get("upstream_defect").asBoolean() ? golden(e.get("java_expected").asText())
                    : golden(e.get("file").asText());
            assertThat(CanonicalJson.write(write(source, target, manifest))).isEqualTo(expected);
        }));
    }

    private static JsonNode write(VersionedObject o, ObjectVersion target, VersionManifest manifest) {
        return manifest == null ? CODEC.toPrimitive(o, target) : CODEC.toPrimitive(o, target, manifest);
    }

    private static String name(JsonNode e) {
        return e.get("source").asText() + " -> " + e.get("version").asText()
                + (e.get("manifest").isNull() ? "" : " manifest " + e.get("manifest"));
    }

    private static VersionManifest manifest(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        Map<String, ObjectVersion> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> map.put(f.getKey(), ObjectVersion.parse(f.getValue().asText())));
        return VersionManifest.of(map);
    }
}
