package org.osvif.neutron;

import java.util.List;
import java.util.Objects;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;

/**
 * Turns a Neutron port binding into the os-vif VIF Nova would plug for it:
 * Nova's {@code _build_vif_model} (nova/network/neutron.py) followed by
 * {@code nova_to_osvif_vif} (nova/network/os_vif_util.py), for every
 * {@code binding:vif_type} Nova converts. Thread-safe and stateless.
 *
 * <pre>{@code
 * VifBase vif = PortBindingConverter.toVif(NeutronPort.fromJson(portJson),
 *         NeutronNetwork.fromJson(networkJson), NeutronSubnet.listFromJson(subnetsJson), AgentSettings.DEFAULT);
 * }</pre>
 */
public final class PortBindingConverter {
    private PortBindingConverter() {
    }

    /**
     * Converts a port.
     *
     * @param port the port, with its binding
     * @param network the port's network
     * @param subnets the network's subnets (may include subnets the port has no address on)
     * @param settings the agent's settings
     * @return the VIF, of the class Nova picks, with its port profile and network
     * @throws UnsupportedBindingException when the port is not bound, its binding failed, Nova plugs its type
     *     without os-vif, or the type or vnic_type is unknown
     * @throws MissingVhostUserSocketException when a vhost-user binding has no socket path
     * @throws InvalidNeutronValueException when a value cannot be used (names the field)
     */
    public static VifBase toVif(NeutronPort port, NeutronNetwork network, List<NeutronSubnet> subnets,
            AgentSettings settings) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(subnets, "subnets");
        Objects.requireNonNull(settings, "settings");
        String type = port.vifType();
        if (type == null || type.equals(VifTypes.UNBOUND)) {
            throw new UnsupportedBindingException(UnsupportedBindingException.Kind.NOT_BOUND, type, port.vnicType());
        }
        if (type.equals(VifTypes.BINDING_FAILED)) {
            throw new UnsupportedBindingException(UnsupportedBindingException.Kind.BINDING_FAILED, type,
                    port.vnicType());
        }
        if (VifTypes.LEGACY.contains(type)) {
            throw new UnsupportedBindingException(UnsupportedBindingException.Kind.LEGACY, type, port.vnicType());
        }
        if (!network.id().equalsIgnoreCase(port.networkId())) {
            throw new InvalidNeutronValueException("network.id", network.id(),
                    "not the port's network_id " + port.networkId());
        }
        BoundPort bound = BindingModel.bind(port, network, subnets, settings);
        return switch (type) {
            case VifTypes.OVS -> OvsConversion.ovs(bound);
            case VifTypes.AGILIO_OVS -> OvsConversion.agilio(bound);
            case VifTypes.VHOSTUSER -> VhostUserConversion.convert(bound);
            case VifTypes.IVS -> OtherConversions.ivs(bound);
            case VifTypes.VROUTER -> OtherConversions.vrouter(bound);
            case VifTypes.BRIDGE -> OtherConversions.bridge(bound);
            default -> throw new UnsupportedBindingException(UnsupportedBindingException.Kind.UNKNOWN_VIF_TYPE, type,
                    port.vnicType());
        };
    }

    /**
     * Nova's {@code nova_to_osvif_instance}.
     *
     * @param instance the instance
     * @return its os-vif {@code InstanceInfo}: uuid, name, and project when known
     */
    public static InstanceInfo toInstanceInfo(NovaInstance instance) {
        InstanceInfo.Builder b = InstanceInfo.builder().uuid(instance.uuid()).name(instance.name());
        if (instance.projectId() != null) {
            b.projectId(instance.projectId());
        }
        return b.build();
    }
}
