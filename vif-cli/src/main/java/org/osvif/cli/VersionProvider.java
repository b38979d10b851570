package org.osvif.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code vifctl --version} prints: {@code vifctl <project version>}, taken
 * from the resource Maven generates, else from the jar manifest, else {@code dev}.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
    private static final String RESOURCE = "vifctl-version.properties";

    @Override
    public String[] getVersion() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add("vifctl " + version() + " (os-vif for Java; objects of os-vif 5.1)");
        StringBuilder objects = new StringBuilder("objects:");
        org.osvif.objects.OsVifObjects.registry().types().stream()
                .sorted(java.util.Comparator.comparing(org.osvif.objects.base.ObjectType::name))
                .forEach(t -> objects.append(' ').append(t.name()).append(' ').append(t.version()).append(','));
        objects.setLength(objects.length() - 1);
        lines.add(objects.toString());
        return lines.toArray(String[]::new);
    }

    /** @return the project version, or {@code dev} when it cannot be found */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
