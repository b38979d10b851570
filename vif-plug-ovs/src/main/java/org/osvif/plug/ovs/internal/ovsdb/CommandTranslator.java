package org.osvif.plug.ovs.internal.ovsdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osvif.ovsdb.ColumnSchema;
import org.osvif.ovsdb.Condition;
import org.osvif.ovsdb.DatabaseSchema;
import org.osvif.ovsdb.Mutation;
import org.osvif.ovsdb.NamedUuid;
import org.osvif.ovsdb.Operation;
import org.osvif.ovsdb.OvsdbMap;
import org.osvif.ovsdb.OvsdbSet;
import org.osvif.ovsdb.Replica;
import org.osvif.ovsdb.Row;
import org.osvif.ovsdb.Uuid;
import org.osvif.plug.ovs.internal.ovsdb.NativeCommandException.Reason;

/**
 * Turns the commands of one transaction into the OVSDB operations of one {@code transact}, as
 * ovs-vsctl does for its commands, reading the replica for what exists.
 *
 * <p><b>New rows are written whole.</b> A port created by the transaction is one {@code insert}
 * carrying every column that later commands set on it ({@code tag=4095}, {@code qos}, ...): it
 * never exists, even inside the transaction, without its isolation.
 *
 * <p><b>Safe against other writers without reading again.</b> What the replica said is checked by
 * the server in the same transaction: every existing row that a command changes or adds to gets a
 * {@code wait} operation (timeout 0) that fails the whole transaction if the row has gone, and a
 * row that is to be new relies on the unique {@code name} index of Bridge, Port and Interface,
 * which fails the transaction with "constraint violation" if another writer created it first.
 * Changes of map columns ({@code external_ids:k=v}) are mutations (delete the keys, insert the
 * pairs), so keys that other writers set are kept. {@link NativeOvsdb} reads again and retries once
 * when such a check fails.
 *
 * <p>Not thread-safe; one per transaction.
 */
final class CommandTranslator {
    private static final String OPEN_VSWITCH = "Open_vSwitch";
    /** The tables whose records are named by their {@code name} column (unique index). */
    static final Set<String> NAMED_TABLES = Set.of("Bridge", "Port", "Interface");

    private final Replica replica;
    private final DatabaseSchema schema;
    /** New rows by table and name (Bridge, Port, Interface), or by uuid-name (created rows). */
    private final Map<String, NewRow> newRows = new LinkedHashMap<>();
    private final List<NewRow> inserts = new ArrayList<>();
    private final List<Operation> changes = new ArrayList<>();
    private final Map<String, Operation> guards = new LinkedHashMap<>();
    /** Existing rows this transaction deletes (table + name), so that a later command sees them gone. */
    private final Set<String> deleted = new LinkedHashSet<>();
    private final List<String> newInterfaces = new ArrayList<>();
    private int counter;

    /** A row the transaction inserts; its columns may still change until {@link #plan()}. */
    private static final class NewRow {
        final String table;
        final String uuidName;
        final Map<String, Object> columns = new LinkedHashMap<>();

        NewRow(String table, String uuidName) {
            this.table = table;
            this.uuidName = uuidName;
        }

        NamedUuid ref() {
            return new NamedUuid(uuidName);
        }
    }

    /**
     * What to send.
     *
     * @param operations every operation, in order: guards, inserts, changes
     * @param writes whether any operation changes the database (a transaction of guards only need not be sent)
     * @param newInterfaces the Interface rows the transaction creates, by name
     */
    record Plan(List<Operation> operations, boolean writes, List<String> newInterfaces) {
    }

    CommandTranslator(Replica replica, DatabaseSchema schema) {
        this.replica = replica;
        this.schema = schema;
    }

    /**
     * @param commands the commands
     * @param replica what the database holds
     * @param schema the server's schema
     * @return the plan
     * @throws NativeCommandException when a command cannot be carried out (as ovs-vsctl would refuse it)
     */
    static Plan translate(List<OvsdbCommand> commands, Replica replica, DatabaseSchema schema) {
        CommandTranslator translator = new CommandTranslator(replica, schema);
        commands.forEach(translator::add);
        return translator.plan();
    }

    void add(OvsdbCommand command) {
        if (command instanceof OvsdbCommand.AddBridge c) {
            addBridge(c);
        } else if (command instanceof OvsdbCommand.DeleteBridge c) {
            deleteBridge(c);
        } else if (command instanceof OvsdbCommand.AddPort c) {
            addPort(c);
        } else if (command instanceof OvsdbCommand.DeletePort c) {
            deletePort(c);
        } else if (command instanceof OvsdbCommand.Set c) {
            set(c, c.table(), c.record(), c.columns());
        } else if (command instanceof OvsdbCommand.Create c) {
            create(c);
        } else if (command instanceof OvsdbCommand.Destroy c) {
            destroy(c);
        } else if (command instanceof OvsdbCommand.Clear c) {
            clear(c);
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
    }

    Plan plan() {
        List<Operation> ops = new ArrayList<>(guards.values());
        for (NewRow row : inserts) {
            ops.add(Operation.insert(row.table, row.columns, row.uuidName));
        }
        ops.addAll(changes);
        return new Plan(List.copyOf(ops), !inserts.isEmpty() || !changes.isEmpty(), List.copyOf(newInterfaces));
    }

    // ---- bridges ---------------------------------------------------------------------------

    private void addBridge(OvsdbCommand.AddBridge c) {
        NewRow pending = newRows.get(key("Bridge", c.bridge()));
        Optional<Row> existing = pending == null ? existing("Bridge", c.bridge()) : Optional.empty();
        if (pending != null || existing.isPresent()) {
            if (!c.mayExist()) {
                throw new NativeCommandException(c, Reason.BRIDGE_EXISTS, "cannot create a bridge named "
                        + c.bridge() + " because a bridge named " + c.bridge() + " already exists");
            }
            boolean same = existing.isPresent()
                    && existing.get().string("datapath_type").orElse("").equals(c.datapathType());
            if (c.datapathType() != null && !same) {
                set(c, "Bridge", c.bridge(), Map.of("datapath_type", OvsdbValue.of(c.datapathType())));
            }
            // Otherwise nothing to write: later commands that add to the bridge guard it themselves.
            return;
        }
        Optional<Row> sameNamePort = existing("Port", c.bridge());
        if (sameNamePort.isPresent() || newRows.containsKey(key("Port", c.bridge()))) {
            String holder = sameNamePort.flatMap(this::bridgeOf).flatMap(b -> b.string("name")).orElse("(none)");
            throw new NativeCommandException(c, Reason.PORT_EXISTS, "cannot create a bridge named " + c.bridge()
                    + " because a port named " + c.bridge() + " already exists on bridge " + holder);
        }
        // ovs-vsctl's add-br: the bridge, its internal port and interface of the same name.
        NewRow iface = insert("Interface", c.bridge());
        iface.columns.put("name", c.bridge());
        iface.columns.put("type", "internal");
        NewRow port = insert("Port", c.bridge());
        port.columns.put("name", c.bridge());
        port.columns.put("interfaces", new OvsdbSet(List.of(iface.ref())));
        NewRow bridge = insert("Bridge", c.bridge());
        bridge.columns.put("name", c.bridge());
        bridge.columns.put("ports", new OvsdbSet(List.of(port.ref())));
        if (c.datapathType() != null) {
            bridge.columns.put("datapath_type", c.datapathType());
        }
        changes.add(Operation.mutate(OPEN_VSWITCH, List.of(),
                List.of(Mutation.insert("bridges", new OvsdbSet(List.of(bridge.ref()))))));
    }

    private void deleteBridge(OvsdbCommand.DeleteBridge c) {
        Optional<Row> bridge = existing("Bridge", c.bridge());
        if (bridge.isEmpty()) {
            if (newRows.containsKey(key("Bridge", c.bridge()))) {
                throw new IllegalArgumentException("a transaction may not delete the bridge it creates: " + c.bridge());
            }
            if (c.ifExists()) {
                return;
            }
            throw noBridge(c, c.bridge());
        }
        changes.add(Operation.mutate(OPEN_VSWITCH, List.of(),
                List.of(Mutation.delete("bridges", new OvsdbSet(List.of(bridge.get().uuid()))))));
        deleted.add(key("Bridge", c.bridge()));
        // Its ports and interfaces go with it (garbage collection of non-root rows).
        for (Object portUuid : bridge.get().set("ports")) {
            replica.row("Port", (Uuid) portUuid).flatMap(p -> p.string("name"))
                    .ifPresent(name -> deleted.add(key("Port", name)));
        }
    }

    // ---- ports -----------------------------------------------------------------------------

    private void addPort(OvsdbCommand.AddPort c) {
        NewRow newBridge = newRows.get(key("Bridge", c.bridge()));
        Optional<Row> bridge = newBridge == null ? existing("Bridge", c.bridge()) : Optional.empty();
        if (newBridge == null && bridge.isEmpty()) {
            throw noBridge(c, c.bridge());
        }
        if (newRows.containsKey(key("Port", c.port()))) {
            throw new NativeCommandException(c, Reason.PORT_EXISTS, "cannot create a port named " + c.port()
                    + " because a port named " + c.port() + " already exists on bridge " + c.bridge());
        }
        Optional<Row> port = existing("Port", c.port());
        if (port.isPresent()) {
            String holder = bridgeOf(port.get()).flatMap(b -> b.string("name")).orElse("(none)");
            if (!c.mayExist()) {
                throw new NativeCommandException(c, Reason.PORT_EXISTS, "cannot create a port named " + c.port()
                        + " because a port named " + c.port() + " already exists on bridge " + holder);
            }
            if (!holder.equals(c.bridge())) {
                throw new NativeCommandException(c, Reason.PORT_ON_OTHER_BRIDGE, "\"--may-exist add-port "
                        + c.bridge() + " " + c.port() + "\" but " + c.port() + " is actually attached to bridge "
                        + holder);
            }
            guard("Port", port.get());
            return;
        }
        NewRow iface = insert("Interface", c.port());
        iface.columns.put("name", c.port());
        newInterfaces.add(c.port());
        NewRow newPort = insert("Port", c.port());
        newPort.columns.put("name", c.port());
        newPort.columns.put("interfaces", new OvsdbSet(List.of(iface.ref())));
        if (newBridge != null) {
            List<Object> ports = new ArrayList<>(((OvsdbSet) newBridge.columns.get("ports")).members());
            ports.add(newPort.ref());
            newBridge.columns.put("ports", new OvsdbSet(ports));
        } else {
            guard("Bridge", bridge.get());
            changes.add(Operation.mutate("Bridge", List.of(Condition.uuidIs(bridge.get().uuid())),
                    List.of(Mutation.insert("ports", new OvsdbSet(List.of(newPort.ref()))))));
        }
    }

    private void deletePort(OvsdbCommand.DeletePort c) {
        if (newRows.containsKey(key("Port", c.port()))) {
            throw new IllegalArgumentException("a transaction may not delete the port it creates: " + c.port());
        }
        // As ovs-vsctl: the port first; a missing port with --if-exists ends it, whatever the bridge.
        Optional<Row> port = existing("Port", c.port());
        if (port.isEmpty()) {
            if (c.ifExists()) {
                return;
            }
            throw new NativeCommandException(c, Reason.NO_PORT, "no port named " + c.port());
        }
        Optional<Row> bridge = Optional.empty();
        if (c.bridge() != null) {
            bridge = existing("Bridge", c.bridge());
            if (bridge.isEmpty()) {
                throw noBridge(c, c.bridge());
            }
        }
        Optional<Row> holder = bridgeOf(port.get());
        if (bridge.isPresent() && (holder.isEmpty() || !holder.get().uuid().equals(bridge.get().uuid()))) {
            throw new NativeCommandException(c, Reason.NO_PORT, "bridge " + c.bridge() + " does not have a port "
                    + c.port());
        }
        if (holder.isPresent()) {
            changes.add(Operation.mutate("Bridge", List.of(Condition.uuidIs(holder.get().uuid())),
                    List.of(Mutation.delete("ports", new OvsdbSet(List.of(port.get().uuid()))))));
        }
        deleted.add(key("Port", c.port()));
        for (Object ifaceUuid : port.get().set("interfaces")) {
            replica.row("Interface", (Uuid) ifaceUuid).flatMap(i -> i.string("name"))
                    .ifPresent(name -> deleted.add(key("Interface", name)));
        }
    }

    // ---- generic records -------------------------------------------------------------------

    private void set(OvsdbCommand command, String table, String record, Map<String, OvsdbValue> columns) {
        NewRow pending = newRows.get(key(table, record));
        if (pending != null) {
            columns.forEach((column, value) -> {
                Object converted = NativeValues.toClient(value);
                if (value instanceof OvsdbValue.StringMap && pending.columns.get(column) instanceof OvsdbMap old) {
                    Map<Object, Object> merged = new LinkedHashMap<>(old.entries());
                    merged.putAll(((OvsdbMap) converted).entries());
                    converted = new OvsdbMap(merged);
                }
                pending.columns.put(column, converted);
            });
            return;
        }
        List<Condition> where = whereExisting(command, table, record);
        Map<String, Object> update = new LinkedHashMap<>();
        List<Mutation> mutations = new ArrayList<>();
        columns.forEach((column, value) -> {
            if (value instanceof OvsdbValue.StringMap map && column(table, column).isMap()) {
                // external_ids:k=v sets those keys only, keeping every other key.
                if (!map.entries().isEmpty()) {
                    mutations.add(Mutation.delete(column, new OvsdbSet(new ArrayList<>(map.entries().keySet()))));
                    mutations.add(Mutation.insert(column, NativeValues.toClient(value)));
                }
            } else {
                update.put(column, NativeValues.toClient(value));
            }
        });
        if (!update.isEmpty()) {
            changes.add(Operation.update(table, where, update));
        }
        if (!mutations.isEmpty()) {
            changes.add(Operation.mutate(table, where, mutations));
        }
    }

    private void create(OvsdbCommand.Create c) {
        if (newRows.containsKey(c.name())) {
            throw new IllegalArgumentException("two rows named @" + c.name() + " in one transaction");
        }
        NewRow row = new NewRow(c.table(), c.name());
        c.columns().forEach((column, value) -> row.columns.put(column, NativeValues.toClient(value)));
        newRows.put(c.name(), row);
        inserts.add(row);
    }

    private void destroy(OvsdbCommand.Destroy c) {
        Optional<Uuid> uuid = existingUuid(c.table(), c.record());
        if (uuid.isEmpty()) {
            if (c.ifExists()) {
                return;
            }
            throw noRow(c, c.table(), c.record());
        }
        changes.add(Operation.delete(c.table(), List.of(Condition.uuidIs(uuid.get()))));
    }

    private void clear(OvsdbCommand.Clear c) {
        Map<String, Object> update = new LinkedHashMap<>();
        for (String column : c.columns()) {
            Object value = column(c.table(), column).isMap() ? OvsdbMap.EMPTY : OvsdbSet.EMPTY;
            update.put(column, value);
        }
        NewRow pending = newRows.get(key(c.table(), c.record()));
        if (pending != null) {
            pending.columns.putAll(update);
            return;
        }
        changes.add(Operation.update(c.table(), whereExisting(c, c.table(), c.record()), update));
    }

    // ---- lookups ---------------------------------------------------------------------------

    private NewRow insert(String table, String name) {
        NewRow row = new NewRow(table, "row" + (++counter));
        newRows.put(key(table, name), row);
        inserts.add(row);
        return row;
    }

    /** The row by name (Bridge, Port, Interface), unless this transaction deleted it. */
    private Optional<Row> existing(String table, String name) {
        if (deleted.contains(key(table, name))) {
            return Optional.empty();
        }
        List<Row> rows = replica.find(table, "name", name);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private Optional<Row> bridgeOf(Row port) {
        for (Row bridge : replica.rows("Bridge").values()) {
            if (bridge.set("ports").contains(port.uuid())) {
                return Optional.of(bridge);
            }
        }
        return Optional.empty();
    }

    private Optional<Uuid> existingUuid(String table, String record) {
        if (NAMED_TABLES.contains(table)) {
            return existing(table, record).map(Row::uuid);
        }
        if (OPEN_VSWITCH.equals(table) && ".".equals(record)) {
            return replica.rows(OPEN_VSWITCH).keySet().stream().findFirst();
        }
        Uuid uuid = parseUuid(table, record);
        if (replica.rows(table).containsKey(uuid)) {
            return Optional.of(uuid);
        }
        return Optional.empty();
    }

    /** The where clause of an existing record, guarded against its disappearance before the commit. */
    private List<Condition> whereExisting(OvsdbCommand command, String table, String record) {
        if (OPEN_VSWITCH.equals(table) && ".".equals(record)) {
            return List.of();
        }
        if (NAMED_TABLES.contains(table)) {
            Row row = existing(table, record).orElseThrow(() -> noRow(command, table, record));
            guard(table, row);
            return List.of(Condition.uuidIs(row.uuid()));
        }
        Uuid uuid = existingUuid(table, record).orElseThrow(() -> noRow(command, table, record));
        return List.of(Condition.uuidIs(uuid));
    }

    /** Fails the transaction if the row has gone by the time the server runs it. */
    private void guard(String table, Row row) {
        String name = row.string("name").orElseThrow();
        guards.computeIfAbsent(key(table, name), k -> Operation.wait(table, List.of(Condition.uuidIs(row.uuid())),
                List.of("name"), "==", List.of(Map.of("name", name)), 0L));
    }

    private ColumnSchema column(String table, String column) {
        return schema.table(table).flatMap(t -> t.column(column)).orElseThrow(() -> new IllegalArgumentException(
                "the " + schema.name() + " schema of the server has no column " + table + "." + column));
    }

    private static Uuid parseUuid(String table, String record) {
        try {
            return Uuid.of(record);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a " + table + " record is named by its UUID, not " + record, e);
        }
    }

    private static String key(String table, String name) {
        return table + "\u0000" + name;
    }

    private static NativeCommandException noBridge(OvsdbCommand command, String bridge) {
        return new NativeCommandException(command, Reason.NO_BRIDGE, "no bridge named " + bridge);
    }

    private static NativeCommandException noRow(OvsdbCommand command, String table, String record) {
        return new NativeCommandException(command, Reason.NO_ROW, "no row \"" + record + "\" in table " + table);
    }
}
