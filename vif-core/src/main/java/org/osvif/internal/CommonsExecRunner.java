package org.osvif.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Executor;
import org.apache.commons.exec.ProcessDestroyer;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.StreamPumper;
import org.apache.commons.exec.TimeoutObserver;
import org.apache.commons.exec.Watchdog;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.HostFiles;
import org.osvif.exec.CommandTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CommandRunner} that starts real processes, and the only class
 * that touches Apache Commons Exec.
 *
 * <p>Per run it builds a fresh executor (Commons Exec executors keep per-run
 * state), so one instance serves any number of threads at once. What it
 * guarantees:
 * <ul>
 * <li>The argv reaches {@code execve} element for element: no shell, no
 *     quoting, no splitting, no trimming (see {@link #commandLine}).</li>
 * <li>Privileged commands get the root helper in front; others do not.</li>
 * <li>Stdout and stderr are drained concurrently by two pump threads, so a
 *     process filling both pipes cannot deadlock; both are captured in full
 *     and decoded as UTF-8. {@link Command#stdin()} is written by a third
 *     pump and the pipe is closed after it (or at once when there is none).</li>
 * <li>On timeout the process <em>and all its descendants</em> are killed
 *     with SIGKILL, then {@link CommandTimeoutException} reports what they
 *     printed until then. (oslo.concurrency's {@code processutils} also
 *     kills.)</li>
 * <li>Exit codes are checked here against {@link Command#exitCodes()}, not
 *     by Commons Exec ({@code setExitValues(null)}).</li>
 * <li>No run outlives its timeout by more than a second: a process that
 *     exits but leaves a descendant holding its stdout or stderr open is
 *     given up on at the deadline ({@link CommandFailedException#aborted}).</li>
 * <li>Every run ends with its process reaped and its pipes closed; its
 *     threads end with it (the pumps of such a left-behind descendant end
 *     when it closes the pipe).</li>
 * </ul>
 *
 * <p>Each command is logged once at DEBUG, in oslo.concurrency's words so
 * that log searches keep working: {@code CMD "ip link set dev tap0 up"
 * returned: 0 in 0.004s}.
 */
public final class CommonsExecRunner implements CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommonsExecRunner.class);
    private static final AtomicLong THREAD_IDS = new AtomicLong();
    /** Prefix of every thread this class starts; Commons Exec prepends its own prefix to some. */
    static final String THREAD_PREFIX = "osvif-exec-";
    private static final int PUMP_BUFFER = 8192;

    private final List<String> rootHelper;
    private final Duration defaultTimeout;

    /**
     * @param rootHelper the argv put in front of privileged commands, e.g. {@code ["sudo"]};
     *        empty for none
     * @param defaultTimeout the timeout of commands that name none; positive
     */
    public CommonsExecRunner(List<String> rootHelper, Duration defaultTimeout) {
        Objects.requireNonNull(rootHelper, "rootHelper");
        for (int i = 0; i < rootHelper.size(); i++) {
            String part = rootHelper.get(i);
            if (part == null || part.isBlank()) {
                throw new IllegalArgumentException("rootHelper[" + i + "] is null or blank in " + rootHelper);
            }
        }
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout must be positive, not " + defaultTimeout);
        }
        this.rootHelper = List.copyOf(rootHelper);
        this.defaultTimeout = defaultTimeout;
    }

    /**
     * This JVM's own files; with a root helper, a write this JVM may not do runs as one
     * privileged {@code tee} process instead.
     */
    @Override
    public HostFiles files() {
        return rootHelper.isEmpty() ? HostFiles.direct()
                : new RootHelperHostFiles(HostFiles.direct(), HostFiles.throughProcesses(this));
    }

    /** @return the root helper argv */
    public List<String> rootHelper() {
        return rootHelper;
    }

    /** @return the timeout of commands that name none */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    @Override
    public CommandResult run(Command command) {
        Objects.requireNonNull(command, "command");
        List<String> argv = argv(command);
        Duration timeout = command.timeout() != null ? command.timeout() : defaultTimeout;

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        InputStream stdin = command.stdin() == null ? null
                : new ByteArrayInputStream(command.stdin().getBytes(StandardCharsets.UTF_8));
        Pumps pumps = new Pumps(stdout, stderr, stdin);
        ProcessTree tree = new ProcessTree(pumps, timeout);
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder()
                .setTimeout(timeout)
                .setThreadFactory(tree::newWatchdogThread)
                .get();
        tree.watchdog = watchdog;
        DefaultExecutor executor = DefaultExecutor.builder()
                .setExecuteStreamHandler(pumps)
                .setThreadFactory(CommonsExecRunner::newThread)
                .get();
        executor.setExitValues(null);
        executor.setWatchdog(watchdog);
        executor.setProcessDestroyer(tree);

        long start = System.nanoTime();
        int exitCode = Executor.INVALID_EXITVALUE;
        IOException failure = null;
        try {
            exitCode = executor.execute(commandLine(argv));
        } catch (IOException e) {
            failure = e;
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        String out = stdout.toString(StandardCharsets.UTF_8);
        String err = stderr.toString(StandardCharsets.UTF_8);

        if (tree.timedOut() || watchdog.killedProcess()) {
            log("CMD \"{}\" reached timeout in {}s", argv, duration);
            throw new CommandTimeoutException(command, timeout, out, err);
        }
        if (failure != null) {
            if (!tree.launched()) {
                log("CMD \"{}\" could not be started in {}s", argv, duration);
                throw CommandFailedException.notStarted(command, failure);
            }
            log("CMD \"{}\" failed in {}s", argv, duration);
            throw CommandFailedException.aborted(command, out, err, "failed: " + failure.getMessage(), failure);
        }
        if (exitCode == Executor.INVALID_EXITVALUE || pumps.interrupted()) {
            // Commons Exec swallows an interrupt of Process.waitFor (and destroys the process).
            Thread.currentThread().interrupt();
            log("CMD \"{}\" was interrupted after {}s", argv, duration);
            throw CommandFailedException.aborted(command, out, err, "was interrupted", null);
        }
        if (pumps.abandoned()) {
            log("CMD \"{}\" exited, but its output stayed open past the timeout; gave up after {}s", argv, duration);
            throw CommandFailedException.aborted(command, out, err, "exited with code " + exitCode
                    + ", but a process it left behind still held its output open when the timeout of "
                    + timeout.toMillis() + " ms ran out", null);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("CMD \"{}\" returned: {} in {}s", String.join(" ", argv), exitCode, seconds(duration));
        }
        CommandResult result = new CommandResult(command, exitCode, out, err, duration);
        if (!result.succeeded()) {
            throw new CommandFailedException(result);
        }
        return result;
    }

    /** The argv as executed: the root helper in front of privileged commands. */
    List<String> argv(Command command) {
        if (!command.privileged() || rootHelper.isEmpty()) {
            return command.argv();
        }
        List<String> argv = new ArrayList<>(rootHelper.size() + command.argv().size());
        argv.addAll(rootHelper);
        argv.addAll(command.argv());
        return argv;
    }

    /**
     * Builds the Commons Exec command line so that every element reaches the
     * process verbatim. {@code CommandLine.addArgument} trims each argument
     * ({@code " a "} would arrive as {@code "a"}), so each element is added as
     * a placeholder {@code ${i}} and the substitution map, which Commons Exec
     * applies when it builds the final argv, supplies the real value untouched.
     * Since every element is a placeholder, no text of the caller is ever
     * scanned for {@code ${...}} either. Never {@code CommandLine.parse}, never
     * a shell.
     */
    static CommandLine commandLine(List<String> argv) {
        String program = argv.get(0);
        if (program.indexOf('\\') >= 0) {
            // Commons Exec rewrites '\' to the file separator in the executable.
            throw new IllegalArgumentException("program name must not contain a backslash: " + program);
        }
        Map<String, String> values = new HashMap<>();
        values.put("0", program);
        CommandLine line = new CommandLine("${0}");
        for (int i = 1; i < argv.size(); i++) {
            String key = Integer.toString(i);
            values.put(key, argv.get(i));
            line.addArgument("${" + key + "}", false);
        }
        line.setSubstitutionMap(values);
        return line;
    }

    private static void log(String format, List<String> argv, Duration duration) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(format, String.join(" ", argv), seconds(duration));
        }
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }

    private static Thread newThread(Runnable body) {
        Thread thread = new Thread(body, THREAD_PREFIX + THREAD_IDS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Commons Exec's pump handler with named threads, a larger buffer, and a
     * bounded wait for the pumps once the process has exited. A process can
     * exit and leave a descendant behind that keeps its stdout or stderr open;
     * Commons Exec would wait for that descendant forever. Here the wait ends
     * at the run's deadline (Python's {@code communicate(timeout=...)} gives
     * up then too), or one grace period after a timeout kill, and the run
     * reports the pumps it gave up on.
     */
    private static final class Pumps extends PumpStreamHandler {
        private static final long GRACE_NANOS = Duration.ofSeconds(1).toNanos();
        private final OutputStream out;
        private final OutputStream err;
        private final List<Thread> threads = new ArrayList<>(3);
        private volatile long deadline;
        private volatile boolean clockStarted;
        private boolean abandoned;
        private boolean interrupted;
        private Runnable beforeStop = () -> { };

        Pumps(OutputStream out, OutputStream err, InputStream in) {
            super(out, err, in);
            this.out = out;
            this.err = err;
        }

        void startClock(Duration timeout) {
            deadline = System.nanoTime() + timeout.toNanos();
            clockStarted = true;
        }

        /** @return whether a pump was still running when the run stopped waiting for it */
        boolean abandoned() {
            return abandoned;
        }

        /** @return whether the caller was interrupted while waiting for the pumps */
        boolean interrupted() {
            return interrupted;
        }

        @Override
        protected Thread createPump(InputStream is, OutputStream os, boolean closeWhenExhausted) {
            Thread thread = newThread(new StreamPumper(is, os, closeWhenExhausted, PUMP_BUFFER));
            threads.add(thread);
            return thread;
        }

        /** Called by the executor after the process has exited; replaces Commons Exec's unbounded joins. */
        @Override
        public void stop() throws IOException {
            beforeStop.run();
            long until = clockStarted ? Math.max(deadline, System.nanoTime() + GRACE_NANOS) : Long.MAX_VALUE;
            try {
                for (Thread thread : threads) {
                    if (until == Long.MAX_VALUE) {
                        thread.join();
                    } else {
                        long left = until - System.nanoTime();
                        if (left > 0) {
                            thread.join(Math.max(1, left / 1_000_000L));
                        }
                    }
                }
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
            }
            for (Thread thread : threads) {
                abandoned |= thread.isAlive();
            }
            out.flush();
            err.flush();
        }
    }

    /**
     * Per run: learns the process when Commons Exec launches it (as its
     * {@link ProcessDestroyer}) and, on timeout, kills it with all its
     * descendants (as a {@link TimeoutObserver} that runs just before the
     * {@link ExecuteWatchdog}'s own {@code destroy()}; by then the children
     * would already be orphaned and no longer findable as descendants).
     */
    private static final class ProcessTree implements ProcessDestroyer, TimeoutObserver {
        private final Pumps pumps;
        private final Duration timeout;
        private volatile Process process;
        private volatile boolean timedOut;
        volatile ExecuteWatchdog watchdog;

        ProcessTree(Pumps pumps, Duration timeout) {
            this.pumps = pumps;
            this.timeout = timeout;
            pumps.beforeStop = this::killIfAlive;
        }

        boolean launched() {
            return process != null;
        }

        boolean timedOut() {
            return timedOut;
        }

        /**
         * Commons Exec hands its {@link Watchdog} to the watchdog's thread factory; put this
         * observer in front of the ExecuteWatchdog, which registered itself first.
         */
        Thread newWatchdogThread(Runnable body) {
            ExecuteWatchdog executeWatchdog = watchdog;
            if (body instanceof Watchdog timer && executeWatchdog != null) {
                timer.removeTimeoutObserver(executeWatchdog);
                timer.addTimeoutObserver(this);
                timer.addTimeoutObserver(executeWatchdog);
            }
            return newThread(body);
        }

        @Override
        public boolean add(Process launched) {
            process = launched;
            pumps.startClock(timeout);
            return true;
        }

        @Override
        public boolean remove(Process finished) {
            return true;
        }

        @Override
        public int size() {
            return process == null ? 0 : 1;
        }

        @Override
        public void timeoutOccured(Watchdog timer) {
            Process victim = process;
            if (victim == null || !victim.isAlive()) {
                return;
            }
            timedOut = true;
            kill(victim);
        }

        /**
         * Called when the executor has stopped waiting for the process: normally it has exited;
         * if it still runs, the caller was interrupted (Commons Exec only sent SIGTERM), so
         * finish the job.
         */
        void killIfAlive() {
            Process victim = process;
            if (victim != null && victim.isAlive()) {
                kill(victim);
            }
        }

        private static void kill(Process victim) {
            // Snapshot first: once the process dies its children are re-parented and lost to us.
            List<ProcessHandle> descendants = victim.descendants().toList();
            victim.destroyForcibly();
            for (ProcessHandle descendant : descendants) {
                descendant.destroyForcibly();
            }
        }
    }
}
