package org.osvif.ovsdb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A local copy of some tables, kept up to date by monitor updates. Thread-safe; reads never block on I/O. */
public interface Replica {
    /** @return the database replicated */
    String database();

    /**
     * @param table a replicated table
     * @return a snapshot of its rows (only the replicated columns), immutable
     * @throws IllegalArgumentException when the table is not replicated
     */
    Map<Uuid, Row> rows(String table);

    /**
     * @param table a replicated table
     * @param uuid a row
     * @return the row, if it exists
     */
    Optional<Row> row(String table, Uuid uuid);

    /**
     * @param table a replicated table
     * @param column a replicated column
     * @param value the value, e.g. {@code find("Port", "name", "tap0")}
     * @return the rows whose column equals value (an atom also matches a set of just that atom)
     */
    List<Row> find(String table, String column, Object value);

    /**
     * Completes (on the client's thread) the first time condition holds: checked now and after every applied
     * update batch.
     *
     * @param condition what to wait for
     * @param timeout how long
     * @param describe what is awaited, for the timeout's message
     * @return a future that fails with {@link OvsdbTimeoutException} after the timeout
     */
    CompletableFuture<Void> await(Predicate<Replica> condition, Duration timeout, String describe);

    /**
     * A round trip (echo) after which every update the server sent before it has been applied, and every
     * listener has seen it.
     *
     * @param timeout the deadline
     */
    void sync(Duration timeout);

    /**
     * @param listener called (on the client's thread) after each applied batch, once per changed row
     * @return closing it removes the listener
     */
    AutoCloseable listen(Consumer<ReplicaChange> listener);

    /** @return how many times the replica was (re)filled in full */
    long fullLoads();

    /** @return how many update notifications it applied */
    long updatesApplied();
}
