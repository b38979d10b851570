package org.osvif.ovsdb;

import java.util.List;
import java.util.Map;

/**
 * Checks operations against a database's schema before anything is sent, so that a typo in a table or
 * column name, or a value of the wrong type, fails with a message naming the database, table and column
 * instead of a terse error from the server (or, worse, a half-applied plug).
 */
final class SchemaChecker {
    private final DatabaseSchema schema;

    SchemaChecker(DatabaseSchema schema) {
        this.schema = schema;
    }

    /**
     * @param ops the operations of one transaction
     * @throws OvsdbSchemaException naming the first offending operation, table, column or value
     */
    void check(List<Operation> ops) {
        for (int i = 0; i < ops.size(); i++) {
            TableOperation op = (TableOperation) ops.get(i);
            try {
                check(op);
            } catch (OvsdbSchemaException e) {
                throw new OvsdbSchemaException("operation " + i + " (" + op.op() + "): " + e.getMessage());
            }
        }
    }

    private void check(TableOperation op) {
        if (op.table() == null) {
            return;
        }
        TableSchema table = table(op.table());
        boolean changes = op.op().equals("update") || op.op().equals("mutate");
        op.row().forEach((name, value) -> {
            ColumnSchema column = column(table, name);
            if (name.startsWith("_")) {
                throw new OvsdbSchemaException(where(table, name) + " cannot be written");
            }
            if (changes && !column.isMutable()) {
                throw new OvsdbSchemaException(where(table, name) + " is immutable");
            }
            checkValue(table, column, value);
        });
        for (Condition c : op.where()) {
            ColumnSchema column = column(table, c.column());
            checkValue(table, column, c.value(), Use.CONDITION);
        }
        for (Mutation m : op.mutations()) {
            ColumnSchema column = column(table, m.column());
            if (!column.isMutable() || m.column().startsWith("_")) {
                throw new OvsdbSchemaException(where(table, m.column()) + " is immutable");
            }
            checkMutation(table, column, m);
        }
        if (op.columns() != null) {
            op.columns().forEach(c -> column(table, c));
        }
        for (Map<String, Object> row : op.rows()) {
            row.forEach((name, value) -> checkValue(table, column(table, name), value));
        }
    }

    private TableSchema table(String name) {
        return schema.table(name).orElseThrow(() -> new OvsdbSchemaException("database " + schema.name()
                + " has no table " + name + "; its tables are " + String.join(", ", schema.tableNames())));
    }

    private ColumnSchema column(TableSchema table, String name) {
        return table.column(name).orElseThrow(() -> new OvsdbSchemaException("table " + table.name()
                + " of database " + schema.name() + " has no column " + name + "; its columns are "
                + String.join(", ", table.columnNames())));
    }

    private String where(TableSchema table, String column) {
        return "column " + table.name() + "." + column + " of database " + schema.name();
    }

    /** How strictly a value is checked. */
    private enum Use {
        /** A row's value: type, number of elements, constraints. */
        ROW,
        /** Members inserted by a mutation: type and constraints; the size of the result is the server's. */
        INSERT,
        /** A condition's operand: type only (a set may stand for an atom and an atom for a set). */
        CONDITION
    }

    private void checkValue(TableSchema table, ColumnSchema column, Object value) {
        checkValue(table, column, value, Use.ROW);
    }

    private void checkValue(TableSchema table, ColumnSchema column, Object value, Use use) {
        if (column.isMap()) {
            if (!(value instanceof OvsdbMap map)) {
                throw wrongType(table, column, value, "a map");
            }
            checkSize(table, column, value, map.entries().size(), use);
            map.entries().forEach((k, v) -> {
                checkAtom(table, column, column.keyType(), k);
                checkConstraints(table, column, column.keyConstraints(), k, use);
                checkAtom(table, column, column.valueType().orElseThrow(), v);
                checkConstraints(table, column, column.valueConstraints(), v, use);
            });
        } else if (value instanceof OvsdbSet set) {
            checkSize(table, column, value, set.members().size(), use);
            set.members().forEach(m -> {
                checkAtom(table, column, column.keyType(), m);
                checkConstraints(table, column, column.keyConstraints(), m, use);
            });
        } else if (value instanceof OvsdbMap) {
            throw wrongType(table, column, value, column.isSet() ? "a set of " + column.keyType()
                    : "a " + column.keyType());
        } else {
            checkAtom(table, column, column.keyType(), value);
            checkConstraints(table, column, column.keyConstraints(), value, use);
        }
    }

    /** A row's set or map has between min and max elements. */
    private void checkSize(TableSchema table, ColumnSchema column, Object value, int size, Use use) {
        if (use == Use.ROW && (size < column.min() || size > column.max())) {
            String text = String.valueOf(value);
            throw new OvsdbSchemaException(table.name() + "." + column.name() + " takes " + (column.max()
                    == Long.MAX_VALUE ? "at least " + column.min() : column.min() + " to " + column.max())
                    + " elements, not " + size + " (" + (text.length() > 80 ? text.substring(0, 77) + "..." : text)
                    + "; database " + schema.name() + ")");
        }
    }

    /**
     * The atom is one the column allows (enum, integer or real range, string length). Not for a condition's
     * operand, where a value outside the column's range only matches nothing.
     */
    private void checkConstraints(TableSchema table, ColumnSchema column, ColumnSchema.Constraints constraints,
            Object atom, Use use) {
        if (use == Use.CONDITION) {
            return;
        }
        String violation = constraints.violation(atom);
        if (violation != null) {
            throw new OvsdbSchemaException(table.name() + "." + column.name() + " " + violation + " (database "
                    + schema.name() + ")");
        }
    }

    private void checkMutation(TableSchema table, ColumnSchema column, Mutation m) {
        switch (m.mutator()) {
            case "insert":
            case "delete":
                if (!column.isSet() && !column.isMap()) {
                    throw new OvsdbSchemaException(where(table, column.name()) + " is neither a set nor a map, so "
                            + m.mutator() + " does not apply");
                }
                if (column.isMap() && m.mutator().equals("delete") && !(m.value() instanceof OvsdbMap)) {
                    // A map's keys may be deleted by naming them in a set.
                    Object keys = m.value();
                    if (keys instanceof OvsdbSet set) {
                        set.members().forEach(k -> checkAtom(table, column, column.keyType(), k));
                    } else {
                        checkAtom(table, column, column.keyType(), keys);
                    }
                    return;
                }
                checkValue(table, column, m.value(), m.mutator().equals("insert") ? Use.INSERT : Use.CONDITION);
                return;
            default:
                if (column.isMap() || !("integer".equals(column.keyType()) || "real".equals(column.keyType()))) {
                    throw new OvsdbSchemaException(where(table, column.name()) + " is not numeric, so "
                            + m.mutator() + " does not apply");
                }
                checkAtom(table, column, column.keyType(), m.value());
        }
    }

    private void checkAtom(TableSchema table, ColumnSchema column, String type, Object atom) {
        boolean ok;
        switch (type) {
            case "integer":
                ok = atom instanceof Long;
                break;
            case "real":
                ok = atom instanceof Double || atom instanceof Long;
                break;
            case "boolean":
                ok = atom instanceof Boolean;
                break;
            case "string":
                ok = atom instanceof String;
                break;
            case "uuid":
                ok = atom instanceof Uuid || atom instanceof NamedUuid;
                break;
            default:
                ok = true;
        }
        if (!ok) {
            throw wrongType(table, column, atom, "a " + type);
        }
    }

    private OvsdbSchemaException wrongType(TableSchema table, ColumnSchema column, Object value, String expected) {
        return new OvsdbSchemaException(where(table, column.name()) + " expects " + expected + " ("
                + column + "), not " + value + " (" + typeName(value) + ")");
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
