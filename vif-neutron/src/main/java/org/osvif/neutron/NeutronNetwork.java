package org.osvif.neutron;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Neutron network as {@code GET /v2.0/networks/{id}} returns it. Nova takes
 * the name (the os-vif network's label) and the MTU into the VIF; the provider
 * attributes and {@code router:external} are read and checked but, as in Nova,
 * do not reach os-vif objects.
 *
 * @param id the network's UUID
 * @param name {@code name}, or null
 * @param mtu {@code mtu}, or null
 * @param networkType {@code provider:network_type}, or null
 * @param physicalNetwork {@code provider:physical_network}, or null
 * @param segmentationId {@code provider:segmentation_id}, or null
 * @param routerExternal {@code router:external}, or null
 */
public record NeutronNetwork(String id, String name, Integer mtu, String networkType, String physicalNetwork,
        Integer segmentationId, Boolean routerExternal) {

    /**
     * Reads a network.
     *
     * @param json the network object, or the API's {@code {"network": {...}}}
     * @return the network
     * @throws InvalidNeutronValueException naming the first field that cannot be read
     */
    public static NeutronNetwork fromJson(JsonNode json) {
        JsonFields f = JsonFields.object(json, "network", "network");
        Integer mtu = f.optionalInt("mtu");
        if (mtu != null && (mtu < 68 || mtu > 65535)) {
            throw new InvalidNeutronValueException("mtu", mtu.toString(), "not between 68 and 65535");
        }
        return new NeutronNetwork(f.requiredUuid("id"), f.optionalText("name"), mtu,
                f.optionalText("provider:network_type"), f.optionalText("provider:physical_network"),
                f.optionalInt("provider:segmentation_id"), f.optionalBoolean("router:external"));
    }
}
