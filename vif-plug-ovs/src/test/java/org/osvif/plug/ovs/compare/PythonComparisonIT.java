package org.osvif.plug.ovs.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.plug.ovs.compare.OvsSnapshot.ABSENT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.exception.PlugException;
import org.osvif.exec.CommandResult;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.VersionManifest;
import org.osvif.plug.ovs.compare.OvsSnapshot.Difference;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * Behaviour matches Python os-vif: each scenario plugs the same VIF (same ids, names
 * and options) with the Java port into one fresh {@link PrivateOvs} and with Python
 * os-vif (Debian's 3.0.0, through {@code tools/ovs/plug_python.py}, vsctl driver,
 * oslo.privsep in-process) into another, compares the normalised OVSDB rows and Linux
 * devices the two leave (see {@link OvsSnapshot}). Then, as Neutron's agent would, it
 * wires every port the plug isolated (tag 5, no trunk isolation) in both sandboxes,
 * plugs again with both (a compute agent restarting) and compares; finally it unplugs
 * with both, compares again and checks that nothing of the VIF remains.
 *
 * <p>The Java port follows upstream 5.1, Python here is 3.0.0, and a few upstream
 * defects are not copied; every difference this causes is listed in {@link #EXPECTED}
 * with its reason (and in {@code docs/compatibility.md}). Any other difference fails
 * the test, and so does an expected difference that no longer occurs, so the table
 * stays true.
 */
@RequiresOvs
@Tag("functional")
@ExtendWith(PythonOsVif.class)
class PythonComparisonIT {
    /** The Java port's OVSDB driver in this run of the functional suite (the build runs it once per driver). */
    static final String DRIVER = System.getProperty("osvif.it.ovsdb_interface", "native");
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
    static final String IBP = "ibp" + VIF_ID;
    /** uuid5(QOS_UUID_NAMESPACE, "tapa2b3c4d5-e6"), computed with Python's uuid module. */
    static final String QOS_KEY_TAP = "d34fab25-51f9-54cf-a9b1-d4a37502f266";
    /** What Python os-vif 3.0.0 knows: VIFPortProfileOpenVSwitch 1.3 (no create_tap, no multiqueue). */
    static final VersionManifest PYTHON_3_0_0 = VersionManifest.of(Map.of(
            VifPortProfileOpenVSwitch.OBJ_NAME, ObjectVersion.of(1, 3)));

    /** The states of a plugged VIF: after the first plug, and after a re-plug of a port the agent wired. */
    private static final Set<String> PLUGGED = Set.of("plug", "replug");
    /** Neutron's dead VLAN. */
    private static final long DEAD_VLAN = 4095;
    /** The VLAN the simulated network agent wires a port to. */
    private static final long AGENT_VLAN = 5;

    private static final String ISOLATION = "5.1 isolates a new port with tag=4095 plus vlan_mode=trunk and "
            + "trunks=[4095], so that no VLAN at all reaches it, trunked or not; 3.0.0 sets only the tag";
    private static final String REPLUG = "5.1 isolates only a port that does not exist yet; 3.0.0 puts a port the "
            + "network agent has already wired back into the dead VLAN on every re-plug (e.g. a restart of the "
            + "compute agent), cutting the guest's traffic until the agent notices";
    private static final String PROMISC = "upstream 3.0.0 defect, not copied: it passes promisc='on' to pyroute2, "
            + "which sets IFF_PROMISC only for True, so qvb is left non-promiscuous (qvo is made promiscuous by "
            + "ovs-vswitchd anyway); later upstream passes True";
    private static final String CREATE_TAP = "5.1 create_tap (VIFPortProfileOpenVSwitch 1.4): the plugin creates the "
            + "tap itself (VIF MAC, MTU, up, IPv6 off) so the hypervisor can use it unmanaged; 3.0.0 reads the "
            + "profile at 1.3, without create_tap, and creates no device";
    private static final String CREATE_TAP_MTU = "follows from create_tap: ovs-vswitchd gives a netdev bridge's "
            + "internal device the smallest MTU of its ports, and only Java's port has a device (MTU 1450)";
    private static final String MTU_REQUEST = "MTU through OVSDB in the port transaction instead of a separate ip "
            + "call; applies also to a device the hypervisor creates later";
    private static final String QOS = "5.1 gives a new port on the system datapath a QoS row of default_qos_type "
            + "(linux-noop) keyed by uuid5 of the port name, removed on unplug; 3.0.0 has no QoS (Java creates the "
            + "row in the port's own transaction, upstream 5.1 in a transaction before it)";

    /**
     * Every difference the comparison may show: scenario, phases, path, Python's value, Java's value,
     * reason. A row matches a difference exactly; values are as {@link OvsSnapshot} renders them.
     * {@code docs/compatibility.md} lists the same.
     */
    static final List<Expected> EXPECTED = List.of(
            isolated("generic", TAP),
            trunks("generic", TAP),
            replugTag("generic", TAP),
            mtuRequest("generic", TAP),

            isolated("generic-create_tap", TAP),
            trunks("generic-create_tap", TAP),
            replugTag("generic-create_tap", TAP),
            new Expected("generic-create_tap", PLUGGED, "Link[" + TAP + "].kind", ABSENT, "tun", CREATE_TAP),
            new Expected("generic-create_tap", PLUGGED, "Link[" + TAP + "].type", ABSENT, "tap", CREATE_TAP),
            new Expected("generic-create_tap", PLUGGED, "Link[" + TAP + "].multi_queue", ABSENT, "false", CREATE_TAP),
            new Expected("generic-create_tap", PLUGGED, "Link[" + TAP + "].mtu", ABSENT, "1450", CREATE_TAP),
            new Expected("generic-create_tap", PLUGGED, "Link[" + TAP + "].up", ABSENT, "true", CREATE_TAP),
            new Expected("generic-create_tap", PLUGGED, "Link[" + TAP + "].promisc", ABSENT, "true", CREATE_TAP),
            new Expected("generic-create_tap", PLUGGED, "Link[" + TAP + "].disable_ipv6", ABSENT, "1", CREATE_TAP),
            new Expected("generic-create_tap", PLUGGED, "Link[br-int].mtu", "1500", "1450", CREATE_TAP_MTU),

            isolated("generic-system-datapath", TAP),
            trunks("generic-system-datapath", TAP),
            replugTag("generic-system-datapath", TAP),
            mtuRequest("generic-system-datapath", TAP),
            new Expected("generic-system-datapath", PLUGGED, "Port[" + TAP + "].qos", "[]", "qos:" + QOS_KEY_TAP, QOS),
            new Expected("generic-system-datapath", PLUGGED, "QoS[qos:" + QOS_KEY_TAP + "].type", ABSENT,
                    "linux-noop", QOS),
            new Expected("generic-system-datapath", PLUGGED, "QoS[qos:" + QOS_KEY_TAP + "].external_ids:id", ABSENT,
                    QOS_KEY_TAP, QOS),
            new Expected("generic-system-datapath", PLUGGED, "QoS[qos:" + QOS_KEY_TAP + "].external_ids:_type",
                    ABSENT, "linux-noop", QOS),

            // No re-plug difference: with qvo present, both only update the veth MTUs.
            isolated("hybrid", QVO),
            trunks("hybrid", QVO),
            new Expected("hybrid", PLUGGED, "Link[" + QVB + "].promisc", "false", "true", PROMISC),

            isolated("per_port_bridge", TAP),
            trunks("per_port_bridge", TAP),
            replugTag("per_port_bridge", TAP),
            replugTag("per_port_bridge", IBP),
            mtuRequest("per_port_bridge", TAP),

            isolated("vhostuser-server", VHU),
            trunks("vhostuser-server", VHU),
            replugTag("vhostuser-server", VHU));

    /** After the first plug, the port has vlan_mode=trunk in Java only. */
    private static Expected isolated(String scenario, String port) {
        return new Expected(scenario, Set.of("plug"), "Port[" + port + "].vlan_mode", "[]", "trunk", ISOLATION);
    }

    /** After the first plug, the port has trunks=[4095] in Java only. */
    private static Expected trunks(String scenario, String port) {
        return new Expected(scenario, Set.of("plug"), "Port[" + port + "].trunks", "[]", "4095", ISOLATION);
    }

    /** After a re-plug of a wired port, Python has put it back into the dead VLAN, Java has left it alone. */
    private static Expected replugTag(String scenario, String port) {
        return new Expected(scenario, Set.of("replug"), "Port[" + port + "].tag", "4095",
                Long.toString(AGENT_VLAN), REPLUG);
    }

    /** While plugged, a generic or per-port VIF port without create_tap has mtu_request in Java only. */
    private static Expected mtuRequest(String scenario, String port) {
        return new Expected(scenario, PLUGGED, "Interface[" + port + "].mtu_request", "[]", "1450", MTU_REQUEST);
    }

    /** One way of plugging: the VIF and the plugin options. */
    record Scenario(String name, VifBase vif, boolean isolateVif, boolean perPortBridge, Integer networkDeviceMtu) {
        @Override
        public String toString() {
            return name;
        }

        /** @return the {@code [os_vif_ovs]} options for the Java port */
        VifConfig config(PrivateOvs ovs) {
            VifConfig.Builder config = VifConfig.builder()
                    .set("os_vif_ovs", "ovsdb_connection", ovs.dbConnection())
                    .set("os_vif_ovs", "ovsdb_interface", DRIVER)
                    .set("os_vif_ovs", "isolate_vif", Boolean.toString(isolateVif))
                    .set("os_vif_ovs", "per_port_bridge", Boolean.toString(perPortBridge));
            if (networkDeviceMtu != null) {
                config.set("os_vif_ovs", "network_device_mtu", networkDeviceMtu.toString());
            }
            return config.build();
        }

        /** @return the same options for plug_python.py */
        List<String> pythonOptions() {
            List<String> options = new ArrayList<>();
            if (isolateVif) {
                options.add("--isolate-vif");
            }
            if (perPortBridge) {
                options.add("--per-port-bridge");
            }
            if (networkDeviceMtu != null) {
                options.addAll(List.of("--network-device-mtu", networkDeviceMtu.toString()));
            }
            return options;
        }
    }

    /**
     * One intended difference.
     *
     * @param scenario the scenario's name
     * @param phases the states in which it shows: {@code plug}, {@code replug} or {@code unplug}
     * @param path the fact, as {@link OvsSnapshot} names it
     * @param python Python os-vif 3.0.0's value, or {@link OvsSnapshot#ABSENT}
     * @param java the Java port's value, or {@link OvsSnapshot#ABSENT}
     * @param reason why they differ on purpose
     */
    record Expected(String scenario, Set<String> phases, String path, String python, String java, String reason) {
        Expected {
            phases = Set.copyOf(phases);
            Objects.requireNonNull(reason, "reason");
        }

        boolean matches(String scenarioName, String phase, Difference difference) {
            return scenario.equals(scenarioName) && phases.contains(phase) && path.equals(difference.path())
                    && python.equals(difference.python()) && java.equals(difference.java());
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("generic", openVSwitch(profile("netdev").createPort(true).build(), network(1450)),
                        true, false, null),
                new Scenario("generic-create_tap", openVSwitch(profile("netdev").createPort(true).createTap(true)
                        .build(), network(1450)), true, false, null),
                new Scenario("generic-system-datapath", openVSwitch(profile(null).createPort(true).build(),
                        network(1450)), true, false, null),
                new Scenario("hybrid", VifBridge.builder().id(VIF_ID).address(MAC).plugin("ovs")
                        .network(network(1450)).vifName(TAP).bridgeName(QBR)
                        .portProfile(profile("netdev").build()).build(), true, false, null),
                new Scenario("per_port_bridge", openVSwitch(profile("netdev").build(), network(1450)),
                        true, true, null),
                new Scenario("vhostuser-server", VifVHostUser.builder().id(VIF_ID).address(MAC).plugin("ovs")
                        .network(network(null)).vifName(VHU).mode(VifVHostUserMode.SERVER)
                        .path("/var/lib/vhost_sockets/" + VHU).portProfile(profile("netdev").build()).build(),
                        true, false, 9000));
    }

    private static VifPortProfileOpenVSwitch.Builder profile(String datapath) {
        VifPortProfileOpenVSwitch.Builder profile = new VifPortProfileOpenVSwitch.Builder().interfaceId(IFACE_ID);
        if (datapath != null) {
            profile.datapathType(datapath);
        }
        return profile;
    }

    private static Network network(Integer mtu) {
        Network.Builder network = Network.builder().id(NETWORK_ID).bridge(BRIDGE);
        if (mtu != null) {
            network.mtu(mtu);
        }
        return network.build();
    }

    private static VifOpenVSwitch openVSwitch(VifPortProfileOpenVSwitch profile, Network network) {
        return VifOpenVSwitch.builder().id(VIF_ID).address(MAC).plugin("ovs").network(network).vifName(TAP)
                .bridgeName(BRIDGE).portProfile(profile).build();
    }

    private static InstanceInfo instance() {
        return InstanceInfo.builder().uuid(INSTANCE_UUID).name("vm1").projectId("p1").build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void behavesLikePythonOsVif(Scenario scenario, @TempDir Path dir) throws IOException {
        Path vifFile = write(dir.resolve("vif.json"), OsVifObjects.codec().toPrimitive(scenario.vif(), null,
                PYTHON_3_0_0).toString());
        Path instanceFile = write(dir.resolve("instance.json"), OsVifObjects.codec().toJson(instance()));
        try (PrivateOvs javaOvs = PrivateOvs.start(); PrivateOvs pythonOvs = PrivateOvs.start();
                OsVif osvif = OsVif.initialize(scenario.config(javaOvs),
                        InitOptions.builder().commandRunner(javaOvs.runner()).build())) {
            List<String> failures = new ArrayList<>();

            osvif.plug(scenario.vif(), instance());
            PythonOsVif.run(pythonOvs, scenario.pythonOptions(), vifFile, instanceFile, "plug");
            OvsSnapshot javaPlugged = OvsSnapshot.capture(javaOvs);
            OvsSnapshot pythonPlugged = OvsSnapshot.capture(pythonOvs);
            assertThat(pythonPlugged.rowNames("Port")).as("ports Python os-vif made").hasSizeGreaterThan(1);
            failures.addAll(check(scenario, "plug", pythonPlugged, javaPlugged));

            // The network agent wires the port(s) the plug isolated; then the compute agent plugs again.
            Set<String> isolated = new TreeSet<>(javaPlugged.portsTagged(DEAD_VLAN));
            isolated.addAll(pythonPlugged.portsTagged(DEAD_VLAN));
            for (String port : isolated) {
                wire(javaOvs, port);
                wire(pythonOvs, port);
            }
            osvif.plug(scenario.vif(), instance());
            PythonOsVif.run(pythonOvs, scenario.pythonOptions(), vifFile, instanceFile, "plug");
            failures.addAll(check(scenario, "replug", OvsSnapshot.capture(pythonOvs), OvsSnapshot.capture(javaOvs)));

            osvif.unplug(scenario.vif(), instance());
            PythonOsVif.run(pythonOvs, scenario.pythonOptions(), vifFile, instanceFile, "unplug");
            OvsSnapshot javaUnplugged = OvsSnapshot.capture(javaOvs);
            OvsSnapshot pythonUnplugged = OvsSnapshot.capture(pythonOvs);
            failures.addAll(check(scenario, "unplug", pythonUnplugged, javaUnplugged));
            javaUnplugged.leftovers().forEach(left -> failures.add("Java left " + left + " after unplug"));
            pythonUnplugged.leftovers().forEach(left -> failures.add("Python left " + left + " after unplug"));

            assertThat(failures).as("scenario %s%nafter plug, Java:%n%safter plug, Python:%n%s", scenario,
                    javaPlugged.describe(), pythonPlugged.describe()).isEmpty();
        }
    }

    /**
     * A port transaction that ovs-vsctl refuses (the VIF's device is already a port of another
     * bridge): Python 3.0.0's vsctl driver logs the error and reports success (its transactions
     * default to {@code check_error=False}); the Java port fails the plug with the command and
     * ovs-vsctl's message. Both leave the database as it was.
     */
    @Test
    void refusedTransactionFailsThePlugInsteadOfBeingLogged(@TempDir Path dir) throws IOException {
        Scenario scenario = scenarios().findFirst().orElseThrow();
        Path vifFile = write(dir.resolve("vif.json"), OsVifObjects.codec().toPrimitive(scenario.vif(), null,
                PYTHON_3_0_0).toString());
        Path instanceFile = write(dir.resolve("instance.json"), OsVifObjects.codec().toJson(instance()));
        try (PrivateOvs javaOvs = PrivateOvs.start(); PrivateOvs pythonOvs = PrivateOvs.start();
                OsVif osvif = OsVif.initialize(scenario.config(javaOvs),
                        InitOptions.builder().commandRunner(javaOvs.runner()).build())) {
            for (PrivateOvs ovs : List.of(javaOvs, pythonOvs)) {
                ovs.addBridge(BRIDGE);
                ovs.addBridge("br-other");
                ovs.vsctl("add-port", "br-other", TAP);
            }
            OvsSnapshot javaBefore = OvsSnapshot.capture(javaOvs);

            assertThatThrownBy(() -> osvif.plug(scenario.vif(), instance()))
                    .isInstanceOf(PlugException.class)
                    .hasMessageContaining(DRIVER.equals("vsctl") ? "ovs-vsctl" : TAP)
                    .hasMessageContaining("attached to bridge br-other");
            CommandResult python = PythonOsVif.run(pythonOvs, scenario.pythonOptions(), vifFile, instanceFile,
                    "plug");

            assertThat(python.exitCode()).as("Python os-vif reports success").isZero();
            assertThat(python.stderr()).contains("Unable to execute").contains("attached to bridge br-other");
            OvsSnapshot javaAfter = OvsSnapshot.capture(javaOvs);
            assertThat(OvsSnapshot.differences(javaBefore, javaAfter)).as("Java changed nothing").isEmpty();
            assertThat(OvsSnapshot.differences(OvsSnapshot.capture(pythonOvs), javaAfter))
                    .as("the two databases after the refused plug").isEmpty();
        }
    }

    /**
     * What Neutron's Open vSwitch agent does once it has bound a port: its local VLAN as the tag, and
     * no trunk isolation left.
     */
    private static void wire(PrivateOvs ovs, String port) {
        if (ovs.rows("Port").stream().anyMatch(row -> port.equals(row.get("name")))) {
            ovs.vsctl("set", "Port", port, "tag=" + AGENT_VLAN, "--", "clear", "Port", port, "vlan_mode", "--",
                    "clear", "Port", port, "trunks");
        }
    }

    /** Unexpected differences, and expected ones of this scenario and phase that did not occur. */
    private static List<String> check(Scenario scenario, String phase, OvsSnapshot python, OvsSnapshot java) {
        List<String> failures = new ArrayList<>();
        List<Difference> differences = OvsSnapshot.differences(python, java);
        Map<Expected, Boolean> seen = new LinkedHashMap<>();
        EXPECTED.stream().filter(e -> e.scenario().equals(scenario.name()) && e.phases().contains(phase))
                .forEach(e -> seen.put(e, false));
        for (Difference difference : differences) {
            Expected match = EXPECTED.stream().filter(e -> e.matches(scenario.name(), phase, difference)).findFirst()
                    .orElse(null);
            if (match == null) {
                failures.add("unexpected difference after " + phase + ": " + difference);
            } else {
                seen.put(match, true);
            }
        }
        seen.forEach((expected, occurred) -> {
            if (!occurred) {
                failures.add("expected difference did not occur after " + phase + ": " + expected.path()
                        + ": Python " + expected.python() + ", Java " + expected.java());
            }
        });
        return failures;
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
