package org.osvif.exception;

import java.util.Map;

/** A function is not available on this operating system (upstream's {@code NotImplementedForOS}). */
public class NotImplementedForOsException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "Function %(function)s for %(os)s operating system";

    /**
     * Creates the exception with upstream's message.
     * @param function the function
     * @param os the operating system
     */
    public NotImplementedForOsException(String function, String os) {
        super(format(MSG_FMT, Map.of("function", String.valueOf(function), "os", String.valueOf(os))));
    }
}
