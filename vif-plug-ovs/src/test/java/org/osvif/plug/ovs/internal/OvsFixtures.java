package org.osvif.plug.ovs.internal;

import java.util.ArrayList;
import java.util.List;
import org.osvif.net.NamedLocks;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifHostDevice;
import org.osvif.objects.VifHostDeviceDevType;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifPortProfileOvsRepresentor;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.testing.RecordingCommandRunner;

/**
 * VIFs, names and expected host steps shared by the plug path tests. The plugin under test
 * runs on a {@link RecordingOvsdb} (OVSDB, asserted at the seam with {@link OvsdbCommands}) and a
 * {@link RecordingCommandRunner} (the {@code ip} processes and file writes).
 */
final class OvsFixtures {
    static final String VIF_ID = "a2b3c4d5-e6f7-4a8b-9c0d-1e2f3a4b5c6d";
    static final String IFACE_ID = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
    static final String MAC = "fa:16:3e:11:22:33";
    static final String INSTANCE_UUID = "7f3c2a1b-0000-4000-8000-000000000001";
    static final String NETWORK_ID = "11111111-2222-4333-8444-555555555555";
    static final String BRIDGE = "br-int";
    static final String TAP = "tapa2b3c4d5-e6";
    static final String QBR = "qbra2b3c4d5-e6";
    static final String QVB = "qvba2b3c4d5-e6";
    static final String QVO = "qvoa2b3c4d5-e6";
    static final String VHU = "vhua2b3c4d5-e6";
    static final String VFR = "vfra2b3c4d5-e6";
    static final String PB = "pba2b3c4d5-e6f";
    static final String PBP = "pbp" + VIF_ID;
    static final String IBP = "ibp" + VIF_ID;
    /** uuid.uuid5(QOS_UUID_NAMESPACE, name), computed with Python. */
    static final String QOS_KEY_TAP = "d34fab25-51f9-54cf-a9b1-d4a37502f266";
    static final String QOS_KEY_QVO = "8f28a9fd-8f2c-5bdd-a2b3-7671f5db3aae";
    static final String QOS_KEY_VHU = "0af88cb0-9a94-512c-be57-3da3e652e7af";
    /** The QoS keys of FakeSysfs' representors of VF 1: eth1 (Linux before 5.8), enp3s0f0_1 (5.8 on). */
    static final String QOS_KEY_ETH1 = "ab84f631-5785-528b-bc41-6b3340ecaa73";
    static final String QOS_KEY_ENP3S0F0_1 = "460d4ff0-4fd2-5e3e-90e6-508e30ff4e20";
    static final String QOS_ROW = "af23f8c2-8f6e-44d5-ae40-f005b60e1f8e";
    /** A second QoS row, for a port that left two behind. */
    static final String QOS_ROW_2 = "5b1e7c3d-2a4f-4e8b-9c6d-0f1a2b3c4d5e";

    private OvsFixtures() {
    }

    /** The plugin on the OVSDB seam: host commands through the runner, OVSDB through the fake. */
    static OvsPlugin plugin(RecordingCommandRunner runner, RecordingOvsdb ovsdb, OvsSettings settings) {
        return new OvsPlugin(settings, ovsdb, runner, new NamedLocks());
    }

    static OvsPlugin plugin(RecordingCommandRunner runner, RecordingOvsdb ovsdb) {
        return plugin(runner, ovsdb, OvsSettings.defaults());
    }

    static OvsSettings isolating() {
        return OvsSettings.defaults().withIsolateVif(true);
    }

    // ---- objects ----

    static InstanceInfo instance() {
        return InstanceInfo.builder().uuid(INSTANCE_UUID).name("vm1").projectId("p1").build();
    }

    static Network network(String bridge) {
        return Network.builder().id(NETWORK_ID).bridge(bridge).build();
    }

    static Network network(String bridge, int mtu) {
        return Network.builder().id(NETWORK_ID).bridge(bridge).mtu(mtu).build();
    }

    static VifPortProfileOpenVSwitch.Builder profile() {
        return new VifPortProfileOpenVSwitch.Builder().interfaceId(IFACE_ID);
    }

    static VifOpenVSwitch.Builder ovsVif(VifPortProfileOpenVSwitch profile) {
        return VifOpenVSwitch.builder().id(VIF_ID).address(MAC).plugin("ovs").network(network(BRIDGE))
                .vifName(TAP).bridgeName(BRIDGE).portProfile(profile);
    }

    static VifOpenVSwitch ovsVif() {
        return ovsVif(profile().build()).build();
    }

    static VifOpenVSwitch createPortVif() {
        return ovsVif(profile().createPort(true).build()).build();
    }

    static VifBridge hybridVif() {
        return hybridVif(profile().build());
    }

    static VifBridge hybridVif(VifPortProfileOpenVSwitch profile) {
        return VifBridge.builder().id(VIF_ID).address(MAC).plugin("ovs").network(network(BRIDGE))
                .vifName(TAP).bridgeName(QBR).portProfile(profile).build();
    }

    static VifVHostUser.Builder vhostUserVif(VifVHostUserMode mode) {
        return VifVHostUser.builder().id(VIF_ID).address(MAC).plugin("ovs").network(network(BRIDGE))
                .mode(mode).path("/var/lib/vhost_sockets/" + VHU).portProfile(profile().build());
    }

    static VifHostDevice hostDeviceVif(String pciAddress, VifPortProfileOpenVSwitch profile) {
        return VifHostDevice.builder().id(VIF_ID).address(MAC).plugin("ovs").network(network(BRIDGE))
                .devType(VifHostDeviceDevType.ETHERNET).devAddress(pciAddress).portProfile(profile).build();
    }

    static VifPortProfileOvsRepresentor representorProfile(String datapath) {
        VifPortProfileOvsRepresentor.Builder b = VifPortProfileOvsRepresentor.builder();
        b.interfaceId(IFACE_ID);
        if (datapath != null) {
            b.datapathType(datapath);
        }
        return b.build();
    }

    // ---- argv ----

    static List<String> ip(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("ip");
        argv.addAll(List.of(args));
        return argv;
    }

    /** A command as {@link RecordingCommandRunner#steps()} shows it. */
    static String run(List<String> argv) {
        return "$ " + String.join(" ", argv);
    }

    /** An {@code ip -batch} with {@code -force} as {@link RecordingCommandRunner#steps()} shows it, its lines after it. */
    static List<String> forcedBatch(String... lines) {
        List<String> steps = new ArrayList<>();
        steps.add("$ ip -force -batch -");
        for (String line : lines) {
            steps.add("  " + line);
        }
        return steps;
    }

    /** A file write as {@link RecordingCommandRunner#steps()} shows it. */
    static String write(String path, String value) {
        return "> " + path + "=" + value;
    }

    /** The writes of upstream's {@code _disable_ipv6} and {@code _arp_filtering} on a bridge. */
    static List<String> bridgeSysctls(String bridge) {
        return List.of(write("/proc/sys/net/ipv6/conf/" + bridge + "/disable_ipv6", "1"),
                write("/proc/sys/net/ipv4/conf/" + bridge + "/arp_ignore", "1"),
                write("/proc/sys/net/ipv4/conf/" + bridge + "/arp_announce", "2"));
    }

    // ---- scripting ----

    /** Puts a device in the runner's fake {@code /sys/class/net} (and its sysctl files). */
    static void deviceExists(RecordingCommandRunner runner, String dev) {
        runner.files().addDevice(dev);
    }

    /** Scripts the {@code ip -batch} whose standard input holds {@code line} to fail at that line with {@code message}. */
    static void batchFailsAt(RecordingCommandRunner runner, String line, String message) {
        runner.when(c -> c.stdin() != null && c.stdin().contains(line + "\n")).thenAnswer(c -> {
            List<String> lines = List.of(c.stdin().split("\n"));
            return RecordingCommandRunner.fail(1, message + "\nCommand failed -:" + (lines.indexOf(line) + 1) + "\n")
                    .apply(c);
        });
    }
}
