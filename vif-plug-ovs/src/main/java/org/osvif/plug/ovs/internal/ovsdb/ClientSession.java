package org.osvif.plug.ovs.internal.ovsdb;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.osvif.ovsdb.DatabaseSchema;
import org.osvif.ovsdb.Operation;
import org.osvif.ovsdb.OvsdbClient;
import org.osvif.ovsdb.OvsdbClientOptions;
import org.osvif.ovsdb.Replica;
import org.osvif.ovsdb.TransactResult;

/** An {@link OvsdbSession} over a live {@link OvsdbClient}: the connection and its replica. */
final class ClientSession implements OvsdbSession {
    private final OvsdbClient client;
    private final Replica replica;
    private final Duration timeout;

    private ClientSession(OvsdbClient client, Replica replica, Duration timeout) {
        this.client = client;
        this.replica = replica;
        this.timeout = timeout;
    }

    /**
     * Connects, reads the schema and fills the replica of {@link NativeOvsdb#REPLICATED}.
     *
     * @param options where and how to connect
     * @param timeout the deadline of each step
     * @return the session
     * @throws org.osvif.ovsdb.OvsdbException when any step fails; nothing is left open then
     */
    static ClientSession open(OvsdbClientOptions options, Duration timeout) {
        OvsdbClient client = OvsdbClient.connect(Objects.requireNonNull(options, "options"));
        try {
            client.schema(DATABASE, timeout);
            Replica replica = client.replicate(DATABASE, NativeOvsdb.REPLICATED, timeout);
            return new ClientSession(client, replica, timeout);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public Replica replica() {
        return replica;
    }

    @Override
    public DatabaseSchema schema() {
        // Cached by the client per connection; read again after a reconnect (the server may have been upgraded).
        return client.schema(DATABASE, timeout);
    }

    @Override
    public TransactResult transact(List<Operation> operations, Duration deadline) {
        return client.transact(DATABASE, operations, deadline);
    }

    @Override
    public void close() {
        client.close();
    }
}
