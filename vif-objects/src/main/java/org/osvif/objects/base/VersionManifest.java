package org.osvif.objects.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The versions a peer knows, by object name (o.vo's {@code version_manifest}):
 * when an object is written for that peer, each child object is written at the
 * version the manifest names for it, and a child the manifest does not name is
 * left as it is.
 *
 * <p>For a polymorphic field such as {@code port_profile} (declared as
 * {@code VIFPortProfileBase}, holding any subclass), an entry for the child's
 * own class is honoured first; o.vo looks only at the declared class and
 * ignores it. An entry for the declared class still applies when the concrete
 * class has none, as in o.vo.
 */
public final class VersionManifest {
    private final Map<String, ObjectVersion> versions;

    private VersionManifest(Map<String, ObjectVersion> versions) {
        this.versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /**
     * @param versions object name to version
     * @return the manifest
     */
    public static VersionManifest of(Map<String, ObjectVersion> versions) {
        versions.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("manifest entries need a name and a version");
            }
        });
        return new VersionManifest(versions);
    }

    /**
     * Parses {@code Name=1.0,Other=1.1}.
     *
     * @param text comma-separated {@code NAME=VERSION} pairs
     * @return the manifest
     * @throws IllegalArgumentException naming the bad pair
     */
    public static VersionManifest parse(String text) {
        Map<String, ObjectVersion> map = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("manifest entry '" + p + "' is not NAME=VERSION");
            }
            map.put(p.substring(0, eq).strip(), ObjectVersion.parse(p.substring(eq + 1).strip()));
        }
        return new VersionManifest(map);
    }

    /**
     * @param objectName an object name
     * @return the version the peer knows, if named
     */
    public Optional<ObjectVersion> versionOf(String objectName) {
        return Optional.ofNullable(versions.get(objectName));
    }

    /** @return the entries */
    public Map<String, ObjectVersion> asMap() {
        return versions;
    }

    @Override
    public String toString() {
        return versions.toString();
    }
}
