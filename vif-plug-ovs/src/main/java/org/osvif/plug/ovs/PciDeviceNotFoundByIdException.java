package org.osvif.plug.ovs;

import java.util.Map;
import org.osvif.exception.VifException;

/** sysfs does not show the PCI device as expected (upstream's {@code PciDeviceNotFoundById}). */
public class PciDeviceNotFoundByIdException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "PCI device %(id)s not found";
    /** The id. */
    private final String id;

    /**
     * Creates the exception with upstream's message.
     *
     * @param id the PCI address
     */
    public PciDeviceNotFoundByIdException(String id) {
        super(format(MSG_FMT, Map.of("id", String.valueOf(id))));
        this.id = id;
    }

    /** @return the PCI address */
    public String id() {
        return id;
    }
}
