package org.osvif.plug.ovs.internal;

import java.nio.file.Path;
import java.util.Objects;
import org.osvif.config.GroupConfig;
import org.osvif.plug.ovs.OvsOptions;

/**
 * The options the plug paths read, typed once when the plugin is created.
 *
 * @param networkDeviceMtu MTU when the network has none; 0 sets none
 * @param isolateVif whether new ports start in the dead VLAN
 * @param perPortBridge whether a VIFOpenVSwitch gets a per-port bridge
 * @param defaultQosType the QoS type of new ports on the system datapath
 * @param sysfsRoot where sysfs is mounted
 */
public record OvsSettings(int networkDeviceMtu, boolean isolateVif, boolean perPortBridge, String defaultQosType,
        Path sysfsRoot) {

    /** Checks the parts. */
    public OvsSettings {
        Objects.requireNonNull(defaultQosType, "defaultQosType");
        Objects.requireNonNull(sysfsRoot, "sysfsRoot");
    }

    /**
     * @param config the validated group {@code os_vif_ovs}
     * @return its values
     */
    public static OvsSettings from(GroupConfig config) {
        return new OvsSettings(config.get(OvsOptions.NETWORK_DEVICE_MTU), config.get(OvsOptions.ISOLATE_VIF),
                config.get(OvsOptions.PER_PORT_BRIDGE), config.get(OvsOptions.DEFAULT_QOS_TYPE),
                Path.of(config.get(OvsOptions.SYSFS_ROOT)));
    }

    /** @return the defaults of every option */
    public static OvsSettings defaults() {
        return from(GroupConfig.defaults(OvsOptions.GROUP));
    }

    /** @param value isolate_vif @return a copy */
    public OvsSettings withIsolateVif(boolean value) {
        return new OvsSettings(networkDeviceMtu, value, perPortBridge, defaultQosType, sysfsRoot);
    }

    /** @param value per_port_bridge @return a copy */
    public OvsSettings withPerPortBridge(boolean value) {
        return new OvsSettings(networkDeviceMtu, isolateVif, value, defaultQosType, sysfsRoot);
    }

    /** @param value sysfs root @return a copy */
    public OvsSettings withSysfsRoot(Path value) {
        return new OvsSettings(networkDeviceMtu, isolateVif, perPortBridge, defaultQosType, value);
    }
}
