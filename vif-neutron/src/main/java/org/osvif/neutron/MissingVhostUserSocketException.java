package org.osvif.neutron;

/**
 * A vhost-user binding without {@code vhostuser_socket} in its
 * {@code binding:vif_details} (Nova's {@code VifDetailsMissingVhostuserSockPath},
 * same message).
 */
public final class MissingVhostUserSocketException extends NeutronBindingException {
    private static final long serialVersionUID = 1L;

    /** @serial the portId */
    private final String portId;

    /**
     * @param portId the port's id
     * @param value the value found (empty text, or null when absent)
     */
    public MissingVhostUserSocketException(String portId, String value) {
        super("binding:vif_details.vhostuser_socket", value,
                "vhostuser_sock_path not present in vif_details for vif " + portId);
        this.portId = portId;
    }

    /** @return the port's id */
    public String portId() {
        return portId;
    }
}
