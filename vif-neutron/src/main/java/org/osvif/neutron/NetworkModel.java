package org.osvif.neutron;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osvif.objects.FixedIp;
import org.osvif.objects.FixedIpList;
import org.osvif.objects.Network;
import org.osvif.objects.Route;
import org.osvif.objects.RouteList;
import org.osvif.objects.Subnet;
import org.osvif.objects.SubnetList;
import org.osvif.objects.types.IpAddress;
import org.osvif.objects.types.IpNetwork;

/**
 * The os-vif {@link Network} of a port, as Nova builds it: the bridge and label
 * ({@code _nw_info_build_network}), the port's subnets with their fixed IPs,
 * DNS servers and routes ({@code _get_subnets_from_port},
 * {@code _nw_info_get_subnets}), then {@code _nova_to_osvif_network}.
 */
final class NetworkModel {
    private NetworkModel() {
    }

    /**
     * @param port the port
     * @param network the port's network
     * @param subnets the network's subnets (those the port has no address on are left out, as Nova asks
     *     Neutron for the port's subnets only)
     * @param bridge the bridge, or null
     * @return the os-vif network; {@code should_provide_bridge} stays false even for Linux bridge ports, as in
     *     Nova, whose {@code _nw_info_build_network} stores {@code should_create_bridge} as a key of the network
     *     model while {@code _nova_to_osvif_network} looks for it among the model's metadata
     */
    static Network of(NeutronPort port, NeutronNetwork network, List<NeutronSubnet> subnets, String bridge) {
        Network.Builder b = Network.builder().id(port.networkId()).bridgeInterface(null)
                .subnets(SubnetList.builder().objects(subnets(port, subnets)).build());
        if (bridge != null) {
            b.bridge(bridge);
        }
        if (network.name() != null) {
            b.label(network.name());
        }
        if (network.mtu() != null) {
            b.mtu(network.mtu());
        }
        return b.build();
    }

    private static List<Subnet> subnets(NeutronPort port, List<NeutronSubnet> subnets) {
        List<Subnet> out = new ArrayList<>();
        if (port.fixedIps().isEmpty()) {
            return out;
        }
        Set<String> ids = new HashSet<>();
        port.fixedIps().forEach(ip -> ids.add(ip.subnetId()));
        for (NeutronSubnet s : subnets) {
            if (ids.contains(s.id())) {
                out.add(subnet(port, s));
            }
        }
        return out;
    }

    private static Subnet subnet(NeutronPort port, NeutronSubnet s) {
        List<FixedIp> ips = new ArrayList<>();
        for (NeutronPort.FixedIp ip : port.fixedIps()) {
            if (contains(s.cidr(), ip.ipAddress())) {
                ips.add(FixedIp.builder().address(ip.ipAddress()).floatingIps(List.of()).build());
            }
        }
        List<Route> routes = new ArrayList<>();
        for (NeutronSubnet.HostRoute r : s.hostRoutes()) {
            Route.Builder rb = Route.builder().cidr(r.destination());
            if (r.nexthop() != null) {
                rb.gateway(r.nexthop());
            }
            routes.add(rb.build());
        }
        Subnet.Builder b = Subnet.builder().dns(s.dnsNameservers())
                .ips(FixedIpList.builder().objects(ips).build())
                .routes(RouteList.builder().objects(routes).build())
                .cidr(s.cidr());
        if (s.gatewayIp() != null) {
            b.gateway(s.gatewayIp());
        }
        return b.build();
    }

    /** Whether the network holds the address (netaddr's {@code in}; another IP version never does). */
    static boolean contains(IpNetwork net, IpAddress address) {
        byte[] n = net.address().toBytes();
        byte[] a = address.toBytes();
        if (n.length != a.length) {
            return false;
        }
        int bits = net.prefixLength();
        for (int i = 0; i < n.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((n[i] & mask) != (a[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
