package org.osvif.neutron;

import org.osvif.exception.VifException;

/**
 * A Neutron port binding that cannot become a VIF. Every subclass names the
 * field of the Networking API answer at fault ({@code binding:vif_type},
 * {@code mac_address}, {@code binding:vif_details.vhostuser_socket}, ...) and
 * the value found there.
 */
public class NeutronBindingException extends VifException {
    private static final long serialVersionUID = 1L;

    /** @serial the field */
    private final String field;
    /** @serial the value */
    private final String value;

    /**
     * @param field the field at fault, as the Networking API spells it
     * @param value the value found (null when absent)
     * @param message the whole message
     */
    protected NeutronBindingException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /** @return the field at fault, e.g. {@code binding:vif_details.bridge_name} */
    public String field() {
        return field;
    }

    /** @return the value found there, or null when it was absent or null */
    public String value() {
        return value;
    }
}
