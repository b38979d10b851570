package org.osvif.neutron.libvirt;

import org.osvif.exception.VifException;

/**
 * A VIF, or an option, for which no libvirt {@code <interface>} can be
 * written: a VIF class or port profile Nova's libvirt driver does not handle, a
 * model the hypervisor does not offer, a device name the kernel would refuse, a
 * vDPA VIF without its device path.
 */
public final class InterfaceDefinitionException extends VifException {
    private static final long serialVersionUID = 1L;

    /** @serial the field */
    private final String field;
    /** @serial the value */
    private final String value;

    /**
     * @param field what is at fault, e.g. {@code vif_name} or {@code model}
     * @param value the value found, or null
     * @param reason what is wrong
     */
    public InterfaceDefinitionException(String field, String value, String reason) {
        super("cannot write the libvirt interface: " + field + (value == null ? "" : " '" + printable(value) + "'")
                + ": " + reason);
        this.field = field;
        this.value = value;
    }

    private static String printable(String v) {
        StringBuilder sb = new StringBuilder();
        v.chars().limit(200).forEach(c -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return sb.toString();
    }

    /** @return what is at fault */
    public String field() {
        return field;
    }

    /** @return the value found, or null */
    public String value() {
        return value;
    }
}
