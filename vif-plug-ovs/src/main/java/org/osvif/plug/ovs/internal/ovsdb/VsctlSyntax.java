package org.osvif.plug.ovs.internal.ovsdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns {@link OvsdbCommand}s and {@link OvsdbValue}s into ovs-vsctl arguments, one
 * argv element per argument (no shell ever sees them). The value syntax is that of
 * ovs-vsctl(8), "Database Values"; each rule below was checked against ovs-vsctl 3.1:
 *
 * <ul>
 * <li><b>Strings</b> that are plain identifiers ({@code [A-Za-z_][A-Za-z0-9_.-]*}, e.g.
 *     {@code active}, {@code netdev}, {@code iface-id}) are written bare. Every other string
 *     (empty, numeric-looking, MAC addresses, paths, anything with {@code : , = [ ] { } "},
 *     whitespace, a backslash or a non-ASCII character) is double-quoted with JSON escapes:
 *     {@code \"}, {@code \\}, {@code \n}, {@code \t}, ..., and {@code \}{@code uXXXX} for every other
 *     control character and every non-ASCII character (so the argv is pure ASCII whatever the
 *     JVM's native encoding; ovs-vsctl decodes the escapes, surrogate pairs included). Bare,
 *     ovs-vsctl would split {@code a,b} or {@code a b} into two set members and refuse
 *     {@code a:b}, {@code a=b} and {@code a"b}. A NUL character cannot be stored (ovs-vsctl
 *     refuses {@code \}{@code u0000} and an argv cannot carry it) and is refused here.</li>
 * <li><b>Integers</b> and <b>booleans</b> are bare: {@code 4095}, {@code -1}, {@code true}.</li>
 * <li><b>References</b>: {@code @name} for a row created in the same transaction with
 *     {@code --id=@name}, the bare UUID for an existing row.</li>
 * <li><b>Sets</b> are bracketed, members comma-separated: {@code [4095]}, {@code [1,2]},
 *     {@code []} (the empty set clears an optional column, e.g. {@code tag=[]}). ovs-vsctl
 *     refuses {@code []} for a map column: clear a map with {@link OvsdbCommand.Clear}.</li>
 * <li><b>Maps</b>: in {@code set} and {@code find}, one {@code column:key=value} argument per
 *     key, as upstream's {@code _set_colval_args} does for a dict: {@code set} merges those keys
 *     into the map (other keys stay), {@code find} matches rows whose map holds them. An empty
 *     map there sets or matches nothing and yields no argument. In {@code create}, where the
 *     row is new, the whole map is one argument: {@code external_ids={id="...",_type=linux-noop}},
 *     {@code {}} when empty.</li>
 * </ul>
 *
 * <p>Table and column names must be OVSDB identifiers. Record, bridge and port names are
 * passed verbatim (ovs-vsctl compares them as they are, so they are never quoted); they must
 * not be empty, contain control characters, or be {@code --}, which ovs-vsctl would take for
 * the start of the next command.
 */
final class VsctlSyntax {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private VsctlSyntax() {
    }

    /**
     * The arguments of one command, without the {@code --} in front of it. {@link
     * OvsdbCommand.AddBridge} with a datapath type is two ovs-vsctl commands, joined by
     * {@code --}, as upstream's {@code add_br}.
     *
     * @param command the command
     * @return its arguments, empty when it has nothing to do (a {@code set} of empty maps only)
     */
    static List<String> command(OvsdbCommand command) {
        List<String> args = new ArrayList<>();
        if (command instanceof OvsdbCommand.AddBridge c) {
            String bridge = name("bridge", c.bridge());
            if (c.mayExist()) {
                args.add("--may-exist");
            }
            args.add("add-br");
            args.add(bridge);
            if (c.datapathType() != null && !c.datapathType().isEmpty()) {
                args.addAll(List.of("--", "set", "Bridge", bridge, "datapath_type=" + string(c.datapathType())));
            }
        } else if (command instanceof OvsdbCommand.DeleteBridge c) {
            if (c.ifExists()) {
                args.add("--if-exists");
            }
            args.add("del-br");
            args.add(name("bridge", c.bridge()));
        } else if (command instanceof OvsdbCommand.AddPort c) {
            if (c.mayExist()) {
                args.add("--may-exist");
            }
            args.add("add-port");
            args.add(name("bridge", c.bridge()));
            args.add(name("port", c.port()));
        } else if (command instanceof OvsdbCommand.DeletePort c) {
            if (c.ifExists()) {
                args.add("--if-exists");
            }
            args.add("del-port");
            if (c.bridge() != null) {
                args.add(name("bridge", c.bridge()));
            }
            args.add(name("port", c.port()));
        } else if (command instanceof OvsdbCommand.Set c) {
            args.addAll(List.of("set", table(c.table()), name("record", c.record())));
            List<String> assignments = assignments(c.columns(), true);
            if (assignments.isEmpty()) {
                return List.of();
            }
            args.addAll(assignments);
        } else if (command instanceof OvsdbCommand.Create c) {
            args.add("--id=" + ref(c.name()));
            args.add("create");
            args.add(table(c.table()));
            args.addAll(assignments(c.columns(), false));
        } else if (command instanceof OvsdbCommand.Destroy c) {
            if (c.ifExists()) {
                args.add("--if-exists");
            }
            args.addAll(List.of("destroy", table(c.table()), name("record", c.record())));
        } else if (command instanceof OvsdbCommand.Clear c) {
            args.addAll(List.of("clear", table(c.table()), name("record", c.record())));
            for (String column : c.columns()) {
                args.add(column(column));
            }
        } else {
            throw new IllegalArgumentException("unsupported command: " + command);
        }
        return args;
    }

    /**
     * {@code column=value} arguments, for {@code set}, {@code create} and {@code find}.
     *
     * @param columns column to value, in order
     * @param mapsByKey whether a {@link OvsdbValue.StringMap} becomes one {@code column:key=value}
     *        per key ({@code set}, {@code find}) rather than one {@code column={...}} ({@code create})
     * @return the arguments
     */
    static List<String> assignments(Map<String, OvsdbValue> columns, boolean mapsByKey) {
        List<String> args = new ArrayList<>(columns.size());
        for (Map.Entry<String, OvsdbValue> entry : columns.entrySet()) {
            String column = column(entry.getKey());
            OvsdbValue value = java.util.Objects.requireNonNull(entry.getValue(), () -> "value of column " + column);
            if (mapsByKey && value instanceof OvsdbValue.StringMap map) {
                for (Map.Entry<String, String> kv : map.entries().entrySet()) {
                    args.add(column + ":" + string(kv.getKey()) + "=" + string(kv.getValue()));
                }
            } else {
                args.add(column + "=" + value(value));
            }
        }
        return args;
    }

    /**
     * A whole column value.
     *
     * @param value the value
     * @return its ovs-vsctl text
     */
    static String value(OvsdbValue value) {
        if (value instanceof OvsdbValue.Set set) {
            StringBuilder out = new StringBuilder("[");
            for (OvsdbValue member : set.members()) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(atom(member));
            }
            return out.append(']').toString();
        }
        if (value instanceof OvsdbValue.StringMap map) {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<String, String> kv : map.entries().entrySet()) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(string(kv.getKey())).append('=').append(string(kv.getValue()));
            }
            return out.append('}').toString();
        }
        return atom(value);
    }

    /**
     * One atom: a string, integer, boolean or reference.
     *
     * @param value the atom
     * @return its ovs-vsctl text
     * @throws IllegalArgumentException for a set or map
     */
    static String atom(OvsdbValue value) {
        if (value instanceof OvsdbValue.Text text) {
            return string(text.value());
        } else if (value instanceof OvsdbValue.Integer integer) {
            return Long.toString(integer.value());
        } else if (value instanceof OvsdbValue.Bool bool) {
            return bool.value() ? "true" : "false";
        } else if (value instanceof OvsdbValue.NamedRef ref) {
            return ref(ref.name());
        } else if (value instanceof OvsdbValue.Uuid uuid) {
            return uuid.uuid();
        }
        throw new IllegalArgumentException("a set member must be a string, integer, boolean or reference, not "
                + value);
    }

    /**
     * A string atom, bare when it is a plain identifier, else quoted.
     *
     * @param value the string
     * @return its ovs-vsctl text
     * @throws IllegalArgumentException when it contains a NUL character
     */
    static String string(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> throw new IllegalArgumentException(
                        "OVSDB strings cannot hold a NUL character: " + printable(value));
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * @param table a table name
     * @return it, checked
     */
    static String table(String table) {
        return identifier("table", table);
    }

    /**
     * @param column a column name
     * @return it, checked
     */
    static String column(String column) {
        return identifier("column", column);
    }

    /**
     * A record, bridge or port name, passed verbatim.
     *
     * @param what what it names, for the message
     * @param name the name
     * @return it, checked
     */
    static String name(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " name must not be empty");
        }
        if (name.equals("--")) {
            throw new IllegalArgumentException(what + " name must not be \"--\", which ovs-vsctl reads as a"
                    + " command separator");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException(what + " name must not contain control characters: "
                        + printable(name));
            }
        }
        return name;
    }

    private static String ref(String name) {
        return "@" + new OvsdbValue.NamedRef(name).name();
    }

    private static String identifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid " + what + " name: "
                    + (name == null ? "null" : printable(name)));
        }
        return name;
    }

    /** The string for a message: quoted, control characters escaped. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
