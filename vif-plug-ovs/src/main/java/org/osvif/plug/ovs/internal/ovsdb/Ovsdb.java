package org.osvif.plug.ovs.internal.ovsdb;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OVSDB API: commands carried out atomically as one transaction, and
 * reads. Implementations are thread-safe. A failed transaction changes
 * nothing and throws (for the vsctl driver a
 * {@link org.osvif.exec.CommandFailedException} with the full argv and stderr).
 */
public interface Ovsdb extends AutoCloseable {

    /**
     * Carries out the commands as one transaction: all or nothing.
     *
     * @param commands the commands, in order
     */
    void transact(List<OvsdbCommand> commands);

    /** @return a builder of one transaction over this OVSDB */
    default Transaction transaction() {
        return new Transaction(this);
    }

    /**
     * One column of one record ({@code get TABLE RECORD COLUMN}).
     *
     * @param table the table
     * @param record the record by name or UUID
     * @param column the column
     * @return the value, empty when the record does not exist. As in RFC 7047, a set column holding
     *         exactly one element may come back as that element ({@code trunks} = {@code 4095}), and an
     *         empty optional column as {@link OvsdbValue#EMPTY}
     */
    Optional<OvsdbValue> get(String table, String record, String column);

    /**
     * Rows matching every condition ({@code find TABLE COLUMN=VALUE...}).
     *
     * @param table the table
     * @param conditions column to the value it must equal (a map value matches rows whose map holds those keys)
     * @param columns the columns to return (always including {@code _uuid}); empty for every column
     * @return the rows, column to value
     */
    List<Map<String, OvsdbValue>> find(String table, Map<String, OvsdbValue> conditions, List<String> columns);

    /**
     * @param bridge a bridge name
     * @return whether the bridge exists
     */
    boolean bridgeExists(String bridge);

    /**
     * @param port a port name
     * @return whether the port exists, on any bridge
     */
    boolean portExists(String port);

    /** Releases the connection a driver holds, if any; by default nothing. Idempotent. */
    @Override
    default void close() {
    }
}
