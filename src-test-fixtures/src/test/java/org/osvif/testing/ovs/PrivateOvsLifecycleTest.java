package org.osvif.testing.ovs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.CommandRunners;
import org.osvif.testing.junit.RequiresOvs;

/** Starting and stopping sandboxes: each test makes its own. */
@RequiresOvs
@DisplayName("PrivateOvs lifecycle")
class PrivateOvsLifecycleTest {

    @Test
    @DisplayName("start runs both daemons in a fresh namespace; close leaves no process, namespace, directory or hook")
    void startAndClose() {
        PrivateOvs ovs = PrivateOvs.start();
        String namespace = ovs.namespace();
        Path dir = ovs.dir();
        Thread hook = ovs.shutdownHook();
        try {
            Leftovers.assertRunning(ovs);
            assertThat(namespace).matches("osvif-" + ProcessHandle.current().pid() + "-\\d+");
            assertThat(dir.getFileName().toString()).startsWith(namespace + "-");
            assertThat(ovs.daemonPids()).containsOnlyKeys("ovsdb-server", "ovs-vswitchd");
            assertThat(hook).isNotNull();
        } finally {
            ovs.close();
        }

        Leftovers.assertNothingLeft(namespace, dir);
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("shutdown hook still registered").isFalse();
        assertThat(ovs.isClosed()).isTrue();
    }

    @Test
    @DisplayName("keep removes the shutdown hook and protects the sandbox from removeStale; close still removes it")
    void keep() {
        PrivateOvs ovs = PrivateOvs.start(PrivateOvs.Options.defaults().withShutdownHook(true));
        try {
            assertThat(ovs.shutdownHook()).isNotNull();
            ovs.keep();
            assertThat(ovs.shutdownHook()).isNull();
            assertThat(ovs.dir().resolve("kept")).exists();
            assertThat(PrivateOvs.removeStale()).doesNotContain(ovs.namespace());
            assertThat(ovs.bridgeNames()).isNotNull();
        } finally {
            ovs.close();
        }
        assertThat(ovs.dir()).doesNotExist();
        assertThat(Path.of("/run/netns", ovs.namespace())).doesNotExist();
    }

    @Test
    @DisplayName("start takes well under 2 s and close well under 1 s (five in a row, times printed)")
    void timing() {
        List<Long> starts = new ArrayList<>();
        List<Long> closes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PrivateOvs ovs = PrivateOvs.start();
            ovs.close();
            starts.add(ovs.startDuration().toMillis());
            closes.add(ovs.closeDuration().toMillis());
            Leftovers.assertNothingLeft(ovs.namespace(), ovs.dir());
        }
        LongSummaryStatistics start = starts.stream().mapToLong(Long::longValue).summaryStatistics();
        LongSummaryStatistics close = closes.stream().mapToLong(Long::longValue).summaryStatistics();
        System.out.printf("PrivateOvs start ms: %s (min %d, avg %.0f, max %d); close ms: %s (min %d, avg %.0f, max %d)%n",
                starts, start.getMin(), start.getAverage(), start.getMax(),
                closes, close.getMin(), close.getAverage(), close.getMax());
        Collections.sort(starts);
        Collections.sort(closes);
        assertThat(starts.get(2)).as("median start ms").isLessThan(2000);
        assertThat(closes.get(2)).as("median close ms").isLessThan(1000);
    }

    @Test
    @DisplayName("close is idempotent; afterwards the sandbox refuses to run anything")
    void closeTwice() {
        PrivateOvs ovs = PrivateOvs.start();
        ovs.close();
        ovs.close();

        assertThatThrownBy(() -> ovs.runner().run(Command.of("true"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> ovs.vsctl("show")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ovs.startMonitor("Port")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("two sandboxes at once have their own namespace, database and devices")
    void twoAtOnce() throws Exception {
        CompletableFuture<PrivateOvs> first = CompletableFuture.supplyAsync(PrivateOvs::start);
        CompletableFuture<PrivateOvs> second = CompletableFuture.supplyAsync(PrivateOvs::start);
        try {
            PrivateOvs a = first.get(30, TimeUnit.SECONDS);
            PrivateOvs b = second.get(30, TimeUnit.SECONDS);
            assertThat(a.namespace()).isNotEqualTo(b.namespace());
            assertThat(a.dir()).isNotEqualTo(b.dir());

            a.addBridge("br0");
            b.addBridge("br0");
            a.vsctl("add-port", "br0", "pa", "--", "set", "Interface", "pa", "type=internal");
            b.vsctl("add-port", "br0", "pb", "--", "set", "Interface", "pb", "type=internal");

            assertThat(a.portNames()).containsExactlyInAnyOrder("br0", "pa");
            assertThat(b.portNames()).containsExactlyInAnyOrder("br0", "pb");
            assertThat(a.links()).contains("pa").doesNotContain("pb");
            assertThat(b.links()).contains("pb").doesNotContain("pa");

            b.close();
            Leftovers.assertNothingLeft(b.namespace(), b.dir());
            assertThat(a.portNames("br0")).containsExactly("pa");
            Leftovers.assertRunning(a);
        } finally {
            first.thenAccept(PrivateOvs::close).get(30, TimeUnit.SECONDS);
            second.thenAccept(PrivateOvs::close).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("close also stops monitors and any other process left in the namespace")
    void closeStopsEverything() throws Exception {
        PrivateOvs ovs = PrivateOvs.start();
        Process stray = null;
        try {
            PrivateOvs.Monitor monitor = ovs.startMonitor("Port");
            stray = new ProcessBuilder("ip", "netns", "exec", ovs.namespace(), "sleep", "600").start();
            assertThat(stray.isAlive()).isTrue();

            ovs.close();

            assertThat(monitor.isAlive()).isFalse();
            assertThat(stray.waitFor(5, TimeUnit.SECONDS)).as("stray process stopped").isTrue();
            Leftovers.assertNothingLeft(ovs.namespace(), ovs.dir());
        } finally {
            ovs.close();
            if (stray != null) {
                stray.destroyForcibly();
            }
        }
    }

    @Test
    @DisplayName("on SIGTERM (Ctrl-C) of the JVM the shutdown hook removes the sandbox")
    void shutdownHook() throws Exception {
        Process child = startChild();
        try {
            Sandbox sandbox = readSandbox(child);
            assertThat(Leftovers.processesUsing(sandbox.dir())).hasSize(2);

            child.destroy();

            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
            Leftovers.assertNothingLeft(sandbox.namespace(), sandbox.dir());
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    @DisplayName("what a JVM killed with SIGKILL left is removed by removeStale (and so by the next start)")
    void staleSandbox() throws Exception {
        Process child = startChild();
        Sandbox sandbox;
        try {
            sandbox = readSandbox(child);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child killed").isTrue();
            assertThat(Leftovers.processesUsing(sandbox.dir())).as("no hook ran: daemons still up").hasSize(2);
            assertThat(Leftovers.namespaceExists(sandbox.namespace())).isTrue();
        } finally {
            child.destroyForcibly();
        }
        try (PrivateOvs live = PrivateOvs.start()) {
            assertThat(PrivateOvs.removeStale()).as("the live sandbox of this JVM is not stale").isEmpty();
            Leftovers.assertNothingLeft(sandbox.namespace(), sandbox.dir());
            Leftovers.assertRunning(live);
        }
    }

    private record Sandbox(String namespace, Path dir) {
    }

    private static Process startChild() throws java.io.IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SandboxUntilKilled.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Sandbox readSandbox(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line).as("child's first line").isNotNull().matches("osvif-\\d+-\\d+ /.+");
        String namespace = line.split(" ")[0];
        return new Sandbox(namespace, Path.of(line.substring(namespace.length() + 1)));
    }

    /** Runs commands for real, except those it is told to fail; remembers all. */
    static final class Sabotage implements CommandRunner {
        private final CommandRunner real = CommandRunners.system(List.of(), Duration.ofSeconds(30));
        private final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
        private final Predicate<Command> fail;

        Sabotage(Predicate<Command> fail) {
            this.fail = fail;
        }

        @Override
        public CommandResult run(Command command) {
            commands.add(command);
            if (fail.test(command)) {
                throw new CommandFailedException(new CommandResult(command, 1, "", "sabotaged", Duration.ZERO));
            }
            return real.run(command);
        }

        String namespace() {
            return commands.stream().filter(c -> c.argv().subList(0, 3).equals(List.of("ip", "netns", "add")))
                    .map(c -> c.argv().get(3)).findFirst().orElse(null);
        }

        Path dir() {
            return commands.stream().filter(c -> c.program().equals("ovsdb-tool"))
                    .map(c -> Path.of(c.argv().get(2)).getParent()).findFirst().orElseThrow();
        }

        boolean ran(String element) {
            return commands.stream().anyMatch(c -> c.argv().contains(element));
        }
    }

    @Nested
    @DisplayName("a start that fails halfway removes what it made")
    class FailedStart {
        @Test
        @DisplayName("ovsdb-tool fails (no schema): the directory is gone, no namespace was made")
        void noSchema() {
            Sabotage runner = new Sabotage(c -> false);
            assertThatThrownBy(() -> PrivateOvs.start(PrivateOvs.Options.defaults().withRunner(runner)
                    .withSchema(Path.of("/nonexistent/vswitch.ovsschema"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Could not start a private Open vSwitch")
                    .hasMessageContaining("/nonexistent/vswitch.ovsschema")
                    .hasCauseInstanceOf(CommandFailedException.class);

            assertThat(runner.namespace()).isNull();
            assertThat(runner.dir()).doesNotExist();
        }

        @Test
        @DisplayName("ovs-vswitchd fails to start: ovsdb-server is stopped, namespace and directory removed")
        void vswitchdFails() {
            Sabotage runner = new Sabotage(c -> c.argv().contains("ovs-vswitchd"));
            assertThatThrownBy(() -> PrivateOvs.start(PrivateOvs.Options.defaults().withRunner(runner)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("sabotaged")
                    .hasMessageContaining("last lines of ovsdb-server.log");

            assertThat(runner.ran("ovsdb-server")).isTrue();
            Leftovers.assertNothingLeft(runner.namespace(), runner.dir());
        }

        @Test
        @DisplayName("ovs-vswitchd never becomes ready: both daemons stopped after the start timeout")
        void neverReady() {
            Sabotage runner = new Sabotage(c -> c.argv().stream().anyMatch(a -> a.startsWith("external_ids:osvif-sandbox=")));
            long begin = System.nanoTime();
            assertThatThrownBy(() -> PrivateOvs.start(PrivateOvs.Options.defaults().withRunner(runner)
                    .withStartTimeout(Duration.ofMillis(300))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was not ready within PT0.3S")
                    .hasMessageContaining("last lines of ovs-vswitchd.log");

            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
            assertThat(runner.ran("ovs-vswitchd")).isTrue();
            Leftovers.assertNothingLeft(runner.namespace(), runner.dir());
        }
    }
}
