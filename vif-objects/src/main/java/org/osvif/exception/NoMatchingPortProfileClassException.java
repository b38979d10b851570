package org.osvif.exception;

import java.util.Map;

/** No port profile class has the requested name (upstream's {@code NoMatchingPortProfileClass}). */
public class NoMatchingPortProfileClassException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "No PortProfile class was found with the name %(name)s";
    /** The name. */
    private final String name;

    /**
     * Creates the exception with upstream's message.
     * @param name the class name that was asked for
     */
    public NoMatchingPortProfileClassException(String name) {
        super(format(MSG_FMT, Map.of("name", String.valueOf(name))));
        this.name = name;
    }

    /** @return the class name that was asked for */
    public String name() {
        return name;
    }
}
