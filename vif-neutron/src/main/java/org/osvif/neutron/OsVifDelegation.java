package org.osvif.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The live-migration marker of Nova's change "libvirt: Delegate OVS plug to
 * os-vif": the destination host puts {@code "os_vif_delegation": true} into the
 * {@code binding:profile} of the port binding it asks Neutron to create for
 * itself (Nova's {@code VIFMigrateData.supports_os_vif_delegation}). The source
 * host reads it from that binding; when it is true, the destination's VIF
 * carries {@code create_port}, so the destination creates the OVS port through
 * os-vif (isolated on the dead VLAN) instead of letting libvirt create it.
 */
public final class OsVifDelegation {
    /** The key in {@code binding:profile}. */
    public static final String KEY = "os_vif_delegation";

    private OsVifDelegation() {
    }

    /**
     * Reads the marker, as {@code supports_os_vif_delegation} does.
     *
     * @param profile a {@code binding:profile} (null is read as empty)
     * @return whether the destination plugs through os-vif; false when the key is absent or null
     * @throws InvalidNeutronValueException when the value is not a JSON boolean
     */
    public static boolean isDelegated(JsonNode profile) {
        JsonNode v = profile == null ? null : profile.get(KEY);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new InvalidNeutronValueException("binding:profile." + KEY, v.isTextual() ? v.textValue() : v.toString(),
                    "not a JSON boolean");
        }
        return v.booleanValue();
    }

    /**
     * Writes the marker, as the {@code supports_os_vif_delegation} setter does: a copy
     * of the profile with the key set, every other key kept.
     *
     * @param profile the destination binding's {@code binding:profile} (null is read as empty)
     * @param delegated whether this host plugs the port through os-vif
     * @return the new profile, to send to Neutron with the destination binding
     */
    public static ObjectNode mark(ObjectNode profile, boolean delegated) {
        ObjectNode out = profile == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : profile.deepCopy();
        out.put(KEY, delegated);
        return out;
    }
}
