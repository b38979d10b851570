package org.osvif.plug.ovs.internal.ovsdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osvif.ovsdb.DatabaseSchema;
import org.osvif.ovsdb.Operation;
import org.osvif.ovsdb.OperationResult;
import org.osvif.ovsdb.Replica;
import org.osvif.ovsdb.TransactResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A session that prints each transaction as the JSON-RPC request it would be and sends nothing:
 * the native driver's {@code --dry-run}. Its database starts with only the Open_vSwitch row, as a
 * host where nothing of the VIF exists, and takes in each printed transaction (so an unplug after a
 * plug in the same dry run removes what the plug made); ovs-vswitchd is taken to apply everything at
 * once.
 */
final class DryRunSession implements OvsdbSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DatabaseSchema SCHEMA = loadSchema();

    private final PrintStream out;
    private final InMemoryReplica replica;

    /**
     * @param out where transactions are printed
     * @param replica what the database holds
     */
    DryRunSession(PrintStream out, InMemoryReplica replica) {
        this.out = Objects.requireNonNull(out, "out");
        this.replica = Objects.requireNonNull(replica, "replica");
    }

    /**
     * @param out where transactions are printed
     * @return a driver over a dry-run session that waits for ovs-vswitchd as the real one would
     */
    static NativeOvsdb driver(PrintStream out) {
        DryRunSession session = new DryRunSession(out, InMemoryReplica.withOpenVswitchRow(DATABASE, Long.MAX_VALUE));
        return new NativeOvsdb(() -> session, Duration.ofSeconds(1), false);
    }

    @Override
    public Replica replica() {
        return replica;
    }

    @Override
    public DatabaseSchema schema() {
        return SCHEMA;
    }

    @Override
    public TransactResult transact(List<Operation> operations, Duration timeout) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("method", "transact");
        ArrayNode params = request.putArray("params");
        params.add(DATABASE);
        operations.forEach(op -> params.add(op.toJson()));
        out.println(request);
        out.flush();
        Map<String, org.osvif.ovsdb.Uuid> inserted = DryRunApply.apply(replica, operations);
        List<OperationResult> results = new ArrayList<>(operations.size());
        for (Operation op : operations) {
            results.add(new OperationResult(answer(op, inserted)));
        }
        return new TransactResult(results);
    }

    /** What the server would answer: the inserted row's UUID, a select's rows from the dry run's database. */
    private JsonNode answer(Operation op, Map<String, org.osvif.ovsdb.Uuid> inserted) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        switch (op.op()) {
            case "insert" -> result.putArray("uuid").add("uuid").add(String.valueOf(
                    inserted.getOrDefault(op.toJson().path("uuid-name").asText(), new org.osvif.ovsdb.Uuid(
                            java.util.UUID.randomUUID())).value()));
            case "select" -> result.set("rows", DryRunApply.select(replica, op.toJson()));
            case "update", "mutate", "delete" -> result.put("count", 1);
            default -> {
                // wait, comment, commit and the like answer with an empty object
            }
        }
        return result;
    }

    @Override
    public void close() {
        // nothing is open
    }

    private static DatabaseSchema loadSchema() {
        try (InputStream in = DryRunSession.class.getResourceAsStream("dry-run-schema.json")) {
            if (in == null) {
                throw new IllegalStateException("dry-run-schema.json is missing from the plugin's jar");
            }
            return DatabaseSchema.parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "DryRunSession[" + DATABASE + "]";
    }
}
