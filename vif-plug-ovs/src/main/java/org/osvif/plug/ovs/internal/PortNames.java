package org.osvif.plug.ovs.internal;

import org.osvif.net.InterfaceName;

/**
 * The device and port names this plugin derives from a VIF's id, as upstream's
 * {@code OvsPlugin.gen_port_name}: a prefix followed by the id, cut to 14
 * characters ({@code NIC_NAME_LEN}). The prefixes must not change, or ports
 * plugged by an earlier release could no longer be found.
 */
public final class PortNames {
    /** Upstream's {@code NIC_NAME_LEN}: one less than the kernel's limit of 15. */
    public static final int NIC_NAME_LEN = 14;
    /** The longest patch port name upstream derives ({@code max_length=64}); patch ports have no netdev. */
    public static final int PATCH_NAME_LEN = 64;
    /** Prefix of trunk bridges, which Neutron's trunk service creates per parent port. */
    public static final String TRUNK_BRIDGE_PREFIX = "tbr-";

    private PortNames() {
    }

    /**
     * @param prefix e.g. {@code qvo}
     * @param vifId the VIF's id
     * @return {@code prefix + vifId}, cut to {@value #NIC_NAME_LEN} characters
     */
    public static String portName(String prefix, String vifId) {
        return portName(prefix, vifId, NIC_NAME_LEN);
    }

    /**
     * @param prefix e.g. {@code pbp}
     * @param vifId the VIF's id
     * @param maxLength the longest name
     * @return {@code prefix + vifId}, cut to {@code maxLength} characters
     */
    public static String portName(String prefix, String vifId, int maxLength) {
        String name = prefix + vifId;
        return name.length() > maxLength ? name.substring(0, maxLength) : name;
    }

    /** @param vifId the VIF's id @return the hybrid plug's Linux bridge, {@code qbr<id>} */
    public static String hybridBridge(String vifId) {
        return portName("qbr", vifId);
    }

    /** @param vifId the VIF's id @return the veth end on the Linux bridge, {@code qvb<id>} */
    public static String vethBridgeEnd(String vifId) {
        return portName("qvb", vifId);
    }

    /** @param vifId the VIF's id @return the veth end on Open vSwitch, {@code qvo<id>} */
    public static String vethOvsEnd(String vifId) {
        return portName("qvo", vifId);
    }

    /** @param vifId the VIF's id @return the vhost-user port, {@code vhu<id>} */
    public static String vhostUserPort(String vifId) {
        return portName("vhu", vifId);
    }

    /** @param vifId the VIF's id @return the DPDK representor port, {@code vfr<id>} */
    public static String dpdkRepresentorPort(String vifId) {
        return portName("vfr", vifId);
    }

    /** @param vifId the VIF's id @return the per-port bridge, {@code pb<id>} */
    public static String perPortBridge(String vifId) {
        return portName("pb", vifId);
    }

    /** @param vifId the VIF's id @return the patch port on the per-port bridge, {@code pbp<id>} */
    public static String perPortBridgePatch(String vifId) {
        return portName("pbp", vifId, PATCH_NAME_LEN);
    }

    /** @param vifId the VIF's id @return the patch port on the integration bridge, {@code ibp<id>} */
    public static String integrationBridgePatch(String vifId) {
        return portName("ibp", vifId, PATCH_NAME_LEN);
    }

    /**
     * @param bridge an Open vSwitch bridge name
     * @return whether it is a trunk bridge ({@code tbr-} prefix), which unplug deletes
     */
    public static boolean isTrunkBridge(String bridge) {
        return bridge.startsWith(TRUNK_BRIDGE_PREFIX);
    }

    /**
     * Checks a name that becomes a kernel network device (a port with a netdev, or a bridge).
     *
     * @param name the name
     * @param what what it names, for the message
     * @return the name
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public static String checkDevice(String name, String what) {
        return InterfaceName.check(name, what);
    }

    /**
     * Checks the name of an OVSDB-only port, such as a patch port: the kernel's character rules
     * apply (the name reaches logs and tools), its length limit does not; at most
     * {@value #PATCH_NAME_LEN} characters.
     *
     * @param name the name
     * @param what what it names, for the message
     * @return the name
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public static String checkPatchPort(String name, String what) {
        if (name == null || name.length() <= InterfaceName.MAX_LENGTH) {
            return InterfaceName.check(name, what);
        }
        String problem = null;
        if (name.length() > PATCH_NAME_LEN) {
            problem = "must be at most " + PATCH_NAME_LEN + " characters long, not " + name.length();
        }
        for (int i = 0; i < name.length() && problem == null; i++) {
            char c = name.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                problem = "must not contain whitespace or characters outside printable ASCII (U+"
                        + String.format("%04X", (int) c) + " at index " + i + ")";
            } else if (c == '/' || c == ':' || c == '%') {
                problem = "must not contain '" + c + "' (at index " + i + ")";
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + printable(name) + "': " + problem);
        }
        return name;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            out.append(c >= 0x20 && c <= 0x7e ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
