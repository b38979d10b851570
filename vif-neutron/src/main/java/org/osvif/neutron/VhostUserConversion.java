package org.osvif.neutron;

import org.osvif.objects.VifBase;
import org.osvif.objects.VifPortProfileBase;
import org.osvif.objects.VifPortProfileFpBridge;
import org.osvif.objects.VifPortProfileFpOpenVSwitch;
import org.osvif.objects.VifVHostUser;

/** {@code binding:vif_type} {@code vhostuser} (os_vif_util's {@code _nova_to_osvif_vif_vhostuser}). */
final class VhostUserConversion {
    private VhostUserConversion() {
    }

    static VifBase convert(BoundPort p) {
        JsonFields d = p.details();
        if (d.flag(VifDetails.VHOSTUSER_FP_PLUG)) {
            return fastPath(p);
        }
        if (d.flag(VifDetails.VHOSTUSER_OVS_PLUG)) {
            return VifParts.vhostUser(VifParts.common(VifVHostUser.builder(), p, "ovs"), p)
                    .portProfile(VifParts.ovsProfile(p).build()).vifName(DeviceNames.of("vhu", p.id())).build();
        }
        String plugin = d.flag(VifDetails.VHOSTUSER_VROUTER_PLUG) ? "contrail_vrouter" : "noop";
        return VifParts.vhostUser(VifParts.common(VifVHostUser.builder(), p, plugin), p).vifName(p.devname()).build();
    }

    /** 6WIND's fast path, into Open vSwitch (optionally hybrid) or a Linux bridge. */
    private static VifBase fastPath(BoundPort p) {
        VifPortProfileBase profile;
        if (p.details().flag(VifDetails.VHOSTUSER_OVS_PLUG)) {
            VifPortProfileFpOpenVSwitch.Builder b = VifPortProfileFpOpenVSwitch.builder();
            b.interfaceId(p.id()).datapathType(p.details().optionalText(VifDetails.OVS_DATAPATH_TYPE));
            if (p.hybridPlug()) {
                b.bridgeName(DeviceNames.of("qbr", p.id())).hybridPlug(true);
            } else {
                b.hybridPlug(false);
                if (p.bridge() != null) {
                    b.bridgeName(p.bridge());
                }
            }
            profile = b.build();
        } else {
            VifPortProfileFpBridge.Builder b = VifPortProfileFpBridge.builder();
            if (p.bridge() != null) {
                b.bridgeName(p.bridge());
            }
            profile = b.build();
        }
        return VifParts.vhostUser(VifParts.common(VifVHostUser.builder(), p, "vhostuser_fp"), p)
                .vifName(p.devname()).portProfile(profile).build();
    }
}
