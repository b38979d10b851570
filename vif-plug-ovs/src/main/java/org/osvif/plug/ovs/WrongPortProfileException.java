package org.osvif.plug.ovs;

import java.util.Map;
import org.osvif.exception.VifException;

/**
 * The VIF's port profile is not a VIFPortProfileOpenVSwitch or one of its subclasses
 * (upstream's {@code WrongPortProfile}).
 */
public class WrongPortProfileException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Upstream's message template. */
    public static final String MSG_FMT = "Port profile %(profile)s is not a subclass of VIFPortProfileOpenVSwitch";
    /** The profile. */
    private final String profile;

    /**
     * Creates the exception with upstream's message.
     *
     * @param profile the wire name of the profile's class, e.g. {@code VIFPortProfile8021Qbh}
     */
    public WrongPortProfileException(String profile) {
        super(format(MSG_FMT, Map.of("profile", String.valueOf(profile))));
        this.profile = profile;
    }

    /** @return the wire name of the profile's class */
    public String profile() {
        return profile;
    }
}
