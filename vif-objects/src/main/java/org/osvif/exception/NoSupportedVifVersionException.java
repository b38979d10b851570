package org.osvif.exception;

import java.util.Map;

/** No known version of a VIF class lies in the requested range (upstream's {@code NoSupportedVIFVersion}). */
public class NoSupportedVifVersionException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "VIF class %(name)s versions %(got_versions)s do not satisfy min=%(min_version)s max=%(max_version)s";

    /**
     * Creates the exception with upstream's message.
     * @param name the class name
     * @param gotVersions the versions known here, comma separated
     * @param minVersion the lowest acceptable version
     * @param maxVersion the highest acceptable version
     */
    public NoSupportedVifVersionException(String name, String gotVersions, String minVersion, String maxVersion) {
        super(format(MSG_FMT, Map.of("name", name, "got_versions", gotVersions, "min_version", minVersion, "max_version", maxVersion)));
    }
}
