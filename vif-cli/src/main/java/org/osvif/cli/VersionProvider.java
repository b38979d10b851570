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
        return new String[] {"vifctl " + version()};
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
