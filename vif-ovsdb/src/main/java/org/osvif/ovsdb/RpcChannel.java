package org.osvif.ovsdb;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osvif.ovsdb.internal.Link;
import org.osvif.ovsdb.internal.TlsContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over one connection at a time: pipelined calls matched to replies by id, a deadline on each, the
 * server's echo answered, an inactivity probe, and reconnection with exponential backoff. A loss fails every
 * call in flight at once; calls made while disconnected fail at once too (never queued and replayed, so a
 * transaction is never sent twice).
 */
final class RpcChannel {
    private static final Logger LOG = LoggerFactory.getLogger(RpcChannel.class);

    /** What the client hears from the channel. */
    interface Handler {
        /** A connection was (re)established; called on the reconnect thread. */
        void connected();

        /**
         * A notification (update, update2, update3, ...), on the reader thread of the session it came on;
         * must not block.
         */
        void notification(long session, String method, JsonNode params);
    }

    /** A call in flight. */
    record Call(long id, CompletableFuture<JsonNode> future) {
    }

    private record Pending(long id, String method, CompletableFuture<JsonNode> future, Session session) {
    }

    private final OvsdbClientOptions options;
    private final OvsdbEndpoint endpoint;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SSLContext tls;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    /** Messages waiting to be written, in order; whoever holds {@link #writing} writes them. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Outgoing> outbox =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.locks.ReentrantLock writing = new java.util.concurrent.locks.ReentrantLock();
    private final ScheduledExecutorService reconnector;
    private final ExecutorService events;
    private final Object lock = new Object();
    private volatile Handler handler;
    private volatile Session current;
    private volatile boolean closed;
    private volatile long lastReceived;
    private volatile boolean probing;
    private long sessions;
    private int failedAttempts;
    /** The delay before the attempt that opened the current connection; what the next delay doubles. */
    private volatile Duration backoff;

    RpcChannel(OvsdbClientOptions options) {
        this.options = options;
        this.endpoint = options.endpoint();
        this.backoff = options.reconnectMinBackoff();
        this.tls = endpoint.kind() == OvsdbEndpoint.Kind.SSL ? TlsContexts.create(options.privateKey().orElseThrow(),
                options.certificate().orElseThrow(), options.caCertificate().orElseThrow()) : null;
        this.timer = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("timer", endpoint));
        this.reconnector = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("reconnect", endpoint));
        this.events = Executors.newSingleThreadExecutor(new DaemonThreads("events", endpoint));
    }

    /** Connects for the first time. */
    void start(Handler h) {
        this.handler = h;
        try {
            open();
        } catch (IOException | RuntimeException e) {
            close();
            throw new OvsdbConnectionException("cannot connect to " + endpoint + ": " + describe(e), e);
        }
        LOG.info("Connected to OVSDB server {}", endpoint);
        scheduleProbe(options.probeInterval().toNanos());
    }

    private void open() throws IOException {
        Link link = Link.open(endpoint, tls, options.connectTimeout());
        synchronized (lock) {
            if (closed) {
                link.close();
                throw new IOException("the client is closed");
            }
            long n = ++sessions;
            Session s = new Session(link, n, "ovsdb-reader " + endpoint + " #" + n, options.maxMessageBytes(),
                    this::received, (session, cause) -> lost(session, describe(cause)));
            lastReceived = System.nanoTime();
            current = s;
            s.start();
        }
    }

    OvsdbEndpoint endpoint() {
        return endpoint;
    }

    boolean isConnected() {
        return current != null;
    }

    /**
     * @return the number of the connection up right now (each new connection gets the next one), or -1 while
     *         disconnected; a notification whose session is not this one arrived on a connection already lost
     */
    long session() {
        Session s = current;
        return s == null ? -1 : s.number();
    }

    /** @return the thread on which listeners and awaits run */
    ExecutorService events() {
        return events;
    }

    /**
     * Sends a request.
     *
     * @return the call; its future fails with OvsdbConnectionException, OvsdbTimeoutException or
     *         OvsdbErrorException, never hangs past the deadline
     */
    Call call(String method, ArrayNode params, Duration timeout) {
        return call(method, params, timeout, f -> { });
    }

    /**
     * Sends a request after {@code prepare} attached its callbacks, so that they run on the reader thread
     * before it reads the next message (a monitor's initial contents are in before its first update).
     */
    Call call(String method, ArrayNode params, Duration timeout,
            java.util.function.Consumer<CompletableFuture<JsonNode>> prepare) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        prepare.accept(future);
        long id = ids.incrementAndGet();
        Session s = current;
        if (closed || s == null) {
            future.completeExceptionally(new OvsdbConnectionException(method + " to " + endpoint + ": "
                    + (closed ? "the client is closed" : "not connected (reconnecting)")));
            return new Call(id, future);
        }
        Pending p = new Pending(id, method, future, s);
        pending.put(id, p);
        if (current != s) {
            // Lost between the check and the put: failPending may have missed this call.
            fail(p, "the connection was lost");
            return new Call(id, future);
        }
        ScheduledFuture<?> deadline;
        try {
            deadline = timer.schedule(() -> {
                if (pending.remove(id, p)) {
                    future.completeExceptionally(new OvsdbTimeoutException(method + " to " + endpoint
                            + " got no reply within its deadline of " + timeout));
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            fail(p, "the client is closed");
            return new Call(id, future);
        }
        future.whenComplete((r, e) -> deadline.cancel(false));
        ObjectNode msg = mapper.createObjectNode();
        msg.put("method", method);
        msg.set("params", params);
        msg.put("id", id);
        send(s, msg);
        return new Call(id, future);
    }

    /** Sends a notification (no reply), e.g. cancel. */
    void notify(String method, ArrayNode params) {
        Session s = current;
        if (s != null) {
            ObjectNode msg = mapper.createObjectNode();
            msg.put("method", method);
            msg.set("params", params);
            msg.putNull("id");
            send(s, msg);
        }
    }

    /** Forgets a call and tells the server to cancel it (RFC 7047 4.1.4). */
    void cancel(long id) {
        if (pending.remove(id) != null) {
            notify("cancel", mapper.createArrayNode().add(id));
        }
    }

    private void send(Session s, ObjectNode msg) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(msg);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("OVSDB {} <- {}", endpoint, msg);
        }
        outbox.add(new Outgoing(s, bytes));
        flushOutbox();
    }

    /** A message for one session. */
    private record Outgoing(Session session, byte[] bytes) {
    }

    /**
     * Writes what waits in the outbox, in order, on the calling thread: no hand-off to a writer
     * thread, which would cost each call a thread wake-up. A thread that finds another one writing
     * leaves its message to it and returns at once, so no caller waits for another's write; a write
     * that blocks (the server stopped reading) is ended by the probe, which drops the connection.
     */
    private void flushOutbox() {
        while (!outbox.isEmpty() && writing.tryLock()) {
            try {
                Outgoing o;
                while ((o = outbox.poll()) != null) {
                    if (current != o.session() || closed) {
                        continue;
                    }
                    try {
                        o.session().write(o.bytes());
                    } catch (IOException e) {
                        lost(o.session(), "writing failed: " + describe(e));
                    }
                }
            } finally {
                writing.unlock();
            }
        }
    }

    private void received(Session s, JsonNode m) {
        if (s != current) {
            return;
        }
        lastReceived = System.nanoTime();
        if (LOG.isTraceEnabled()) {
            LOG.trace("OVSDB {} -> {}", endpoint, m);
        }
        JsonNode method = m.get("method");
        JsonNode id = m.get("id");
        if (method != null && method.isTextual()) {
            request(s, method.textValue(), id, m.get("params"));
            return;
        }
        if (id == null || !id.canConvertToLong()) {
            LOG.debug("OVSDB {}: ignoring a reply with an id that is not ours: {}", endpoint, m);
            return;
        }
        Pending p = pending.remove(id.longValue());
        if (p == null) {
            LOG.debug("OVSDB {}: late reply to request {} (timed out or cancelled)", endpoint, id);
            return;
        }
        JsonNode error = m.get("error");
        if (error != null && !error.isNull()) {
            p.future.completeExceptionally(new OvsdbErrorException(p.method + " to " + endpoint + " failed: "
                    + error, error, -1, null));
        } else {
            JsonNode result = m.get("result");
            p.future.complete(result == null ? NullNode.getInstance() : result);
        }
    }

    private void request(Session s, String method, JsonNode id, JsonNode params) {
        boolean notification = id == null || id.isNull();
        if (method.equals("echo") && !notification) {
            // The server's inactivity probe: answer with the same params.
            ObjectNode reply = mapper.createObjectNode();
            reply.set("id", id);
            reply.set("result", params == null ? mapper.createArrayNode() : params);
            reply.putNull("error");
            send(s, reply);
        } else if (notification) {
            try {
                handler.notification(s.number(), method, params);
            } catch (RuntimeException e) {
                LOG.error("OVSDB {}: handling {} failed", endpoint, method, e);
            }
        } else {
            ObjectNode reply = mapper.createObjectNode();
            reply.set("id", id);
            reply.putNull("result");
            reply.putObject("error").put("error", "unknown method").put("details", method);
            send(s, reply);
        }
    }

    /** Drops a session: closes it, fails its calls, schedules a reconnection. */
    void lost(Session s, String why) {
        synchronized (lock) {
            if (current != s) {
                return;
            }
            current = null;
        }
        s.close();
        if (!closed) {
            LOG.warn("Lost the connection to OVSDB server {}: {}", endpoint, why);
        }
        for (Pending p : pending.values()) {
            if (p.session == s) {
                fail(p, closed ? "the client is closed" : "the connection was lost (" + why + ")");
            }
        }
        if (!closed) {
            failedAttempts = 0;
            scheduleReconnect(nextBackoff(s));
        }
    }

    /** Drops the current session, as a protocol error or a missed probe does (for tests and the client). */
    void drop(String why) {
        Session s = current;
        if (s != null) {
            lost(s, why);
        }
    }

    private void fail(Pending p, String why) {
        if (pending.remove(p.id, p)) {
            String message = p.method + " to " + endpoint + " failed: " + why;
            if (p.method.equals("transact")) {
                message += "; the transaction may or may not have committed";
            }
            p.future.completeExceptionally(new OvsdbConnectionException(message));
        }
    }

    /**
     * The delay before reconnecting after losing {@code s}. As in Open vSwitch's reconnect.c, the backoff
     * resets only after a connection that stayed up at least as long as the delay before it; a server that
     * accepts and drops every connection at once gets attempts spaced min, 2 min, 4 min ... up to max, like one
     * that refuses them.
     */
    private Duration nextBackoff(Session s) {
        Duration previous = backoff;
        if (System.nanoTime() - s.openedAt() >= previous.toNanos()) {
            return options.reconnectMinBackoff();
        }
        return doubled(previous);
    }

    private Duration doubled(Duration delay) {
        Duration next = delay.multipliedBy(2);
        return next.compareTo(options.reconnectMaxBackoff()) > 0 ? options.reconnectMaxBackoff() : next;
    }

    private void scheduleReconnect(Duration delay) {
        backoff = delay;
        try {
            reconnector.schedule(() -> reconnect(delay), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed.
        }
    }

    private void reconnect(Duration delay) {
        if (closed) {
            return;
        }
        try {
            open();
        } catch (IOException | RuntimeException e) {
            failedAttempts++;
            Duration next = doubled(delay);
            // Rate-limited: a server that stays down should not fill the log.
            if (failedAttempts == 1 || failedAttempts % 20 == 0) {
                LOG.warn("Cannot reconnect to OVSDB server {} ({} attempts so far): {}; retrying", endpoint,
                        failedAttempts, describe(e));
            } else {
                LOG.debug("Cannot reconnect to OVSDB server {}: {}; next attempt in {}", endpoint, describe(e),
                        next);
            }
            scheduleReconnect(next);
            return;
        }
        LOG.info("Reconnected to OVSDB server {} after {} failed attempts", endpoint, failedAttempts);
        failedAttempts = 0;
        try {
            handler.connected();
        } catch (RuntimeException e) {
            LOG.error("OVSDB {}: re-establishing state after reconnecting failed", endpoint, e);
        }
    }

    private void scheduleProbe(long delayNanos) {
        if (options.probeInterval().isZero() || closed) {
            return;
        }
        try {
            timer.schedule(this::probe, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed.
        }
    }

    /** Sends an echo after probeInterval without a message; drops the connection when it goes unanswered. */
    private void probe() {
        long interval = options.probeInterval().toNanos();
        long delay = interval;
        Session s = current;
        if (s != null) {
            long idle = System.nanoTime() - lastReceived;
            if (idle < interval) {
                delay = interval - idle;
            } else if (!probing) {
                probing = true;
                LOG.debug("OVSDB {}: idle for {} ms, sending an echo", endpoint, idle / 1_000_000);
                call("echo", mapper.createArrayNode(), options.probeInterval()).future().whenComplete((r, e) -> {
                    probing = false;
                    Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                    if (cause instanceof OvsdbTimeoutException) {
                        lost(s, "no reply to an echo within " + options.probeInterval());
                    }
                });
            }
        }
        scheduleProbe(delay);
    }

    /** Closes the connection, fails every call, stops every thread. Idempotent. */
    void close() {
        Session s;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            s = current;
            current = null;
        }
        if (s != null) {
            s.close();
        }
        for (Pending p : pending.values()) {
            fail(p, "the client is closed");
        }
        timer.shutdownNow();
        reconnector.shutdownNow();
        events.shutdownNow();
        if (s != null && Thread.currentThread() != s.reader()) {
            try {
                s.reader().join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            reconnector.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Closed the connection to OVSDB server {}", endpoint);
    }

    /** Runs a task after a delay on the timer thread (deadlines of awaits). */
    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
