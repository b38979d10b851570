package org.osvif.exception;

import java.util.Map;

/** An interface type is not known (upstream's {@code NetworkInterfaceTypeNotDefined}). */
public class NetworkInterfaceTypeNotDefinedException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "Network interface type %(type)s not defined";

    /**
     * Creates the exception with upstream's message.
     * @param type the unknown type
     */
    public NetworkInterfaceTypeNotDefinedException(String type) {
        super(format(MSG_FMT, Map.of("type", String.valueOf(type))));
    }
}
