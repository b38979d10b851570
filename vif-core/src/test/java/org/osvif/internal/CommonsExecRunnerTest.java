package org.osvif.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.CommandRunners;
import org.osvif.exec.CommandTimeoutException;

/** Runs real processes ({@code true}, {@code sh}, {@code printf}, {@code cat}, {@code sleep}). */
class CommonsExecRunnerTest {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private final CommandRunner runner = new CommonsExecRunner(List.of(), DEFAULT_TIMEOUT);

    private static Command sh(String script, String... args) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(List.of(args));
        return Command.of(argv);
    }

    @Nested
    @DisplayName("exit codes")
    class ExitCodes {
        @Test
        @DisplayName("true succeeds with empty output and a measured duration")
        void trueSucceeds() {
            CommandResult result = runner.run(Command.of("true"));

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEmpty();
            assertThat(result.duration()).isPositive();
            assertThat(result.command()).isEqualTo(Command.of("true"));
        }

        @Test
        @DisplayName("false fails with CommandFailedException carrying argv, exit code and output")
        void falseFails() {
            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> runner.run(Command.of("false")));

            assertThat(e).isNotInstanceOf(CommandTimeoutException.class);
            assertThat(e.command().argv()).containsExactly("false");
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.stdout()).isEmpty();
            assertThat(e.stderr()).isEmpty();
            assertThat(e).hasMessage("Command false exited with code 1");
        }

        @Test
        @DisplayName("false succeeds when the command accepts exit codes 0 and 1")
        void falseAccepted() {
            CommandResult result = runner.run(Command.of("false").withExitCodes(0, 1));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.succeeded()).isTrue();
        }

        @Test
        @DisplayName("stdout and stderr are captured exactly, and stderr is in the message")
        void outputCaptured() {
            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> runner.run(sh("echo out; echo err >&2; exit 3")));

            assertThat(e.exitCode()).isEqualTo(3);
            assertThat(e.stdout()).isEqualTo("out\n");
            assertThat(e.stderr()).isEqualTo("err\n");
            assertThat(e.command().argv()).containsExactly("sh", "-c", "echo out; echo err >&2; exit 3", "sh");
            assertThat(e.getMessage()).endsWith("exited with code 3: err");
        }

        @Test
        @DisplayName("an accepted non-zero exit code returns the output")
        void acceptedOutput() {
            CommandResult result = runner.run(sh("echo out; echo err >&2; exit 3").withExitCodes(3));

            assertThat(result.stdout()).isEqualTo("out\n");
            assertThat(result.stderr()).isEqualTo("err\n");
        }

        @Test
        @DisplayName("a process killed by a signal reports 128 + signal")
        void killedBySignal() {
            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> runner.run(sh("kill -9 $$")));

            assertThat(e.exitCode()).isEqualTo(137);
        }
    }

    @Nested
    @DisplayName("starting")
    class Starting {
        @Test
        @DisplayName("a missing binary is CommandFailedException.notStarted")
        void missingBinary() {
            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> runner.run(Command.of("osvif-no-such-program-7f3a", "x")));

            assertThat(e).isNotInstanceOf(CommandTimeoutException.class);
            assertThat(e.exitCode()).isEqualTo(CommandFailedException.NOT_STARTED);
            assertThat(e.getMessage()).startsWith("Command osvif-no-such-program-7f3a x could not be started: ")
                    .contains("No such file or directory");
            assertThat(e.getCause()).isInstanceOf(IOException.class);
        }

        @Test
        @DisplayName("a missing absolute path is CommandFailedException.notStarted")
        void missingPath() {
            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> runner.run(Command.of("/nonexistent/bin/ip")));

            assertThat(e.exitCode()).isEqualTo(CommandFailedException.NOT_STARTED);
        }

        @Test
        @DisplayName("a file that is not executable is CommandFailedException.notStarted")
        void notExecutable(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("plain"), "#!/bin/sh\necho hi\n");

            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> runner.run(Command.of(file.toString())));

            assertThat(e.exitCode()).isEqualTo(CommandFailedException.NOT_STARTED);
            assertThat(e.getMessage()).contains("Permission denied");
        }

        @Test
        @DisplayName("a program name with a backslash is refused before anything runs")
        void backslashProgram() {
            assertThatThrownBy(() -> runner.run(Command.of("bin\\ip")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("backslash");
        }

        @Test
        @DisplayName("the constructor refuses a blank root helper element and a non-positive timeout")
        void constructorChecks() {
            assertThatThrownBy(() -> new CommonsExecRunner(List.of("sudo", " "), DEFAULT_TIMEOUT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rootHelper[1]");
            assertThatThrownBy(() -> new CommonsExecRunner(List.of(), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
            assertThatThrownBy(() -> CommandRunners.system(List.of(), Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("CommandRunners.system returns this runner")
        void factory() {
            CommandRunner system = CommandRunners.system(List.of("sudo"), Duration.ofSeconds(5));

            assertThat(system).isInstanceOf(CommonsExecRunner.class);
            assertThat(((CommonsExecRunner) system).rootHelper()).containsExactly("sudo");
            assertThat(((CommonsExecRunner) system).defaultTimeout()).isEqualTo(Duration.ofSeconds(5));
        }
    }

    @Nested
    @DisplayName("arguments reach the program verbatim, never through a shell")
    class Arguments {
        @Test
        @DisplayName("spaces, quotes, semicolons and $(...) are passed literally")
        void noShell() {
            String nasty = "a b; $(id) `id` \"dq\" 'sq' | > /tmp/x && ${HOME} $HOME * ~ \\n";

            CommandResult result = runner.run(Command.of("printf", "%s", nasty));

            assertThat(result.stdout()).isEqualTo(nasty);
        }

        @Test
        @DisplayName("the brief's example: printf %s 'a b; $(id)'")
        void briefExample() {
            assertThat(runner.run(Command.of("printf", "%s", "a b; $(id)")).stdout()).isEqualTo("a b; $(id)");
        }

        @Test
        @DisplayName("each element is one argument, even empty or with leading and trailing whitespace")
        void oneElementOneArgument() {
            // Commons Exec's CommandLine.addArgument would trim " padded " to "padded".
            CommandResult result = runner.run(Command.of("printf", "[%s]", "", " padded ", "\ttab\n", "two words",
                    "ünïcødé", "${0}", "${1}", "$", "${unclosed"));

            assertThat(result.stdout())
                    .isEqualTo("[][ padded ][\ttab\n][two words][ünïcødé][${0}][${1}][$][${unclosed]");
        }

        @Test
        @DisplayName("the program itself may contain spaces and dollars")
        void programVerbatim(@TempDir Path dir) throws IOException {
            Path script = executable(dir.resolve("my $(prog) ${0}"), "#!/bin/sh\nprintf '%s|' \"$0\" \"$@\"\n");

            CommandResult result = runner.run(Command.of(script.toString(), "x"));

            assertThat(result.stdout()).isEqualTo(script + "|x|");
        }

        @Test
        @DisplayName("the argv is built without parsing: commandLine keeps each element")
        void commandLineKeepsElements() {
            List<String> argv = List.of("prog", " a ", "", "b c", "$x", "${1}");

            assertThat(CommonsExecRunner.commandLine(argv).toStrings()).containsExactlyElementsOf(argv);
        }
    }

    @Nested
    @DisplayName("standard input and large output")
    class Streams {
        @Test
        @DisplayName("stdin is written to the process and its pipe closed")
        void stdinThroughCat() {
            String text = "héllo\nwörld\n";

            CommandResult result = runner.run(Command.of("cat").withStdin(text));

            assertThat(result.stdout()).isEqualTo(text);
        }

        @Test
        @DisplayName("a large stdin (4 MiB) goes through cat unchanged")
        void largeStdin() {
            String text = "0123456789abcdef".repeat(256 * 1024);

            CommandResult result = runner.run(Command.of("cat").withStdin(text));

            assertThat(result.stdout()).hasSize(text.length()).isEqualTo(text);
        }

        @Test
        @DisplayName("without stdin the process reads end-of-file at once")
        void noStdinMeansEof() {
            CommandResult result = runner.run(Command.of("cat").withTimeout(Duration.ofSeconds(5)));

            assertThat(result.stdout()).isEmpty();
        }

        @Test
        @DisplayName("stdin that the process never reads does not block the run")
        void unreadStdin() {
            String text = "x".repeat(1024 * 1024);

            CommandResult result = runner.run(Command.of("true").withStdin(text));

            assertThat(result.exitCode()).isZero();
        }

        @Test
        @DisplayName("8 MiB on stdout and 8 MiB on stderr at the same time do not deadlock")
        void megabytesOnBoth() {
            int size = 8 * 1024 * 1024;
            Command command = sh("head -c " + size + " /dev/zero | tr '\\0' a & "
                    + "head -c " + size + " /dev/zero | tr '\\0' b >&2 & wait")
                    .withTimeout(Duration.ofSeconds(60));

            CommandResult result = runner.run(command);

            assertThat(result.stdout()).hasSize(size);
            assertThat(result.stderr()).hasSize(size);
            assertThat(result.stdout().chars().allMatch(c -> c == 'a')).isTrue();
            assertThat(result.stderr().chars().allMatch(c -> c == 'b')).isTrue();
        }
    }

    @Nested
    @DisplayName("timeouts")
    class Timeouts {
        @Test
        @DisplayName("sleep 30 with a 300 ms timeout is killed, returns quickly, and is gone afterwards")
        void sleepKilled() {
            String marker = "30.0" + System.nanoTime() % 1_000_000_000L;   // a unique argv to look for
            Command command = Command.of("sleep", marker).withTimeout(Duration.ofMillis(300));

            long start = System.nanoTime();
            CommandTimeoutException e = catchThrowableOfType(CommandTimeoutException.class,
                    () -> runner.run(command));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
            assertThat(e.command()).isEqualTo(command);
            assertThat(e).hasMessage("Command sleep " + marker + " timed out after 300 ms and was killed");
            assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
            assertThat(pgrep("sleep " + marker)).as("pgrep -f 'sleep %s'", marker).isEmpty();
            assertThat(ProcessHandle.current().children().findAny()).as("children of the JVM").isEmpty();
        }

        @Test
        @DisplayName("the output printed before the kill is reported")
        void partialOutput() {
            CommandTimeoutException e = catchThrowableOfType(CommandTimeoutException.class,
                    () -> runner.run(sh("echo started; echo warming >&2; exec sleep 30")
                            .withTimeout(Duration.ofMillis(500))));

            assertThat(e.stdout()).isEqualTo("started\n");
            assertThat(e.stderr()).isEqualTo("warming\n");
            assertThat(e.getMessage()).endsWith("and was killed: warming");
        }

        @Test
        @DisplayName("the whole process tree is killed: a background child holding the pipes dies too")
        void treeKilled() {
            long start = System.nanoTime();
            CommandTimeoutException e = catchThrowableOfType(CommandTimeoutException.class,
                    () -> runner.run(sh("sleep 30 & echo $!; wait").withTimeout(Duration.ofMillis(500))));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            long child = Long.parseLong(e.stdout().strip());
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            // Killed, it is re-parented to PID 1 and may stay a zombie until PID 1 reaps it.
            assertThat(waitUntil(Duration.ofSeconds(2), () -> deadOrZombie(child)))
                    .as("the background sleep (pid %d) is dead", child).isTrue();
        }

        @Test
        @DisplayName("a process that ignores SIGTERM is still killed")
        void ignoresTerm() {
            long start = System.nanoTime();
            assertThatThrownBy(() -> runner.run(sh("trap '' TERM; echo ready; while :; do sleep 0.05; done")
                    .withTimeout(Duration.ofMillis(400))))
                    .isInstanceOf(CommandTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }

        @Test
        @DisplayName("the runner's default timeout applies when the command names none")
        void defaultTimeout() {
            CommandRunner quick = new CommonsExecRunner(List.of(), Duration.ofMillis(300));

            CommandTimeoutException e = catchThrowableOfType(CommandTimeoutException.class,
                    () -> quick.run(Command.of("sleep", "30")));

            assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
        }

        @Test
        @DisplayName("a process that exits but leaves a child holding its stdout does not outlast the timeout")
        void leftBehindChild() {
            long start = System.nanoTime();
            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    // The parent lives long enough for the pumps to block in read(); had it exited
                    // earlier, the JDK would drain and detach its pipes itself (ProcessPipeInputStream).
                    () -> runner.run(sh("sleep 6 & echo $!; sleep 0.2").withTimeout(Duration.ofMillis(500))));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(e).isNotInstanceOf(CommandTimeoutException.class);
            assertThat(e.getMessage()).contains("exited with code 0, but a process it left behind still held its "
                    + "output open when the timeout of 500 ms ran out");
            assertThat(took).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
            // The abandoned pump ends when the orphan does; kill it now so later leak checks stay clean.
            ProcessHandle.of(Long.parseLong(e.stdout().strip())).ifPresent(ProcessHandle::destroyForcibly);
        }

        @Test
        @DisplayName("an interrupted caller gets CommandFailedException and keeps its interrupt flag")
        void interrupted() throws Exception {
            Thread caller = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                sleep(300);
                caller.interrupt();
            });
            interrupter.start();
            try {
                CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                        () -> runner.run(Command.of("sleep", "30")));

                assertThat(e).isNotInstanceOf(CommandTimeoutException.class);
                assertThat(e.getMessage()).endsWith("was interrupted");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
                interrupter.join();
            }
        }
    }

    @Nested
    @DisplayName("root helper")
    class RootHelper {
        @Test
        @DisplayName("a privileged command gets the helper argv in front, an unprivileged one does not")
        void helperPrefix(@TempDir Path dir) throws IOException {
            Path helper = executable(dir.resolve("fake-sudo"), "#!/bin/sh\nprintf '<%s>' \"$0\" \"$@\"\n");
            CommandRunner withHelper = new CommonsExecRunner(List.of(helper.toString(), "-n", "--"), DEFAULT_TIMEOUT);

            CommandResult privileged = withHelper.run(Command.of("ip", "link", "set", "dev", "a b", "up"));
            CommandResult unprivileged = withHelper.run(Command.of("printf", "%s", "plain").unprivileged());

            assertThat(privileged.stdout()).isEqualTo("<" + helper + "><-n><--><ip><link><set><dev><a b><up>");
            assertThat(privileged.command().argv()).containsExactly("ip", "link", "set", "dev", "a b", "up");
            assertThat(unprivileged.stdout()).isEqualTo("plain");
        }

        @Test
        @DisplayName("env as a helper really runs the command")
        void envHelper() {
            CommandRunner withEnv = new CommonsExecRunner(List.of("env", "OSVIF_HELPED=yes"), DEFAULT_TIMEOUT);

            assertThat(withEnv.run(sh("printf %s \"$OSVIF_HELPED\"")).stdout()).isEqualTo("yes");
            assertThat(withEnv.run(sh("printf %s \"${OSVIF_HELPED:-no}\"").unprivileged()).stdout()).isEqualTo("no");
        }

        @Test
        @DisplayName("a missing helper is notStarted, and names the command as asked")
        void missingHelper() {
            CommandRunner broken = new CommonsExecRunner(List.of("osvif-no-such-helper-7f3a"), DEFAULT_TIMEOUT);

            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> broken.run(Command.of("true")));

            assertThat(e.exitCode()).isEqualTo(CommandFailedException.NOT_STARTED);
            assertThat(e.command()).isEqualTo(Command.of("true"));
        }
    }

    @Nested
    @DisplayName("concurrency and leaks")
    class Concurrency {
        @Test
        @DisplayName("50 concurrent runs from a thread pool each get their own output, in parallel")
        void concurrentRuns() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                List<Future<CommandResult>> futures = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < 50; i++) {
                    String id = Integer.toString(i);
                    futures.add(pool.submit(() -> runner.run(sh("sleep 0.5; echo out-$1; echo err-$1 >&2", id))));
                }
                for (int i = 0; i < 50; i++) {
                    CommandResult result = futures.get(i).get(30, TimeUnit.SECONDS);
                    assertThat(result.stdout()).isEqualTo("out-" + i + "\n");
                    assertThat(result.stderr()).isEqualTo("err-" + i + "\n");
                }
                // 50 x 0.5 s one after the other would be 25 s.
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
        }

        @Test
        @DisplayName("threads, file descriptors and child processes return to their baseline")
        void noLeaks() throws Exception {
            runner.run(Command.of("true"));                       // warm up class loading and logging
            assertThat(waitUntil(Duration.ofSeconds(5), () -> ourThreads() == 0)).isTrue();
            int baseThreads = threadCount();
            int baseFds = fdCount();

            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    int n = i;
                    futures.add(pool.submit(() -> {
                        switch (n % 5) {
                            case 0 -> runner.run(Command.of("cat").withStdin("input " + n));
                            case 1 -> assertThatThrownBy(() -> runner.run(Command.of("false")))
                                    .isInstanceOf(CommandFailedException.class);
                            case 2 -> assertThatThrownBy(() -> runner.run(Command.of("sleep", "30")
                                    .withTimeout(Duration.ofMillis(200)))).isInstanceOf(CommandTimeoutException.class);
                            case 3 -> assertThatThrownBy(() -> runner.run(Command.of("osvif-no-such-program-7f3a")))
                                    .isInstanceOf(CommandFailedException.class);
                            default -> runner.run(sh("echo out; echo err >&2"));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }

            boolean threadsBack = waitUntil(Duration.ofSeconds(5), () -> threadCount() <= baseThreads + 2);
            boolean fdsBack = waitUntil(Duration.ofSeconds(5), () -> fdCount() <= baseFds + 2);
            boolean noChildren = waitUntil(Duration.ofSeconds(5),
                    () -> ProcessHandle.current().children().findAny().isEmpty());
            System.out.printf("leak check: threads %d -> %d (runner's own %d), fds %d -> %d, children %d%n",
                    baseThreads, threadCount(), ourThreads(), baseFds, fdCount(),
                    ProcessHandle.current().children().count());
            assertThat(ourThreads()).as("threads named %s*", CommonsExecRunner.THREAD_PREFIX).isZero();
            assertThat(threadsBack).as("thread count back to %d, is %d", baseThreads, threadCount()).isTrue();
            assertThat(fdsBack).as("fd count back to %d, is %d", baseFds, fdCount()).isTrue();
            assertThat(noChildren).as("no child processes left").isTrue();
        }
    }

    // ---- helpers ----

    /**
     * Live threads, without the JDK's pooled "process reaper" threads (they idle for a while
     * after use and belong to the JDK, not to the runner).
     */
    static int threadCount() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("process reaper"))
                .count();
    }

    /** Live threads the runner started (its own prefix, also inside Commons Exec's prefixed names). */
    static long ourThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().contains(CommonsExecRunner.THREAD_PREFIX))
                .count();
    }

    static int fdCount() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a process is gone or a zombie (dead, waiting for its parent to reap it). */
    static boolean deadOrZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    static List<String> pgrep(String pattern) {
        try {
            Process p = new ProcessBuilder("pgrep", "-f", "-a", pattern).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            // pgrep -f also matches itself on some systems; drop that line.
            return out.lines().filter(l -> !l.contains("pgrep")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean waitUntil(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
