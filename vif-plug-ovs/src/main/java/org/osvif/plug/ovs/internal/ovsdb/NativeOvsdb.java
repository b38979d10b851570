package org.osvif.plug.ovs.internal.ovsdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.osvif.ovsdb.Condition;
import org.osvif.ovsdb.Mutation;
import org.osvif.ovsdb.Operation;
import org.osvif.ovsdb.OperationResult;
import org.osvif.ovsdb.OvsdbErrorException;
import org.osvif.ovsdb.Replica;
import org.osvif.ovsdb.Row;
import org.osvif.ovsdb.TransactResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Ovsdb} driver that speaks OVSDB itself, upstream's {@code native} interface
 * ({@code vif_plug_ovs/ovsdb/impl_idl.py} over ovsdbapp): one connection to ovsdb-server, opened on
 * first use and kept, a replica of the rows the plugin reads, and one {@code transact} per
 * transaction of commands.
 *
 * <p><b>A transaction.</b> The commands are translated against the replica
 * ({@link CommandTranslator}): new rows are inserted whole, existing rows are guarded by
 * {@code wait} operations, map columns are mutated. Unless {@code noWait}, the same transaction
 * increments {@code Open_vSwitch.next_cfg} and reads it back, and the call returns once
 * ovs-vswitchd reports {@code cur_cfg} at least that high, as ovs-vsctl does; an interface the
 * transaction created that then shows an {@code error} or {@code ofport=-1} is logged with its
 * error text. When the server refuses the transaction because another writer got there first (a
 * {@code wait} failed, or a unique name index was violated), the replica is brought up to date
 * and the commands are translated and sent once more; the second outcome stands. A transaction
 * that would change nothing is not sent.
 *
 * <p><b>Reads</b> first make sure the replica has every update the server sent before the read
 * (one echo round trip), then answer from it; what the replica does not hold is read with a
 * {@code select}.
 *
 * <p><b>Deadlines.</b> Each call is bounded by {@code ovs_vsctl_timeout}; 0, which means "forever"
 * to ovs-vsctl, is bounded here by {@link #UNBOUNDED_TIMEOUT}.
 *
 * <p>Thread-safe: every thread shares the connection; transactions are pipelined on it.
 */
public final class NativeOvsdb implements Ovsdb {
    /** The tables and columns kept in the replica: what the plugin and its checks read. */
    public static final Map<String, List<String>> REPLICATED = replicated();
    /** The deadline used when the configured timeout is 0. */
    public static final Duration UNBOUNDED_TIMEOUT = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(NativeOvsdb.class);
    private static final String OPEN_VSWITCH = "Open_vSwitch";

    private final Supplier<OvsdbSession> opener;
    private final Duration timeout;
    private final boolean noWait;
    private final Object lock = new Object();
    private volatile OvsdbSession session;
    private volatile boolean closed;

    /**
     * @param opener opens the connection, on first use (and again after a failed open)
     * @param timeout upstream's {@code ovs_vsctl_timeout}; zero means {@link #UNBOUNDED_TIMEOUT}
     * @param noWait return once the database has committed, without waiting for ovs-vswitchd (for a
     *        database no ovs-vswitchd serves)
     */
    NativeOvsdb(Supplier<OvsdbSession> opener, Duration timeout, boolean noWait) {
        this.opener = Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("ovs_vsctl_timeout must not be negative, not " + timeout);
        }
        this.timeout = bounded(timeout);
        this.noWait = noWait;
    }

    /**
     * A driver that connects with the OVSDB client on first use.
     *
     * @param options where and how to connect
     * @param timeout upstream's {@code ovs_vsctl_timeout}; zero means {@link #UNBOUNDED_TIMEOUT}
     * @param noWait do not wait for ovs-vswitchd to apply changes
     * @return the driver; nothing is connected yet
     */
    public static NativeOvsdb connectingTo(org.osvif.ovsdb.OvsdbClientOptions options, Duration timeout,
            boolean noWait) {
        Objects.requireNonNull(options, "options");
        return new NativeOvsdb(() -> ClientSession.open(options, bounded(timeout)), timeout, noWait);
    }

    /** ovs-vsctl's 0 ("forever") as a deadline: nothing here waits forever. */
    private static Duration bounded(Duration timeout) {
        return timeout.isZero() ? UNBOUNDED_TIMEOUT : timeout;
    }

    /** @return the deadline of each call */
    public Duration timeout() {
        return timeout;
    }

    /** @return whether changes are not waited for by ovs-vswitchd */
    public boolean noWait() {
        return noWait;
    }

    @Override
    public void transact(List<OvsdbCommand> commands) {
        Objects.requireNonNull(commands, "commands");
        if (commands.isEmpty()) {
            return;
        }
        OvsdbSession db = session();
        try {
            attempt(db, commands);
        } catch (OvsdbErrorException first) {
            if (!lostRace(first)) {
                throw first;
            }
            LOG.debug("OVSDB refused the transaction because another writer changed a row first ({}); "
                    + "reading again and retrying once", first.getMessage());
            db.replica().sync(timeout);
            try {
                attempt(db, commands);
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private void attempt(OvsdbSession db, List<OvsdbCommand> commands) {
        CommandTranslator.Plan plan = CommandTranslator.translate(commands, db.replica(), db.schema());
        if (!plan.writes()) {
            return;
        }
        List<Operation> ops = new ArrayList<>(plan.operations());
        int nextCfgIndex = -1;
        if (!noWait) {
            ops.add(Operation.mutate(OPEN_VSWITCH, List.of(), List.of(new Mutation("next_cfg", "+=", 1L))));
            ops.add(Operation.select(OPEN_VSWITCH, List.of(), List.of("next_cfg")));
            nextCfgIndex = ops.size() - 1;
        }
        TransactResult result = db.transact(ops, timeout);
        if (noWait) {
            // Later reads and translations must see this transaction's rows.
            db.replica().sync(timeout);
        } else {
            awaitVswitchd(db.replica(), nextCfg(result.get(nextCfgIndex)));
        }
        reportInterfaces(db.replica(), plan.newInterfaces());
    }

    /** A refusal that a fresh read may avoid: a guard ({@code wait}) failed or a unique index clashed. */
    private static boolean lostRace(OvsdbErrorException e) {
        if ("constraint violation".equals(e.error())) {
            return true;
        }
        return "timed out".equals(e.error()) && e.operation().map(op -> "wait".equals(op.op())).orElse(false);
    }

    private static long nextCfg(OperationResult select) {
        List<Map<String, Object>> rows = select.rows();
        if (rows.size() != 1 || !(rows.get(0).get("next_cfg") instanceof Long next)) {
            throw new IllegalStateException("OVSDB returned no Open_vSwitch.next_cfg: " + select.json());
        }
        return next;
    }

    private void awaitVswitchd(Replica replica, long next) {
        try {
            replica.await(r -> curCfg(r) >= next, timeout,
                    "ovs-vswitchd to apply configuration " + next + " (Open_vSwitch cur_cfg >= " + next
                            + "); the transaction committed. Is ovs-vswitchd running?")
                    .get(timeout.plusSeconds(1).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new org.osvif.ovsdb.OvsdbTimeoutException("ovs-vswitchd did not apply configuration " + next
                    + " within " + timeout.toSeconds() + " s; the transaction committed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ovs-vswitchd", e);
        }
    }

    private static long curCfg(Replica replica) {
        return replica.rows(OPEN_VSWITCH).values().stream()
                .mapToLong(row -> row.integer("cur_cfg").orElse(0L)).max().orElse(0L);
    }

    /** Logs each new interface that ovs-vswitchd could not set up, with its reason. */
    private void reportInterfaces(Replica replica, List<String> names) {
        if (noWait) {
            return;
        }
        for (String name : names) {
            for (Row row : replica.find("Interface", "name", name)) {
                Optional<String> error = row.string("error");
                long ofport = row.integer("ofport").orElse(0L);
                if (error.isPresent() || ofport == -1) {
                    LOG.warn("Open vSwitch could not set up interface {} (ofport {}): {}", name, ofport,
                            error.orElse("no error text"));
                }
            }
        }
    }

    @Override
    public Optional<OvsdbValue> get(String table, String record, String column) {
        Map<String, OvsdbValue> conditions = new LinkedHashMap<>();
        if (OPEN_VSWITCH.equals(table) && ".".equals(record)) {
            // the one row
        } else if (CommandTranslator.NAMED_TABLES.contains(table)) {
            conditions.put("name", OvsdbValue.of(record));
        } else {
            conditions.put("_uuid", OvsdbValue.uuid(record));
        }
        List<Map<String, OvsdbValue>> rows = find(table, conditions, List.of(column));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).get(column));
    }

    @Override
    public List<Map<String, OvsdbValue>> find(String table, Map<String, OvsdbValue> conditions,
            List<String> columns) {
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(columns, "columns");
        OvsdbSession db = session();
        db.replica().sync(timeout);
        Set<String> needed = new LinkedHashSet<>(columns);
        needed.addAll(conditions.keySet());
        needed.remove("_uuid");
        List<String> held = REPLICATED.get(table);
        if (held != null && held.containsAll(needed)) {
            return ReplicaQuery.find(db.replica(), table, conditions, columns);
        }
        return select(db, table, conditions, columns);
    }

    private List<Map<String, OvsdbValue>> select(OvsdbSession db, String table, Map<String, OvsdbValue> conditions,
            List<String> columns) {
        List<Condition> where = new ArrayList<>();
        conditions.forEach((column, value) -> where.add(new Condition(column,
                value instanceof OvsdbValue.StringMap ? "includes" : "==", NativeValues.toClient(value))));
        List<String> wanted = new ArrayList<>();
        if (!columns.isEmpty()) {
            wanted.add("_uuid");
            columns.stream().filter(c -> !"_uuid".equals(c)).forEach(wanted::add);
        }
        TransactResult result = db.transact(List.of(Operation.select(table, where, wanted.isEmpty() ? null : wanted)),
                timeout);
        List<Map<String, OvsdbValue>> rows = new ArrayList<>();
        for (Map<String, Object> row : result.get(0).rows()) {
            Map<String, OvsdbValue> converted = new LinkedHashMap<>();
            row.forEach((column, value) -> converted.put(column, NativeValues.fromClient(value)));
            rows.add(converted);
        }
        return rows;
    }

    @Override
    public boolean bridgeExists(String bridge) {
        return !find("Bridge", Map.of("name", OvsdbValue.of(bridge)), List.of()).isEmpty();
    }

    @Override
    public boolean portExists(String port) {
        return !find("Port", Map.of("name", OvsdbValue.of(port)), List.of()).isEmpty();
    }

    /** @return the open session, opening it on first use */
    private OvsdbSession session() {
        OvsdbSession current = session;
        if (current != null) {
            return current;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the OVSDB connection of this plugin is closed");
            }
            if (session == null) {
                session = opener.get();
            }
            return session;
        }
    }

    /** Closes the connection, if one was opened; idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (session != null) {
                session.close();
                session = null;
            }
        }
    }

    /**
     * Only what the driver reads: names and membership (to translate commands), {@code datapath_type}
     * (to skip a write that changes nothing), {@code ofport} and {@code error} (to report interfaces
     * ovs-vswitchd could not set up), {@code cur_cfg}/{@code next_cfg} (to wait for ovs-vswitchd) and
     * the QoS keys (stale QoS rows). Every monitored column is one more thing ovsdb-server computes and
     * sends on each change; other columns are read with a {@code select} when asked for.
     */
    private static Map<String, List<String>> replicated() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put(OPEN_VSWITCH, List.of("cur_cfg", "next_cfg"));
        tables.put("Bridge", List.of("name", "ports", "datapath_type"));
        tables.put("Port", List.of("name", "interfaces"));
        tables.put("Interface", List.of("name", "ofport", "error"));
        tables.put("QoS", List.of("type", "external_ids"));
        return java.util.Collections.unmodifiableMap(tables);
    }

    @Override
    public String toString() {
        return "NativeOvsdb[timeout=" + timeout.toSeconds() + "s" + (noWait ? ", no-wait" : "")
                + (session == null ? ", not connected" : "") + "]";
    }
}
