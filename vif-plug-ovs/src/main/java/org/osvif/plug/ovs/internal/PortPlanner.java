package org.osvif.plug.ovs.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;

/**
 * Decides what a new port gets beyond its name, upstream 5.1's
 * {@code _create_vif_port}:
 * <ul>
 * <li>isolation ({@code tag=4095}, {@code vlan_mode=trunk}, {@code trunks=[4095]}) when
 *     {@code isolate_vif} is set, the bridge is not a trunk bridge and the port does not exist
 *     yet: re-plugging a port that the network agent has wired must not cut its traffic;</li>
 * <li>a default QoS row of {@code default_qos_type} when the VIF's datapath is {@code system}
 *     and the port does not exist yet;</li>
 * <li>on a trunk bridge, {@code external_ids:bridge_name} so that Neutron can clean up
 *     (when the Interface gets external_ids at all).</li>
 * </ul>
 * {@link #plan} reads only, on the system datapath, the QoS rows a vanished port left behind;
 * the request assumes the port is new, and
 * {@link PortRequest#commit} falls back to a re-plug without isolation or QoS when it is not.
 * Only {@link #isolateNew} (the per-port bridge's patch port) reads whether a port exists.
 */
public final class PortPlanner {
    private final Ovsdb ovsdb;
    private final OvsSettings settings;
    private final PortRemoval removal;

    /**
     * @param ovsdb the database, for the existence check
     * @param settings the plugin's options
     * @param removal finds the QoS rows keyed to a port (shared with unplug)
     */
    public PortPlanner(Ovsdb ovsdb, OvsSettings settings, PortRemoval removal) {
        this.ovsdb = Objects.requireNonNull(ovsdb, "ovsdb");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.removal = Objects.requireNonNull(removal, "removal");
    }

    /**
     * @param vif the VIF
     * @param bridge the bridge the port goes on
     * @param port the port
     * @param datapath the datapath the VIF's bridge uses
     * @param withExternalIds whether the Interface gets the VIF's external_ids ({@code set_ids})
     * @return a builder with the isolation, the QoS type and the external_ids decided
     */
    public PortRequest.Builder plan(OvsVif vif, String bridge, String port, String datapath,
            boolean withExternalIds) {
        boolean trunk = PortNames.isTrunkBridge(bridge);
        Map<String, String> ids = Map.of();
        if (withExternalIds) {
            ids = vif.interfaceExternalIds(vif.interfaceId());
            if (trunk) {
                ids.put("bridge_name", bridge);
            }
        }
        boolean wantIsolation = settings.isolateVif() && !trunk;
        boolean wantQos = OvsVif.DATAPATH_SYSTEM.equals(datapath);
        // No existence read: PortRequest.commit creates the port isolated if it is new and falls back
        // to a re-plug without isolation if it exists.
        // The only read: QoS rows a vanished Port left behind (system datapath only), which the
        // port's transaction destroys before it creates the new row, as upstream does.
        return PortRequest.builder(bridge, port)
                .externalIds(ids)
                .isolated(wantIsolation)
                .qosType(wantQos ? settings.defaultQosType() : null)
                .staleQos(wantQos ? removal.qosRows(port) : List.of());
    }

    /**
     * Whether a port, if it does not exist yet, is to be isolated: {@code isolate_vif} is set
     * and the port does not exist. Upstream uses this rule, with the tag only, for the patch
     * port of a per-port bridge on the integration bridge.
     *
     * @param port the port
     * @return whether to tag it with the dead VLAN
     */
    public boolean isolateNew(String port) {
        return settings.isolateVif() && !ovsdb.portExists(port);
    }
}
