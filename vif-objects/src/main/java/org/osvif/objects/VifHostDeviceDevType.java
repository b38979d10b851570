package org.osvif.objects;

import org.osvif.objects.base.WireEnum;

/** The kind of host device a host-device VIF passes to the guest. Wire type {@code VIFHostDeviceDevType}. */
public enum VifHostDeviceDevType implements WireEnum {
    /** An Ethernet interface (libvirt interface type='hostdev'). */
    ETHERNET("ethernet"),
    /** A generic PCI host device (libvirt hostdev type='pci'). */
    GENERIC("generic");

    private final String wireValue;

    VifHostDeviceDevType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
