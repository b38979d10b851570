package org.osvif.plug.ovs.internal;

import org.osvif.plug.ovs.internal.ovsdb.Transaction;

/**
 * The only bridges this plugin deletes: a trunk bridge ({@code tbr-} prefix) when
 * one of its VIFs is unplugged, as upstream's {@code _delete_bridge_if_trunk}, and
 * the VIF's own per-port bridge ({@code pb<id>}). Every deletion goes through
 * {@link #delete}, which refuses any other name, and the integration bridge above
 * all (upstream only warns "Do Not call with br-int !!!", bug 1914886).
 */
public final class BridgeDeletion {
    /** The integration bridge's conventional name, which is never deleted. */
    public static final String INTEGRATION_BRIDGE = "br-int";

    private BridgeDeletion() {
    }

    /**
     * Deletes the VIF's bridge if it is a trunk bridge.
     *
     * @param txn the transaction
     * @param bridge the VIF's {@code network.bridge}
     */
    public static void deleteIfTrunk(Transaction txn, String bridge) {
        if (PortNames.isTrunkBridge(bridge)) {
            delete(txn, bridge, null);
        }
    }

    /**
     * Deletes the per-port bridge of a VIF.
     *
     * @param txn the transaction
     * @param vifId the VIF's id
     */
    public static void deletePerPortBridge(Transaction txn, String vifId) {
        delete(txn, PortNames.perPortBridge(vifId), vifId);
    }

    /**
     * Adds {@code --if-exists del-br BRIDGE}, after checking that the bridge is one this
     * plugin may delete.
     *
     * @param txn the transaction
     * @param bridge the bridge
     * @param vifId the VIF whose per-port bridge may be deleted, or null
     * @throws IllegalStateException for any other bridge
     */
    static void delete(Transaction txn, String bridge, String vifId) {
        boolean perPort = vifId != null && bridge.equals(PortNames.perPortBridge(vifId));
        if (bridge.equals(INTEGRATION_BRIDGE) || !(PortNames.isTrunkBridge(bridge) || perPort)) {
            throw new IllegalStateException("Refusing to delete Open vSwitch bridge " + bridge
                    + ": only trunk bridges (" + PortNames.TRUNK_BRIDGE_PREFIX + "*) and a VIF's per-port bridge "
                    + "are deleted, never the integration bridge");
        }
        txn.deleteBridge(bridge, true);
    }
}
