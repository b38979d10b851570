package org.osvif.ovsdb;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a transact reply. ovsdb-server puts an error object at the failed operation's index (later slots
 * are null), or, when every operation succeeded but the commit failed (a constraint checked at commit,
 * referential integrity), one more error object after the last operation's result.
 */
final class TransactReplies {
    private TransactReplies() {
    }

    static TransactResult parse(String where, List<Operation> ops, JsonNode reply) {
        if (reply == null || !reply.isArray()) {
            throw new OvsdbProtocolException(where + ": the reply is not an array: " + reply);
        }
        for (int i = 0; i < reply.size(); i++) {
            JsonNode r = reply.get(i);
            if (r != null && r.isObject() && r.has("error")) {
                String details = r.hasNonNull("details") ? ": " + r.get("details").asText() : "";
                if (i < ops.size()) {
                    Operation op = ops.get(i);
                    throw new OvsdbErrorException(where + ": operation " + i + " (" + op.op()
                            + table(op) + ") failed: " + r.get("error").asText() + details, r, i, op);
                }
                throw new OvsdbErrorException(where + ": the transaction failed when committing: "
                        + r.get("error").asText() + details, r, -1, null);
            }
        }
        if (reply.size() < ops.size()) {
            throw new OvsdbProtocolException(where + ": " + reply.size() + " results for " + ops.size()
                    + " operations");
        }
        List<OperationResult> results = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            results.add(new OperationResult(reply.get(i)));
        }
        return new TransactResult(results);
    }

    private static String table(Operation op) {
        String table = ((TableOperation) op).table();
        return table == null ? "" : " on " + table;
    }
}
