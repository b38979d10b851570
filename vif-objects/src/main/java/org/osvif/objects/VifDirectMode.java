package org.osvif.objects;

import org.osvif.objects.base.WireEnum;

/** Port connection mode of a direct VIF. Wire type {@code VIFDirectMode}. */
public enum VifDirectMode implements WireEnum {
    /** Virtual Ethernet Port Aggregator (802.1Qbg or 802.1Qbh). */
    VEPA("vepa"),
    /** Exclusive use of the host device. */
    PASSTHROUGH("passthrough"),
    /** Ethernet bridging with other guests on the device. */
    BRIDGE("bridge");

    private final String wireValue;

    VifDirectMode(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
