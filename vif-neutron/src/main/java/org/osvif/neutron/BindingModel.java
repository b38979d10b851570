package org.osvif.neutron;

import java.util.List;

/**
 * Nova's {@code _build_vif_model} and {@code _nw_info_build_network}: the
 * device name, the bridge by vif_type, {@code ovs_interfaceid},
 * {@code active}, {@code delegate_create}.
 */
final class BindingModel {
    private BindingModel() {
    }

    static BoundPort bind(NeutronPort port, NeutronNetwork network, List<NeutronSubnet> subnets,
            AgentSettings settings) {
        JsonFields details = JsonFields.nested(port.vifDetails(), "binding:vif_details");
        String type = port.vifType();
        String bridge = null;
        String bridgeField = "binding:vif_details." + VifDetails.BRIDGE_NAME;
        String named = details.optionalText(VifDetails.BRIDGE_NAME);
        if (type.equals(VifTypes.OVS) || type.equals(VifTypes.AGILIO_OVS)
                || type.equals(VifTypes.VHOSTUSER) && details.flag(VifDetails.VHOSTUSER_OVS_PLUG)) {
            if (named == null) {
                bridgeField = "integration bridge";
                named = settings.integrationBridge();
            }
            bridge = named;
        } else if (type.equals(VifTypes.BRIDGE)) {
            bridge = named == null ? "brq" + port.networkId() : named;
        } else if (type.equals(VifTypes.VHOSTUSER) && details.flag(VifDetails.VHOSTUSER_FP_PLUG)) {
            bridge = named == null ? "brq" + port.networkId() : named;
        }
        if (bridge != null) {
            bridge = DeviceNames.require(bridgeField, bridge, DeviceNames.truncate(bridge));
        }
        boolean active = Boolean.FALSE.equals(port.adminStateUp()) || "ACTIVE".equals(port.status());
        boolean delegate = !settings.migrationDestination() || OsVifDelegation.isDelegated(port.profile());
        return new BoundPort(port, details, DeviceNames.of("tap", port.id()),
                NetworkModel.of(port, network, subnets, bridge), bridge, active,
                settings.preserveOnDelete(), delegate, settings.multiqueue());
    }
}
