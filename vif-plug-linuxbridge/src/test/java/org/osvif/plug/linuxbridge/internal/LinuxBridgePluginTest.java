package org.osvif.plug.linuxbridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osvif.exec.Command;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.HostVifInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/**
 * The plugin's plug paths with exact argv, ported from upstream's
 * {@code vif_plug_linux_bridge/tests/unit/test_plugin.py} and extended to the
 * commands themselves (upstream mocks linux_net away).
 */
@ExtendWith(RecordingCommandRunnerExtension.class)
class LinuxBridgePluginTest {

    static final String ADD_BR100 = "  link add name br100 type bridge forward_delay 0 stp_state 0 mcast_snooping 0";
    static final List<String> SYSCTL_BR100 = List.of(
            "> /proc/sys/net/ipv6/conf/br100/disable_ipv6=1",
            "> /proc/sys/net/ipv4/conf/br100/arp_ignore=1",
            "> /proc/sys/net/ipv4/conf/br100/arp_announce=2");

    static LinuxBridgePlugin plugin(RecordingCommandRunner runner) {
        return TestContext.plugin(runner, Map.of());
    }

    /** The one unprivileged read of what {@code dev} holds. */
    static List<String> reads(String dev) {
        return List.of("$ ip -batch -", "  route show dev " + dev, "  addr show dev " + dev + " scope global");
    }

    /**
     * The steps of a flat plug onto a new bridge br100 on an existing eth0 with no addresses:
     * one read, one batch, the sysctl files.
     */
    static List<String> newFlatBridge(int mtu) {
        List<String> steps = new ArrayList<>(reads("eth0"));
        steps.addAll(List.of(
                "$ ip -force -batch -",
                ADD_BR100,
                "  link set dev br100 addrgenmode none",
                "  link set dev br100 up",
                "  link set dev eth0 master br100 up",
                "  link set dev eth0 mtu " + mtu,
                "  link set dev br100 mtu " + mtu));
        steps.addAll(SYSCTL_BR100);
        return steps;
    }

    /** The steps up to (not with) the standard input of the first iptables-restore. */
    static List<String> untilRestoreInput(RecordingCommandRunner runner) {
        List<String> steps = runner.steps();
        int restore = steps.indexOf("$ iptables-restore -c");
        return restore < 0 ? steps : steps.subList(0, restore + 1);
    }

    @SafeVarargs
    static List<List<String>> plus(List<List<String>> first, List<String>... more) {
        List<List<String>> all = new ArrayList<>(first);
        for (List<String> argv : more) {
            all.add(argv);
        }
        return all;
    }

    @Test
    @DisplayName("describe() advertises VIFBridge 1.0 with no port profiles")
    void describe(RecordingCommandRunner runner) {
        HostPluginInfo info = plugin(runner).describe();
        assertThat(info.pluginName()).isEqualTo("linux_bridge");
        assertThat(info.vifInfo()).hasSize(1);
        HostVifInfo vifInfo = info.vifInfo().get(0);
        assertThat(vifInfo.vifObjectName()).isEqualTo("VIFBridge");
        assertThat(vifInfo.minVersion()).isEqualTo("1.0");
        assertThat(vifInfo.maxVersion()).isEqualTo("1.0");
        assertThat(vifInfo.supportedPortProfiles()).isEmpty();
        assertThat(runner.commandCount()).isZero();
    }

    @Nested
    @DisplayName("when the host does not provide the bridge")
    class NothingToDo {
        @Test
        @DisplayName("test_plug_bridge: a network that provides no bridge runs nothing")
        void plugBridge(RecordingCommandRunner runner) {
            plugin(runner).plug(Vifs.vif(Vifs.network().build(), "br0").build(), Vifs.instance());
            assertThat(runner.commandCount()).isZero();
        }

        @Test
        @DisplayName("a multi-host network runs nothing, even with should_provide_bridge")
        void multiHost(RecordingCommandRunner runner) {
            Network network = Vifs.flatNetwork(null).multiHost(true).build();
            plugin(runner).plug(Vifs.vif(network, "br100").build(), Vifs.instance());
            assertThat(runner.commandCount()).isZero();
        }

        @Test
        @DisplayName("unplug runs nothing, for any VIF")
        void unplug(RecordingCommandRunner runner) {
            LinuxBridgePlugin plugin = plugin(runner);
            plugin.unplug(Vifs.vif(Vifs.flatNetwork(null).build(), "br100").build(), Vifs.instance());
            plugin.unplug(Vifs.vif(Vifs.vlanNetwork(null).build(), "br100").build(), Vifs.instance());
            assertThat(runner.commandCount()).isZero();
        }
    }

    @Nested
    @DisplayName("flat network (_test_plug_bridge_create_br)")
    class Flat {
        @Test
        @DisplayName("MTU from the network; has_traffic_filtering: no iptables")
        void mtuInModelFiltered(RecordingCommandRunner runner) {
            new FakeHost("eth0").on(runner);
            Network network = Vifs.flatNetwork(1234).bridge("br100").build();
            plugin(runner).plug(Vifs.vif(network, "br100").hasTrafficFiltering(true).build(), Vifs.instance());
            assertThat(runner.steps()).containsExactlyElementsOf(newFlatBridge(1234));
            assertThat(runner.commandCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("MTU from network_device_mtu (1500) when the network has none")
        void mtuFromConfig(RecordingCommandRunner runner) {
            new FakeHost("eth0").on(runner);
            Network network = Vifs.flatNetwork(null).bridge("br100").build();
            plugin(runner).plug(Vifs.vif(network, "br100").hasTrafficFiltering(true).build(), Vifs.instance());
            assertThat(runner.steps()).containsExactlyElementsOf(newFlatBridge(1500));
        }

        @Test
        @DisplayName("a network MTU of 0 counts as none, as Python's 'network.mtu or ...'")
        void mtuZero(RecordingCommandRunner runner) {
            new FakeHost("eth0").on(runner);
            TestContext.plugin(runner, Map.of("network_device_mtu", "9000"))
                    .plug(Vifs.vif(Vifs.flatNetwork(0).build(), "br100").hasTrafficFiltering(true).build(),
                            Vifs.instance());
            assertThat(runner.steps()).contains("  link set dev br100 mtu 9000");
        }

        @Test
        @DisplayName("without traffic filtering: gateway rules applied with iptables-save/restore, upstream's text")
        void filtering(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost("eth0");
            host.on(runner);
            plugin(runner).plug(Vifs.vif(Vifs.flatNetwork(null).build(), "br100").build(), Vifs.instance());

            List<String> expected = new ArrayList<>(newFlatBridge(1500));
            expected.add("$ iptables-save -c");
            expected.add("$ iptables-restore -c");
            assertThat(untilRestoreInput(runner)).containsExactlyElementsOf(expected);
            assertThat(runner.argvs()).hasSize(4);
            Command restore = runner.commands().get(runner.commandCount() - 1);
            assertThat(restore.stdin()).isEqualTo(Goldens.read("empty-flat.restore"));
            assertThat(restore.privileged()).isTrue();
        }

        @Test
        @DisplayName("re-plug: the bridge is kept, eth0 attached again, no iptables command (rules unchanged)")
        void replug(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost("eth0");
            host.on(runner);
            LinuxBridgePlugin plugin = plugin(runner);
            VifBridge vif = Vifs.vif(Vifs.flatNetwork(null).build(), "br100").build();
            plugin.plug(vif, Vifs.instance());
            int first = runner.steps().size();
            plugin.plug(vif, Vifs.instance());

            List<String> expected = new ArrayList<>(reads("eth0"));
            expected.addAll(List.of("$ ip -force -batch -",
                    "  link set dev eth0 master br100 up",
                    "  link set dev eth0 mtu 1500",
                    "  link set dev br100 mtu 1500"));
            assertThat(runner.steps().subList(first, runner.steps().size())).containsExactlyElementsOf(expected);
            assertThat(host.restored).hasSize(1);
            assertThat(host.bridgesAdded).hasValue(1);
        }

        @Test
        @DisplayName("a second bridge adds its rules to the first's in one more restore")
        void secondBridge(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost("eth0");
            host.on(runner);
            LinuxBridgePlugin plugin = plugin(runner);
            plugin.plug(Vifs.vif(Vifs.flatNetwork(null).build(), "br100").build(), Vifs.instance());
            plugin.plug(Vifs.vif(Vifs.flatNetwork(null).bridgeInterface(null).build(), "br200").build(),
                    Vifs.instance());
            assertThat(host.restored).hasSize(2);
            assertThat(host.restored.get(1))
                    .contains("[0:0] -A nova-compute-FORWARD -i br100 -j ACCEPT\n")
                    .contains("[0:0] -A nova-compute-FORWARD -i br200 -j ACCEPT\n")
                    .containsOnlyOnce("-i br100 -j ACCEPT");
        }

        @Test
        @DisplayName("flat_interface wins over the network's bridge_interface")
        void flatInterfaceOption(RecordingCommandRunner runner) {
            new FakeHost("eth1").on(runner);
            TestContext.plugin(runner, Map.of("flat_interface", "eth1", "vlan_interface", "eth9"))
                    .plug(Vifs.vif(Vifs.flatNetwork(null).build(), "br100").hasTrafficFiltering(true).build(),
                            Vifs.instance());
            assertThat(runner.steps()).contains("  link set dev eth1 master br100 up");
            assertThat(runner.steps()).noneMatch(step -> step.contains("eth0") || step.contains("eth9"));
        }

        @Test
        @DisplayName("no interface at all: the bridge alone, no MTU set (upstream sets it only with a port)")
        void noInterface(RecordingCommandRunner runner) {
            new FakeHost().on(runner);
            plugin(runner).plug(Vifs.vif(Vifs.flatNetwork(1400).bridgeInterface(null).build(), "br100")
                    .hasTrafficFiltering(true).build(), Vifs.instance());
            List<String> expected = new ArrayList<>(List.of("$ ip -batch -", ADD_BR100,
                    "  link set dev br100 addrgenmode none", "  link set dev br100 up"));
            expected.addAll(SYSCTL_BR100);
            assertThat(runner.steps()).containsExactlyElementsOf(expected);
        }

        @Test
        @DisplayName("an interface that does not exist is skipped, as upstream's ip_lib.exists check")
        void missingInterface(RecordingCommandRunner runner) {
            new FakeHost().on(runner);
            plugin(runner).plug(Vifs.vif(Vifs.flatNetwork(null).build(), "br100").hasTrafficFiltering(true)
                    .build(), Vifs.instance());
            List<String> expected = new ArrayList<>(List.of("$ ip -batch -", ADD_BR100,
                    "  link set dev br100 addrgenmode none", "  link set dev br100 up"));
            expected.addAll(SYSCTL_BR100);
            assertThat(runner.steps()).containsExactlyElementsOf(expected);
        }

        @Test
        @DisplayName("use_ipv6 keeps IPv6 on the new bridge and applies the IPv6 filter table")
        void useIpv6(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost("eth0");
            host.on(runner);
            TestContext.plugin(runner, Map.of("use_ipv6", "true"))
                    .plug(Vifs.vif(Vifs.flatNetwork(null).build(), "br100").build(), Vifs.instance());
            assertThat(runner.files().writes()).containsExactly("/proc/sys/net/ipv4/conf/br100/arp_ignore=1",
                    "/proc/sys/net/ipv4/conf/br100/arp_announce=2");
            assertThat(runner.steps()).doesNotContain("  link set dev br100 addrgenmode none");
            List<List<String>> argvs = runner.argvs();
            assertThat(argvs.subList(argvs.size() - 4, argvs.size())).containsExactly(
                    List.of("iptables-save", "-c"), List.of("iptables-restore", "-c"),
                    List.of("ip6tables-save", "-c"), List.of("ip6tables-restore", "-c"));
            assertThat(runner.commands().get(argvs.size() - 1).stdin()).isEqualTo(Goldens.read("ipv6.restore6"));
        }

        @Test
        @DisplayName("privileges: reads run without the root helper, changes with it")
        void privileges(RecordingCommandRunner runner) {
            new FakeHost("eth0").on(runner);
            plugin(runner).plug(Vifs.vif(Vifs.flatNetwork(null).build(), "br100").build(), Vifs.instance());
            for (Command c : runner.commands()) {
                List<String> argv = c.argv();
                boolean read = argv.contains("show") || c.stdin() != null && c.stdin().startsWith("route show");
                assertThat(c.privileged()).as("%s privileged", argv).isEqualTo(!read);
            }
        }

        @Test
        @DisplayName("a kernel refusal is tolerated where upstream passes check_exit_code=[0, 2, 254]: "
                + "attaching, MTUs; not the bridge's creation")
        void exitCodes(RecordingCommandRunner runner) {
            new FakeHost("eth0", "br100").on(runner);
            runner.when(c -> c.privileged() && c.argv().contains("-batch") && c.stdin().startsWith("link set dev eth0"))
                    .thenFail(1,
                    "RTNETLINK answers: Invalid argument\nCommand failed -:1\n"
                            + "RTNETLINK answers: Invalid argument\nCommand failed -:2\n"
                            + "RTNETLINK answers: Invalid argument\nCommand failed -:3\n");
            plugin(runner).plug(Vifs.vif(Vifs.flatNetwork(null).build(), "br100").hasTrafficFiltering(true).build(),
                    Vifs.instance());
            runner.when(c -> c.privileged() && c.argv().contains("-batch") && c.stdin().startsWith("link add"))
                    .thenFail(1, "RTNETLINK answers: Operation not permitted\nCommand failed -:1\n");
            assertThatThrownBy(() -> plugin(runner).plug(Vifs.vif(Vifs.flatNetwork(null).build(), "br101")
                    .hasTrafficFiltering(true).build(), Vifs.instance()))
                    .isInstanceOf(org.osvif.net.IpBatchException.class)
                    .hasMessageStartingWith("Step 'create bridge br101");
        }
    }

    @Nested
    @DisplayName("VLAN network (_test_plug_bridge_create_br_vlan)")
    class Vlan {
        List<String> newVlanBridge(int mtu) {
            List<String> steps = new ArrayList<>(List.of(
                    "$ ip -force -batch -",
                    "  link add link eth0 name vlan99 type vlan id 99",
                    "  link set dev vlan99 up",
                    "  link set dev vlan99 mtu " + mtu));
            steps.addAll(reads("vlan99"));
            steps.addAll(List.of("$ ip -force -batch -", ADD_BR100, "  link set dev br100 addrgenmode none",
                    "  link set dev br100 up", "  link set dev vlan99 master br100 up"));
            steps.addAll(SYSCTL_BR100);
            steps.add("$ iptables-save -c");
            steps.add("$ iptables-restore -c");
            return steps;
        }

        @Test
        @DisplayName("MTU from the network: vlan99 on eth0 with MTU 1234, the bridge on it, drop rules")
        void mtuInModel(RecordingCommandRunner runner) {
            new FakeHost("eth0").on(runner);
            plugin(runner).plug(Vifs.vif(Vifs.vlanNetwork(1234).build(), "br100").build(), Vifs.instance());
            assertThat(untilRestoreInput(runner)).containsExactlyElementsOf(newVlanBridge(1234));
            assertThat(runner.commands().get(runner.commandCount() - 1).stdin())
                    .isEqualTo(Goldens.read("empty-vlan.restore"));
        }

        @Test
        @DisplayName("MTU from network_device_mtu")
        void mtuFromConfig(RecordingCommandRunner runner) {
            new FakeHost("eth0").on(runner);
            plugin(runner).plug(Vifs.vif(Vifs.vlanNetwork(null).build(), "br100").build(), Vifs.instance());
            assertThat(untilRestoreInput(runner)).containsExactlyElementsOf(newVlanBridge(1500));
        }

        @Test
        @DisplayName("the drop rules are added even with has_traffic_filtering, as upstream's ensure_vlan_bridge")
        void filteringIgnored(RecordingCommandRunner runner) {
            new FakeHost("eth0").on(runner);
            plugin(runner).plug(Vifs.vif(Vifs.vlanNetwork(null).build(), "br100").hasTrafficFiltering(true).build(),
                    Vifs.instance());
            assertThat(untilRestoreInput(runner)).containsExactlyElementsOf(newVlanBridge(1500));
        }

        @Test
        @DisplayName("vlan_interface wins over the network's bridge_interface")
        void vlanInterfaceOption(RecordingCommandRunner runner) {
            new FakeHost("bond0").on(runner);
            TestContext.plugin(runner, Map.of("vlan_interface", "bond0", "flat_interface", "eth9"))
                    .plug(Vifs.vif(Vifs.vlanNetwork(null).build(), "br100").build(), Vifs.instance());
            assertThat(runner.steps()).contains("  link add link bond0 name vlan99 type vlan id 99");
        }

        @Test
        @DisplayName("existing vlan99 and bridge: attach again, nothing created, rules applied once")
        void existing(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost("eth0", "vlan99", "br100");
            host.on(runner);
            LinuxBridgePlugin plugin = plugin(runner);
            VifBridge vif = Vifs.vif(Vifs.vlanNetwork(null).build(), "br100").build();
            plugin.plug(vif, Vifs.instance());
            plugin.plug(vif, Vifs.instance());
            List<List<String>> once = List.of(
                    List.of("ip", "-batch", "-"),
                    // One step: a plain ip command, no batch.
                    List.of("ip", "link", "set", "dev", "vlan99", "master", "br100", "up"));
            List<List<String>> expected = new ArrayList<>(once);
            expected.add(List.of("iptables-save", "-c"));
            expected.add(List.of("iptables-restore", "-c"));
            expected.addAll(once);
            assertThat(runner.argvs()).containsExactlyElementsOf(expected);
        }
    }

    @Nested
    @DisplayName("refused before any command")
    class Refused {
        void assertRefused(RecordingCommandRunner runner, Map<String, String> options, VifBridge vif,
                String... messageParts) {
            LinuxBridgePlugin plugin = TestContext.plugin(runner, options);
            assertThatThrownBy(() -> plugin.plug(vif, Vifs.instance()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll(messageParts);
            assertThat(runner.commandCount()).as("commands run").isZero();
        }

        @ParameterizedTest(name = "VLAN {0}")
        @ValueSource(ints = {0, -1, 4095, 5000})
        @DisplayName("VLAN IDs outside 1..4094")
        void vlanOutOfRange(int vlan, RecordingCommandRunner runner) {
            assertRefused(runner, Map.of(), Vifs.vif(Vifs.vlanNetwork(null).vlan(vlan).build(), "br100").build(),
                    "Network.vlan", Integer.toString(vlan), "1..4094");
        }

        @Test
        @DisplayName("a VLAN network without a VLAN ID")
        void vlanMissing(RecordingCommandRunner runner) {
            assertRefused(runner, Map.of(), Vifs.vif(Vifs.vlanNetwork(null).vlan(null).build(), "br100").build(),
                    "Network.vlan is not set");
        }

        @Test
        @DisplayName("a VLAN network without a parent interface")
        void vlanWithoutParent(RecordingCommandRunner runner) {
            assertRefused(runner, Map.of(),
                    Vifs.vif(Vifs.vlanNetwork(null).bridgeInterface(null).build(), "br100").build(),
                    "Network.bridge_interface", "os_vif_linux_bridge.vlan_interface");
        }

        @ParameterizedTest(name = "MTU {0}")
        @ValueSource(ints = {67, -1, 65536, 100000})
        @DisplayName("network MTUs outside 68..65535")
        void mtuOutOfRange(int mtu, RecordingCommandRunner runner) {
            assertRefused(runner, Map.of(), Vifs.vif(Vifs.flatNetwork(mtu).build(), "br100").build(),
                    "Network.mtu", Integer.toString(mtu), "68..65535");
            assertRefused(runner, Map.of(), Vifs.vif(Vifs.vlanNetwork(mtu).build(), "br100").build(),
                    "Network.mtu", Integer.toString(mtu));
        }

        @ParameterizedTest(name = "bridge \"{0}\"")
        @ValueSource(strings = {"", "br 100", "bridge-name-too-long", "br/1", "br:1", "br%d", ".", "..", "brü"})
        @DisplayName("bridge names the kernel would refuse")
        void badBridgeName(String name, RecordingCommandRunner runner) {
            assertRefused(runner, Map.of(), Vifs.vif(Vifs.flatNetwork(null).build(), name).build(),
                    "VIFBridge.bridge_name");
        }

        @Test
        @DisplayName("the message names field, value and rule")
        void message(RecordingCommandRunner runner) {
            assertRefused(runner, Map.of(), Vifs.vif(Vifs.flatNetwork(null).build(), "br 100").build(),
                    "Invalid VIFBridge.bridge_name 'br 100': must not contain whitespace");
        }

        @ParameterizedTest(name = "interface \"{0}\"")
        @ValueSource(strings = {"eth 0", "eth0\n", "interface-too-long0", "eth0:1"})
        @DisplayName("bridge_interface names the kernel would refuse, flat and VLAN")
        void badNetworkInterface(String name, RecordingCommandRunner runner) {
            assertRefused(runner, Map.of(),
                    Vifs.vif(Vifs.flatNetwork(null).bridgeInterface(name).build(), "br100").build(),
                    "Network.bridge_interface");
            assertRefused(runner, Map.of(),
                    Vifs.vif(Vifs.vlanNetwork(null).bridgeInterface(name).build(), "br100").build(),
                    "Network.bridge_interface");
        }

        @Test
        @DisplayName("a bad flat_interface or vlan_interface option, naming the option")
        void badOptionInterface(RecordingCommandRunner runner) {
            assertRefused(runner, Map.of("flat_interface", "eth0 eth1"),
                    Vifs.vif(Vifs.flatNetwork(null).build(), "br100").build(),
                    "os_vif_linux_bridge.flat_interface", "'eth0 eth1'");
            assertRefused(runner, Map.of("vlan_interface", "bond0/1"),
                    Vifs.vif(Vifs.vlanNetwork(null).build(), "br100").build(),
                    "os_vif_linux_bridge.vlan_interface", "'bond0/1'");
        }

        @Test
        @DisplayName("a VIF without network or bridge name")
        void missingFields(RecordingCommandRunner runner) {
            assertRefused(runner, Map.of(), Vifs.vif(Vifs.flatNetwork(null).build(), "br100").network(null).build(),
                    "VIFBridge.network is not set");
            assertRefused(runner, Map.of(),
                    Vifs.vif(Vifs.flatNetwork(null).build(), "br100").unset(VifBridge.BRIDGE_NAME).build(),
                    "VIFBridge.bridge_name is not set");
        }

        @Test
        @DisplayName("a VIF of another class")
        void otherClass(RecordingCommandRunner runner) {
            VifOpenVSwitch vif = VifOpenVSwitch.builder().id(Vifs.VIF_ID).network(Vifs.flatNetwork(null).build())
                    .bridgeName("br100").plugin("linux_bridge").build();
            LinuxBridgePlugin plugin = plugin(runner);
            assertThatThrownBy(() -> plugin.plug(vif, Vifs.instance()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("VIFBridge VIFs only, not VIFOpenVSwitch");
            assertThat(runner.commandCount()).isZero();
        }
    }

    @Test
    @DisplayName("concurrent plugs of 16 VIFs on one bridge create it once and apply the rules once")
    void concurrentPlugs(RecordingCommandRunner runner) throws Exception {
        FakeHost host = new FakeHost("eth0");
        host.addDelay = java.time.Duration.ofMillis(20);
        host.on(runner);
        LinuxBridgePlugin plugin = plugin(runner);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String id = String.format("b679325f-ca89-4ee0-a8be-%012d", i);
                VifBridge vif = Vifs.vif(Vifs.flatNetwork(null).build(), "br100").id(id).build();
                Callable<Void> task = () -> {
                    start.await();
                    plugin.plug(vif, Vifs.instance());
                    return null;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Void> f : results) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(host.bridgesAdded).hasValue(1);
        assertThat(host.restored).hasSize(1);
        assertThat(runner.files().writes()).filteredOn(w -> w.contains("disable_ipv6")).hasSize(1);
    }
}
