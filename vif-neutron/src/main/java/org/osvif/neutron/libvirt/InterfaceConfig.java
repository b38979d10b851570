package org.osvif.neutron.libvirt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one {@code <interface>}, field for field Nova's
 * {@code LibvirtConfigGuestInterface}: filled by {@link InterfaceConfigurator},
 * written by {@link InterfaceFormatter}.
 */
final class InterfaceConfig {
    String netType;
    String targetDev;
    String managed;
    String model;
    String macAddr;
    String sourceDev;
    String driverName;
    String vhostuserMode;
    String vhostuserPath;
    String vhostuserType;
    Integer vhostQueues;
    Integer rxQueueSize;
    Integer txQueueSize;
    Integer mtu;
    String vportType;
    final Map<String, String> vportParams = new LinkedHashMap<>();
    final Map<String, String> bandwidth = new LinkedHashMap<>();
}
