package org.osvif.exception;

import java.util.Map;

/** Raised when the library is used before it was initialized (upstream's {@code LibraryNotInitialized}). */
public class LibraryNotInitializedException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "Before using the os_vif library, you need to call os_vif.initialize()";

    /**
     * Creates the exception with upstream's message.
     */
    public LibraryNotInitializedException() {
        super(format(MSG_FMT, Map.of()));
    }
}
