package org.osvif.neutron;

/**
 * A port whose binding Nova does not turn into an os-vif VIF: not bound, a
 * failed binding, a type Nova leaves to its legacy (non os-vif) code, a type
 * nobody knows, or a vnic_type the vif_type cannot serve. {@link #kind()} says
 * which, so an agent can fall back or report without parsing the message.
 */
public final class UnsupportedBindingException extends NeutronBindingException {
    private static final long serialVersionUID = 1L;

    /** Why the binding has no os-vif VIF. */
    public enum Kind {
        /** No {@code binding:vif_type}, or {@code unbound}: the port is not bound to a host. */
        NOT_BOUND,
        /** {@code binding_failed}: Neutron could not bind the port on this host. */
        BINDING_FAILED,
        /** A type Nova plugs with its legacy code, not os-vif ({@code hw_veb}, {@code macvtap}, ...). */
        LEGACY,
        /** A {@code binding:vif_type} Nova does not know. */
        UNKNOWN_VIF_TYPE,
        /** The vif_type is known but not with this {@code binding:vnic_type}. */
        UNSUPPORTED_VNIC_TYPE
    }

    /** @serial the kind */
    private final Kind kind;
    /** @serial the vifType */
    private final String vifType;
    /** @serial the vnicType */
    private final String vnicType;

    /**
     * @param kind why
     * @param vifType the port's {@code binding:vif_type}, or null
     * @param vnicType the port's {@code binding:vnic_type}
     */
    public UnsupportedBindingException(Kind kind, String vifType, String vnicType) {
        super(kind == Kind.UNSUPPORTED_VNIC_TYPE ? "binding:vnic_type" : "binding:vif_type",
                kind == Kind.UNSUPPORTED_VNIC_TYPE ? vnicType : vifType, message(kind, vifType, vnicType));
        this.kind = kind;
        this.vifType = vifType;
        this.vnicType = vnicType;
    }

    private static String message(Kind kind, String vifType, String vnicType) {
        String type = vifType == null ? null : Printable.of(vifType);
        return switch (kind) {
            case NOT_BOUND -> "port is not bound to a host (binding:vif_type " + (type == null ? "missing" : "'" + type + "'") + ")";
            case BINDING_FAILED -> "port binding failed (binding:vif_type 'binding_failed')";
            case LEGACY -> "binding:vif_type '" + type + "' is not plugged through os-vif (Nova uses its legacy VIF code)";
            case UNKNOWN_VIF_TYPE -> "Unsupported VIF type " + type;
            case UNSUPPORTED_VNIC_TYPE -> "binding:vnic_type '" + Printable.of(String.valueOf(vnicType))
                    + "' is not supported with binding:vif_type '" + type + "'";
        };
    }

    /** @return why the binding has no os-vif VIF */
    public Kind kind() {
        return kind;
    }

    /** @return the port's {@code binding:vif_type}, or null when absent */
    public String vifType() {
        return vifType;
    }

    /** @return the port's {@code binding:vnic_type} */
    public String vnicType() {
        return vnicType;
    }
}
