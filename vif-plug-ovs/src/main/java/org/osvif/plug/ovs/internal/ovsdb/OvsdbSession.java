package org.osvif.plug.ovs.internal.ovsdb;

import java.time.Duration;
import java.util.List;

import org.osvif.ovsdb.DatabaseSchema;
import org.osvif.ovsdb.Operation;
import org.osvif.ovsdb.Replica;
import org.osvif.ovsdb.TransactResult;

/**
 * What the native driver needs of a live OVSDB connection: the replica of the tables it reads,
 * the schema, and transactions on the {@code Open_vSwitch} database. The seam between
 * {@link NativeOvsdb} and the client, so that the translation can be unit-tested without a socket.
 */
interface OvsdbSession extends AutoCloseable {
    /** The database every transaction goes to. */
    String DATABASE = "Open_vSwitch";

    /** @return the replica of {@link NativeOvsdb#REPLICATED} */
    Replica replica();

    /** @return the server's schema of the database */
    DatabaseSchema schema();

    /**
     * @param operations the operations, in order
     * @param timeout how long to wait for the reply
     * @return the results
     * @throws org.osvif.ovsdb.OvsdbException when the transaction fails or the connection does
     */
    TransactResult transact(List<Operation> operations, Duration timeout);

    /** Closes the connection; idempotent. */
    @Override
    void close();
}
