package org.osvif.neutron;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osvif.objects.Network;

/**
 * A port as Nova's network model holds it before the os-vif conversion
 * ({@code nova.network.model.VIF} built by {@code _build_vif_model}).
 *
 * @param port the port
 * @param details {@code binding:vif_details}, read field by field
 * @param devname {@code tap} + id, 14 characters
 * @param network the os-vif network (bridge, label, MTU, subnets)
 * @param bridge the network's bridge, or null
 * @param active whether the port is active (admin down counts as active, as in Nova)
 * @param preserveOnDelete {@code preserve_on_delete}
 * @param delegateCreate Nova's {@code delegate_create}: becomes the profile's {@code create_port}
 * @param multiqueue the instance's multiqueue setting
 */
record BoundPort(NeutronPort port, JsonFields details, String devname, Network network, String bridge, boolean active,
        boolean preserveOnDelete, boolean delegateCreate, boolean multiqueue) {

    String id() {
        return port.id();
    }

    String vnicType() {
        return port.vnicType();
    }

    ObjectNode profile() {
        return port.profile();
    }

    boolean hybridPlug() {
        return details.flag(VifDetails.OVS_HYBRID_PLUG);
    }

    boolean portFilter() {
        return details.flag(VifDetails.PORT_FILTER);
    }

    /** @return the {@code pci_slot} of {@code binding:profile} */
    String pciSlot() {
        JsonFields profile = JsonFields.nested(port.profile(), "binding:profile");
        String slot = profile.optionalText("pci_slot");
        if (slot == null) {
            throw new InvalidNeutronValueException("binding:profile.pci_slot", null,
                    "missing (binding:vnic_type '" + Printable.of(vnicType()) + "' needs the device's PCI address)");
        }
        try {
            org.osvif.objects.types.PciAddress.parse(slot);
        } catch (IllegalArgumentException e) {
            throw new InvalidNeutronValueException("binding:profile.pci_slot", slot, "not a PCI address");
        }
        return slot;
    }
}
