package org.osvif.plug.ovs;

import java.util.Map;
import org.osvif.exception.VifException;

/**
 * The port profile asks for a tap ({@code create_tap}) on a VIF class other than
 * VIFOpenVSwitch, the only one whose device this plugin may create (upstream 5.1's
 * {@code TapCreationNotSupported}).
 */
public class TapCreationNotSupportedException extends VifException {
    private static final long serialVersionUID = 1L;
    /** The message template. */
    public static final String MSG_FMT = "Tap creation is not supported for VIF type %(vif_type)s";
    /** The vif type. */
    private final String vifType;

    /**
     * Creates the exception.
     *
     * @param vifType the wire name of the VIF's class, e.g. {@code VIFBridge}
     */
    public TapCreationNotSupportedException(String vifType) {
        super(format(MSG_FMT, Map.of("vif_type", String.valueOf(vifType))));
        this.vifType = vifType;
    }

    /** @return the wire name of the VIF's class */
    public String vifType() {
        return vifType;
    }
}
