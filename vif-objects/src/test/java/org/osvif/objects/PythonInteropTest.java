package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osvif.objects.base.BackportException;
import org.osvif.objects.base.CanonicalJson;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.PrimitiveCodec;
import org.osvif.objects.base.VersionManifest;
import org.osvif.objects.base.VersionedObject;

/**
 * Java and the real Python os-vif exchange primitives in both directions:
 * Python reads every primitive Java writes (at every version Python knows) and
 * writes it back equal, and Java reads every primitive Python writes fresh.
 */
@DisplayName("Interop with Python os-vif")
class PythonInteropTest {
    private static final PrimitiveCodec CODEC = OsVifObjects.codec();
    /** What Debian's os-vif 3.0.0 knows that differs from 5.1: the Open vSwitch profiles stop at 1.3. */
    private static final VersionManifest UPSTREAM_300 = VersionManifest.of(Map.of(
            VifPortProfileOpenVSwitch.OBJ_NAME, ObjectVersion.of(1, 3),
            VifPortProfileFpOpenVSwitch.OBJ_NAME, ObjectVersion.of(1, 3),
            VifPortProfileOvsRepresentor.OBJ_NAME, ObjectVersion.of(1, 3)));

    @BeforeAll
    static void requirePython() {
        PythonOsVif.require();
    }

    @Test
    @DisplayName("Python 5.1 reads and rewrites every object Java builds, at every version")
    void pythonReadsWhatJavaWrites(@TempDir Path dir) throws IOException {
        int written = 0;
        for (VersionedObject o : javaBuiltObjects()) {
            for (ObjectVersion v : o.objectType().history().keySet()) {
                try {
                    write(dir, o, CODEC.toPrimitive(o, v), v.toString());
                    written++;
                } catch (BackportException e) {
                    // o.vo refuses the same backports (no rule for a child); GoldenPrimitivesTest pins that.
                    assertThat(e).hasMessageContaining("No rule for");
                }
            }
        }
        assertThat(written).as("primitives written").isGreaterThan(80);
        assertRoundTrip(dir, "5.1", written);
    }

    @Test
    @DisplayName("Debian's unpatched os-vif 3.0.0 reads what Java writes for it with a manifest")
    void oldPythonReadsBackportedPrimitives(@TempDir Path dir) throws IOException {
        int written = 0;
        for (VersionedObject o : javaBuiltObjects()) {
            ObjectVersion known = UPSTREAM_300.versionOf(o.objectName()).orElse(o.version());
            write(dir, o, CODEC.toPrimitive(o, known, UPSTREAM_300), "for300");
            written++;
        }
        assertRoundTrip(dir, "3.0.0", written);
    }

    @Test
    @DisplayName("Java reads every primitive Python writes fresh and writes the same text back")
    void javaReadsWhatPythonWrites(@TempDir Path dir) throws IOException {
        PythonOsVif.Run run = PythonOsVif.interop("write", dir.toString(), "--upstream", "5.1");
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(CanonicalJson.write(CODEC.toPrimitive(CODEC.fromJson(text)))).as(f.getFileName().toString())
                    .isEqualTo(text);
        }
    }

    private static void assertRoundTrip(Path dir, String upstream, int expected) throws IOException {
        PythonOsVif.Run run = PythonOsVif.interop("roundtrip", dir.toString(), "--upstream", upstream);
        assertThat(run.exitCode()).as("interop.py roundtrip --upstream %s:%n%s", upstream, run.output()).isZero();
        assertThat(run.output()).contains(expected + " passed, 0 failed");
    }

    private static void write(Path dir, VersionedObject o, com.fasterxml.jackson.databind.JsonNode p, String tag)
            throws IOException {
        String name = o.objectName() + "." + Integer.toHexString(System.identityHashCode(o)) + "." + tag + ".json";
        Files.writeString(dir.resolve(name), CanonicalJson.write(p), StandardCharsets.UTF_8);
    }

    /**
     * Every instantiable class, full and sparse, built fresh through the Java
     * builders from the values of the golden cases (so changes are what a Java
     * caller gets, not what Python recorded).
     */
    static List<VersionedObject> javaBuiltObjects() throws IOException {
        List<VersionedObject> out = new ArrayList<>();
        for (var entry : GoldenPrimitivesTest.index()) {
            String source = entry.get("source").asText();
            if (!entry.get("file").asText("").equals(source)) {
                continue;
            }
            VersionedObject read = CODEC.fromJson(GoldenPrimitivesTest.golden(source));
            VersionedObject fresh = rebuild(read);
            if (fresh != null) {
                out.add(fresh);
            }
        }
        return out;
    }

    /** A freshly built copy through the class's public builder; null for abstract bases. */
    static VersionedObject rebuild(VersionedObject o) {
        VersionedObject.Builder<?, ?> b;
        try {
            b = (VersionedObject.Builder<?, ?>) o.objectType().javaClass().getMethod("builder").invoke(null);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        for (Field<?> f : o.objectType().fields()) {
            if (!o.isSet(f)) {
                continue;
            }
            b.setAny(f.name(), copy(o.get(f)));
        }
        return b.build();
    }

    private static Object copy(Object v) {
        if (v instanceof VersionedObject child) {
            return rebuild(child);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(PythonInteropTest::copy).toList();
        }
        return v;
    }
}
