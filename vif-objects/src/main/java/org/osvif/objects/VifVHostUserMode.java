package org.osvif.objects;

import org.osvif.objects.base.WireEnum;

/** Which side of a vhost-user socket is the server. Wire type {@code VIFVHostUserMode}. */
public enum VifVHostUserMode implements WireEnum {
    /** The hypervisor connects to a socket the switch serves. */
    CLIENT("client"),
    /** The hypervisor serves the socket and the switch connects. */
    SERVER("server");

    private final String wireValue;

    VifVHostUserMode(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
