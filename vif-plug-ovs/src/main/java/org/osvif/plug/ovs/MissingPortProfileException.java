package org.osvif.plug.ovs;

import org.osvif.exception.VifException;

/** The VIF has no port profile, which this plugin needs (upstream's {@code MissingPortProfile}). */
public class MissingPortProfileException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "A port profile is mandatory for the OpenVSwitch plugin";

    /** Creates the exception with upstream's message. */
    public MissingPortProfileException() {
        super(MSG_FMT);
    }
}
