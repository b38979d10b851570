package org.osvif.plug.ovs.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
import org.osvif.plug.ovs.internal.ovsdb.VsctlOvsdb;
import org.osvif.testing.RecordingCommandRunner;

/**
 * VIFs, names and expected argv shared by the plug path tests. The plugin under test
 * runs the real {@link VsctlOvsdb} on a {@link RecordingCommandRunner}, so every
 * assertion is on the exact argv of {@code ovs-vsctl} and {@code ip}.
 */
final class OvsFixtures {
    static final String CONNECTION = "tcp:127.0.0.1:6640";
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
    static final String PORT_ROW = "1adc9a08-cf7e-4b4f-ba63-63a4c80decdd";
    static final String NO_ROWS = "{\"data\":[],\"headings\":[\"_uuid\"]}";
    static final List<String> VSCTL =
            List.of("ovs-vsctl", "--timeout=120", "--oneline", "--format=json", "--db=" + CONNECTION);

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private OvsFixtures() {
    }

    static OvsPlugin plugin(RecordingCommandRunner runner, OvsSettings settings) {
        return new OvsPlugin(settings, new VsctlOvsdb(runner, CONNECTION, Duration.ofSeconds(120)), runner,
                new NamedLocks());
    }

    static OvsPlugin plugin(RecordingCommandRunner runner) {
        return plugin(runner, OvsSettings.defaults());
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

    static List<String> vsctl(String... args) {
        List<String> argv = new ArrayList<>(VSCTL);
        argv.addAll(List.of(args));
        return argv;
    }

    static List<String> findPort(String port) {
        return vsctl("--", "--columns=_uuid", "find", "Port", "name=" + port);
    }

    static List<String> findQos(String key, String type) {
        return vsctl("--", "--columns=_uuid", "find", "QoS", "external_ids:id=" + str(key),
                "external_ids:_type=" + type);
    }

    /** A string as VsctlSyntax writes it: bare when a plain identifier, else quoted. */
    static String str(String value) {
        return PLAIN.matcher(value).matches() ? value : "\"" + value + "\"";
    }

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

    static String row(String uuid) {
        return rows(uuid);
    }

    /** ovs-vsctl's JSON for a {@code --columns=_uuid find} that found these rows, in this order. */
    static String rows(String... uuids) {
        StringBuilder data = new StringBuilder();
        for (String uuid : uuids) {
            if (data.length() > 0) {
                data.append(',');
            }
            data.append("[[\"uuid\",\"").append(uuid).append("\"]]");
        }
        return "{\"data\":[" + data + "],\"headings\":[\"_uuid\"]}";
    }

    /**
     * The default QoS read of a plug on the system datapath ({@code default_qos_type}
     * linux-noop): the rows keyed to the port whose QoS key is {@code key}, left behind when its
     * Port row was deleted outside os-vif (the same find as unplug's).
     */
    static List<String> findDefaultQos(String key) {
        return findQos(key, "linux-noop");
    }

    /**
     * The commands of a port transaction that destroy stale QoS rows, in this order, each
     * {@code -- --if-exists destroy QoS UUID}; they come right before {@code --id=@qos create QoS}.
     */
    static List<String> destroyQos(String... uuids) {
        List<String> argv = new ArrayList<>();
        for (String uuid : uuids) {
            argv.addAll(List.of("--", "--if-exists", "destroy", "QoS", uuid));
        }
        return argv;
    }

    /** The external_ids arguments of a VIF's Interface, in upstream's order. */
    static List<String> externalIds(String ifaceId) {
        return List.of("external_ids:iface-id=" + str(ifaceId), "external_ids:iface-status=active",
                "external_ids:attached-mac=" + str(MAC), "external_ids:vm-uuid=" + str(INSTANCE_UUID));
    }

    static List<String> concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }

    static List<String> concat(List<String> first, List<String> second, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(List.of(rest));
        return all;
    }

    // ---- scripting ----

    /**
     * Scripts a read-only world: every port missing (the runner's fake {@code /sys/class/net}
     * starts empty, so every device too), every find answering no rows (so no stale QoS rows
     * either), every change succeeding.
     */
    static void nothingExists(RecordingCommandRunner runner) {
        runner.when(RecordingCommandRunner.argvContains("find")).thenReturn(NO_ROWS);
        runner.dispatch(RecordingCommandRunner.ok());
    }

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

    /**
     * ovs-vsctl's stderr when a plain {@code add-port} meets a port of that name (ovs-vsctl's
     * {@code check_conflicts}).
     */
    static String portAlreadyExistsError(String port, String bridge) {
        return "ovs-vsctl: cannot create a port named " + port + " because a port named " + port
                + " already exists on bridge " + bridge + "\n";
    }

    /**
     * Scripts a port that already exists on {@code bridge}: a transaction with a plain
     * {@code add-port BRIDGE PORT} (without {@code --may-exist}) fails as ovs-vsctl does,
     * exit code 1, changing nothing. A {@code --may-exist add-port} is left to the other rules.
     */
    static void portAlreadyOn(RecordingCommandRunner runner, String bridge, String port) {
        runner.when(RecordingCommandRunner.argvContains("--", "add-port", bridge, port))
                .thenFail(1, portAlreadyExistsError(port, bridge));
    }

    /**
     * Scripts the default QoS read ({@link #findDefaultQos}) of the port whose QoS key is
     * {@code key} to find these rows; every other command, the port transaction included, is
     * left to the other rules.
     */
    static void staleQos(RecordingCommandRunner runner, String key, String... uuids) {
        runner.when(RecordingCommandRunner.argvEquals(findDefaultQos(key).toArray(String[]::new)))
                .thenReturn(rows(uuids));
    }

    /** @return how many ovs-vsctl processes ran */
    static long vsctlRuns(RecordingCommandRunner runner) {
        return runner.commands().stream().filter(c -> c.program().equals(VsctlOvsdb.PROGRAM)).count();
    }

    /** Scripts the existence check of a port ({@code find Port name=PORT}) to find it. */
    static void portExists(RecordingCommandRunner runner, String port) {
        runner.when(RecordingCommandRunner.argvEquals(findPort(port).toArray(String[]::new)))
                .thenReturn(row(PORT_ROW));
    }
}
