package org.osvif.neutron;

import java.util.Objects;

/**
 * What Nova takes from nova.conf and from its own bookkeeping when it turns a
 * port into a VIF. Immutable; start from {@link #DEFAULT}.
 *
 * @param integrationBridge {@code [neutron] ovs_bridge}: the bridge of an OVS port whose
 *     {@code binding:vif_details} names none (default {@code br-int})
 * @param preserveOnDelete whether the port was created by the user, not by the agent, so
 *     that unplug keeps the host device ({@code preserve_on_delete}; Nova: the port was attached
 *     pre-existing)
 * @param migrationDestination whether the VIF is for this host as the destination of a live
 *     migration: then {@code create_port} follows the destination binding's
 *     {@link OsVifDelegation} marker, as in Nova's {@code get_dest_vif}; otherwise it is always
 *     true, as in Nova's {@code _build_vif_model}
 * @param multiqueue whether the flavor or image asks for multiqueue ({@code hw:vif_multiqueue_enabled});
 *     with {@code ovs_create_tap} it becomes the profile's {@code multiqueue}, as current Nova sets
 *     it before plugging
 */
public record AgentSettings(String integrationBridge, boolean preserveOnDelete, boolean migrationDestination,
        boolean multiqueue) {

    /** Nova's defaults: {@code br-int}, nothing else set. */
    public static final AgentSettings DEFAULT = new AgentSettings("br-int", false, false, false);

    /**
     * Checks and copies the components.
     *
     * @param integrationBridge see the record's description
     * @param preserveOnDelete see the record's description
     * @param migrationDestination see the record's description
     * @param multiqueue see the record's description
     */
    public AgentSettings {
        Objects.requireNonNull(integrationBridge, "integrationBridge");
    }

    /**
     * @param bridge the integration bridge
     * @return a copy with it
     */
    public AgentSettings withIntegrationBridge(String bridge) {
        return new AgentSettings(bridge, preserveOnDelete, migrationDestination, multiqueue);
    }

    /**
     * @param preserve whether unplug keeps the host device
     * @return a copy with it
     */
    public AgentSettings withPreserveOnDelete(boolean preserve) {
        return new AgentSettings(integrationBridge, preserve, migrationDestination, multiqueue);
    }

    /**
     * @param destination whether this host is a live-migration destination
     * @return a copy with it
     */
    public AgentSettings withMigrationDestination(boolean destination) {
        return new AgentSettings(integrationBridge, preserveOnDelete, destination, multiqueue);
    }

    /**
     * @param enabled whether the instance uses multiqueue
     * @return a copy with it
     */
    public AgentSettings withMultiqueue(boolean enabled) {
        return new AgentSettings(integrationBridge, preserveOnDelete, migrationDestination, enabled);
    }
}
