package org.osvif.plug.ovs.internal.ovsdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.ovsdb.OvsdbEndpoint;

/**
 * The {@link Ovsdb} driver that runs {@code ovs-vsctl}, upstream's
 * {@code vif_plug_ovs/ovsdb/impl_vsctl.py}.
 *
 * <p><b>One process per transaction.</b> The commands of a transaction become one
 * ovs-vsctl invocation, each after a {@code --}, which ovs-vsctl commits as one OVSDB
 * transaction: all or nothing.
 * <pre>
 * ovs-vsctl --timeout=120 --oneline --format=json --db=tcp:127.0.0.1:6640 \
 *     -- --may-exist add-br br-int -- set Bridge br-int datapath_type=netdev \
 *     -- --may-exist add-port br-int tap0 \
 *     -- set Port tap0 tag=4095 vlan_mode=trunk trunks=[4095] \
 *     -- set Interface tap0 external_ids:iface-id=... external_ids:attached-mac="fa:16:3e:11:22:33" ...
 * </pre>
 * (shown joined for reading; every argument is one argv element and no shell is involved).
 * The leading options are upstream's, in upstream's order: {@code --timeout=T --oneline
 * --format=json --db=CONNECTION}, then {@code --no-wait} when asked for. How commands and
 * values are written is described in {@link VsctlSyntax}.
 *
 * <p><b>Reads</b> run one process each, with the same leading options:
 * <ul>
 * <li>{@link #get}: {@code -- --if-exists --columns=COLUMN list TABLE RECORD} (upstream's
 *     {@code db_get} uses {@code list} too, because {@code get} cannot print JSON;
 *     {@code --if-exists} makes a missing record an empty result instead of an error);</li>
 * <li>{@link #find}: {@code -- --columns=_uuid,COLUMN... find TABLE CONDITION...};</li>
 * <li>{@link #bridgeExists}: {@code -- br-exists BRIDGE}, exit code 0 (yes) or 2 (no);</li>
 * <li>{@link #portExists}: {@code -- --columns=_uuid find Port name=PORT}.</li>
 * </ul>
 * The JSON they print is decoded by {@link OvsdbJsonDecoder}.
 *
 * <p><b>Differences from upstream</b>, each deliberate:
 * <ul>
 * <li>Strings are quoted whenever ovs-vsctl would misread them bare (upstream passes
 *     {@code str(value)} unquoted, which breaks on values with a comma, a space, an
 *     {@code =} or a leading quote); see {@link VsctlSyntax}.</li>
 * <li>A timeout of 0 omits {@code --timeout} (upstream passes {@code --timeout=0}; both
 *     mean "wait forever" to ovs-vsctl), and the process then has no practical time limit.</li>
 * <li>Output is decoded as the JSON it is. Upstream first replaces every {@code \\} by
 *     {@code \}, which undoes JSON escapes in values holding a backslash; ovs-vsctl 3.1 does
 *     not double backslashes in JSON output, even with {@code --oneline}.</li>
 * <li>A failed ovs-vsctl always throws. Upstream's transactions default to
 *     {@code check_error=False}, which logs and returns None.</li>
 * </ul>
 *
 * <p><b>Errors.</b> A failed run throws {@link org.osvif.exec.CommandFailedException} from the
 * runner, carrying the full argv, the exit code and ovs-vsctl's stderr (e.g. {@code ovs-vsctl:
 * no bridge named br-missing}). The process is given the ovs-vsctl timeout plus
 * {@link #PROCESS_TIMEOUT_MARGIN}, so ovs-vsctl's own timeout normally fires first (it then dies
 * of SIGALRM, exit code 142, stderr "terminating with signal 14 (Alarm clock)"). Beware that
 * ovs-vsctl times out <em>after</em> committing when it is waiting for ovs-vswitchd to apply a
 * change ({@code --no-wait} not given and no ovs-vswitchd running): the change is then in the
 * database although the run failed. Unparsable output of a read throws
 * {@link IllegalStateException} naming the command.
 *
 * <p>Immutable and thread-safe: it holds configuration only.
 */
public final class VsctlOvsdb implements Ovsdb {
    /** The program run. */
    public static final String PROGRAM = "ovs-vsctl";
    /** Added to the ovs-vsctl timeout to get the process timeout. */
    public static final Duration PROCESS_TIMEOUT_MARGIN = Duration.ofSeconds(5);
    /**
     * The process timeout when the ovs-vsctl timeout is 0 (wait forever): a {@link Command}
     * cannot say "none" (null means the runner's default), so ten years.
     */
    static final Duration NO_PROCESS_TIMEOUT = Duration.ofDays(3650);

    private final CommandRunner runner;
    private final OvsdbEndpoint connection;
    private final Duration timeout;
    private final boolean noWait;
    private final List<String> options;
    private final Duration processTimeout;

    /**
     * A driver that waits for ovs-vswitchd to apply each change, as upstream does.
     *
     * @param runner runs ovs-vsctl (as a privileged command)
     * @param connection upstream's {@code ovsdb_connection}: {@code unix:PATH}, {@code tcp:IP:PORT} or
     *        {@code ssl:IP:PORT} (see {@link OvsdbEndpoint}); null or empty for ovs-vsctl's default
     *        database, as upstream does when the option is empty
     * @param timeout upstream's {@code ovs_vsctl_timeout}: how long ovs-vsctl waits for the database
     *        (and for ovs-vswitchd), rounded up to whole seconds; zero waits forever
     * @throws IllegalArgumentException when the connection has another form or the timeout is negative
     */
    public VsctlOvsdb(CommandRunner runner, String connection, Duration timeout) {
        this(runner, connection, timeout, false);
    }

    /**
     * @param runner runs ovs-vsctl (as a privileged command)
     * @param connection as for {@link #VsctlOvsdb(CommandRunner, String, Duration)}
     * @param timeout as for {@link #VsctlOvsdb(CommandRunner, String, Duration)}
     * @param noWait pass {@code --no-wait}: return once the database has committed, without waiting
     *        for ovs-vswitchd to apply the change. Upstream never does; this is for a database that
     *        no ovs-vswitchd serves (tests, staging), where ovs-vsctl would otherwise wait out its timeout
     * @throws IllegalArgumentException when the connection has another form or the timeout is negative
     */
    public VsctlOvsdb(CommandRunner runner, String connection, Duration timeout, boolean noWait) {
        this(runner, connection, timeout, noWait, List.of());
    }

    /**
     * @param runner runs ovs-vsctl (as a privileged command)
     * @param connection as for {@link #VsctlOvsdb(CommandRunner, String, Duration)}
     * @param timeout as for {@link #VsctlOvsdb(CommandRunner, String, Duration)}
     * @param noWait as for {@link #VsctlOvsdb(CommandRunner, String, Duration, boolean)}
     * @param tls for an {@code ssl:} connection, the private key, certificate and CA certificate files,
     *        passed as {@code --private-key}, {@code --certificate} and {@code --ca-cert}; else empty
     * @throws IllegalArgumentException when the connection has another form, the timeout is negative, or
     *         tls is neither empty nor three files
     */
    public VsctlOvsdb(CommandRunner runner, String connection, Duration timeout, boolean noWait, List<String> tls) {
        if (!tls.isEmpty() && tls.size() != 3) {
            throw new IllegalArgumentException("tls takes the key, certificate and CA certificate files, not " + tls);
        }
        this.runner = Objects.requireNonNull(runner, "runner");
        this.connection = connection == null || connection.isEmpty() ? null : OvsdbEndpoint.parse(connection, "ovsdb_connection");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("ovs_vsctl_timeout must not be negative, not " + timeout);
        }
        this.timeout = timeout;
        this.noWait = noWait;
        long seconds = wholeSeconds(timeout);
        List<String> opts = new ArrayList<>(5);
        if (seconds > 0) {
            opts.add("--timeout=" + seconds);
        }
        opts.add("--oneline");
        opts.add("--format=json");
        if (this.connection != null) {
            opts.add("--db=" + this.connection.text());
        }
        if (noWait) {
            opts.add("--no-wait");
        }
        if (!tls.isEmpty()) {
            opts.add("--private-key=" + tls.get(0));
            opts.add("--certificate=" + tls.get(1));
            opts.add("--ca-cert=" + tls.get(2));
        }
        this.options = List.copyOf(opts);
        this.processTimeout = seconds > 0 ? Duration.ofSeconds(seconds).plus(PROCESS_TIMEOUT_MARGIN) : NO_PROCESS_TIMEOUT;
    }

    /** Seconds, rounded up: ovs-vsctl takes whole seconds and 0 would mean forever. */
    private static long wholeSeconds(Duration timeout) {
        long seconds = timeout.getSeconds();
        return timeout.getNano() > 0 ? seconds + 1 : seconds;
    }

    /** @return the connection, empty when ovs-vsctl uses its default database */
    public Optional<OvsdbEndpoint> connection() {
        return Optional.ofNullable(connection);
    }

    /** @return the ovs-vsctl timeout as configured; zero means forever */
    public Duration timeout() {
        return timeout;
    }

    /** @return whether {@code --no-wait} is passed */
    public boolean noWait() {
        return noWait;
    }

    /** @return the options every invocation starts with, after the program name */
    public List<String> options() {
        return options;
    }

    /** @return how long each ovs-vsctl process may run before the runner kills it */
    public Duration processTimeout() {
        return processTimeout;
    }

    @Override
    public void transact(List<OvsdbCommand> commands) {
        Objects.requireNonNull(commands, "commands");
        List<String> argv = new ArrayList<>();
        argv.add(PROGRAM);
        argv.addAll(options);
        int start = argv.size();
        for (OvsdbCommand command : commands) {
            List<String> args = VsctlSyntax.command(Objects.requireNonNull(command, "command"));
            if (!args.isEmpty()) {
                argv.add("--");
                argv.addAll(args);
            }
        }
        if (argv.size() == start) {
            return;
        }
        run(argv);
    }

    @Override
    public Optional<OvsdbValue> get(String table, String record, String column) {
        List<String> argv = argv("--if-exists", "--columns=" + VsctlSyntax.column(column), "list",
                VsctlSyntax.table(table), VsctlSyntax.name("record", record));
        List<Map<String, OvsdbValue>> rows = rows(argv);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        OvsdbValue value = rows.get(0).get(column);
        if (value == null) {
            throw new IllegalStateException("The output of " + String.join(" ", argv) + " has no column " + column);
        }
        return Optional.of(value);
    }

    @Override
    public List<Map<String, OvsdbValue>> find(String table, Map<String, OvsdbValue> conditions, List<String> columns) {
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(columns, "columns");
        List<String> args = new ArrayList<>();
        if (!columns.isEmpty()) {
            Set<String> wanted = new LinkedHashSet<>();
            wanted.add("_uuid");
            for (String column : columns) {
                wanted.add(VsctlSyntax.column(column));
            }
            args.add("--columns=" + String.join(",", wanted));
        }
        args.add("find");
        args.add(VsctlSyntax.table(table));
        args.addAll(VsctlSyntax.assignments(conditions, true));
        return rows(argv(args.toArray(String[]::new)));
    }

    @Override
    public boolean bridgeExists(String bridge) {
        List<String> argv = argv("br-exists", VsctlSyntax.name("bridge", bridge));
        return run(argv, 0, 2).exitCode() == 0;
    }

    @Override
    public boolean portExists(String port) {
        VsctlSyntax.name("port", port);
        return !find("Port", Map.of("name", OvsdbValue.of(port)), List.of("_uuid")).isEmpty();
    }

    /** The argv of a one-command invocation. */
    private List<String> argv(String... command) {
        List<String> argv = new ArrayList<>(options.size() + command.length + 2);
        argv.add(PROGRAM);
        argv.addAll(options);
        argv.add("--");
        argv.addAll(List.of(command));
        return argv;
    }

    private List<Map<String, OvsdbValue>> rows(List<String> argv) {
        CommandResult result = run(argv);
        try {
            return OvsdbJsonDecoder.table(result.stdout());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Could not parse the output of " + String.join(" ", argv) + ": "
                    + e.getMessage(), e);
        }
    }

    private CommandResult run(List<String> argv, int... exitCodes) {
        Command command = Command.of(argv).withTimeout(processTimeout);
        if (exitCodes.length > 0) {
            command = command.withExitCodes(exitCodes);
        }
        return runner.run(command);
    }

    @Override
    public String toString() {
        return "VsctlOvsdb[connection=" + (connection == null ? "(ovs-vsctl default)" : connection.text())
                + ", timeout=" + wholeSeconds(timeout) + "s" + (noWait ? ", no-wait" : "") + "]";
    }
}
