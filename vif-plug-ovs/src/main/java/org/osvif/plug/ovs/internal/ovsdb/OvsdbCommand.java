package org.osvif.plug.ovs.internal.ovsdb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One command of a transaction, named after the ovsdbapp / ovs-vsctl command
 * it mirrors. Table and column names are those of the Open_vSwitch schema.
 */
public sealed interface OvsdbCommand {

    /**
     * {@code [--may-exist] add-br NAME} and, when given, {@code datapath_type} of the bridge.
     *
     * @param bridge the bridge
     * @param mayExist succeed when the bridge exists (its datapath_type is still set)
     * @param datapathType the datapath type, or null to leave it alone
     */
    record AddBridge(String bridge, boolean mayExist, String datapathType) implements OvsdbCommand {
        /** Checks the names. */
        public AddBridge {
            Objects.requireNonNull(bridge, "bridge");
        }
    }

    /**
     * {@code [--if-exists] del-br NAME}.
     *
     * @param bridge the bridge
     * @param ifExists succeed when it does not exist
     */
    record DeleteBridge(String bridge, boolean ifExists) implements OvsdbCommand {
        /** Checks the name. */
        public DeleteBridge {
            Objects.requireNonNull(bridge, "bridge");
        }
    }

    /**
     * {@code [--may-exist] add-port BRIDGE PORT}: a Port and an Interface of the same name.
     *
     * @param bridge the bridge
     * @param port the port (and interface) name
     * @param mayExist succeed when the port exists on that bridge
     */
    record AddPort(String bridge, String port, boolean mayExist) implements OvsdbCommand {
        /** Checks the names. */
        public AddPort {
            Objects.requireNonNull(bridge, "bridge");
            Objects.requireNonNull(port, "port");
        }
    }

    /**
     * {@code [--if-exists] del-port [BRIDGE] PORT}.
     *
     * @param bridge the bridge, or null for whichever holds the port
     * @param port the port
     * @param ifExists succeed when the port does not exist
     */
    record DeletePort(String bridge, String port, boolean ifExists) implements OvsdbCommand {
        /** Checks the name. */
        public DeletePort {
            Objects.requireNonNull(port, "port");
        }
    }

    /**
     * {@code set TABLE RECORD COLUMN=VALUE...}; a {@link OvsdbValue.StringMap} value for a map
     * column sets those keys only ({@code external_ids:k=v}), leaving other keys alone.
     *
     * @param table the table, e.g. {@code Interface}
     * @param record the record, by name or UUID
     * @param columns column to value, in order
     */
    record Set(String table, String record, Map<String, OvsdbValue> columns) implements OvsdbCommand {
        /** Copies the columns. */
        public Set {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(record, "record");
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("set needs at least one column");
            }
        }
    }

    /**
     * {@code --id=@NAME create TABLE COLUMN=VALUE...}: a new row other commands of the same
     * transaction refer to with {@link OvsdbValue#ref(String)}.
     *
     * @param table the table, e.g. {@code QoS}
     * @param name the row's uuid-name in this transaction
     * @param columns column to value, in order
     */
    record Create(String table, String name, Map<String, OvsdbValue> columns) implements OvsdbCommand {
        /** Copies the columns. */
        public Create {
            Objects.requireNonNull(table, "table");
            new OvsdbValue.NamedRef(name);
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    /**
     * {@code [--if-exists] destroy TABLE RECORD}.
     *
     * @param table the table
     * @param record the record, by UUID (or name where the table has one)
     * @param ifExists succeed when it does not exist
     */
    record Destroy(String table, String record, boolean ifExists) implements OvsdbCommand {
        /** Checks the names. */
        public Destroy {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * {@code clear TABLE RECORD COLUMN...}: empties optional columns.
     *
     * @param table the table
     * @param record the record
     * @param columns the columns
     */
    record Clear(String table, String record, List<String> columns) implements OvsdbCommand {
        /** Copies the columns. */
        public Clear {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(record, "record");
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("clear needs at least one column");
            }
        }
    }
}
