package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.ObjectVersion;

/**
 * Pins every class's version and the fingerprint of what shapes its wire form,
 * as upstream's os_vif/tests/unit/test_objects.py pins {@code object_data}: a
 * change to fields, types, defaults or backport rules fails here until the class's
 * version is bumped (with a history entry) and the table is updated.
 */
@DisplayName("Object versions")
class ObjectVersionsTest {

    /** Name to "VERSION-fingerprint", as {@code ObjectType.version() + "-" + ObjectType.fingerprint()}. */
    private static final Map<String, String> OBJECT_DATA = new TreeMap<>(Map.ofEntries(
            Map.entry("DatapathOffloadBase", "1.0-3d3b262353039d53"),
            Map.entry("DatapathOffloadRepresentor", "1.0-daeef9ed6d5328c5"),
            Map.entry("FixedIP", "1.0-de324f92c0706348"),
            Map.entry("FixedIPList", "1.0-47631ffcc8b64b23"),
            Map.entry("HostInfo", "1.0-5e80270efd7f54dd"),
            Map.entry("HostPluginInfo", "1.0-93c40a57e3935182"),
            Map.entry("HostPortProfileInfo", "1.0-b2371a7cf3d7f6cd"),
            Map.entry("HostVIFInfo", "1.1-e8393741cc127dda"),
            Map.entry("InstanceInfo", "1.0-ccc49c4e3ef905b5"),
            Map.entry("Network", "1.1-1e2b5363ab494dd3"),
            Map.entry("Route", "1.0-944fceb701bcddf5"),
            Map.entry("RouteList", "1.0-565bd4811401c1c0"),
            Map.entry("Subnet", "1.0-580d83a6bc83b658"),
            Map.entry("SubnetList", "1.0-cc037beb3bc32213"),
            Map.entry("VIFBase", "1.0-c73be45f01e7232b"),
            Map.entry("VIFBridge", "1.0-d8ce6eaa15386490"),
            Map.entry("VIFDirect", "1.0-524a1aece68de5f2"),
            Map.entry("VIFGeneric", "1.0-c3b35d7bbf7ba0f2"),
            Map.entry("VIFHostDevice", "1.0-9528e9ffc753dd9f"),
            Map.entry("VIFNestedDPDK", "1.0-e03ae0cc493a61e1"),
            Map.entry("VIFOpenVSwitch", "1.0-b9ae3059ca36df37"),
            Map.entry("VIFPortProfile8021Qbg", "1.1-c139b0e2225e6252"),
            Map.entry("VIFPortProfile8021Qbh", "1.1-68889834fb7dfa2e"),
            Map.entry("VIFPortProfileBase", "1.1-e252405ce5d79f78"),
            Map.entry("VIFPortProfileFPBridge", "1.1-17d2522608c23477"),
            Map.entry("VIFPortProfileFPOpenVSwitch", "1.4-ba24472f6ed8cb9c"),
            Map.entry("VIFPortProfileFPTap", "1.1-600b9ac390ea8faf"),
            Map.entry("VIFPortProfileK8sDPDK", "1.1-2da4b2fd9d7b4a54"),
            Map.entry("VIFPortProfileOVSRepresentor", "1.4-90e059b1ec5a4069"),
            Map.entry("VIFPortProfileOpenVSwitch", "1.4-5517e1c93cf7eb8e"),
            Map.entry("VIFVHostUser", "1.1-96a9f81c60553da9")));

    private static Map<String, String> actual() {
        Map<String, String> out = new TreeMap<>();
        for (ObjectType<?> t : OsVifObjects.registry().types()) {
            out.put(t.name(), t.version() + "-" + t.fingerprint());
        }
        return out;
    }

    @Test
    @DisplayName("every class has the pinned version and fingerprint")
    void versions() {
        Map<String, String> actual = actual();
        List<String> changed = new ArrayList<>();
        OBJECT_DATA.forEach((name, expected) -> {
            String now = actual.get(name);
            if (now != null && !now.equals(expected)) {
                changed.add(name + ": pinned " + expected + ", now " + now);
            }
        });
        assertThat(changed)
                .as("Some objects have changed; please make sure the versions have been bumped (with a history "
                        + "entry and backport rules), and then update their fingerprints in OBJECT_DATA:%n%s",
                        String.join("\n", changed))
                .isEmpty();
    }

    @Test
    @DisplayName("the table and the registry name the same 31 classes")
    void sameClasses() {
        assertThat(actual().keySet())
                .as("every class in OsVifObjects.registry() must be pinned in OBJECT_DATA, and only those")
                .containsExactlyElementsOf(OBJECT_DATA.keySet());
        assertThat(OBJECT_DATA).hasSize(31);
    }

    @Test
    @DisplayName("each class's version is the last entry of its history, which is ordered and starts at 1.0")
    void historyEndsAtVersion() {
        for (ObjectType<?> t : OsVifObjects.registry().types()) {
            List<ObjectVersion> history = new ArrayList<>(t.history().keySet());
            assertThat(history).as(t.name()).isNotEmpty().isSorted().doesNotHaveDuplicates();
            assertThat(history.get(0)).as(t.name()).isEqualTo(ObjectVersion.of(1, 0));
            assertThat(history.get(history.size() - 1)).as(t.name()).isEqualTo(t.version());
            assertThat(t.history().values()).as(t.name()).allSatisfy(change -> assertThat(change).isNotBlank());
        }
    }

    @Test
    @DisplayName("each class's fingerprint is stable and differs from every other class's")
    void fingerprintsDistinct() {
        Map<String, List<String>> byFingerprint = new LinkedHashMap<>();
        for (ObjectType<?> t : OsVifObjects.registry().types()) {
            assertThat(t.fingerprint()).as(t.name()).matches("[0-9a-f]{16}").isEqualTo(t.fingerprint());
            byFingerprint.computeIfAbsent(t.fingerprint(), k -> new ArrayList<>()).add(t.name());
        }
        assertThat(byFingerprint.values().stream().filter(l -> l.size() > 1).collect(Collectors.toList())).isEmpty();
    }

    @Test
    @DisplayName("each class's wire name is its OBJ_NAME, found by OsVifObjects.type")
    void names() {
        assertThat(OsVifObjects.type(VifOpenVSwitch.OBJ_NAME)).isSameAs(VifOpenVSwitch.TYPE);
        assertThat(OsVifObjects.type("HostVIFInfo")).isSameAs(HostVifInfo.TYPE);
        assertThat(OsVifObjects.registry().types()).allSatisfy(t -> {
            assertThat(t.namespace()).isEqualTo("os_vif");
            assertThat(OsVifObjects.type(t.name())).isSameAs(t);
        });
    }
}
