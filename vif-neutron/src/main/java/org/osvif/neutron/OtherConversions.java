package org.osvif.neutron;

import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifGeneric;
import org.osvif.objects.VifHostDevice;
import org.osvif.objects.VifHostDeviceDevType;
import org.osvif.objects.VifVHostUser;

/** {@code binding:vif_type} {@code ivs}, {@code vrouter} and {@code bridge} (os_vif_util.py). */
final class OtherConversions {
    private OtherConversions() {
    }

    static VifBase ivs(BoundPort p) {
        if (p.hybridPlug()) {
            return VifParts.common(VifBridge.builder(), p, "ivs").vifName(p.devname())
                    .bridgeName(DeviceNames.of("qbr", p.id())).build();
        }
        return VifParts.common(VifGeneric.builder(), p, "ivs").vifName(p.devname()).build();
    }

    static VifBase vrouter(BoundPort p) {
        switch (p.vnicType()) {
            case VnicTypes.NORMAL:
                return VifParts.common(VifGeneric.builder(), p, "vrouter").vifName(p.devname()).build();
            case VnicTypes.DIRECT:
                return VifParts.common(VifHostDevice.builder(), p, "vrouter")
                        .portProfile(VifParts.offloadOnlyProfile(p)).devAddress(p.pciSlot())
                        .devType(VifHostDeviceDevType.ETHERNET).build();
            case VnicTypes.VIRTIO_FORWARDER:
                return VifParts.vhostUser(VifParts.common(VifVHostUser.builder(), p, "vrouter"), p)
                        .portProfile(VifParts.offloadOnlyProfile(p)).vifName(p.devname()).build();
            default:
                throw new UnsupportedBindingException(UnsupportedBindingException.Kind.UNSUPPORTED_VNIC_TYPE,
                        VifTypes.VROUTER, p.vnicType());
        }
    }

    /** Release 26's conversion, kept although current Nova refuses {@code bridge}: this library keeps the plugin. */
    static VifBase bridge(BoundPort p) {
        VifBridge.Builder b = VifParts.common(VifBridge.builder(), p, "linux_bridge").vifName(p.devname());
        if (p.bridge() != null) {
            b.bridgeName(p.bridge());
        }
        return b.build();
    }
}
