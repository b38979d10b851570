package org.osvif.neutron;

import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifHostDevice;
import org.osvif.objects.VifHostDeviceDevType;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifVHostUser;

/** {@code binding:vif_type} {@code ovs} and {@code agilio_ovs} (os_vif_util's {@code _nova_to_osvif_vif_ovs}, {@code _agilio_ovs}). */
final class OvsConversion {
    private OvsConversion() {
    }

    static VifBase ovs(BoundPort p) {
        String vnic = p.vnicType();
        if (vnic.equals(VnicTypes.DIRECT) || vnic.equals(VnicTypes.VDPA)) {
            return hostDevice(p, "ovs");
        }
        if (vnic.equals(VnicTypes.REMOTE_MANAGED)) {
            // The network backend wires the representor itself.
            return VifParts.common(VifHostDevice.builder(), p, "noop").devAddress(p.pciSlot())
                    .devType(VifHostDeviceDevType.ETHERNET).build();
        }
        VifPortProfileOpenVSwitch.Builder profile = VifParts.ovsProfile(p);
        if (p.hybridPlug()) {
            // Current Nova also copies ovs_create_tap here; os-vif refuses create_tap on a VIFBridge, so
            // this port keeps it false (docs/compatibility.md).
            profile.createTap(false);
            return VifParts.common(VifBridge.builder(), p, "ovs").portProfile(profile.build())
                    .vifName(p.devname()).bridgeName(DeviceNames.of("qbr", p.id())).build();
        }
        boolean createTap = p.details().flag(VifDetails.OVS_CREATE_TAP);
        profile.createPort(p.delegateCreate()).createTap(createTap);
        if (createTap && p.multiqueue()) {
            profile.multiqueue(true);
        }
        VifOpenVSwitch.Builder b = VifParts.common(VifOpenVSwitch.builder(), p, "ovs").portProfile(profile.build())
                .vifName(p.devname());
        if (p.bridge() != null) {
            b.bridgeName(p.bridge());
        }
        return b.build();
    }

    static VifBase agilio(BoundPort p) {
        String vnic = p.vnicType();
        if (vnic.equals(VnicTypes.DIRECT)) {
            return hostDevice(p, "agilio_ovs");
        }
        if (vnic.equals(VnicTypes.VIRTIO_FORWARDER)) {
            return VifParts.vhostUser(VifParts.common(VifVHostUser.builder(), p, "agilio_ovs"), p)
                    .portProfile(VifParts.representorProfile(p)).vifName(p.devname()).build();
        }
        return ovs(p);
    }

    /** {@code _get_vnic_direct_vif_instance} with a representor profile. */
    private static VifBase hostDevice(BoundPort p, String plugin) {
        return VifParts.common(VifHostDevice.builder(), p, plugin).portProfile(VifParts.representorProfile(p))
                .devAddress(p.pciSlot()).devType(VifHostDeviceDevType.ETHERNET).build();
    }
}
