package org.osvif.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.osvif.testing.RecordingCommandRunner.fail;
import static org.osvif.testing.RecordingCommandRunner.ok;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.net.IpCommand;
import org.osvif.objects.types.MacAddress;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/**
 * Unit tests of {@link IpCommand} (module vif-core). They live here, in the
 * fixtures' tests, because they need {@link RecordingCommandRunner} and
 * vif-core cannot depend on this module (it would be a cycle). The package
 * is not {@code org.osvif.net}, which belongs to module org.osvif.core.
 */
@ExtendWith(RecordingCommandRunnerExtension.class)
class IpCommandTest {

    private static Command only(RecordingCommandRunner runner) {
        Command command = runner.takeCommand();
        runner.assertNoMoreCommands();
        return command;
    }

    @Nested
    @DisplayName("exact argv")
    class Argv {
        @Test
        @DisplayName("addVethPair: ip link add name A type veth peer name B")
        void addVethPair(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand.on(runner).addVethPair("qvbf1e2", "qvof1e2");

            Command command = only(runner);
            assertThat(command.argv()).containsExactly("ip", "link", "add", "name", "qvbf1e2", "type", "veth",
                    "peer", "name", "qvof1e2");
            assertThat(command.privileged()).isTrue();
            assertThat(command.exitCodes()).containsExactly(0);
        }

        @Test
        @DisplayName("addBridge: ip link add name NAME type bridge forward_delay 0 stp_state 0 mcast_snooping 0")
        void addBridge(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand.on(runner).addBridge("qbrf1e2");

            assertThat(only(runner).argv()).containsExactly("ip", "link", "add", "name", "qbrf1e2", "type", "bridge",
                    "forward_delay", "0", "stp_state", "0", "mcast_snooping", "0");
        }

        @Test
        @DisplayName("addBridgeWithoutMacAgeing: ... ageing_time 0")
        void addBridgeWithoutMacAgeing(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand.on(runner).addBridgeWithoutMacAgeing("qbrf1e2");

            assertThat(only(runner).argv()).containsExactly("ip", "link", "add", "name", "qbrf1e2", "type", "bridge",
                    "forward_delay", "0", "stp_state", "0", "mcast_snooping", "0", "ageing_time", "0");
        }

        @Test
        @DisplayName("addTap: ip tuntap add dev NAME mode tap [multi_queue]")
        void addTap(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand ip = IpCommand.on(runner);
            ip.addTap("tap0", false);
            ip.addTap("tap1", true);

            runner.takeCommand("ip", "tuntap", "add", "dev", "tap0", "mode", "tap");
            runner.takeCommand("ip", "tuntap", "add", "dev", "tap1", "mode", "tap", "multi_queue");
            runner.assertNoMoreCommands();
        }

        @Test
        @DisplayName("addVlan: ip link add link PARENT name DEV type vlan id N")
        void addVlan(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand.on(runner).addVlan("vlan100", "eth1", 100);

            assertThat(only(runner).argv()).containsExactly("ip", "link", "add", "link", "eth1", "name", "vlan100",
                    "type", "vlan", "id", "100");
        }

        @Test
        @DisplayName("the ip link set family")
        void linkSet(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand ip = IpCommand.on(runner);
            ip.setUp("tap0");
            ip.setDown("tap0");
            ip.setMtu("tap0", 9000);
            ip.setMaster("tap0", "qbr0");
            ip.setNoMaster("tap0");
            ip.setAddress("tap0", MacAddress.parse("FA-16-3E-00-00-01"));
            ip.setPromisc("tap0", true);
            ip.setPromisc("tap0", false);

            assertThat(runner.argvs()).containsExactly(
                    List.of("ip", "link", "set", "dev", "tap0", "up"),
                    List.of("ip", "link", "set", "dev", "tap0", "down"),
                    List.of("ip", "link", "set", "dev", "tap0", "mtu", "9000"),
                    List.of("ip", "link", "set", "dev", "tap0", "master", "qbr0"),
                    List.of("ip", "link", "set", "dev", "tap0", "nomaster"),
                    List.of("ip", "link", "set", "dev", "tap0", "address", "fa:16:3e:00:00:01"),
                    List.of("ip", "link", "set", "dev", "tap0", "promisc", "on"),
                    List.of("ip", "link", "set", "dev", "tap0", "promisc", "off"));
            assertThat(runner.commands()).allSatisfy(c -> {
                assertThat(c.privileged()).isTrue();
                assertThat(c.exitCodes()).containsExactly(0);
                assertThat(c.timeout()).isNull();
                assertThat(c.stdin()).isNull();
            });
        }

        @Test
        @DisplayName("names that are also ip keywords stay names: they always follow a keyword")
        void keywordNames(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand.on(runner).addVethPair("he", "up");

            assertThat(only(runner).argv()).containsExactly("ip", "link", "add", "name", "he", "type", "veth",
                    "peer", "name", "up");
        }

        @Test
        @DisplayName("run: ip ARGS..., privileged, returns stdout")
        void run(RecordingCommandRunner runner) {
            runner.when(RecordingCommandRunner.argvStartsWith("ip", "route")).thenReturn("default via 10.0.0.1\n");

            assertThat(IpCommand.on(runner).run("route", "show", "dev", "br0")).isEqualTo("default via 10.0.0.1\n");
            assertThat(only(runner).argv()).containsExactly("ip", "route", "show", "dev", "br0");
            assertThatThrownBy(() -> IpCommand.on(runner).run()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("namespaces")
    class Namespaces {
        @Test
        @DisplayName("every command gets ip -netns NS, and exists becomes privileged")
        void everyCommand(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand ip = IpCommand.on(runner).inNamespace("osvif-test");
            ip.exists("tap0");
            ip.addVethPair("a", "b");
            ip.addBridge("br");
            ip.addTap("tap0", true);
            ip.addVlan("v5", "a", 5);
            ip.setUp("a");
            ip.setMtu("a", 1500);
            ip.delete("a");
            ip.run("addr", "show");

            assertThat(runner.argvs()).allSatisfy(argv -> assertThat(argv.subList(0, 3))
                    .containsExactly("ip", "-netns", "osvif-test"));
            assertThat(runner.argvs().get(0)).containsExactly("ip", "-netns", "osvif-test", "-o", "link", "show",
                    "dev", "tap0");
            assertThat(runner.commands()).allSatisfy(c -> assertThat(c.privileged()).isTrue());
            assertThat(ip.namespace()).isEqualTo("osvif-test");
            assertThat(ip).hasToString("ip -netns osvif-test");
        }

        @Test
        @DisplayName("inNamespace returns a copy; the original stays in the host namespace")
        void copy(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand host = IpCommand.on(runner);
            host.inNamespace("ns1");
            host.setUp("a");

            runner.takeCommand("ip", "link", "set", "dev", "a", "up");
            assertThat(host.namespace()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", ".", "..", "a/b", "a b", "a\tb", "nö"})
        @DisplayName("bad namespace names are refused")
        void badNames(String name) {
            IpCommand ip = IpCommand.on(new RecordingCommandRunner());
            assertThatThrownBy(() -> ip.inNamespace(name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid network namespace name ");
        }

        @Test
        @DisplayName("null and overlong namespace names are refused")
        void nullAndLong() {
            IpCommand ip = IpCommand.on(new RecordingCommandRunner());
            assertThatThrownBy(() -> ip.inNamespace(null)).hasMessage("Invalid network namespace name null: must not be null");
            assertThatThrownBy(() -> ip.inNamespace("n".repeat(256))).hasMessageContaining("at most 255 bytes");
            assertThat(ip.inNamespace("n".repeat(255)).namespace()).hasSize(255);
        }
    }

    @Nested
    @DisplayName("exists")
    class Exists {
        @Test
        @DisplayName("exit 0 means true; the command is unprivileged and accepts 0 and 1")
        void exists(RecordingCommandRunner runner) {
            runner.enqueue(ok("3: tap0: <BROADCAST,MULTICAST> mtu 1500 ..."));

            assertThat(IpCommand.on(runner).exists("tap0")).isTrue();
            Command command = only(runner);
            assertThat(command.argv()).containsExactly("ip", "-o", "link", "show", "dev", "tap0");
            assertThat(command.privileged()).isFalse();
            assertThat(command.exitCodes()).containsExactlyInAnyOrder(0, 1);
        }

        @Test
        @DisplayName("exit 1 (Device does not exist) means false")
        void missing(RecordingCommandRunner runner) {
            runner.enqueue(fail(1, "Device \"tap0\" does not exist.\n"));

            assertThat(IpCommand.on(runner).exists("tap0")).isFalse();
        }

        @Test
        @DisplayName("any other exit code is a failure (e.g. 255 for a missing namespace)")
        void otherFailure(RecordingCommandRunner runner) {
            runner.enqueue(fail(255, "Cannot open network namespace \"nope\": No such file or directory\n"));

            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> IpCommand.on(runner).inNamespace("nope").exists("tap0"));
            assertThat(e.exitCode()).isEqualTo(255);
            assertThat(e.getMessage()).contains("Cannot open network namespace");
        }
    }

    @Nested
    @DisplayName("delete")
    class Delete {
        @Test
        @DisplayName("one command, ip link del dev DEV; true when something was deleted")
        void deletes(RecordingCommandRunner runner) {
            runner.enqueue(ok());

            assertThat(IpCommand.on(runner).delete("tap0")).isTrue();
            Command command = only(runner);
            assertThat(command.argv()).containsExactly("ip", "link", "del", "dev", "tap0");
            assertThat(command.privileged()).isTrue();
        }

        @Test
        @DisplayName("a missing device is not an error (exit 1, Cannot find device)")
        void missing(RecordingCommandRunner runner) {
            runner.enqueue(fail(1, "Cannot find device \"tap0\"\n"));

            assertThat(IpCommand.on(runner).delete("tap0")).isFalse();
        }

        @Test
        @DisplayName("a device that vanished while ip ran is not an error (exit 2, No such device)")
        void vanished(RecordingCommandRunner runner) {
            runner.enqueue(fail(2, "RTNETLINK answers: No such device\n"));
            runner.enqueue(fail(254, "RTNETLINK answers: No such device\n"));

            assertThat(IpCommand.on(runner).delete("tap0")).isFalse();
            assertThat(IpCommand.on(runner).delete("tap0")).isFalse();
        }

        @Test
        @DisplayName("other failures are errors, with the real exit code and stderr")
        void otherFailures(RecordingCommandRunner runner) {
            runner.enqueue(fail(2, "RTNETLINK answers: Operation not permitted\n"));
            runner.enqueue(fail(1, "something else\n"));
            runner.enqueue(fail(255, "Usage: ...\n"));
            IpCommand ip = IpCommand.on(runner);

            for (int code : new int[] {2, 1, 255}) {
                CommandFailedException e = catchThrowableOfType(CommandFailedException.class, () -> ip.delete("tap0"));
                assertThat(e.exitCode()).isEqualTo(code);
                assertThat(e.command().argv()).containsExactly("ip", "link", "del", "dev", "tap0");
            }
            assertThat(catchThrowableOfType(CommandFailedException.class, () -> {
                runner.enqueue(fail(2, "RTNETLINK answers: Operation not permitted\n"));
                ip.delete("x");
            })).hasMessage("Command ip link del dev x exited with code 2: RTNETLINK answers: Operation not permitted");
        }
    }

    @Nested
    @DisplayName("exit codes of state changes")
    class ExitCodes {
        @Test
        @DisplayName("strict by default: a refusal of the kernel (exit 2) is a CommandFailedException")
        void strict(RecordingCommandRunner runner) {
            runner.enqueue(fail(2, "Error: mtu less than device minimum.\n"));

            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> IpCommand.on(runner).setMtu("tap0", 100));
            assertThat(e.exitCode()).isEqualTo(2);
            assertThat(e.stderr()).isEqualTo("Error: mtu less than device minimum.\n");
        }

        @Test
        @DisplayName("a missing device (exit 1) is a CommandFailedException, as upstream's NetworkInterfaceNotFound")
        void missingDevice(RecordingCommandRunner runner) {
            runner.enqueue(fail(1, "Cannot find device \"tap0\"\n"));

            assertThatThrownBy(() -> IpCommand.on(runner).setUp("tap0"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessage("Command ip link set dev tap0 up exited with code 1: Cannot find device \"tap0\"");
        }

        @Test
        @DisplayName("tolerating(2, 254) is upstream's check_exit_code=[0, 2, 254]; exists and delete keep theirs")
        void tolerating(RecordingCommandRunner runner) {
            runner.dispatch(ok());
            IpCommand lenient = IpCommand.on(runner).inNamespace("ns").tolerating(2, 254);
            lenient.setUp("tap0");
            lenient.setMtu("tap0", 1400);
            lenient.exists("tap0");
            lenient.delete("tap0");

            List<Command> commands = runner.commands();
            assertThat(commands.get(0).exitCodes()).isEqualTo(Set.of(0, 2, 254));
            assertThat(commands.get(1).exitCodes()).isEqualTo(Set.of(0, 2, 254));
            assertThat(commands.get(2).exitCodes()).isEqualTo(Set.of(0, 1));
            assertThat(commands.get(3).exitCodes()).isEqualTo(Set.of(0, 1, 2, 254));
            assertThat(commands.get(0).argv()).startsWith("ip", "-netns", "ns");
        }

        @Test
        @DisplayName("a tolerated exit code returns normally")
        void tolerated(RecordingCommandRunner runner) {
            runner.enqueue(fail(2, "RTNETLINK answers: No such device\n"));

            IpCommand.on(runner).tolerating(2, 254).setUp("tap0");
            assertThat(runner.commandCount()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("validation: nothing runs for a bad value")
    class Validation {
        private final RecordingCommandRunner runner = new RecordingCommandRunner();
        private final IpCommand ip = IpCommand.on(runner);

        private void refused(Consumer<IpCommand> call, String message) {
            assertThatThrownBy(() -> call.accept(ip))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
            assertThat(runner.commandCount()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", ".", "..", "a/b", "eth0:1", "a b", "a\nb", "tap%d", "tap0123456789abc", "tàp"})
        @DisplayName("every method checks every name")
        void badNames(String bad) {
            refused(i -> i.exists(bad), "Invalid device name");
            refused(i -> i.addVethPair(bad, "ok"), "Invalid veth name");
            refused(i -> i.addVethPair("ok", bad), "Invalid veth peer name");
            refused(i -> i.addBridge(bad), "Invalid bridge name");
            refused(i -> i.addBridgeWithoutMacAgeing(bad), "Invalid bridge name");
            refused(i -> i.addTap(bad, false), "Invalid tap name");
            refused(i -> i.addVlan(bad, "eth0", 5), "Invalid VLAN interface name");
            refused(i -> i.addVlan("v5", bad, 5), "Invalid VLAN parent name");
            refused(i -> i.setUp(bad), "Invalid device name");
            refused(i -> i.setDown(bad), "Invalid device name");
            refused(i -> i.setMtu(bad, 1500), "Invalid device name");
            refused(i -> i.setMaster(bad, "br"), "Invalid device name");
            refused(i -> i.setMaster("tap0", bad), "Invalid master name");
            refused(i -> i.setNoMaster(bad), "Invalid device name");
            refused(i -> i.setAddress(bad, MacAddress.parse("fa:16:3e:00:00:01")), "Invalid device name");
            refused(i -> i.setPromisc(bad, true), "Invalid device name");
            refused(i -> i.delete(bad), "Invalid device name");
        }

        @Test
        @DisplayName("null names are refused too")
        void nullNames() {
            refused(i -> i.setUp(null), "Invalid device name null: must not be null");
        }

        @Test
        @DisplayName("MTU must be 68..65535")
        void mtu() {
            refused(i -> i.setMtu("tap0", 67), "Invalid MTU 67 for tap0: must be 68..65535");
            refused(i -> i.setMtu("tap0", 65536), "Invalid MTU 65536 for tap0: must be 68..65535");
            refused(i -> i.setMtu("tap0", -1), "Invalid MTU -1");
            runner.dispatch(ok());
            ip.setMtu("tap0", 68);
            ip.setMtu("tap0", 65535);
            assertThat(runner.commandCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("VLAN ID must be 1..4094")
        void vlan() {
            refused(i -> i.addVlan("v0", "eth0", 0), "Invalid VLAN ID 0 for v0: must be 1..4094");
            refused(i -> i.addVlan("v", "eth0", 4095), "Invalid VLAN ID 4095");
            runner.dispatch(ok());
            ip.addVlan("v1", "eth0", 1);
            ip.addVlan("v4094", "eth0", 4094);
            assertThat(runner.commandCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("a null MAC address is refused")
        void nullMac() {
            assertThatThrownBy(() -> ip.setAddress("tap0", null)).isInstanceOf(NullPointerException.class);
            assertThat(runner.commandCount()).isZero();
        }
    }
}
