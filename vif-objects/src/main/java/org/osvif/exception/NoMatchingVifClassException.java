package org.osvif.exception;

import java.util.Map;

/** No VIF class has the requested name (upstream's {@code NoMatchingVIFClass}). */
public class NoMatchingVifClassException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "No VIF class was found with the name %(name)s";
    /** The name. */
    private final String name;

    /**
     * Creates the exception with upstream's message.
     * @param name the class name that was asked for
     */
    public NoMatchingVifClassException(String name) {
        super(format(MSG_FMT, Map.of("name", String.valueOf(name))));
        this.name = name;
    }

    /** @return the class name that was asked for */
    public String name() {
        return name;
    }
}
