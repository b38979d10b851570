package org.osvif.exception;

import java.util.Map;

/** No known version of a port profile class lies in the requested range (upstream's {@code NoSupportedPortProfileVersion}). */
public class NoSupportedPortProfileVersionException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "PortProfile class %(name)s versions %(got_versions)s do not satisfy min=%(min_version)s max=%(max_version)s";

    /**
     * Creates the exception with upstream's message.
     * @param name the class name
     * @param gotVersions the versions known here, comma separated
     * @param minVersion the lowest acceptable version
     * @param maxVersion the highest acceptable version
     */
    public NoSupportedPortProfileVersionException(String name, String gotVersions, String minVersion, String maxVersion) {
        super(format(MSG_FMT, Map.of("name", name, "got_versions", gotVersions, "min_version", minVersion, "max_version", maxVersion)));
    }
}
