package org.osvif.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osvif.exec.Command;
import org.osvif.exec.HostFileException;
import org.osvif.exec.HostFiles;

/** {@link HostFiles}: the direct, process and fake implementations, and how the dry run shows writes. */
class HostFilesTest {

    @Test
    @DisplayName("under a root: exists and write as echo VALUE > FILE, never creating a file")
    void direct(@TempDir Path root) throws Exception {
        Path file = root.resolve("proc/sys/net/ipv6/conf/br1/disable_ipv6");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "0\n");
        HostFiles files = HostFiles.under(root);
        assertThat(files.exists("/proc/sys/net/ipv6/conf/br1/disable_ipv6")).isTrue();
        assertThat(files.deviceExists("br1")).isFalse();
        files.write("/proc/sys/net/ipv6/conf/br1/disable_ipv6", "1");
        assertThat(Files.readString(file)).isEqualTo("1\n");
        assertThatThrownBy(() -> files.write("/proc/sys/net/ipv6/conf/br2/disable_ipv6", "1"))
                .isInstanceOf(HostFileException.class)
                .hasMessage("Writing 1 to /proc/sys/net/ipv6/conf/br2/disable_ipv6 failed: No such file or directory");
        assertThat(root.resolve("proc/sys/net/ipv6/conf/br2")).doesNotExist();
        assertThatThrownBy(() -> files.exists("/sys/../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("through processes: test -e unprivileged, tee with the value on standard input, privileged")
    void throughProcesses() {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        runner.when(RecordingCommandRunner.argvStartsWith("test")).thenFail(1, "");
        runner.when(RecordingCommandRunner.argvStartsWith("tee")).thenFail(1,
                "tee: /proc/sys/net/ipv4/conf/x/arp_ignore: Invalid argument\n");
        HostFiles files = HostFiles.throughProcesses(runner);
        assertThat(files.deviceExists("br1")).isFalse();
        assertThatThrownBy(() -> files.write("/proc/sys/net/ipv4/conf/x/arp_ignore", "9"))
                .isInstanceOf(HostFileException.class)
                .hasMessage("Writing 9 to /proc/sys/net/ipv4/conf/x/arp_ignore failed: Invalid argument");
        Command test = runner.takeCommand("test", "-e", "/sys/class/net/br1");
        assertThat(test.privileged()).isFalse();
        Command tee = runner.takeCommand("tee", "/proc/sys/net/ipv4/conf/x/arp_ignore");
        assertThat(tee.privileged()).isTrue();
        assertThat(tee.stdin()).isEqualTo("9\n");
    }

    @Test
    @DisplayName("the dry run shows a batch as its lines and a write as echo, and writes nothing")
    void dryRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DryRunCommandRunner runner = new DryRunCommandRunner(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        runner.run(Command.of("ip", "-batch", "-").withStdin("link add name br1 type bridge\nlink set dev br1 up\n"));
        assertThat(runner.files().deviceExists("br1")).isTrue();
        runner.files().write("/proc/sys/net/ipv6/conf/br1/disable_ipv6", "1");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("+ ip -batch -\n"
                + "    link add name br1 type bridge\n"
                + "    link set dev br1 up\n"
                + "+ echo 1 > /proc/sys/net/ipv6/conf/br1/disable_ipv6\n");
    }
}
