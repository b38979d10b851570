package org.osvif.plug.ovs.internal.ovsdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects commands and commits them as one OVSDB transaction. Not thread-safe;
 * one per unit of work.
 *
 * <pre>{@code
 * ovsdb.transaction()
 *      .addBridge("br-int", true, "system")
 *      .addPort("br-int", "tap0", true)
 *      .set("Port", "tap0", Map.of("tag", OvsdbValue.of(4095)))
 *      .commit();
 * }</pre>
 */
public final class Transaction {
    private final Ovsdb ovsdb;
    private final List<OvsdbCommand> commands = new ArrayList<>();

    Transaction(Ovsdb ovsdb) {
        this.ovsdb = ovsdb;
    }

    /** @param command a command @return this transaction */
    public Transaction add(OvsdbCommand command) {
        commands.add(command);
        return this;
    }

    /** @param bridge name @param mayExist see {@link OvsdbCommand.AddBridge} @param datapathType or null @return this */
    public Transaction addBridge(String bridge, boolean mayExist, String datapathType) {
        return add(new OvsdbCommand.AddBridge(bridge, mayExist, datapathType));
    }

    /** @param bridge name @param ifExists see {@link OvsdbCommand.DeleteBridge} @return this */
    public Transaction deleteBridge(String bridge, boolean ifExists) {
        return add(new OvsdbCommand.DeleteBridge(bridge, ifExists));
    }

    /** @param bridge name @param port name @param mayExist see {@link OvsdbCommand.AddPort} @return this */
    public Transaction addPort(String bridge, String port, boolean mayExist) {
        return add(new OvsdbCommand.AddPort(bridge, port, mayExist));
    }

    /** @param bridge name or null @param port name @param ifExists see {@link OvsdbCommand.DeletePort} @return this */
    public Transaction deletePort(String bridge, String port, boolean ifExists) {
        return add(new OvsdbCommand.DeletePort(bridge, port, ifExists));
    }

    /** @param table table @param record record @param columns column to value @return this */
    public Transaction set(String table, String record, Map<String, OvsdbValue> columns) {
        return add(new OvsdbCommand.Set(table, record, new LinkedHashMap<>(columns)));
    }

    /** @param table table @param name uuid-name @param columns column to value @return this */
    public Transaction create(String table, String name, Map<String, OvsdbValue> columns) {
        return add(new OvsdbCommand.Create(table, name, new LinkedHashMap<>(columns)));
    }

    /** @param table table @param record record @param ifExists see {@link OvsdbCommand.Destroy} @return this */
    public Transaction destroy(String table, String record, boolean ifExists) {
        return add(new OvsdbCommand.Destroy(table, record, ifExists));
    }

    /** @param table table @param record record @param columns the columns to empty @return this */
    public Transaction clear(String table, String record, String... columns) {
        return add(new OvsdbCommand.Clear(table, record, List.of(columns)));
    }

    /** @return the commands so far */
    public List<OvsdbCommand> commands() {
        return List.copyOf(commands);
    }

    /** Carries out the commands as one transaction; an empty transaction does nothing. */
    public void commit() {
        if (!commands.isEmpty()) {
            ovsdb.transact(List.copyOf(commands));
        }
    }
}
