package org.osvif.neutron;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.osvif.objects.types.IpAddress;
import org.osvif.objects.types.IpNetwork;

/**
 * A Neutron subnet as {@code GET /v2.0/subnets} lists it, with what Nova puts
 * into the os-vif subnet.
 *
 * @param id the subnet's UUID
 * @param cidr {@code cidr}
 * @param gatewayIp {@code gateway_ip}, or null
 * @param dnsNameservers {@code dns_nameservers}
 * @param hostRoutes {@code host_routes}
 * @param ipVersion {@code ip_version}, or null
 * @param enableDhcp {@code enable_dhcp}, or null
 */
public record NeutronSubnet(String id, IpNetwork cidr, IpAddress gatewayIp, List<IpAddress> dnsNameservers,
        List<HostRoute> hostRoutes, Integer ipVersion, Boolean enableDhcp) {

    /**
     * One entry of {@code host_routes}.
     *
     * @param destination {@code destination}
     * @param nexthop {@code nexthop}, or null
     */
    public record HostRoute(IpNetwork destination, IpAddress nexthop) {
    }

    /**
     * Checks and copies the components.
     *
     * @param id see the record's description
     * @param cidr see the record's description
     * @param gatewayIp see the record's description
     * @param dnsNameservers see the record's description
     * @param hostRoutes see the record's description
     * @param ipVersion see the record's description
     * @param enableDhcp see the record's description
     */
    public NeutronSubnet {
        dnsNameservers = List.copyOf(dnsNameservers);
        hostRoutes = List.copyOf(hostRoutes);
    }

    /**
     * Reads a list of subnets.
     *
     * @param json a JSON array of subnets, or the API's {@code {"subnets": [...]}}
     * @return the subnets, in the order given
     * @throws InvalidNeutronValueException naming the first field that cannot be read
     */
    public static List<NeutronSubnet> listFromJson(JsonNode json) {
        JsonNode array = json != null && json.isObject() && json.size() == 1 && json.has("subnets")
                ? json.get("subnets") : json;
        if (array == null || !array.isArray()) {
            throw new InvalidNeutronValueException("subnets", null, "not a JSON array");
        }
        List<NeutronSubnet> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(read(JsonFields.nested(array.get(i), "subnets[" + i + "]")));
        }
        return out;
    }

    private static NeutronSubnet read(JsonFields f) {
        List<IpAddress> dns = new ArrayList<>();
        JsonNode dnsArray = f.array("dns_nameservers");
        for (int i = 0; i < dnsArray.size(); i++) {
            JsonNode d = dnsArray.get(i);
            String path = "dns_nameservers[" + i + "]";
            if (!d.isTextual()) {
                throw new InvalidNeutronValueException(f.path(path), d.toString(), "not a JSON string");
            }
            dns.add(f.ip(path, d.textValue()));
        }
        List<HostRoute> routes = new ArrayList<>();
        JsonNode routeArray = f.array("host_routes");
        for (int i = 0; i < routeArray.size(); i++) {
            JsonFields r = JsonFields.nested(routeArray.get(i), f.path("host_routes[" + i + "]"));
            routes.add(new HostRoute(r.requiredCidr("destination"), r.optionalIp("nexthop")));
        }
        return new NeutronSubnet(f.requiredUuid("id"), f.requiredCidr("cidr"), f.optionalIp("gateway_ip"), dns, routes,
                f.optionalInt("ip_version"), f.optionalBoolean("enable_dhcp"));
    }
}
