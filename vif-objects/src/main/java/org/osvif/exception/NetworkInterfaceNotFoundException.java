package org.osvif.exception;

import java.util.Map;

/** A host network interface does not exist (upstream's {@code NetworkInterfaceNotFound}). */
public class NetworkInterfaceNotFoundException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "Network interface %(interface)s not found";
    /** The interface name. */
    private final String interfaceName;

    /**
     * Creates the exception with upstream's message.
     * @param interfaceName the interface that was not found
     */
    public NetworkInterfaceNotFoundException(String interfaceName) {
        super(format(MSG_FMT, Map.of("interface", String.valueOf(interfaceName))));
        this.interfaceName = interfaceName;
    }

    /** @return the interface that was not found */
    public String interfaceName() {
        return interfaceName;
    }
}
