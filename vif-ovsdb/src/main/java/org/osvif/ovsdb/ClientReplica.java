package org.osvif.ovsdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Replica} fed by one monitor: monitor_cond_since with the last transaction id (changes only, when
 * the server keeps history), else monitor_cond, else monitor. Updates are applied on the reader thread, in
 * order; listeners and awaits run on the client's events thread.
 */
final class ClientReplica implements Replica {
    private static final Logger LOG = LoggerFactory.getLogger(ClientReplica.class);
    /** What monitor_cond_since takes when we have no transaction id: "any id the server does not know". */
    static final String NO_TXN = "00000000-0000-0000-0000-000000000000";
    private static final List<String> METHODS = List.of("monitor_cond_since", "monitor_cond", "monitor");

    private record Waiter(Predicate<Replica> condition, CompletableFuture<Void> future) {
    }

    private final RpcChannel channel;
    private final String db;
    private final String monitorId;
    private final Map<String, List<String>> tableColumns;
    private final ReplicaState state;
    private final List<Consumer<ReplicaChange>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final AtomicLong fullLoads = new AtomicLong();
    private final AtomicLong updatesApplied = new AtomicLong();
    private final AtomicLong resumes = new AtomicLong();
    private volatile String lastTxnId = NO_TXN;
    private volatile int method;

    ClientReplica(RpcChannel channel, DatabaseSchema schema, String monitorId, Map<String, List<String>> tableColumns) {
        this.channel = channel;
        this.db = schema.name();
        this.monitorId = monitorId;
        this.tableColumns = tableColumns;
        this.state = new ReplicaState(schema, tableColumns);
    }

    String monitorId() {
        return monitorId;
    }

    /**
     * (Re)starts the monitor; completes once the contents (or the changes since lastTxnId) are applied.
     * Fails with {@link OvsdbConnectionException} when the connection it was sent on is lost first.
     */
    CompletableFuture<Void> subscribe(Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        subscribe(method, timeout, done);
        return done;
    }

    /*
     * Holds the replica's lock while it reads lastTxnId and sends, and update() holds it while it checks the
     * session and applies: so an update3 that the reader of a lost connection is still applying either comes
     * first (and its id is the one sent) or is dropped (and the resumed monitor sends its changes). Without
     * this a late update3 could be applied on top of a resume that already contains it: a set or map diff
     * applied twice.
     */
    private synchronized void subscribe(int m, Duration timeout, CompletableFuture<Void> done) {
        String name = METHODS.get(m);
        ArrayNode params = channel.mapper().createArrayNode().add(db).add(monitorId);
        ObjectNode requests = params.addObject();
        tableColumns.forEach((table, columns) -> {
            ObjectNode request = channel.mapper().createObjectNode();
            ArrayNode cols = request.putArray("columns");
            columns.forEach(cols::add);
            if (name.equals("monitor")) {
                requests.set(table, request);
            } else {
                requests.putArray(table).add(request);
            }
        });
        String since = lastTxnId;
        if (name.equals("monitor_cond_since")) {
            params.add(since);
        }
        long sentOn = channel.session();
        LOG.debug("OVSDB {}: {} {} since {} on connection #{}", channel.endpoint(), name, db, since, sentOn);
        channel.call(name, params, timeout, f -> f.whenComplete((result, e) -> {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            if (cause instanceof OvsdbErrorException err && err.error().contains("unknown method")
                    && m + 1 < METHODS.size()) {
                LOG.info("OVSDB server {} does not know {}; falling back to {}", channel.endpoint(), name,
                        METHODS.get(m + 1));
                method = m + 1;
                subscribe(m + 1, timeout, done);
                return;
            }
            if (cause != null) {
                done.completeExceptionally(cause);
                return;
            }
            try {
                if (applyInitial(name, since, sentOn, result)) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(new OvsdbConnectionException(name + " to " + channel.endpoint()
                            + ": the connection was lost before the reply was applied"));
                }
            } catch (RuntimeException x) {
                done.completeExceptionally(x);
            }
        }));
    }

    /** @return false when the reply came on a connection that is lost by now (it is then ignored) */
    private synchronized boolean applyInitial(String name, String since, long sentOn, JsonNode result) {
        if (sentOn != channel.session()) {
            LOG.debug("OVSDB {}: ignoring the {} reply of a lost connection", channel.endpoint(), name);
            return false;
        }
        List<ReplicaChange> changes;
        switch (name) {
            case "monitor_cond_since":
                if (!result.isArray() || result.size() != 3) {
                    throw new OvsdbProtocolException("monitor_cond_since reply is not [found, txn, updates]: "
                            + result);
                }
                boolean found = result.get(0).asBoolean();
                if (found) {
                    changes = state.applyUpdate2(result.get(2));
                    resumes.incrementAndGet();
                    LOG.info("OVSDB {}: replica of {} resumed from transaction {} ({} changed rows)",
                            channel.endpoint(), db, since, changes.size());
                } else {
                    changes = state.reload(result.get(2), true);
                    if (fullLoads.incrementAndGet() > 1) {
                        // A standalone server keeps no history; a clustered one keeps only a bounded amount.
                        LOG.info("OVSDB {}: the server no longer has transaction {} of {}; reloaded in full "
                                + "({} changed rows)", channel.endpoint(), since, db, changes.size());
                    }
                }
                lastTxnId = result.get(1).asText(NO_TXN);
                break;
            case "monitor_cond":
                changes = state.reload(result, true);
                fullLoads.incrementAndGet();
                break;
            default:
                changes = state.reload(result, false);
                fullLoads.incrementAndGet();
        }
        publish(changes);
        return true;
    }

    /**
     * An update, update2 or update3 notification for this monitor (params as sent, the monitor id first),
     * from the connection numbered {@code session}; ignored when that connection is lost by now.
     */
    synchronized void update(long session, String method, JsonNode params) {
        if (session != channel.session()) {
            LOG.debug("OVSDB {}: ignoring {} of a lost connection", channel.endpoint(), method);
            return;
        }
        List<ReplicaChange> changes;
        switch (method) {
            case "update3":
                changes = state.applyUpdate2(params.get(2));
                lastTxnId = params.get(1).asText(lastTxnId);
                break;
            case "update2":
                changes = state.applyUpdate2(params.get(1));
                break;
            default:
                changes = state.applyUpdate(params.get(1));
        }
        updatesApplied.incrementAndGet();
        publish(changes);
    }

    private void publish(List<ReplicaChange> changes) {
        // The listeners registered when the batch was applied: one added later sees only later batches.
        List<Consumer<ReplicaChange>> current = List.copyOf(listeners);
        try {
            channel.events().execute(() -> {
                for (ReplicaChange c : changes) {
                    for (Consumer<ReplicaChange> l : current) {
                        try {
                            l.accept(c);
                        } catch (RuntimeException e) {
                            LOG.error("OVSDB {}: a replica listener failed", channel.endpoint(), e);
                        }
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // The client is closed.
        }
        // Awaits are decided here, on the reader thread, as soon as the batch is applied: a hop to the
        // events thread would cost every waiting caller one more thread wake-up.
        checkWaiters();
    }

    private void checkWaiters() {
        for (Waiter w : waiters) {
            // Checked from several threads (the reader, an await's caller): only the one that removes
            // the waiter completes it.
            try {
                if (w.condition.test(this) && waiters.remove(w)) {
                    w.future.complete(null);
                }
            } catch (RuntimeException e) {
                if (waiters.remove(w)) {
                    w.future.completeExceptionally(e);
                }
            }
        }
    }

    /** Fails every await; the client is closing. */
    void close() {
        for (Waiter w : waiters) {
            waiters.remove(w);
            w.future.completeExceptionally(new OvsdbConnectionException("replica of " + db + " on "
                    + channel.endpoint() + ": the client is closed"));
        }
    }

    String lastTxnId() {
        return lastTxnId;
    }

    /** @return how many times monitor_cond_since found the last transaction id and sent only the changes */
    long resumes() {
        return resumes.get();
    }

    @Override
    public String database() {
        return db;
    }

    @Override
    public Map<Uuid, Row> rows(String table) {
        Map<Uuid, Row> rows = state.tables().get(table);
        if (rows == null) {
            throw new IllegalArgumentException("table " + table + " is not replicated; the replica of " + db
                    + " has " + String.join(", ", tableColumns.keySet()));
        }
        return rows;
    }

    @Override
    public Optional<Row> row(String table, Uuid uuid) {
        return Optional.ofNullable(rows(table).get(uuid));
    }

    @Override
    public List<Row> find(String table, String column, Object value) {
        Object wanted = OvsdbValues.value(value);
        List<Row> found = new ArrayList<>();
        for (Row r : rows(table).values()) {
            Object v = r.get(column);
            if (wanted.equals(v) || (v instanceof OvsdbSet s && s.members().size() == 1
                    && s.members().get(0).equals(wanted))) {
                found.add(r);
            }
        }
        return found;
    }

    @Override
    public CompletableFuture<Void> await(Predicate<Replica> condition, Duration timeout, String describe) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        Waiter w = new Waiter(condition, future);
        waiters.add(w);
        try {
            // Checked at once on this thread; the reader checks again after each batch.
            checkWaiters();
            var deadline = channel.schedule(() -> {
                if (waiters.remove(w)) {
                    future.completeExceptionally(new OvsdbTimeoutException("replica of " + db + " on "
                            + channel.endpoint() + ": " + describe + " did not happen within " + timeout));
                }
            }, timeout);
            future.whenComplete((r, e) -> deadline.cancel(false));
        } catch (RejectedExecutionException e) {
            waiters.remove(w);
            future.completeExceptionally(new OvsdbConnectionException("replica of " + db + " on "
                    + channel.endpoint() + ": the client is closed"));
        }
        return future;
    }

    @Override
    public void sync(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        OvsdbClient.await(channel.call("echo", channel.mapper().createArrayNode().add("sync"), timeout).future(),
                "echo", timeout);
        if (Thread.currentThread().getName().startsWith("ovsdb-events")) {
            return;
        }
        try {
            // Listeners of the batches applied before the echo's reply have run once this runs.
            channel.events().submit(() -> { }).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new OvsdbTimeoutException("sync of the replica of " + db + " on " + channel.endpoint()
                    + " did not finish within " + timeout);
        } catch (ExecutionException | RejectedExecutionException e) {
            throw new OvsdbConnectionException("sync of the replica of " + db + " on " + channel.endpoint()
                    + ": the client is closed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OvsdbException("interrupted", e);
        }
    }

    @Override
    public AutoCloseable listen(Consumer<ReplicaChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public long fullLoads() {
        return fullLoads.get();
    }

    @Override
    public long updatesApplied() {
        return updatesApplied.get();
    }
}
