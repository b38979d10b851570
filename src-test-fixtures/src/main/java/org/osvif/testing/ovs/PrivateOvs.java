package org.osvif.testing.ovs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.HostFiles;
import org.osvif.exec.CommandRunners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A private Open vSwitch: its own {@code ovsdb-server} and {@code ovs-vswitchd}
 * (userspace datapath) in a temporary directory and a network namespace of
 * their own, so that functional tests, {@code vifctl demo} and benchmarks can
 * plug for real without touching the host's Open vSwitch or links.
 *
 * <pre>{@code
 * try (PrivateOvs ovs = PrivateOvs.start()) {
 *     ovs.addBridge("br-int");                                  // datapath_type=netdev
 *     VifPlugin plugin = ...;                                   // given ovs.runner() and
 *                                                               // ovsdb_connection = ovs.dbConnection()
 *     plugin.plug(vif, instance);
 *     assertThat(ovs.portNames()).contains("tap1234");
 *     assertThat(ovs.links()).contains("tap1234");              // in the namespace, not on the host
 * }
 * }</pre>
 *
 * <p><b>What {@link #start()} does</b> (the recipe of DESIGN.md, "The host"):
 * creates {@code DIR} (a temporary directory) and the network namespace
 * {@code NS} ({@code osvif-<pid>-<n>}), runs {@code ovsdb-tool create
 * DIR/conf.db vswitch.ovsschema}, then inside the namespace, with
 * {@code OVS_RUNDIR}, {@code OVS_DBDIR}, {@code OVS_LOGDIR} and
 * {@code OVS_SYSCONFDIR} set to {@code DIR}: {@code ovsdb-server} (listening on
 * {@code unix:DIR/db.sock}), {@code ovs-vsctl --no-wait init} and
 * {@code ovs-vswitchd}, each daemon with {@code --detach}, a pid file, a log
 * file and a control socket in {@code DIR}. It returns once {@code ovs-vswitchd}
 * has applied a configuration change (an {@code ovs-vsctl} write that waits
 * for it), so the switch is ready for use. If any step fails, everything made
 * so far is removed before the exception propagates.
 *
 * <p><b>Everything runs inside.</b> {@link #runner()} runs every command as
 * {@code ip netns exec NS env OVS_RUNDIR=DIR ... ARGV}, so a plugin given that
 * runner creates its links in the namespace, and even an {@code ovs-vsctl}
 * that names no {@code --db} talks to this sandbox's database, never to the
 * host's.
 *
 * <p><b>Nothing left behind.</b> {@link #close()} stops both daemons by pid
 * (SIGTERM, then SIGKILL after {@link Options#stopGrace()}), stops any other
 * process still in the namespace and any {@link Monitor}, deletes the
 * namespace and the directory. It is idempotent. Until then a JVM shutdown
 * hook does the same on Ctrl-C; {@code close()} removes it. A JVM killed
 * with SIGKILL runs no hook: the next {@code start()} (or
 * {@link #removeStale()}) removes what such a JVM left, recognised by a lock
 * file in {@code DIR} that only a live owner holds.
 *
 * <p>Needs root, network namespaces and Open vSwitch; {@link #missingPrerequisites()}
 * says what is missing. The JUnit 5 side is {@code org.osvif.testing.junit.RequiresOvs}.
 * Thread-safe.
 */
public final class PrivateOvs implements AutoCloseable {
    /** Where Debian and Ubuntu install the Open_vSwitch database schema. */
    public static final Path DEFAULT_SCHEMA = Path.of("/usr/share/openvswitch/vswitch.ovsschema");
    /** The database every sandbox serves. */
    public static final String DATABASE = "Open_vSwitch";
    /** Linux refuses interface names longer than this (IFNAMSIZ - 1); a bridge is also a device. */
    static final int MAX_DEVICE_NAME = 15;
    private static final Path NETNS_DIR = Path.of("/run/netns");
    private static final AtomicInteger SANDBOXES = new AtomicInteger();
    /** {@code osvif-<pid>-<n>-<random>}: the directory of a sandbox, named after its namespace. */
    private static final Pattern DIR_NAME = Pattern.compile("(osvif-(\\d+)-\\d+)-[^/]+");
    private static final String OWNER_LOCK = "owner.lock";
    /** A sandbox whose directory holds this file was kept on purpose ({@link #keep()}): never stale. */
    private static final String KEPT = "kept";
    /** What Linux accepts in a device name, minus characters that would need care; no leading '-' (options). */
    private static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern OVSDB_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern MONITOR_COLUMN = Pattern.compile("!?[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int LOG_TAIL_LINES = 15;

    private final Options options;
    private final CommandRunner host;
    private final String namespace;
    private final Path dir;
    private final List<String> insidePrefix;
    private final CommandRunner inside;
    private final Object lock = new Object();
    private final Map<String, ProcessHandle> daemons = new LinkedHashMap<>();
    private final Set<Monitor> monitors = ConcurrentHashMap.newKeySet();
    private final AtomicInteger bridgeNumbers = new AtomicInteger();
    private boolean namespaceCreated;
    private FileChannel ownerLock;
    private Thread shutdownHook;
    private volatile boolean closed;
    private volatile Duration startDuration = Duration.ZERO;
    private volatile Duration closeDuration = Duration.ZERO;

    private PrivateOvs(Options options, CommandRunner host, String namespace, Path dir) {
        this.options = options;
        this.host = host;
        this.namespace = namespace;
        this.dir = dir;
        List<String> prefix = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "env"));
        for (String variable : List.of("OVS_RUNDIR", "OVS_DBDIR", "OVS_LOGDIR", "OVS_SYSCONFDIR")) {
            prefix.add(variable + "=" + dir);
        }
        this.insidePrefix = List.copyOf(prefix);
        this.inside = new CommandRunner() {
            private final HostFiles files = HostFiles.throughProcesses(this);

            @Override
            public CommandResult run(Command command) {
                return runInside(command);
            }

            /**
             * The namespace's own /sys/class/net and /proc/sys/net: this JVM's files are the host's,
             * so each check and write is a test or tee process inside, where ip netns exec has
             * remounted /sys for the namespace.
             */
            @Override
            public HostFiles files() {
                return files;
            }
        };
    }

    /**
     * Starts a sandbox with the {@linkplain Options#defaults() default options}.
     *
     * @return the running sandbox; close it
     * @throws IllegalStateException when it could not start (the message has the tails of the daemons' logs);
     *         nothing is left behind then
     */
    public static PrivateOvs start() {
        return start(Options.defaults());
    }

    /**
     * Starts a sandbox.
     *
     * @param options how
     * @return the running sandbox; close it
     * @throws IllegalStateException when it could not start (the message has the tails of the daemons' logs);
     *         nothing is left behind then
     * @throws UncheckedIOException when the temporary directory could not be created
     */
    public static PrivateOvs start(Options options) {
        Objects.requireNonNull(options, "options");
        long begin = System.nanoTime();
        Path base = options.baseDir() != null ? options.baseDir() : Path.of(System.getProperty("java.io.tmpdir"));
        CommandRunner host = options.runner() != null ? options.runner()
                : CommandRunners.system(options.rootHelper(), Duration.ofSeconds(30));
        removeStale(base, host, options.stopGrace());
        String namespace = newNamespaceName();
        Path dir;
        try {
            dir = Files.createTempDirectory(base, namespace + "-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for a private Open vSwitch in " + base, e);
        }
        PrivateOvs ovs = new PrivateOvs(options, host, namespace, dir);
        try {
            ovs.boot();
        } catch (RuntimeException e) {
            String logs = ovs.logTails();
            try {
                ovs.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IllegalStateException("Could not start a private Open vSwitch in network namespace "
                    + namespace + " (" + dir + "); removed what was made. " + e.getMessage() + logs, e);
        } catch (Error e) {
            try {
                ovs.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        ovs.startDuration = Duration.ofNanos(System.nanoTime() - begin);
        return ovs;
    }

    /**
     * What this host lacks to {@link #start()} a sandbox: root (with the capabilities {@code ip netns add}
     * needs), network namespaces, {@code ip}, {@code ovsdb-tool}, {@code ovsdb-server}, {@code ovs-vswitchd},
     * {@code ovs-vsctl} and {@code ovsdb-client} on {@code PATH}, and the schema file
     * {@link #DEFAULT_SCHEMA}. Starts no process.
     *
     * @return one line per missing thing, each saying how to get it (e.g. {@code apt-get install -y
     *         openvswitch-switch}); empty when everything is there
     */
    public static List<String> missingPrerequisites() {
        return Prerequisites.ofThisProcess(DEFAULT_SCHEMA).missing();
    }

    private static String newNamespaceName() {
        long pid = ProcessHandle.current().pid();
        while (true) {
            String name = "osvif-" + pid + "-" + SANDBOXES.incrementAndGet();
            if (!Files.exists(NETNS_DIR.resolve(name))) {
                return name;
            }
        }
    }

    private void boot() {
        synchronized (lock) {
            ownerLock = lockOwner(dir);
            if (options.shutdownHook()) {
                shutdownHook = new Thread(this::closeOnShutdown, "osvif-private-ovs-" + namespace);
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            host.run(Command.of("ovsdb-tool", "create", file("conf.db"), options.schema().toString()));
            host.run(Command.of("ip", "netns", "add", namespace));
            namespaceCreated = true;
            inside.run(Command.of("ip", "link", "set", "dev", "lo", "up"));
            inside.run(Command.of("ovsdb-server", file("conf.db"), "--remote=punix:" + file("db.sock"),
                    "--pidfile=" + file("ovsdb-server.pid"), "--detach", "--log-file=" + file("ovsdb-server.log"),
                    "--unixctl=" + file("ovsdb-server.ctl")));
            daemons.put("ovsdb-server", daemon("ovsdb-server"));
            inside.run(Command.of("ovs-vsctl", "--db=" + dbConnection(), "--no-wait", "init"));
            inside.run(Command.of("ovs-vswitchd", dbConnection(), "--pidfile=" + file("ovs-vswitchd.pid"),
                    "--detach", "--log-file=" + file("ovs-vswitchd.log"), "--unixctl=" + file("ovs-vswitchd.ctl")));
            daemons.put("ovs-vswitchd", daemon("ovs-vswitchd"));
            awaitVswitchd();
        }
    }

    /** Reads a daemon's pid file, written before {@code --detach} returned. */
    private ProcessHandle daemon(String name) {
        Path pidFile = dir.resolve(name + ".pid");
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(name + " started but its pid file " + pidFile + " is unreadable: " + e,
                    e);
        }
        ProcessHandle handle = ProcessHandle.of(pid).filter(PrivateOvs::running).orElseThrow(
                () -> new IllegalStateException(name + " (pid " + pid + ") exited right after it started"));
        Optional<String> commandLine = handle.info().commandLine();
        if (commandLine.isPresent() && !commandLine.get().contains(dir.toString())) {
            throw new IllegalStateException("pid " + pid + " in " + pidFile + " is not our " + name + ": "
                    + commandLine.get());
        }
        return handle;
    }

    /**
     * Waits until ovs-vswitchd has applied a change: an ovs-vsctl write without {@code --no-wait} returns only
     * once ovs-vswitchd has reconfigured (next_cfg reached cur_cfg). It also labels the database.
     */
    private void awaitVswitchd() {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        while (true) {
            for (Map.Entry<String, ProcessHandle> daemon : daemons.entrySet()) {
                if (!running(daemon.getValue())) {
                    throw new IllegalStateException(daemon.getKey() + " (pid " + daemon.getValue().pid()
                            + ") exited while starting");
                }
            }
            long left = deadline - System.nanoTime();
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left));
            try {
                inside.run(Command.of("ovs-vsctl", "--db=" + dbConnection(), "--timeout=" + seconds,
                        "set", "Open_vSwitch", ".", "external_ids:osvif-sandbox=" + namespace)
                        .withTimeout(Duration.ofSeconds(seconds + 5)));
                return;
            } catch (CommandFailedException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("ovs-vswitchd was not ready within " + options.startTimeout()
                            + ": " + e.getMessage(), e);
                }
                sleep(Duration.ofMillis(20));
            }
        }
    }

    // ---- what tests use ----

    /** @return the name of the network namespace, {@code osvif-<pid>-<n>} */
    public String namespace() {
        return namespace;
    }

    /** @return the temporary directory with the database, sockets, pid files and logs */
    public Path dir() {
        return dir;
    }

    /** @return the OVSDB connection string of this sandbox, {@code unix:DIR/db.sock} (os-vif's {@code ovsdb_connection}) */
    public String dbConnection() {
        return "unix:" + dir.resolve("db.sock");
    }

    /** @return how long {@link #start()} took */
    public Duration startDuration() {
        return startDuration;
    }

    /** @return how long {@link #close()} took, or zero before it ran */
    public Duration closeDuration() {
        return closeDuration;
    }

    /** @return whether {@link #close()} has run */
    public boolean isClosed() {
        return closed;
    }

    /** @return the pids of {@code ovsdb-server} and {@code ovs-vswitchd}, by program name */
    public Map<String, Long> daemonPids() {
        synchronized (lock) {
            Map<String, Long> pids = new LinkedHashMap<>();
            daemons.forEach((name, handle) -> pids.put(name, handle.pid()));
            return Map.copyOf(pids);
        }
    }

    /**
     * A runner for code under test: runs each command as {@code ip netns exec NS env OVS_RUNDIR=DIR
     * OVS_DBDIR=DIR OVS_LOGDIR=DIR OVS_SYSCONFDIR=DIR ARGV...} (always with the root helper, since
     * {@code ip netns exec} needs root), so links are made in the namespace and an {@code ovs-vsctl} without
     * {@code --db} talks to this sandbox. Results carry the command as asked for; a failure's
     * {@link CommandFailedException#command()} shows the full argv.
     *
     * @return the runner; it refuses to run anything once the sandbox is closed
     */
    public CommandRunner runner() {
        return inside;
    }

    private CommandResult runInside(Command command) {
        if (closed) {
            throw new IllegalStateException("The private Open vSwitch in network namespace " + namespace
                    + " is closed; cannot run " + command);
        }
        List<String> argv = new ArrayList<>(insidePrefix.size() + command.argv().size());
        argv.addAll(insidePrefix);
        argv.addAll(command.argv());
        CommandResult result = host.run(
                new Command(argv, true, command.timeout(), command.exitCodes(), command.stdin()));
        return new CommandResult(command, result.exitCode(), result.stdout(), result.stderr(), result.duration());
    }

    /**
     * Runs {@code ovs-vsctl --db=unix:DIR/db.sock --timeout=T ARGS...} in the namespace.
     *
     * @param args the ovs-vsctl arguments, e.g. {@code "add-br", "br0"}
     * @return its standard output
     * @throws CommandFailedException when it fails
     */
    public String vsctl(String... args) {
        long seconds = Math.max(1, options.vsctlTimeout().toSeconds());
        List<String> argv = new ArrayList<>(List.of("ovs-vsctl", "--db=" + dbConnection(), "--timeout=" + seconds));
        argv.addAll(List.of(args));
        return inside.run(Command.of(argv).withTimeout(Duration.ofSeconds(seconds + 5))).stdout();
    }

    /**
     * The rows of a table, from {@code ovs-vsctl --format=json list TABLE}, with OVSDB's JSON values decoded:
     * {@code ["set",[...]]} → {@link List}, {@code ["map",[[k,v],...]]} → {@link Map}, {@code ["uuid",x]} →
     * {@link String} {@code x}, integers → {@link Long}, reals → {@link Double}, booleans and strings as they
     * are. A set of exactly one element is the bare element (that is how OVSDB prints it): an untagged
     * port's {@code tag} is {@code List.of()}, a tagged one's a {@code Long}.
     *
     * @param table e.g. {@code "Port"}
     * @return one unmodifiable map per row, column → value, including {@code _uuid}
     */
    public List<Map<String, Object>> rows(String table) {
        checkOvsdbName("table", table);
        return OvsdbJson.table(vsctl("--format=json", "list", table));
    }

    /**
     * @return the names of the network devices in the namespace ({@code ip -j link show}), e.g.
     *         {@code [lo, ovs-netdev, br0]}
     */
    public List<String> links() {
        String json = inside.run(Command.of("ip", "-j", "link", "show")).stdout();
        try {
            List<String> names = new ArrayList<>();
            for (JsonNode link : MAPPER.readTree(json)) {
                names.add(link.get("ifname").asText());
            }
            return List.copyOf(names);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the output of ip -j link show: " + json, e);
        }
    }

    /** @return the names of the bridges ({@code ovs-vsctl list-br}) */
    public List<String> bridgeNames() {
        return lines(vsctl("list-br"));
    }

    /**
     * @return the names of all rows of the Port table, on every bridge, including each bridge's own
     *         (local) port
     */
    public List<String> portNames() {
        return lines(vsctl("--bare", "--columns=name", "list", "Port"));
    }

    /**
     * @param bridge a bridge
     * @return the names of its ports, without its own local port ({@code ovs-vsctl list-ports BRIDGE})
     */
    public List<String> portNames(String bridge) {
        return lines(vsctl("list-ports", bridge));
    }

    /**
     * Adds a bridge with the userspace datapath ({@code datapath_type=netdev}; the kernel here may have no
     * Open vSwitch module), unless it exists.
     *
     * @param name its name, at most 15 characters
     * @return the name
     */
    public String addBridge(String name) {
        checkDeviceName(name);
        vsctl("--may-exist", "add-br", name, "--", "set", "Bridge", name, "datapath_type=netdev");
        return name;
    }

    /**
     * A bridge name not used before in this sandbox: {@code prefix} followed by a number, e.g. {@code br-t1},
     * {@code br-t2}. Tests sharing one sandbox use it to get a bridge each. Creates nothing.
     *
     * @param prefix letters, digits, {@code _ . -}; short enough to leave room for the number
     * @return the name, at most 15 characters (Linux's limit for the bridge's device)
     * @throws IllegalArgumentException when the prefix is empty, has other characters or is too long
     */
    public String uniqueBridgeName(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty() || !DEVICE_NAME.matcher(prefix).matches()) {
            throw new IllegalArgumentException("bridge name prefix must be letters, digits, '_', '.' or '-' (not "
                    + "first), not '" + prefix + "'");
        }
        String name = prefix + bridgeNumbers.incrementAndGet();
        if (name.length() > MAX_DEVICE_NAME) {
            throw new IllegalArgumentException("bridge name prefix '" + prefix + "' is too long: '" + name
                    + "' exceeds " + MAX_DEVICE_NAME + " characters");
        }
        return name;
    }

    /**
     * Starts {@code ovsdb-client monitor unix:DIR/db.sock Open_vSwitch TABLE COLUMNS --format=json} in the
     * namespace and collects every row state it reports, from the table's initial contents on. Returns once
     * the server has accepted the monitor, so every later change is seen.
     *
     * @param table the table, e.g. {@code "Port"}
     * @param columns the columns to watch (all when none); {@code !initial}, {@code !insert}, {@code !modify}
     *        and {@code !delete} leave out those kinds of change
     * @return the running monitor; close it (closing the sandbox closes it too)
     * @throws IllegalArgumentException when a name is not an OVSDB identifier
     * @throws IllegalStateException when ovsdb-client could not start or the server refused the monitor (e.g.
     *         an unknown table)
     */
    public Monitor startMonitor(String table, String... columns) {
        checkOvsdbName("table", table);
        for (String column : columns) {
            if (column == null || !MONITOR_COLUMN.matcher(column).matches()) {
                throw new IllegalArgumentException("column must be an OVSDB column name (or !initial, !insert, "
                        + "!modify, !delete), not '" + column + "'");
            }
        }
        ensureOpen();
        List<String> argv = new ArrayList<>(options.rootHelper());
        argv.addAll(insidePrefix);
        // jsonrpc debug logging on stderr is how the monitor learns that the server answered its request.
        argv.addAll(List.of("ovsdb-client", "-vjsonrpc:console:dbg", "monitor", dbConnection(), DATABASE, table));
        if (columns.length > 0) {
            argv.add(String.join(",", columns));
        }
        argv.add("--format=json");
        Monitor monitor = new Monitor(this, table, argv);
        monitors.add(monitor);
        try {
            monitor.awaitStarted(options.startTimeout());
        } catch (RuntimeException e) {
            monitor.close();
            throw e;
        }
        return monitor;
    }

    // ---- stopping ----

    /**
     * Leaves the sandbox running after this JVM exits, for a person to look at (vifctl demo
     * --keep): removes the shutdown hook and marks the directory so that {@link #removeStale()}
     * never takes it. Remove it by hand (kill the daemons by their pid files, {@code ip netns
     * delete}, delete the directory), or call {@link #close()} while this JVM still runs.
     */
    public void keep() {
        synchronized (lock) {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook runs and removes the sandbox
                }
                shutdownHook = null;
            }
            try {
                Files.writeString(dir.resolve(KEPT), "kept by pid " + ProcessHandle.current().pid() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not mark " + dir + " as kept", e);
            }
        }
    }

    /**
     * Stops the daemons by pid (SIGTERM, SIGKILL after the grace period), stops the monitors and any other
     * process left in the namespace, deletes the namespace and the directory, and removes the shutdown hook.
     * Does nothing the second time. Safe after a start that failed halfway.
     *
     * @throws IllegalStateException when something could not be removed (everything else still was)
     */
    @Override
    public void close() {
        List<RuntimeException> problems = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            long begin = System.nanoTime();
            for (Monitor monitor : List.copyOf(monitors)) {
                attempt(problems, monitor::close);
            }
            attempt(problems, () -> stop(new ArrayList<>(daemons.values()), host, options.stopGrace()));
            if (namespaceCreated) {
                attempt(problems, this::stopProcessesInNamespace);
                attempt(problems, () -> host.run(Command.of("ip", "netns", "delete", namespace)));
                namespaceCreated = false;
            }
            attempt(problems, this::releaseOwnerLock);
            attempt(problems, () -> deleteTree(dir));
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to; close() is idempotent
                }
            }
            closeDuration = Duration.ofNanos(System.nanoTime() - begin);
        }
        if (!problems.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("Could not remove all of the private Open "
                    + "vSwitch in network namespace " + namespace + " (" + dir + "): " + problems.get(0).getMessage(),
                    problems.get(0));
            problems.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void closeOnShutdown() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("osvif: " + e.getMessage());
        }
    }

    private static void attempt(List<RuntimeException> problems, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            problems.add(e);
        }
    }

    /** SIGTERM to all, wait up to the grace period, SIGKILL to the rest, wait again. */
    private static void stop(List<ProcessHandle> processes, CommandRunner host, Duration grace) {
        List<ProcessHandle> alive = processes.stream().filter(PrivateOvs::running).toList();
        if (alive.isEmpty()) {
            return;
        }
        alive.forEach(p -> signal(p, false, host));
        if (awaitExit(alive, grace)) {
            return;
        }
        alive.stream().filter(PrivateOvs::running).forEach(p -> signal(p, true, host));
        if (!awaitExit(alive, Duration.ofSeconds(5))) {
            throw new IllegalStateException("processes did not die after SIGKILL: "
                    + alive.stream().filter(PrivateOvs::running).map(ProcessHandle::pid).toList());
        }
    }

    /**
     * Whether a process still runs. {@link ProcessHandle#isAlive()} is also true for a zombie, and the
     * daemons are not our children: once they exit they stay zombies until init reaps them, which some
     * container inits do only every second or two. A zombie has done all it will do, so it counts as gone.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"),
                    StandardCharsets.US_ASCII);
            // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'
            String rest = stat.substring(stat.lastIndexOf(')') + 1).strip();
            char state = rest.isEmpty() ? '?' : rest.charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | UncheckedIOException e) {
            return process.isAlive();
        }
    }

    private static void signal(ProcessHandle process, boolean kill, CommandRunner host) {
        boolean sent = kill ? process.destroyForcibly() : process.destroy();
        if (!sent && running(process)) {
            // not ours to signal (e.g. started through sudo): let the runner's root helper do it
            host.run(Command.of("kill", kill ? "-KILL" : "-TERM", Long.toString(process.pid())).withExitCodes(0, 1));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (processes.stream().anyMatch(PrivateOvs::running)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            sleep(Duration.ofMillis(pause));
            pause = Math.min(pause * 2, 50);
        }
        return true;
    }

    private void stopProcessesInNamespace() {
        stopProcessesIn(namespace, host, options.stopGrace());
    }

    /** SIGTERM, then SIGKILL, to every process in a network namespace ({@code ip netns pids}). */
    private static void stopProcessesIn(String namespace, CommandRunner host, Duration grace) {
        String out = host.run(Command.of("ip", "netns", "pids", namespace)).stdout();
        List<ProcessHandle> left = new ArrayList<>();
        for (String line : lines(out)) {
            ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(left::add);
        }
        stop(left, host, grace);
    }

    private void releaseOwnerLock() {
        if (ownerLock != null) {
            try {
                ownerLock.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not release " + dir.resolve(OWNER_LOCK), e);
            } finally {
                ownerLock = null;
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }

    // ---- what killed JVMs left ----

    /** Takes the lock that marks the directory as in use; the OS releases it when this JVM dies. */
    private static FileChannel lockOwner(Path dir) {
        try {
            FileChannel channel = FileChannel.open(dir.resolve(OWNER_LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                throw new IllegalStateException(dir + " is locked by another process");
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + dir.resolve(OWNER_LOCK), e);
        }
    }

    /**
     * Removes the sandboxes that JVMs killed with SIGKILL (which runs no shutdown hook) left in
     * {@code java.io.tmpdir}: stops their daemons and any other process in their namespaces, deletes the
     * namespaces and the directories. A sandbox counts as left behind only when the JVM whose pid is in its
     * name no longer runs <em>and</em> nobody holds the lock file in its directory (so a sandbox of a JVM in
     * another PID namespace sharing this {@code /tmp} is safe). {@link #start()} calls this first.
     *
     * @return the namespaces of the sandboxes removed
     */
    public static List<String> removeStale() {
        return removeStale(Path.of(System.getProperty("java.io.tmpdir")),
                CommandRunners.system(List.of(), Duration.ofSeconds(30)), Options.defaults().stopGrace());
    }

    private static List<String> removeStale(Path base, CommandRunner host, Duration grace) {
        List<String> removed = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, "osvif-*")) {
            for (Path dir : dirs) {
                Matcher name = DIR_NAME.matcher(dir.getFileName().toString());
                if (!name.matches() || !Files.isDirectory(dir)) {
                    continue;
                }
                long pid = Long.parseLong(name.group(2));
                if (pid == self || ProcessHandle.of(pid).filter(PrivateOvs::running).isPresent()) {
                    continue;
                }
                String namespace = name.group(1);
                if (Files.exists(dir.resolve(KEPT))) {
                    continue;
                }
                try (FileChannel channel = FileChannel.open(dir.resolve(OWNER_LOCK), StandardOpenOption.WRITE);
                        FileLock held = channel.tryLock()) {
                    if (held == null) {
                        continue;
                    }
                    if (Files.exists(NETNS_DIR.resolve(namespace))) {
                        stopProcessesIn(namespace, host, grace);
                        host.run(Command.of("ip", "netns", "delete", namespace));
                    }
                    deleteTree(dir);
                    removed.add(namespace);
                } catch (IOException | RuntimeException e) {
                    // no lock file (not a complete sandbox), locked (OverlappingFileLockException: by this JVM),
                    // or could not be removed: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a start must not fail because of an old sandbox
        }
        return List.copyOf(removed);
    }

    // ---- helpers ----

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The private Open vSwitch in network namespace " + namespace
                    + " is closed");
        }
    }

    /** @return the last lines of the daemons' logs, for a start failure's message */
    private String logTails() {
        StringBuilder text = new StringBuilder();
        for (String log : List.of("ovsdb-server.log", "ovs-vswitchd.log")) {
            Path path = dir.resolve(log);
            try {
                if (Files.isRegularFile(path)) {
                    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
                    text.append("\n--- last lines of ").append(log).append(" ---\n");
                    lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                            .forEach(l -> text.append(l).append('\n'));
                }
            } catch (IOException | UncheckedIOException e) {
                text.append("\n(").append(log).append(" unreadable: ").append(e).append(')');
            }
        }
        return text.toString();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static void checkOvsdbName(String what, String name) {
        if (name == null || !OVSDB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be an OVSDB name (letters, digits, '_'), not '"
                    + name + "'");
        }
    }

    private static void checkDeviceName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_DEVICE_NAME || !DEVICE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bridge name must be 1 to " + MAX_DEVICE_NAME
                    + " letters, digits, '_', '.' or '-' (not first), not '" + name + "'");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Package-private for tests: the shutdown hook, or null. */
    Thread shutdownHook() {
        synchronized (lock) {
            return shutdownHook;
        }
    }

    @Override
    public String toString() {
        return "PrivateOvs[" + namespace + ", " + dir + (closed ? ", closed]" : "]");
    }

    // ---- options ----

    /**
     * How to start a {@link PrivateOvs}. Immutable; each {@code with...} returns a copy.
     *
     * <pre>{@code
     * PrivateOvs.start(PrivateOvs.Options.defaults().withRootHelper(List.of("sudo", "-n")));
     * }</pre>
     */
    public static final class Options {
        private static final Options DEFAULTS = new Options(null, List.of(), null, DEFAULT_SCHEMA,
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(10), true);
        private final CommandRunner runner;
        private final List<String> rootHelper;
        private final Path baseDir;
        private final Path schema;
        private final Duration startTimeout;
        private final Duration stopGrace;
        private final Duration vsctlTimeout;
        private final boolean shutdownHook;

        private Options(CommandRunner runner, List<String> rootHelper, Path baseDir, Path schema,
                Duration startTimeout, Duration stopGrace, Duration vsctlTimeout, boolean shutdownHook) {
            this.runner = runner;
            this.rootHelper = List.copyOf(rootHelper);
            this.baseDir = baseDir;
            this.schema = schema;
            this.startTimeout = startTimeout;
            this.stopGrace = stopGrace;
            this.vsctlTimeout = vsctlTimeout;
            this.shutdownHook = shutdownHook;
        }

        /**
         * @return the system runner (no root helper, 30 s per command), the schema {@link #DEFAULT_SCHEMA},
         *         the directory under {@code java.io.tmpdir}, 10 s to start, a 2 s grace period between
         *         SIGTERM and SIGKILL, a 10 s {@code ovs-vsctl --timeout}, and a shutdown hook
         */
        public static Options defaults() {
            return DEFAULTS;
        }

        /**
         * @param value runs every command (it is wrapped for {@link PrivateOvs#runner()}); null for the system
         *        runner with {@link #rootHelper()}
         * @return a copy
         */
        public Options withRunner(CommandRunner value) {
            return new Options(value, rootHelper, baseDir, schema, startTimeout, stopGrace, vsctlTimeout,
                    shutdownHook);
        }

        /**
         * @param value put in front of privileged commands by the system runner, and in front of the
         *        monitor's {@code ovsdb-client}, e.g. {@code ["sudo", "-n"]}; empty when running as root
         * @return a copy
         */
        public Options withRootHelper(List<String> value) {
            return new Options(runner, value, baseDir, schema, startTimeout, stopGrace, vsctlTimeout, shutdownHook);
        }

        /**
         * @param value the directory in which the sandbox's temporary directory is made
         * @return a copy
         */
        public Options withBaseDir(Path value) {
            return new Options(runner, rootHelper, value, schema, startTimeout, stopGrace, vsctlTimeout,
                    shutdownHook);
        }

        /**
         * @param value the Open_vSwitch schema file
         * @return a copy
         */
        public Options withSchema(Path value) {
            return new Options(runner, rootHelper, baseDir, Objects.requireNonNull(value, "schema"), startTimeout,
                    stopGrace, vsctlTimeout, shutdownHook);
        }

        /**
         * @param value how long ovs-vswitchd (and a monitor) may take to be ready
         * @return a copy
         */
        public Options withStartTimeout(Duration value) {
            return new Options(runner, rootHelper, baseDir, schema, positive(value, "startTimeout"), stopGrace,
                    vsctlTimeout, shutdownHook);
        }

        /**
         * @param value how long a process has between SIGTERM and SIGKILL
         * @return a copy
         */
        public Options withStopGrace(Duration value) {
            return new Options(runner, rootHelper, baseDir, schema, startTimeout, positive(value, "stopGrace"),
                    vsctlTimeout, shutdownHook);
        }

        /**
         * @param value the {@code --timeout} of {@link PrivateOvs#vsctl}, whole seconds
         * @return a copy
         */
        public Options withVsctlTimeout(Duration value) {
            return new Options(runner, rootHelper, baseDir, schema, startTimeout, stopGrace,
                    positive(value, "vsctlTimeout"), shutdownHook);
        }

        /**
         * @param value whether a JVM shutdown hook closes the sandbox on Ctrl-C (removed by close)
         * @return a copy
         */
        public Options withShutdownHook(boolean value) {
            return new Options(runner, rootHelper, baseDir, schema, startTimeout, stopGrace, vsctlTimeout, value);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + value);
            }
            return value;
        }

        /** @return the runner, or null for the system runner */
        public CommandRunner runner() {
            return runner;
        }

        /** @return the root helper */
        public List<String> rootHelper() {
            return rootHelper;
        }

        /** @return the base directory, or null for {@code java.io.tmpdir} */
        public Path baseDir() {
            return baseDir;
        }

        /** @return the schema file */
        public Path schema() {
            return schema;
        }

        /** @return how long ovs-vswitchd may take to be ready */
        public Duration startTimeout() {
            return startTimeout;
        }

        /** @return the time between SIGTERM and SIGKILL */
        public Duration stopGrace() {
            return stopGrace;
        }

        /** @return the {@code --timeout} of {@link PrivateOvs#vsctl} */
        public Duration vsctlTimeout() {
            return vsctlTimeout;
        }

        /** @return whether a shutdown hook is installed */
        public boolean shutdownHook() {
            return shutdownHook;
        }
    }

    // ---- monitor ----

    /**
     * A running {@code ovsdb-client monitor} of one table, collecting every row state it reports. Made by
     * {@link PrivateOvs#startMonitor}.
     *
     * <pre>{@code
     * try (PrivateOvs.Monitor ports = ovs.startMonitor("Port", "name", "tag")) {
     *     plugin.plug(vif, instance);
     *     ports.awaitRows(row -> "tap1".equals(row.get("name")), Duration.ofSeconds(5));
     *     assertThat(ports.updates()).filteredOn(u -> "tap1".equals(u.get("name")))
     *             .allMatch(u -> Long.valueOf(4095).equals(u.get("tag")));   // never without the dead VLAN
     * }
     * }</pre>
     *
     * <p>Each update is an unmodifiable map: {@code "_uuid"} → the row's UUID, {@code "action"} →
     * {@code initial} (present when the monitor started), {@code insert}, {@code modify} or {@code delete},
     * and each monitored column → its value after the change (for {@code delete}: before it), decoded as in
     * {@link PrivateOvs#rows}. A {@code modify} also has {@code "_old"} → the changed columns' previous
     * values. Thread-safe.
     */
    public static final class Monitor implements AutoCloseable {
        private static final Pattern SENT_MONITOR = Pattern.compile("send request, method=\"monitor\".*, id=(\\S+)$");
        private static final Pattern RECEIVED = Pattern.compile("received (reply|error), .*id=(\\S+)$");
        private static final int MAX_STDERR_LINES = 50;

        private final PrivateOvs ovs;
        private final String table;
        private final Process process;
        private final Thread stdoutReader;
        private final Thread stderrReader;
        private final List<Map<String, Object>> updates = new ArrayList<>();
        private final Deque<String> stderr = new ArrayDeque<>();
        private final List<String> unreadable = new ArrayList<>();
        private boolean started;
        private String refused;
        private boolean closed;

        Monitor(PrivateOvs ovs, String table, List<String> argv) {
            this.ovs = ovs;
            this.table = table;
            try {
                this.process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                        "/dev/null"))).start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start " + String.join(" ", argv) + ": " + e.getMessage(),
                        e);
            }
            String name = "osvif-monitor-" + table + "-" + process.pid();
            stdoutReader = new Thread(this::readStdout, name + "-out");
            stderrReader = new Thread(this::readStderr, name + "-err");
            stdoutReader.setDaemon(true);
            stderrReader.setDaemon(true);
            stdoutReader.start();
            stderrReader.start();
        }

        private void readStdout() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    List<Map<String, Object>> parsed;
                    try {
                        parsed = OvsdbJson.monitorUpdates(line);
                    } catch (IllegalArgumentException e) {
                        synchronized (this) {
                            unreadable.add(line);
                            notifyAll();
                        }
                        continue;
                    }
                    synchronized (this) {
                        updates.addAll(parsed);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process was destroyed
            }
            synchronized (this) {
                notifyAll();
            }
        }

        private void readStderr() {
            String monitorRequest = null;
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    boolean jsonrpc = line.contains("|jsonrpc|DBG|");
                    if (!started && jsonrpc) {
                        Matcher sent = SENT_MONITOR.matcher(line);
                        Matcher received = RECEIVED.matcher(line);
                        if (sent.find()) {
                            monitorRequest = sent.group(1);
                        } else if (monitorRequest != null && received.find()
                                && received.group(2).equals(monitorRequest)) {
                            synchronized (this) {
                                if ("reply".equals(received.group(1))) {
                                    started = true;
                                } else {
                                    refused = line;
                                }
                                notifyAll();
                            }
                        }
                    }
                    if (!jsonrpc) {
                        synchronized (this) {
                            stderr.addLast(line);
                            if (stderr.size() > MAX_STDERR_LINES) {
                                stderr.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the process was destroyed
            }
            synchronized (this) {
                notifyAll();
            }
        }

        synchronized void awaitStarted(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!started) {
                if (refused != null) {
                    throw new IllegalStateException("ovsdb-server refused to monitor " + table + ": " + refused);
                }
                if (!process.isAlive() && !stderrReader.isAlive()) {
                    throw new IllegalStateException("ovsdb-client monitor " + table + " exited with code "
                            + process.exitValue() + ": " + String.join("\n", stderr));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("ovsdb-client monitor " + table + " did not start within "
                            + timeout + ": " + String.join("\n", stderr));
                }
                waitNanos(left);
            }
        }

        /** @return the table being monitored */
        public String table() {
            return table;
        }

        /** @return every row state seen so far, in order */
        public synchronized List<Map<String, Object>> updates() {
            return List.copyOf(updates);
        }

        /**
         * Waits until at least one update matches.
         *
         * @param predicate tests an update (see the class comment for its keys)
         * @param timeout how long to wait
         * @return all updates that match so far, in order; never empty
         * @throws AssertionError when none matched in time (the message lists what was seen)
         * @throws IllegalStateException when the monitor stopped before one matched
         */
        public synchronized List<Map<String, Object>> awaitRows(Predicate<? super Map<String, Object>> predicate,
                Duration timeout) {
            Objects.requireNonNull(predicate, "predicate");
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<Map<String, Object>> matching = updates.stream().filter(predicate::test).toList();
                if (!matching.isEmpty()) {
                    return matching;
                }
                if (closed || (!stdoutReader.isAlive() && !process.isAlive())) {
                    throw new IllegalStateException("The monitor of " + table + " stopped before an update matched"
                            + describe());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No update of " + table + " matched within " + timeout + describe());
                }
                waitNanos(left);
            }
        }

        /** @return lines of output that were not monitor JSON (none expected) */
        public synchronized List<String> unreadableLines() {
            return List.copyOf(unreadable);
        }

        private String describe() {
            StringBuilder text = new StringBuilder("; updates seen: ").append(updates);
            if (!unreadable.isEmpty()) {
                text.append("; unreadable output: ").append(unreadable);
            }
            if (!stderr.isEmpty()) {
                text.append("; stderr: ").append(String.join("\n", stderr));
            }
            return text.toString();
        }

        private void waitNanos(long nanos) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(100)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        /** @return whether ovsdb-client is still running */
        public boolean isAlive() {
            return process.isAlive();
        }

        /** Stops ovsdb-client (SIGTERM, SIGKILL after a second) and its reader threads; idempotent. */
        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                notifyAll();
            }
            try {
                process.destroy();
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
                stdoutReader.join(1000);
                stderrReader.join(1000);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                ovs.monitors.remove(this);
            }
        }

        @Override
        public String toString() {
            return "Monitor[" + table + " in " + ovs.namespace + "]";
        }
    }
}
