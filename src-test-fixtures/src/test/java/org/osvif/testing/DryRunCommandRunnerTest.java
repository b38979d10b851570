package org.osvif.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;

class DryRunCommandRunnerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final DryRunCommandRunner runner = new DryRunCommandRunner(out);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("prints one '+ ' line per command and succeeds with empty output")
    void printsAndSucceeds() {
        CommandResult first = runner.run(Command.of("ip", "link", "set", "dev", "tap0", "up"));
        runner.run(Command.of("ovs-vsctl", "--", "--may-exist", "add-port", "br-int", "tap 1"));

        assertThat(printed()).isEqualTo("+ ip link set dev tap0 up" + System.lineSeparator()
                + "+ ovs-vsctl -- --may-exist add-port br-int 'tap 1'" + System.lineSeparator());
        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout()).isEmpty();
        assertThat(first.stderr()).isEmpty();
        assertThat(first.command()).isEqualTo(Command.of("ip", "link", "set", "dev", "tap0", "up"));
    }

    @Test
    @DisplayName("a command that does not accept 0 gets its smallest accepted exit code")
    void successWithoutZero() {
        assertThat(runner.run(Command.of("grep", "x").withExitCodes(2, 1)).exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("the root helper is shown in front of privileged commands only")
    void rootHelper() {
        DryRunCommandRunner sudo = runner.withRootHelper(List.of("sudo", "-n"));

        sudo.run(Command.of("ip", "link"));
        sudo.run(Command.of("ip", "link").unprivileged());

        assertThat(printed().lines()).containsExactly("+ sudo -n ip link", "+ ip link");
    }

    @Test
    @DisplayName("an answer function supplies results, checked like the real runner's")
    void answering() {
        DryRunCommandRunner answering = runner.answering(
                cmd -> new CommandResult(cmd, cmd.program().equals("false") ? 1 : 0, "out", "", null));

        assertThat(answering.run(Command.of("ovs-vsctl", "show")).stdout()).isEqualTo("out");
        assertThatThrownBy(() -> answering.run(Command.of("false")))
                .isInstanceOf(CommandFailedException.class)
                .hasMessage("Command false exited with code 1");
        assertThat(printed().lines()).containsExactly("+ ovs-vsctl show", "+ false");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "tap0|tap0",
        "br-int|br-int",
        "external_ids:iface-id=1f2e|external_ids:iface-id=1f2e",
        "/usr/bin/ip|/usr/bin/ip",
        "a b|'a b'",
        "a;b|'a;b'",
        "$(id)|'$(id)'",
        "it's|'it'\"'\"'s'",
        "\"q\"|'\"q\"'",
        "*|'*'",
        "ü|'ü'",
    })
    @DisplayName("arguments are shell-quoted for display")
    void quoting(String arg, String shown) {
        assertThat(DryRunCommandRunner.quote(arg)).isEqualTo(shown);
    }

    @Test
    @DisplayName("empty arguments and control characters stay visible and on one line")
    void specialQuoting() {
        assertThat(DryRunCommandRunner.quote("")).isEqualTo("''");
        assertThat(DryRunCommandRunner.quote("a\nb")).isEqualTo("$'a\\nb'");
        assertThat(DryRunCommandRunner.quote("tab\there 'q' \\")).isEqualTo("$'tab\\there \\'q\\' \\\\'");
        assertThat(DryRunCommandRunner.quote("\u0001")).isEqualTo("$'\\x01'");

        runner.run(Command.of("printf", "%s\n", "x"));
        assertThat(printed()).isEqualTo("+ printf $'%s\\n' x" + System.lineSeparator());
    }

    @Test
    @DisplayName("line() is what run() prints")
    void line() {
        assertThat(runner.line(Command.of("ip", "a b"))).isEqualTo("+ ip 'a b'");
        assertThat(printed()).isEmpty();
    }
}
