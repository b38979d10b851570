package org.osvif.testing.ovs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link PrivateOvs} needs from the host, checked without starting anything: root (effective uid 0)
 * with the capabilities {@code ip netns add} uses, network namespaces, {@code ip} and the Open vSwitch
 * programs on {@code PATH}, and the Open_vSwitch schema.
 *
 * @param effectiveUid the effective uid, or -1 when unknown
 * @param effectiveCapabilities the effective capability mask ({@code CapEff} in {@code /proc/self/status}),
 *        or -1 when unknown
 * @param path the {@code PATH}, or null
 * @param schema the Open_vSwitch schema file
 * @param netNamespace {@code /proc/self/ns/net}
 */
record Prerequisites(long effectiveUid, long effectiveCapabilities, String path, Path schema, Path netNamespace) {
    /** Where OVS installs the daemons; root's PATH has these, other users' often do not. */
    private static final List<String> SBIN = List.of("/usr/sbin", "/sbin", "/usr/local/sbin");
    private static final String INSTALL_OVS = "apt-get install -y openvswitch-switch";
    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;
    private static final List<String> OVS_PROGRAMS =
            List.of("ovsdb-tool", "ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovsdb-client");

    /**
     * @param schema the Open_vSwitch schema file
     * @return the prerequisites of this process
     */
    static Prerequisites ofThisProcess(Path schema) {
        long uid = -1;
        long caps = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    // real, effective, saved, filesystem
                    uid = Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                } else if (line.startsWith("CapEff:")) {
                    caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                }
            }
        } catch (IOException | RuntimeException e) {
            uid = "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
        return new Prerequisites(uid, caps, System.getenv("PATH"), schema, Path.of("/proc/self/ns/net"));
    }

    /** @return what is missing, each with how to get it; empty when a sandbox can start */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (effectiveUid != 0) {
            missing.add("not running as root (effective uid " + (effectiveUid < 0 ? "unknown" : effectiveUid)
                    + "): a private Open vSwitch needs root to create a network namespace and run ovsdb-server "
                    + "and ovs-vswitchd in it; run the tests as root (as CI does)");
        } else if (effectiveCapabilities >= 0
                && (!has(CAP_SYS_ADMIN) || !has(CAP_NET_ADMIN))) {
            missing.add("running as root without CAP_SYS_ADMIN and CAP_NET_ADMIN, which ip netns add and "
                    + "ovs-vswitchd need: run the container with --privileged, or with --cap-add SYS_ADMIN "
                    + "--cap-add NET_ADMIN");
        }
        if (!Files.exists(netNamespace)) {
            missing.add("no network namespace support (" + netNamespace + " does not exist): needs Linux with "
                    + "CONFIG_NET_NS");
        }
        if (find("ip") == null) {
            missing.add(notOnPath("ip", "apt-get install -y iproute2"));
        }
        for (String program : OVS_PROGRAMS) {
            if (find(program) == null) {
                missing.add(notOnPath(program, INSTALL_OVS));
            }
        }
        if (!Files.isReadable(schema)) {
            missing.add("Open vSwitch schema " + schema + " not found: " + INSTALL_OVS);
        }
        return List.copyOf(missing);
    }

    private boolean has(int capability) {
        return (effectiveCapabilities & (1L << capability)) != 0;
    }

    /** @return the program's path on PATH, or null */
    Path find(String program) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String notOnPath(String program, String install) {
        for (String dir : SBIN) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return program + " is in " + dir + ", which is not on PATH: add " + dir + " to PATH";
            }
        }
        return program + " not found on PATH: " + install;
    }
}
