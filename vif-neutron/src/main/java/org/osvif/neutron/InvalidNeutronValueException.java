package org.osvif.neutron;

/**
 * A value in the port, network, subnet or instance JSON that cannot be used: a
 * MAC or UUID that does not parse, a missing required field, a JSON value of
 * the wrong type, a device name longer than the kernel allows.
 */
public final class InvalidNeutronValueException extends NeutronBindingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param field the field, e.g. {@code mac_address}
     * @param value the value found, or null when absent
     * @param reason what is wrong with it
     */
    public InvalidNeutronValueException(String field, String value, String reason) {
        super(field, value, "invalid " + field + (value == null ? "" : " '" + Printable.of(value) + "'") + ": " + reason);
    }
}
