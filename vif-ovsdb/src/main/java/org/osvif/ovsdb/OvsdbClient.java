package org.osvif.ovsdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OVSDB client: one connection serving every thread, requests pipelined by id, a deadline on every call,
 * reconnection by itself after a loss. Calls made while it is reconnecting fail at once with
 * {@link OvsdbConnectionException}; calls in flight when the connection is lost fail at once too (a
 * transaction then may or may not have committed; it is never sent again).
 *
 * <pre>{@code
 * try (OvsdbClient client = OvsdbClient.connect(OvsdbClientOptions.builder(
 *         OvsdbEndpoint.parse("unix:/run/openvswitch/db.sock")).build())) {
 *     TransactResult r = client.transact("Open_vSwitch", List.of(
 *             Operation.insert("Bridge", Map.of("name", "br1"), "br")), Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * Futures returned by the async methods complete on the client's events thread; callbacks there must not
 * wait for another of the client's futures.
 */
public final class OvsdbClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OvsdbClient.class);
    /** Extra time a blocking call waits beyond the deadline, which the channel enforces itself. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final OvsdbClientOptions options;
    private final RpcChannel channel;
    private final Map<String, DatabaseSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, ClientReplica> replicas = new ConcurrentHashMap<>();
    private final Map<String, ClientReplica> replicasByMonitor = new ConcurrentHashMap<>();
    private final AtomicLong monitors = new AtomicLong();

    private OvsdbClient(OvsdbClientOptions options) {
        this.options = options;
        this.channel = new RpcChannel(options);
    }

    /**
     * Connects now (within the connect timeout) and reads nothing else. Reconnects by itself after a loss.
     *
     * @param options where and how
     * @return the connected client
     * @throws OvsdbConnectionException when the server cannot be reached
     * @throws IllegalArgumentException when the ssl files cannot be read
     */
    public static OvsdbClient connect(OvsdbClientOptions options) {
        OvsdbClient client = new OvsdbClient(Objects.requireNonNull(options, "options"));
        client.channel.start(new RpcChannel.Handler() {
            @Override
            public void connected() {
                client.reconnected();
            }

            @Override
            public void notification(long session, String method, JsonNode params) {
                client.notification(session, method, params);
            }
        });
        return client;
    }

    /** @return where the client connects */
    public OvsdbEndpoint endpoint() {
        return channel.endpoint();
    }

    /** @return whether a connection is up right now */
    public boolean isConnected() {
        return channel.isConnected();
    }

    /**
     * @param timeout the deadline
     * @return the databases the server has ({@code list_dbs})
     */
    public List<String> listDbs(Duration timeout) {
        JsonNode result = call("list_dbs", channel.mapper().createArrayNode(), timeout);
        List<String> dbs = new ArrayList<>();
        result.forEach(n -> dbs.add(n.asText()));
        return List.copyOf(dbs);
    }

    /**
     * @param db a database
     * @param timeout the deadline
     * @return its schema ({@code get_schema}), cached for the life of the connection
     */
    public DatabaseSchema schema(String db, Duration timeout) {
        DatabaseSchema cached = schemas.get(db);
        if (cached != null) {
            return cached;
        }
        DatabaseSchema schema = DatabaseSchema.parse(call("get_schema", channel.mapper().createArrayNode().add(db),
                timeout));
        schemas.put(db, schema);
        return schema;
    }

    /**
     * Checks every operation against the schema, then runs them in one transaction.
     *
     * @param db the database
     * @param ops the operations
     * @param timeout the deadline (the schema's round trip, the first time, included)
     * @return the results, one per operation
     * @throws OvsdbSchemaException before sending, for an unknown table or column or a wrong value type
     * @throws OvsdbErrorException when the reply holds an error object (naming the failed operation)
     */
    public TransactResult transact(String db, List<Operation> ops, Duration timeout) {
        // The reply is parsed on this thread, not the events thread: one thread wake-up less per call.
        List<Operation> list = List.copyOf(ops);
        RpcChannel.Call call = sendTransact(db, list, timeout);
        JsonNode reply = await(call.future(), "transact", timeout);
        return TransactReplies.parse("transact on " + db + " at " + endpoint(), list, reply);
    }

    /** Checks the operations against the schema and sends them; the deadline includes the schema's fetch. */
    private RpcChannel.Call sendTransact(String db, List<Operation> list, Duration timeout) {
        long start = System.nanoTime();
        new SchemaChecker(schema(db, timeout)).check(list);
        Duration left = timeout.minusNanos(System.nanoTime() - start);
        if (left.isNegative() || left.isZero()) {
            left = Duration.ofMillis(1);
        }
        ArrayNode params = channel.mapper().createArrayNode().add(db);
        list.forEach(op -> params.add(op.toJson()));
        return channel.call("transact", params, left);
    }

    /**
     * As {@link #transact}, without waiting. The schema is checked (and fetched, the first time on a
     * connection) before this returns. Cancelling the future sends the OVSDB {@code cancel} notification.
     *
     * @param db the database
     * @param ops the operations
     * @param timeout the deadline
     * @return the results
     * @throws OvsdbSchemaException before sending, for an unknown table or column or a wrong value type
     */
    public CompletableFuture<TransactResult> transactAsync(String db, List<Operation> ops, Duration timeout) {
        List<Operation> list = List.copyOf(ops);
        String where = "transact on " + db + " at " + endpoint();
        RpcChannel.Call call = sendTransact(db, list, timeout);
        CompletableFuture<TransactResult> result = new CompletableFuture<>();
        call.future().whenCompleteAsync((reply, e) -> {
            if (e != null) {
                result.completeExceptionally(e instanceof CompletionException ? e.getCause() : e);
                return;
            }
            try {
                result.complete(TransactReplies.parse(where, list, reply));
            } catch (RuntimeException x) {
                result.completeExceptionally(x);
            }
        }, channel.events());
        result.whenComplete((r, e) -> {
            if (e instanceof CancellationException) {
                LOG.debug("OVSDB {}: cancelling transact {}", endpoint(), call.id());
                channel.cancel(call.id());
            }
        });
        return result;
    }

    /**
     * @param timeout the deadline
     * @return the server's reply to an {@code echo}
     */
    public JsonNode echo(Duration timeout) {
        return call("echo", channel.mapper().createArrayNode().add("echo"), timeout);
    }

    /**
     * A raw JSON-RPC call, for what has no typed wrapper.
     *
     * @param method the method
     * @param params its params
     * @param timeout the deadline
     * @return the result
     */
    public JsonNode call(String method, ArrayNode params, Duration timeout) {
        return await(channel.call(method, params, timeout).future(), method, timeout);
    }

    /**
     * Starts (or returns the existing) replica of these tables and columns of db: monitor_cond_since, falling
     * back to monitor_cond, then monitor. Returns once the initial contents are in. Survives reconnects: after
     * one, monitor_cond_since with the last transaction id, so the server sends only the changes when it can
     * (it can for a clustered database; a standalone one sends everything again, which the replica applies
     * as a diff).
     *
     * @param db the database
     * @param tableColumns the columns to replicate, per table ({@code _uuid} is always there)
     * @param timeout the deadline
     * @return the replica
     * @throws OvsdbSchemaException for a table or column the database lacks
     */
    public Replica replicate(String db, Map<String, List<String>> tableColumns, Duration timeout) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        tableColumns.forEach((t, c) -> columns.put(t, c.stream().filter(x -> !x.equals("_uuid")).toList()));
        String key = db + columns;
        ClientReplica existing = replicas.get(key);
        if (existing != null) {
            return existing;
        }
        long start = System.nanoTime();
        DatabaseSchema schema = schema(db, timeout);
        List<Operation> probe = new ArrayList<>();
        columns.forEach((t, c) -> probe.add(Operation.select(t, List.of(), c)));
        new SchemaChecker(schema).check(probe);
        synchronized (replicas) {
            existing = replicas.get(key);
            if (existing != null) {
                return existing;
            }
            ClientReplica replica = new ClientReplica(channel, schema, "replica-" + monitors.incrementAndGet(),
                    Map.copyOf(columns));
            replicasByMonitor.put(replica.monitorId(), replica);
            Duration left = timeout.minusNanos(System.nanoTime() - start);
            try {
                await(replica.subscribe(left.isNegative() ? Duration.ofMillis(1) : left), "monitor", timeout);
            } catch (RuntimeException e) {
                replicasByMonitor.remove(replica.monitorId());
                throw e;
            }
            replicas.put(key, replica);
            return replica;
        }
    }

    private void notification(long session, String method, JsonNode params) {
        if (!method.startsWith("update") || params == null || !params.isArray() || params.size() < 2) {
            LOG.debug("OVSDB {}: ignoring notification {}", endpoint(), method);
            return;
        }
        ClientReplica replica = replicasByMonitor.get(params.get(0).asText());
        if (replica == null) {
            LOG.debug("OVSDB {}: {} for unknown monitor {}", endpoint(), method, params.get(0));
            return;
        }
        replica.update(session, method, params);
    }

    /** A new connection: the schema may have changed; every replica resumes from its last transaction. */
    private void reconnected() {
        schemas.clear();
        for (ClientReplica replica : replicasByMonitor.values()) {
            replica.subscribe(options.requestTimeout()).whenComplete((r, e) -> {
                Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                if (cause instanceof OvsdbConnectionException) {
                    // This connection is gone already; the next one re-establishes the replica again.
                    LOG.debug("OVSDB {}: re-establishing the replica of {} was cut short: {}", endpoint(),
                            replica.database(), cause.getMessage());
                } else if (e != null) {
                    LOG.warn("OVSDB {}: re-establishing the replica of {} failed; reconnecting", endpoint(),
                            replica.database(), e);
                    channel.drop("re-establishing a replica failed");
                }
            });
        }
    }

    /** Waits for a future of the client (which enforces the deadline itself), unwrapping its failure. */
    static <T> T await(CompletableFuture<T> future, String method, Duration timeout) {
        try {
            return future.get(timeout.toNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OvsdbException o) {
                throw o;
            }
            throw new OvsdbException(method + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new OvsdbTimeoutException(method + " got no reply within its deadline of " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new OvsdbException(method + " interrupted", e);
        }
    }

    /** Closes the socket, fails pending calls with OvsdbConnectionException, stops every thread. Idempotent. */
    @Override
    public void close() {
        channel.close();
        replicasByMonitor.values().forEach(ClientReplica::close);
    }
}
