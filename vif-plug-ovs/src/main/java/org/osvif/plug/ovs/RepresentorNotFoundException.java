package org.osvif.plug.ovs;

import java.util.Map;
import org.osvif.exception.VifException;

/**
 * No representor netdev of an SR-IOV physical function matches the VF (upstream's
 * {@code RepresentorNotFound}).
 */
public class RepresentorNotFoundException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "Failed getting representor port for PF %(ifname)s with %(vf_num)s";
    /** The ifname. */
    private final String ifname;
    /** The vf num. */
    private final String vfNum;

    /**
     * Creates the exception with upstream's message.
     *
     * @param ifname the physical function's interface
     * @param vfNum the VF number
     */
    public RepresentorNotFoundException(String ifname, String vfNum) {
        super(format(MSG_FMT, Map.of("ifname", String.valueOf(ifname), "vf_num", String.valueOf(vfNum))));
        this.ifname = ifname;
        this.vfNum = vfNum;
    }

    /** @return the physical function's interface */
    public String ifname() {
        return ifname;
    }

    /** @return the VF number */
    public String vfNum() {
        return vfNum;
    }
}
