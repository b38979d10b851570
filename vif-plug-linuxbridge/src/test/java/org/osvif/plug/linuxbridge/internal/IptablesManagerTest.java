package org.osvif.plug.linuxbridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.testing.RecordingCommandRunner.argvEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandTimeoutException;
import org.osvif.net.NamedLocks;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/**
 * The iptables manager against upstream's own output: each golden
 * {@code *.restore} file is what upstream's IptablesManager fed iptables-restore
 * for the {@code *.save} input next to it (see {@code generate.py}).
 */
@ExtendWith(RecordingCommandRunnerExtension.class)
class IptablesManagerTest {
    final List<Long> sleeps = new CopyOnWriteArrayList<>();

    IptablesManager manager(RecordingCommandRunner runner, IptablesManager.Settings settings) {
        return new IptablesManager(runner, new NamedLocks(), TestContext.BINARY, settings, sleeps::add);
    }

    /** linux_net._ensure_bridge_filtering without its apply. */
    static void addBridgeRules(IptablesManager m, String bridge, boolean gateway) {
        IptablesTable filter = m.ipv4Filter();
        String drop = m.settings().dropAction();
        if (gateway) {
            for (String[] rule : m.gatewayRules(bridge)) {
                filter.addRule(rule[0], rule[1]);
            }
        } else {
            filter.addRule("FORWARD", "--in-interface " + bridge + " -j " + drop);
        }
        filter.addRule("FORWARD", "--out-interface " + bridge + " -j " + drop);
    }

    static IptablesManager.Settings busySettings() {
        return new IptablesManager.Settings(false, Pattern.compile("KEEP-ME-FIRST"), Pattern.compile("10\\.9\\.9\\.9"),
                "REJECT --reject-with icmp-host-prohibited", Arrays.asList("eth1", "", "bond0"));
    }

    String restoredStdin(RecordingCommandRunner runner, String program) {
        return runner.commands().stream().filter(c -> c.program().equals(program)).reduce((a, b) -> b)
                .orElseThrow().stdin();
    }

    @Nested
    @DisplayName("golden: upstream's iptables-restore input, byte for byte")
    class Golden {
        @Test
        @DisplayName("empty-flat: no tables yet, defaults, one gateway bridge")
        void emptyFlat(RecordingCommandRunner runner) {
            runner.when(argvEquals("iptables-save", "-c")).thenReturn("");
            runner.when(argvEquals("iptables-restore", "-c")).thenReturn("");
            IptablesManager m = manager(runner, IptablesManager.Settings.defaults());
            addBridgeRules(m, "br100", true);
            m.apply();
            assertThat(runner.argvs()).containsExactly(List.of("iptables-save", "-c"),
                    List.of("iptables-restore", "-c"));
            assertThat(restoredStdin(runner, "iptables-restore")).isEqualTo(Goldens.read("empty-flat.restore"));
        }

        @Test
        @DisplayName("empty-vlan: one non-gateway bridge")
        void emptyVlan(RecordingCommandRunner runner) {
            runner.when(argvEquals("iptables-save", "-c")).thenReturn("");
            runner.when(argvEquals("iptables-restore", "-c")).thenReturn("");
            IptablesManager m = manager(runner, IptablesManager.Settings.defaults());
            addBridgeRules(m, "br100", false);
            m.apply();
            assertThat(restoredStdin(runner, "iptables-restore")).isEqualTo(Goldens.read("empty-vlan.restore"));
        }

        @Test
        @DisplayName("busy-host: foreign and stale rules, regexes, drop action with arguments, named interfaces")
        void busyHost(RecordingCommandRunner runner) {
            runner.when(argvEquals("iptables-save", "-c")).thenReturn(Goldens.read("busy-host.save"));
            runner.when(argvEquals("iptables-restore", "-c")).thenReturn("");
            IptablesManager m = manager(runner, busySettings());
            addBridgeRules(m, "br100", true);
            addBridgeRules(m, "brvlan7", false);
            m.apply();
            assertThat(restoredStdin(runner, "iptables-restore")).isEqualTo(Goldens.read("busy-host.restore"));
        }

        @Test
        @DisplayName("busy-host-again: the same manager, one more bridge, its own output as the current state")
        void busyHostAgain(RecordingCommandRunner runner) {
            runner.when(argvEquals("iptables-save", "-c")).thenReturn(Goldens.read("busy-host.save"));
            runner.when(argvEquals("iptables-restore", "-c")).thenReturn("");
            IptablesManager m = manager(runner, busySettings());
            addBridgeRules(m, "br100", true);
            addBridgeRules(m, "brvlan7", false);
            m.apply();

            RecordingCommandRunner second = new RecordingCommandRunner();
            second.when(argvEquals("iptables-save", "-c")).thenReturn(Goldens.read("busy-host-again.save"));
            second.when(argvEquals("iptables-restore", "-c")).thenReturn("");
            IptablesManager again = new IptablesManager(second, new NamedLocks(), TestContext.BINARY,
                    busySettings(), sleeps::add);
            addBridgeRules(again, "br100", true);
            addBridgeRules(again, "brvlan7", false);
            addBridgeRules(again, "br200", true);
            // The golden's manager had applied once before (tables clean); this one has not,
            // which makes no difference to the output: every table is rewritten on apply.
            again.apply();
            assertThat(restoredStdin(second, "iptables-restore")).isEqualTo(Goldens.read("busy-host-again.restore"));
        }

        @Test
        @DisplayName("ipv6: use_ipv6 applies the IPv6 filter table after the IPv4 tables")
        void ipv6(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            IptablesManager m = manager(runner, new IptablesManager.Settings(true, null, null, "DROP", List.of()));
            addBridgeRules(m, "br100", true);
            m.apply();
            assertThat(runner.argvs()).containsExactly(List.of("iptables-save", "-c"),
                    List.of("iptables-restore", "-c"), List.of("ip6tables-save", "-c"),
                    List.of("ip6tables-restore", "-c"));
            assertThat(restoredStdin(runner, "iptables-restore")).isEqualTo(Goldens.read("ipv6.restore"));
            assertThat(restoredStdin(runner, "ip6tables-restore")).isEqualTo(Goldens.read("ipv6.restore6"));
        }
    }

    @Nested
    @DisplayName("applying")
    class Applying {
        @Test
        @DisplayName("nothing changed since the last apply: no command at all")
        void clean(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            IptablesManager m = manager(runner, IptablesManager.Settings.defaults());
            addBridgeRules(m, "br100", true);
            m.apply();
            addBridgeRules(m, "br100", true);
            m.apply();
            m.apply();
            assertThat(runner.commandCount()).isEqualTo(2);
            assertThat(m.isDirty()).isFalse();
        }

        @Test
        @DisplayName("a new rule makes the next apply run")
        void newRule(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            IptablesManager m = manager(runner, IptablesManager.Settings.defaults());
            m.apply();
            addBridgeRules(m, "br100", true);
            assertThat(m.isDirty()).isTrue();
            m.apply();
            assertThat(runner.commandCount()).isEqualTo(4);
        }

        @Test
        @DisplayName("save and restore are privileged, restore reads stdin, no shell and no file")
        void commands(RecordingCommandRunner runner) {
            runner.dispatch(RecordingCommandRunner.ok());
            IptablesManager m = manager(runner, IptablesManager.Settings.defaults());
            m.apply();
            assertThat(runner.commands()).allMatch(c -> c.privileged());
            assertThat(runner.commands().get(0).stdin()).isNull();
            assertThat(runner.commands().get(1).stdin()).startsWith("#Generated by nova\n*mangle\n");
        }

        @Test
        @DisplayName("a failing save is tried 5 times with 0.2-2 s pauses (processutils attempts=5)")
        void attempts(RecordingCommandRunner runner) {
            for (int i = 0; i < 4; i++) {
                runner.enqueue(RecordingCommandRunner.fail(4, "Another app is currently holding the xtables lock"));
            }
            runner.dispatch(RecordingCommandRunner.ok());
            IptablesManager m = manager(runner, IptablesManager.Settings.defaults());
            m.apply();
            assertThat(runner.argvs()).containsExactly(List.of("iptables-save", "-c"),
                    List.of("iptables-save", "-c"), List.of("iptables-save", "-c"), List.of("iptables-save", "-c"),
                    List.of("iptables-save", "-c"), List.of("iptables-restore", "-c"));
            assertThat(sleeps).hasSize(4).allMatch(ms -> ms >= 200 && ms <= 2000 && ms % 10 == 0);
        }

        @Test
        @DisplayName("5 failures give up with the last failure; the tables stay dirty for the next apply")
        void givesUp(RecordingCommandRunner runner) {
            runner.when(argvEquals("iptables-save", "-c")).thenReturn("");
            runner.when(argvEquals("iptables-restore", "-c")).thenFail(1, "iptables-restore: line 3 failed");
            IptablesManager m = manager(runner, IptablesManager.Settings.defaults());
            assertThatThrownBy(m::apply).isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("line 3 failed");
            assertThat(runner.argvs()).filteredOn(a -> a.get(0).equals("iptables-restore")).hasSize(5);
            assertThat(m.isDirty()).isTrue();
        }

        @Test
        @DisplayName("a timeout or a missing program is not tried again")
        void notRetried(RecordingCommandRunner runner) {
            runner.enqueue(RecordingCommandRunner.timeout());
            runner.enqueue(RecordingCommandRunner.notStarted());
            IptablesManager m = manager(runner, IptablesManager.Settings.defaults());
            assertThatThrownBy(m::apply).isInstanceOf(CommandTimeoutException.class);
            assertThatThrownBy(m::apply).isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("could not be started");
            assertThat(runner.commandCount()).isEqualTo(2);
            assertThat(sleeps).isEmpty();
        }

        @Test
        @DisplayName("restore runs under the named lock nova-iptables")
        void lock(RecordingCommandRunner runner) {
            NamedLocks locks = new NamedLocks();
            List<Boolean> held = new ArrayList<>();
            runner.dispatch(c -> {
                held.add(locks.isHeldByCurrentThread(IptablesManager.LOCK));
                return RecordingCommandRunner.ok().apply(c);
            });
            new IptablesManager(runner, locks, TestContext.BINARY, IptablesManager.Settings.defaults(), ms -> { })
                    .apply();
            assertThat(held).containsExactly(true, true);
        }
    }

    @Nested
    @DisplayName("tables and rules")
    class Tables {
        @Test
        @DisplayName("the chains upstream's constructor makes")
        void constructor(RecordingCommandRunner runner) {
            IptablesManager m = manager(runner, IptablesManager.Settings.defaults());
            assertThat(m.ipv4Filter().chains()).containsExactly("FORWARD", "INPUT", "OUTPUT", "local");
            assertThat(m.ipv4Filter().unwrappedChains()).containsExactly("nova-filter-top");
            assertThat(m.ipv4("nat").chains()).containsExactly("OUTPUT", "POSTROUTING", "PREROUTING", "float-snat",
                    "snat");
            assertThat(m.ipv4("nat").unwrappedChains()).containsExactly("nova-postrouting-bottom");
            assertThat(m.ipv4("mangle").chains()).containsExactly("POSTROUTING");
            assertThat(m.ipv6Filter().chains()).containsExactly("FORWARD", "INPUT", "OUTPUT", "local");
            assertThat(m.ipv4Filter().rules()).first()
                    .isEqualTo(new IptablesRule("FORWARD", "-j nova-filter-top", false, true));
            assertThat(m.ipv4Filter().rules()).contains(
                    new IptablesRule("nova-filter-top", "-j nova-compute-local", false, false));
        }

        @Test
        @DisplayName("$chain in a rule names a wrapped chain; the same rule twice is one rule")
        void addRule(RecordingCommandRunner runner) {
            IptablesTable t = new IptablesTable("bin");
            t.addChain("x", true);
            t.setDirty(false);
            t.addRule("x", "-j $x  -m comment", true, false);
            t.addRule("x", "-j $x  -m comment", true, false);
            assertThat(t.rules()).containsExactly(new IptablesRule("x", "-j bin-x  -m comment", true, false));
            assertThat(t.isDirty()).isTrue();
            t.setDirty(false);
            t.addRule("x", "-j $x  -m comment", true, false);
            assertThat(t.isDirty()).isFalse();
            assertThat(t.rules().get(0).render("bin")).isEqualTo("[0:0] -A bin-x -j bin-x  -m comment");
        }

        @Test
        @DisplayName("a rule in an unknown wrapped chain is refused, as upstream's ValueError")
        void unknownChain(RecordingCommandRunner runner) {
            IptablesTable t = new IptablesTable("bin");
            assertThatThrownBy(() -> t.addRule("nope", "-j ACCEPT"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown chain: 'nope'");
        }

        @Test
        @DisplayName("get_gateway_rules with all, with named interfaces (empty ones skipped)")
        void gatewayRules(RecordingCommandRunner runner) {
            List<String> all = manager(runner, IptablesManager.Settings.defaults()).gatewayRules("br0").stream()
                    .map(r -> r[0] + " " + r[1]).toList();
            assertThat(all).containsExactly("FORWARD -i br0 -j ACCEPT", "FORWARD -o br0 -j ACCEPT");
            List<String> named = manager(runner, new IptablesManager.Settings(false, null, null, "REJECT",
                    Arrays.asList("eth1", "", "eth2"))).gatewayRules("br0").stream()
                    .map(r -> r[0] + " " + r[1]).toList();
            assertThat(named).containsExactly(
                    "FORWARD -i br0 -o eth1 -j ACCEPT", "FORWARD -i eth1 -o br0 -j ACCEPT",
                    "FORWARD -i br0 -o eth2 -j ACCEPT", "FORWARD -i eth2 -o br0 -j ACCEPT",
                    "FORWARD -i br0 -o br0 -j ACCEPT", "FORWARD -i br0 -j REJECT", "FORWARD -o br0 -j REJECT");
        }

        @Test
        @DisplayName("an empty forward_bridge_interface means all, as upstream's 'or [\"all\"]'")
        void emptyForwardInterfaces(RecordingCommandRunner runner) {
            assertThat(new IptablesManager.Settings(false, null, null, "DROP", List.of()).forwardBridgeInterfaces())
                    .containsExactly("all");
        }

        @Test
        @DisplayName("_find_table: short output or missing table gives [0, 0]; the range includes both comments")
        void findTable(RecordingCommandRunner runner) {
            assertThat(IptablesManager.findTable(List.of("", ""), "filter")).containsExactly(0, 0);
            List<String> lines = Goldens.read("busy-host.save").lines().toList();
            assertThat(IptablesManager.findTable(lines, "nat")).containsExactly(0, 0);
            assertThat(IptablesManager.findTable(lines, "mangle")).containsExactly(0, 11);
            int[] filter = IptablesManager.findTable(lines, "filter");
            assertThat(lines.get(filter[0])).startsWith("# Generated by iptables-save");
            assertThat(lines.get(filter[1] - 1)).startsWith("# Completed on");
        }
    }

    @Nested
    @DisplayName("binary name (upstream: the running script's name, 16 characters at most)")
    class BinaryName {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "/usr/share/java/vifctl.jar plug vif.json, vifctl",
            "vif-cli/target/vifctl.jar, vifctl",
            "com.example.agent.KvmAgent --config x, KvmAgent",
            "org.example/com.example.agent.ComputeAgentMainLauncher, ComputeAgentMain",
            "com.example.App, os-vif",
            "'', os-vif",
            "my$agent.jar, my-agent",
        })
        void derived(String command, String expected) {
            assertThat(IptablesManager.binaryNameOf(command)).isEqualTo(expected);
        }

        @Test
        @DisplayName("a name longer than 16 characters or with a space is refused")
        void refused(RecordingCommandRunner runner) {
            assertThatThrownBy(() -> new IptablesManager(runner, new NamedLocks(), "seventeen-chars-x",
                    IptablesManager.Settings.defaults(), ms -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 16");
            assertThatThrownBy(() -> new IptablesManager(runner, new NamedLocks(), "a b",
                    IptablesManager.Settings.defaults(), ms -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a b'");
        }
    }
}
