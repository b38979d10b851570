package org.osvif.plug.linuxbridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.testing.RecordingCommandRunner.argvEquals;
import static org.osvif.testing.RecordingCommandRunner.argvStartsWith;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.net.IpBatch;
import org.osvif.net.NamedLocks;
import org.osvif.objects.types.MacAddress;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/**
 * Bridges, VLAN interfaces, addresses, routes and rules with exact argv; the first
 * tests are upstream's {@code vif_plug_linux_bridge/tests/unit/test_linux_net.py}.
 */
@ExtendWith(RecordingCommandRunnerExtension.class)
class LinuxNetTest {
    final NamedLocks locks = new NamedLocks();

    LinuxNet linuxNet(RecordingCommandRunner runner, boolean useIpv6) {
        IptablesManager.Settings settings = new IptablesManager.Settings(useIpv6, null, null, "DROP", List.of("all"));
        return new LinuxNet(runner, locks,
                new IptablesManager(runner, locks, TestContext.BINARY, settings, millis -> { }), useIpv6);
    }

    LinuxNet linuxNet(RecordingCommandRunner runner) {
        return linuxNet(runner, false);
    }

    @Nested
    @DisplayName("upstream's test_linux_net.py")
    class Upstream {
        @Test
        @DisplayName("test_set_device_mtu: link set dev fakedev mtu 1500, a kernel refusal tolerated")
        void setDeviceMtu(RecordingCommandRunner runner) {
            new FakeHost("fakedev").on(runner);
            linuxNet(runner).ensureVlan(9, "fakedev", null, 1500);
            Command c = runner.takeCommand();
            assertThat(c.argv()).containsExactly("ip", "-force", "-batch", "-");
            assertThat(c.stdin()).isEqualTo("link add link fakedev name vlan9 type vlan id 9\n"
                    + "link set dev vlan9 up\nlink set dev vlan9 mtu 1500\n");
            assertThat(c.privileged()).isTrue();
            runner.assertNoMoreCommands();
        }

        @Test
        @DisplayName("test_set_device_invalid_mtu: no MTU, no MTU line")
        void setDeviceNoMtu(RecordingCommandRunner runner) {
            new FakeHost().on(runner);
            linuxNet(runner).ensureVlan(9, "fakedev", null, 0);
            assertThat(runner.commands().get(0).stdin()).doesNotContain("mtu");
        }

        @Test
        @DisplayName("test_ensure_vlan: add vlan123 on its parent, set its MAC, bring it up, set its MTU")
        void ensureVlan(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            String iface = linuxNet(runner).ensureVlan(123, "fake-bridge", MacAddress.parse("ca:fe:de:ad:be:ef"),
                    1500);
            assertThat(iface).isEqualTo("vlan123");
            assertThat(runner.steps()).containsExactly("$ ip -force -batch -",
                    "  link add link fake-bridge name vlan123 type vlan id 123",
                    "  link set dev vlan123 address ca:fe:de:ad:be:ef",
                    "  link set dev vlan123 up",
                    "  link set dev vlan123 mtu 1500");
        }

        @Test
        @DisplayName("test_ensure_bridge: filtering=False adds no rules, filtering=True applies them")
        void ensureBridge(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost("br0");
            host.on(runner);
            linuxNet(runner).ensureBridge("br0", null, false, null);
            assertThat(runner.argvs()).isEmpty();

            LinuxNet filtering = linuxNet(runner);
            filtering.ensureBridge("br0", null, true, null);
            assertThat(runner.argvs()).containsExactly(
                    List.of("iptables-save", "-c"),
                    List.of("iptables-restore", "-c"));
            assertThat(host.restored.get(0))
                    .contains("[0:0] -A nova-compute-FORWARD -i br0 -j ACCEPT\n"
                            + "[0:0] -A nova-compute-FORWARD -o br0 -j ACCEPT\n"
                            + "[0:0] -A nova-compute-FORWARD --out-interface br0 -j DROP\n");
        }

        @Test
        @DisplayName("test_ensure_bridge_addbr_exception: a failing bridge creation propagates")
        void addBridgeFails(RecordingCommandRunner runner) {
            runner.when(argvStartsWith("ip", "-batch")).thenFail(1,
                    "RTNETLINK answers: Operation not permitted\nCommand failed -:1\n");
            assertThatThrownBy(() -> linuxNet(runner).ensureBridge("br0", null, false, null))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessage("Step 'create bridge br0 (ip link add name br0 type bridge forward_delay 0 stp_state 0 "
                            + "mcast_snooping 0)' failed on device br0 (line 1 of the ip batch): RTNETLINK answers: "
                            + "Operation not permitted");
            assertThat(runner.argvs()).containsExactly(List.of("ip", "-batch", "-"));
        }

        @Test
        @DisplayName("test_ensure_bridge_priv_mtu_not_called: no interface, no MTU; the bridge just comes up")
        void mtuNotCalled(RecordingCommandRunner runner) {
            new FakeHost().on(runner);
            linuxNet(runner).ensureBridgePrivileged("fake-bridge", null, 1500);
            assertThat(runner.steps()).containsExactly(
                    "$ ip -batch -",
                    "  link add name fake-bridge type bridge forward_delay 0 stp_state 0 mcast_snooping 0",
                    "  link set dev fake-bridge addrgenmode none",
                    "  link set dev fake-bridge up",
                    "> /proc/sys/net/ipv6/conf/fake-bridge/disable_ipv6=1",
                    "> /proc/sys/net/ipv4/conf/fake-bridge/arp_ignore=1",
                    "> /proc/sys/net/ipv4/conf/fake-bridge/arp_announce=2");
        }

        @Test
        @DisplayName("test_ensure_bridge_priv_mtu_order: interface MTU first, bridge MTU last (LP 1399064)")
        void mtuOrder(RecordingCommandRunner runner) {
            new FakeHost("fake-interface").on(runner);
            linuxNet(runner).ensureBridgePrivileged("fake-bridge", "fake-interface", 1500);
            assertThat(runner.steps()).containsExactly(
                    "$ ip -batch -",
                    "  route show dev fake-interface",
                    "  addr show dev fake-interface scope global",
                    "$ ip -force -batch -",
                    "  link add name fake-bridge type bridge forward_delay 0 stp_state 0 mcast_snooping 0",
                    "  link set dev fake-bridge addrgenmode none",
                    "  link set dev fake-bridge up",
                    "  link set dev fake-interface master fake-bridge up",
                    "  link set dev fake-interface mtu 1500",
                    "  link set dev fake-bridge mtu 1500",
                    "> /proc/sys/net/ipv6/conf/fake-bridge/disable_ipv6=1",
                    "> /proc/sys/net/ipv4/conf/fake-bridge/arp_ignore=1",
                    "> /proc/sys/net/ipv4/conf/fake-bridge/arp_announce=2");
            assertThat(runner.commands().get(0).privileged()).isFalse();
            assertThat(runner.commands().get(1).privileged()).isTrue();
        }

        @Test
        @DisplayName("test__disable_ipv6: a file the kernel lacks is not written (upstream's exists check)")
        void disableIpv6(RecordingCommandRunner runner) {
            new FakeHost().on(runner);
            runner.files().withoutIpv6();
            linuxNet(runner).ensureBridgePrivileged("br0", null, null);
            assertThat(runner.files().writes()).containsExactly("/proc/sys/net/ipv4/conf/br0/arp_ignore=1",
                    "/proc/sys/net/ipv4/conf/br0/arp_announce=2");
        }
    }

    @Test
    @DisplayName("use_ipv6: the new bridge keeps IPv6; only the ARP sysctls are written")
    void keepIpv6(RecordingCommandRunner runner) {
        new FakeHost().on(runner);
        linuxNet(runner, true).ensureBridgePrivileged("br0", null, null);
        assertThat(runner.steps()).containsExactly(
                "$ ip -batch -",
                "  link add name br0 type bridge forward_delay 0 stp_state 0 mcast_snooping 0",
                "  link set dev br0 up",
                "> /proc/sys/net/ipv4/conf/br0/arp_ignore=1",
                "> /proc/sys/net/ipv4/conf/br0/arp_announce=2");
    }

    @Test
    @DisplayName("a bridge name with dots stays one element of the sysctl path")
    void dottedBridge(RecordingCommandRunner runner) {
        new FakeHost().on(runner);
        linuxNet(runner).ensureBridgePrivileged("br.100", null, null);
        assertThat(runner.files().writes()).containsExactly("/proc/sys/net/ipv6/conf/br.100/disable_ipv6=1",
                "/proc/sys/net/ipv4/conf/br.100/arp_ignore=1", "/proc/sys/net/ipv4/conf/br.100/arp_announce=2");
    }

    @Test
    @DisplayName("an existing VLAN interface is left alone: no MTU, no MAC (upstream sets them on creation only)")
    void existingVlan(RecordingCommandRunner runner) {
        new FakeHost("vlan7").on(runner);
        assertThat(linuxNet(runner).ensureVlan(7, "eth0", null, 1500)).isEqualTo("vlan7");
        assertThat(runner.argvs()).isEmpty();
    }

    @Test
    @DisplayName("a VLAN interface without MAC keeps the kernel's")
    void vlanWithoutMac(RecordingCommandRunner runner) {
        new FakeHost().on(runner);
        linuxNet(runner).ensureVlan(7, "eth0", null, null);
        assertThat(runner.steps()).containsExactly("$ ip -force -batch -",
                "  link add link eth0 name vlan7 type vlan id 7",
                "  link set dev vlan7 up");
    }

    @Nested
    @DisplayName("_update_bridge_routes")
    class Routes {
        static final String ROUTES = "default via 10.1.0.1 proto static \n"
                + "10.1.0.0/24 proto kernel scope link src 10.1.0.2 \n"
                + "10.2.0.0/16 proto kernel scope link src 10.2.0.2 \n"
                + "192.168.50.0/24 via 10.1.0.1 \n";
        static final String ADDRESSES = "5: eth0@peer: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue "
                + "state UP group default qlen 1000\n"
                + "    link/ether 1e:c5:3b:e4:0b:c0 brd ff:ff:ff:ff:ff:ff\n"
                + "    inet 10.1.0.2/24 brd 10.1.0.255 scope global eth0\n"
                + "       valid_lft forever preferred_lft forever\n"
                + "    inet 10.2.0.2/16 scope global eth0:1\n"
                + "       valid_lft forever preferred_lft forever\n"
                + "    inet 10.1.0.3/24 scope global secondary eth0\n"
                + "       valid_lft forever preferred_lft forever\n"
                + "    inet 192.168.1.5/24 brd 192.168.1.255 scope global dynamic eth0\n"
                + "       valid_lft 86000sec preferred_lft 86000sec\n"
                + "    inet6 fd00::2/64 scope global \n"
                + "       valid_lft forever preferred_lft forever\n";

        @Test
        @DisplayName("gateway routes deleted, primary addresses moved (not secondary, dynamic or IPv6), routes re-added")
        void moves(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost();
            host.routes.put("eth0", ROUTES);
            host.addresses.put("eth0", ADDRESSES);
            host.on(runner);
            IpBatch batch = IpBatch.on(runner);
            linuxNet(runner).updateBridgeRoutes(batch, "eth0", "br100");
            assertThat(runner.steps()).containsExactly("$ ip -batch -", "  route show dev eth0",
                    "  addr show dev eth0 scope global");
            assertThat(runner.commands().get(0).privileged()).isFalse();
            assertThat(batch.steps()).extracting(IpBatch.Step::line).containsExactly(
                    "route del default via 10.1.0.1 proto static",
                    "route del 192.168.50.0/24 via 10.1.0.1",
                    "addr del 10.1.0.2/24 brd 10.1.0.255 scope global dev eth0",
                    "addr add 10.1.0.2/24 brd 10.1.0.255 scope global dev br100",
                    "addr del 10.2.0.2/16 scope global dev eth0:1",
                    "addr add 10.2.0.2/16 scope global dev br100",
                    "route add default via 10.1.0.1 proto static",
                    "route add 192.168.50.0/24 via 10.1.0.1");
            // Address moves tolerate a kernel refusal (upstream's [0, 2, 254]); route changes do not.
            assertThat(batch.steps()).extracting(IpBatch.Step::tolerance).containsExactly(
                    IpBatch.Tolerance.NONE, IpBatch.Tolerance.NONE,
                    IpBatch.Tolerance.KERNEL_REFUSAL, IpBatch.Tolerance.KERNEL_REFUSAL,
                    IpBatch.Tolerance.KERNEL_REFUSAL, IpBatch.Tolerance.KERNEL_REFUSAL,
                    IpBatch.Tolerance.NONE, IpBatch.Tolerance.NONE);
        }

        @Test
        @DisplayName("an interface without addresses or gateway routes: one read, nothing else")
        void nothingToMove(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost();
            host.routes.put("eth0", "10.1.0.0/24 proto kernel scope link src 10.1.0.2 \n");
            host.on(runner);
            IpBatch batch = IpBatch.on(runner);
            linuxNet(runner).updateBridgeRoutes(batch, "eth0", "br100");
            assertThat(runner.argvs()).hasSize(1);
            assertThat(batch.isEmpty()).isTrue();
        }

        @Test
        @DisplayName("a failing route deletion fails the plug, as upstream (check_exit_code=[0])")
        void routeDelFails(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost("eth0", "br100");
            host.routes.put("eth0", ROUTES);
            host.addresses.put("eth0", ADDRESSES);
            runner.when(c -> c.privileged() && c.argv().contains("-batch")).thenFail(1,
                    "RTNETLINK answers: No such process\nCommand failed -:2\n");
            host.on(runner);
            assertThatThrownBy(() -> linuxNet(runner).ensureBridgePrivileged("br100", "eth0", null))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("Step 'delete gateway route default via 10.1.0.1 proto static (ip route del "
                            + "default via 10.1.0.1 proto static)' failed on device eth0 (line 2 of the ip batch): "
                            + "RTNETLINK answers: No such process");
        }
    }

    @Nested
    @DisplayName("_ensure_bridge_filtering")
    class Filtering {
        @Test
        @DisplayName("not a gateway: drop in and out")
        void notGateway(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost();
            host.on(runner);
            linuxNet(runner).ensureBridgeFiltering("br100", false);
            assertThat(host.restored).containsExactly(Goldens.read("empty-vlan.restore"));
        }

        @Test
        @DisplayName("a gateway: the gateway rules, then drop out")
        void gateway(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost();
            host.on(runner);
            linuxNet(runner).ensureBridgeFiltering("br100", true);
            assertThat(host.restored).containsExactly(Goldens.read("empty-flat.restore"));
        }
    }

    @Nested
    @DisplayName("named locks, upstream's names")
    class Locks {
        @Test
        @DisplayName("bridge commands under nova-lock_bridge, VLAN commands under nova-lock_vlan, "
                + "iptables under nova-iptables")
        void held(RecordingCommandRunner runner) {
            FakeHost host = new FakeHost("eth0");
            List<String> violations = new CopyOnWriteArrayList<>();
            runner.dispatch(command -> {
                List<String> argv = command.argv();
                String joined = String.join(" ", argv);
                if (argv.get(0).startsWith("iptables") && !locks.isHeldByCurrentThread(IptablesManager.LOCK)) {
                    violations.add(joined);
                }
                if (argv.contains("vlan") && !locks.isHeldByCurrentThread(LinuxNet.VLAN_LOCK)) {
                    violations.add(joined);
                }
                if (argv.contains("vlan7") && !locks.isHeldByCurrentThread(LinuxNet.VLAN_LOCK)
                        && !locks.isHeldByCurrentThread(LinuxNet.BRIDGE_LOCK)) {
                    violations.add(joined);
                }
                if (joined.contains("br7") && !argv.get(0).startsWith("iptables")
                        && !locks.isHeldByCurrentThread(LinuxNet.BRIDGE_LOCK)) {
                    violations.add(joined);
                }
                return host.apply(command);
            });
            LinuxNet net = linuxNet(runner);
            net.ensureVlanBridge(7, "br7", "eth0", null, 1500);
            net.ensureBridge("br7", "eth0", true, 1500);
            assertThat(violations).isEmpty();
            assertThat(runner.argvs()).anyMatch(argv -> argv.get(0).equals("iptables-restore"));
        }
    }
}
