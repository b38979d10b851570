package org.osvif.testing.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.osvif.testing.RecordingCommandRunner.fail;
import static org.osvif.testing.RecordingCommandRunner.ok;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.exec.Command;
import org.osvif.net.IpBatch;
import org.osvif.net.IpBatchException;
import org.osvif.net.IpCommand;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/** Unit tests of {@link IpBatch} (module vif-core), here for {@link RecordingCommandRunner}. */
@ExtendWith(RecordingCommandRunnerExtension.class)
class IpBatchTest {

    @Test
    @DisplayName("several steps are one privileged ip -batch - process, one line per step, without -force "
            + "when no step may fail")
    void oneProcess(RecordingCommandRunner runner) {
        runner.dispatch(ok());
        IpBatch.on(runner).addBridge("br1").addVethPair("v1", "v2").setMaster("v1", "br1").run();
        Command command = runner.takeCommand();
        runner.assertNoMoreCommands();
        assertThat(command.argv()).containsExactly("ip", "-batch", "-");
        assertThat(command.stdin()).isEqualTo(
                "link add name br1 type bridge forward_delay 0 stp_state 0 mcast_snooping 0\n"
                        + "link add name v1 type veth peer name v2\n"
                        + "link set dev v1 master br1\n");
        assertThat(command.privileged()).isTrue();
    }

    @Test
    @DisplayName("a tolerated step makes it -force, in the wrapper's namespace")
    void force(RecordingCommandRunner runner) {
        runner.dispatch(ok());
        IpCommand.on(runner).inNamespace("ns1").batch().setUp("v1").tolerateRefusal().setMtu("v1", 1400).run();
        Command command = runner.takeCommand();
        assertThat(command.argv()).containsExactly("ip", "-netns", "ns1", "-force", "-batch", "-");
        assertThat(command.stdin()).isEqualTo("link set dev v1 up\nlink set dev v1 mtu 1400\n");
    }

    @Test
    @DisplayName("one step is a plain ip command; none is no process")
    void oneOrNone(RecordingCommandRunner runner) {
        runner.dispatch(ok());
        IpBatch.on(runner).run();
        IpBatch.on(runner).delete("v1").run();
        assertThat(runner.argvs()).containsExactly(List.of("ip", "link", "del", "dev", "v1"));
    }

    @Test
    @DisplayName("a line failing in the middle is mapped to its step; the devices made by the lines before it are "
            + "deleted by one more process, newest first")
    void failingLine(RecordingCommandRunner runner) {
        runner.when(c -> c.stdin() != null && c.stdin().startsWith("link add name br1"))
                .thenAnswer(fail(1, "Error: Unknown device type.\nCommand failed -:3\n"));
        runner.dispatch(ok());
        assertThatThrownBy(() -> IpBatch.on(runner).addBridge("br1").addVethPair("v1", "v2").addVlan("vl1", "v1", 5)
                .setUp("vl1").run())
                .isInstanceOfSatisfying(IpBatchException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.device()).isEqualTo("vl1");
                    assertThat(e.kernelMessage()).isEqualTo("Error: Unknown device type.");
                    assertThat(e.exitCode()).isEqualTo(1);
                })
                .hasMessage("Step 'create VLAN interface vl1 (ip link add link v1 name vl1 type vlan id 5)' failed on "
                        + "device vl1 (line 3 of the ip batch): Error: Unknown device type.");
        assertThat(runner.steps()).containsExactly(
                "$ ip -batch -",
                "  link add name br1 type bridge forward_delay 0 stp_state 0 mcast_snooping 0",
                "  link add name v1 type veth peer name v2",
                "  link add link v1 name vl1 type vlan id 5",
                "  link set dev vl1 up",
                "$ ip -force -batch -",
                "  link del dev v1",
                "  link del dev br1");
    }

    @Test
    @DisplayName("with -force, tolerated failures pass; an untolerated one fails the batch and undoes every device "
            + "made by a line that succeeded, also after it")
    void forcedFailures(RecordingCommandRunner runner) {
        runner.when(c -> c.stdin() != null && c.stdin().startsWith("link add name br1")).thenAnswer(fail(1,
                "RTNETLINK answers: Invalid argument\nCommand failed -:2\n"
                        + "RTNETLINK answers: Operation not supported\nCommand failed -:3\n"));
        runner.dispatch(ok());
        assertThatThrownBy(() -> IpBatch.on(runner).addBridge("br1").setMtu("br1", 9000).tolerateRefusal()
                .setPromisc("br1", true).addTap("t1", false).run())
                .isInstanceOfSatisfying(IpBatchException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThat(runner.steps().subList(5, 8)).containsExactly("$ ip -force -batch -", "  link del dev t1",
                "  link del dev br1");
    }

    @Test
    @DisplayName("tolerated failures only: success")
    void toleratedOnly(RecordingCommandRunner runner) {
        runner.dispatch(fail(1, "RTNETLINK answers: Invalid argument\nCommand failed -:1\n"));
        IpBatch.on(runner).setMtu("v1", 9000).tolerateRefusal().setUp("v1").tolerateRefusal().run();
        assertThat(runner.commandCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a deletion of a device that is already gone counts as done")
    void missingDevice(RecordingCommandRunner runner) {
        runner.dispatch(fail(1, "Cannot find device \"v1\"\nCommand failed -:1\n"));
        IpBatch.on(runner).delete("v1").delete("v2").run();
        assertThat(runner.commandCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("ip giving up without a line number: unknown line, every device the batch would make is deleted")
    void unknownLine(RecordingCommandRunner runner) {
        runner.when(c -> c.stdin() != null && c.stdin().startsWith("link add name br1"))
                .thenAnswer(fail(255, "Command \"bogus\" is unknown, try \"ip link help\"."));
        runner.dispatch(ok());
        assertThatThrownBy(() -> IpBatch.on(runner).addBridge("br1").addTap("t1", true).run())
                .isInstanceOfSatisfying(IpBatchException.class, e -> assertThat(e.line()).isZero())
                .hasMessageContaining("Command \"bogus\" is unknown");
        assertThat(runner.steps().subList(3, 6)).containsExactly("$ ip -force -batch -", "  link del dev t1",
                "  link del dev br1");
    }

    @Test
    @DisplayName("a word ip would misread in a batch line (#, quote, backslash) makes it one process per step")
    void unsafeWords(RecordingCommandRunner runner) {
        runner.dispatch(ok());
        IpBatch.on(runner).step("odd", "eth0", null, "addr", "add", "10.0.0.1/24", "label", "eth0#1")
                .setUp("eth0").run();
        assertThat(runner.argvs()).containsExactly(
                List.of("ip", "addr", "add", "10.0.0.1/24", "label", "eth0#1"),
                List.of("ip", "link", "set", "dev", "eth0", "up"));
    }

    @Test
    @DisplayName("bad names are refused before anything runs")
    void refused(RecordingCommandRunner runner) {
        assertThatThrownBy(() -> IpBatch.on(runner).addBridge("bad name"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpBatch.on(runner).setMtu("v1", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(runner.commandCount()).isZero();
    }
}
