package org.osvif.exception;

import java.util.Map;

/** A network lacks the physical network a plugin needs (upstream's {@code NetworkMissingPhysicalNetwork}). */
public class NetworkMissingPhysicalNetworkException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "Physical network is missing for network %(network_uuid)s";

    /**
     * Creates the exception with upstream's message.
     * @param networkUuid the network's id
     */
    public NetworkMissingPhysicalNetworkException(String networkUuid) {
        super(format(MSG_FMT, Map.of("network_uuid", String.valueOf(networkUuid))));
    }
}
