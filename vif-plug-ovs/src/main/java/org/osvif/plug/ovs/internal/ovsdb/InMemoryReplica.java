package org.osvif.plug.ovs.internal.ovsdb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.osvif.ovsdb.OvsdbSet;
import org.osvif.ovsdb.OvsdbTimeoutException;
import org.osvif.ovsdb.Replica;
import org.osvif.ovsdb.ReplicaChange;
import org.osvif.ovsdb.Row;
import org.osvif.ovsdb.Uuid;

/**
 * A {@link Replica} whose rows are put in by hand, not by a server: what a dry run answers
 * from, and what unit tests of the translation set up. {@link #await} is decided at once, since
 * nothing will change by itself.
 */
final class InMemoryReplica implements Replica {
    private final String database;
    private final Map<String, Map<Uuid, Row>> tables = new ConcurrentHashMap<>();

    InMemoryReplica(String database) {
        this.database = Objects.requireNonNull(database, "database");
        NativeOvsdb.REPLICATED.keySet().forEach(table -> tables.put(table, new ConcurrentHashMap<>()));
    }

    /**
     * @param database the database name
     * @param curCfg the {@code cur_cfg} ovs-vswitchd reports
     * @return a replica holding only the Open_vSwitch row
     */
    static InMemoryReplica withOpenVswitchRow(String database, long curCfg) {
        InMemoryReplica replica = new InMemoryReplica(database);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("bridges", OvsdbSet.EMPTY);
        row.put("cur_cfg", curCfg);
        row.put("next_cfg", 0L);
        replica.put("Open_vSwitch", row);
        return replica;
    }

    /**
     * Adds or replaces a row.
     *
     * @param table the table
     * @param columns the row's columns
     * @return its (new, random) UUID
     */
    Uuid put(String table, Map<String, Object> columns) {
        Uuid uuid = new Uuid(UUID.randomUUID());
        table(table).put(uuid, Row.of(uuid, columns));
        return uuid;
    }

    /**
     * Adds or replaces a row under its own UUID.
     *
     * @param table the table
     * @param row the row
     */
    void putRow(String table, Row row) {
        table(table).put(row.uuid(), row);
    }

    /**
     * @param table the table
     * @param uuid the row to remove; nothing happens when it is not there
     */
    void removeRow(String table, Uuid uuid) {
        table(table).remove(uuid);
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public Map<Uuid, Row> rows(String table) {
        return Map.copyOf(table(table));
    }

    @Override
    public Optional<Row> row(String table, Uuid uuid) {
        return Optional.ofNullable(table(table).get(uuid));
    }

    @Override
    public List<Row> find(String table, String column, Object value) {
        List<Row> found = new ArrayList<>();
        for (Row row : table(table).values()) {
            if (Objects.equals(row.get(column), value)) {
                found.add(row);
            }
        }
        return found;
    }

    @Override
    public CompletableFuture<Void> await(Predicate<Replica> condition, Duration timeout, String describe) {
        if (condition.test(this)) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(new OvsdbTimeoutException("timed out waiting for " + describe));
    }

    @Override
    public void sync(Duration timeout) {
        // every row is already here
    }

    @Override
    public AutoCloseable listen(Consumer<ReplicaChange> listener) {
        return () -> { };
    }

    @Override
    public long fullLoads() {
        return 1;
    }

    @Override
    public long updatesApplied() {
        return 0;
    }

    private Map<Uuid, Row> table(String table) {
        Map<Uuid, Row> rows = tables.get(table);
        if (rows == null) {
            throw new IllegalArgumentException("table " + table + " is not replicated");
        }
        return rows;
    }
}
