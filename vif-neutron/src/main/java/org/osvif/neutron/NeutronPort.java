package org.osvif.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.osvif.objects.types.IpAddress;
import org.osvif.objects.types.MacAddress;

/**
 * A Neutron port as {@code GET /v2.0/ports/{id}} returns it, with the fields
 * Nova reads to build a VIF. Read with {@link #fromJson}; every value is
 * checked there.
 *
 * @param id the port's UUID
 * @param macAddress {@code mac_address}
 * @param networkId {@code network_id}
 * @param deviceId {@code device_id} (the instance's UUID), or null
 * @param fixedIps {@code fixed_ips}, in the API's order
 * @param vifType {@code binding:vif_type}, or null when the port has no binding
 * @param vifDetails {@code binding:vif_details} (a copy; empty when absent)
 * @param vnicType {@code binding:vnic_type}, {@code normal} when absent
 * @param profile {@code binding:profile} (a copy; empty when absent)
 * @param hostId {@code binding:host_id}, or null
 * @param adminStateUp {@code admin_state_up}, or null when absent
 * @param status {@code status}, or null
 */
public record NeutronPort(String id, MacAddress macAddress, String networkId, String deviceId, List<FixedIp> fixedIps,
        String vifType, ObjectNode vifDetails, String vnicType, ObjectNode profile, String hostId,
        Boolean adminStateUp, String status) {

    /**
     * One entry of {@code fixed_ips}.
     *
     * @param subnetId {@code subnet_id}
     * @param ipAddress {@code ip_address}
     */
    public record FixedIp(String subnetId, IpAddress ipAddress) {
    }

    /**
     * Checks and copies the components.
     *
     * @param id see the record's description
     * @param macAddress see the record's description
     * @param networkId see the record's description
     * @param deviceId see the record's description
     * @param fixedIps see the record's description
     * @param vifType see the record's description
     * @param vifDetails see the record's description
     * @param vnicType see the record's description
     * @param profile see the record's description
     * @param hostId see the record's description
     * @param adminStateUp see the record's description
     * @param status see the record's description
     */
    public NeutronPort {
        fixedIps = List.copyOf(fixedIps);
        vifDetails = vifDetails.deepCopy();
        profile = profile.deepCopy();
    }

    /** @return a copy of {@code binding:vif_details} */
    @Override
    public ObjectNode vifDetails() {
        return vifDetails.deepCopy();
    }

    /** @return a copy of {@code binding:profile} */
    @Override
    public ObjectNode profile() {
        return profile.deepCopy();
    }

    /**
     * Reads a port.
     *
     * @param json the port object, or the API's {@code {"port": {...}}}
     * @return the port
     * @throws InvalidNeutronValueException naming the first field that cannot be read
     */
    public static NeutronPort fromJson(JsonNode json) {
        JsonFields f = JsonFields.object(json, "port", "port");
        List<FixedIp> ips = new ArrayList<>();
        JsonNode array = f.array("fixed_ips");
        for (int i = 0; i < array.size(); i++) {
            JsonFields ip = JsonFields.nested(array.get(i), "fixed_ips[" + i + "]");
            ips.add(new FixedIp(ip.optionalUuid("subnet_id"), ip.ip("ip_address", ip.requiredText("ip_address"))));
        }
        String vifType = f.optionalText("binding:vif_type");
        String vnicType = f.optionalText("binding:vnic_type");
        return new NeutronPort(f.requiredUuid("id"), f.requiredMac("mac_address"), f.requiredUuid("network_id"),
                f.optionalText("device_id"), ips, vifType == null || vifType.isEmpty() ? null : vifType,
                f.objectCopy("binding:vif_details"), vnicType == null ? VnicTypes.NORMAL : vnicType,
                f.objectCopy("binding:profile"), f.optionalText("binding:host_id"),
                f.optionalBoolean("admin_state_up"), f.optionalText("status"));
    }
}
