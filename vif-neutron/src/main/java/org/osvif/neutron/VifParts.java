package org.osvif.neutron;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osvif.objects.DatapathOffloadRepresentor;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifPortProfileBase;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifPortProfileOvsRepresentor;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;

/**
 * The pieces os_vif_util.py shares between vif_types: the common VIF fields
 * ({@code _get_vif_instance}), the OVS and representor profiles, the datapath
 * offload, the vhost-user socket ({@code _set_vhostuser_settings}).
 */
final class VifParts {
    private VifParts() {
    }

    /** {@code _get_vif_instance}: the fields every VIF gets. */
    static <B extends VifBase.AbstractBuilder<?, B>> B common(B b, BoundPort p, String plugin) {
        return b.id(p.id()).address(p.port().macAddress()).network(p.network())
                .hasTrafficFiltering(p.portFilter()).preserveOnDelete(p.preserveOnDelete()).active(p.active())
                .plugin(plugin);
    }

    /** The OVS profile: {@code interface_id} and {@code datapath_type} (null when the details have none). */
    static VifPortProfileOpenVSwitch.Builder ovsProfile(BoundPort p) {
        VifPortProfileOpenVSwitch.Builder b = new VifPortProfileOpenVSwitch.Builder();
        b.interfaceId(p.id()).datapathType(p.details().optionalText(VifDetails.OVS_DATAPATH_TYPE));
        return b;
    }

    /** {@code _get_ovs_representor_port_profile} with {@code _set_representor_datapath_offload_settings}. */
    static VifPortProfileOvsRepresentor representorProfile(BoundPort p) {
        String slot = p.pciSlot();
        return VifPortProfileOvsRepresentor.builder().interfaceId(p.id()).representorName(p.devname())
                .representorAddress(slot).datapathOffload(offload(p)).build();
    }

    /** A bare {@code VIFPortProfileBase} carrying only the datapath offload (Contrail vRouter). */
    static VifPortProfileBase offloadOnlyProfile(BoundPort p) {
        ObjectNode primitive = OsVifObjects.codec().toPrimitive(offload(p));
        ObjectNode data = JsonNodeFactory.instance.objectNode().set("datapath_offload", primitive);
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("versioned_object.name", VifPortProfileBase.OBJ_NAME);
        envelope.put("versioned_object.namespace", "os_vif");
        envelope.put("versioned_object.version", VifPortProfileBase.TYPE.version().toString());
        envelope.set("versioned_object.data", data);
        envelope.set("versioned_object.changes", JsonNodeFactory.instance.arrayNode().add("datapath_offload"));
        return OsVifObjects.codec().fromPrimitive(envelope, VifPortProfileBase.TYPE);
    }

    static DatapathOffloadRepresentor offload(BoundPort p) {
        return DatapathOffloadRepresentor.builder().representorName(p.devname()).representorAddress(p.pciSlot())
                .build();
    }

    /** {@code _set_vhostuser_settings}: the mode (default server) and the socket path, which must be given. */
    static VifVHostUser.Builder vhostUser(VifVHostUser.Builder b, BoundPort p) {
        String mode = p.details().optionalText(VifDetails.VHOSTUSER_MODE);
        VifVHostUserMode m;
        if (mode == null || mode.equals("server")) {
            m = VifVHostUserMode.SERVER;
        } else if (mode.equals("client")) {
            m = VifVHostUserMode.CLIENT;
        } else {
            throw new InvalidNeutronValueException("binding:vif_details." + VifDetails.VHOSTUSER_MODE, mode,
                    "not 'client' or 'server'");
        }
        String path = p.details().optionalText(VifDetails.VHOSTUSER_SOCKET);
        if (path == null || path.isEmpty()) {
            throw new MissingVhostUserSocketException(p.id(), path);
        }
        return b.mode(m).path(path);
    }
}
