package org.osvif.plug.ovs.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.osvif.plug.ovs.internal.ovsdb.NativeCommandException;
import org.osvif.plug.ovs.internal.ovsdb.NativeCommandException.Reason;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;

/**
 * The small database behind {@link RecordingOvsdb}: bridges, ports (each with its interface of
 * the same name), the columns set on them, and QoS rows. A transaction is applied to a copy and
 * kept only if every command succeeds, so a refused one changes nothing, as with both drivers.
 * Refusals are the native driver's ({@link NativeCommandException}, same reasons and words as
 * its translator), so {@code OvsdbErrors} reads them as it reads the real ones. Only what the plug
 * paths do is modelled; anything else fails loudly instead of pretending.
 */
final class FakeOvsdbState {
    private final Set<String> bridges = new LinkedHashSet<>();
    /** Port name to the bridge that holds it. */
    private final Map<String, String> ports = new LinkedHashMap<>();
    /** "Table/record" to the columns set on it. */
    private final Map<String, Map<String, OvsdbValue>> columns = new HashMap<>();
    /** QoS UUID to its columns. */
    private final Map<String, Map<String, OvsdbValue>> qos = new LinkedHashMap<>();
    private int created;

    FakeOvsdbState copy() {
        FakeOvsdbState c = new FakeOvsdbState();
        c.bridges.addAll(bridges);
        c.ports.putAll(ports);
        columns.forEach((k, v) -> c.columns.put(k, new LinkedHashMap<>(v)));
        qos.forEach((k, v) -> c.qos.put(k, new LinkedHashMap<>(v)));
        c.created = created;
        return c;
    }

    void addBridge(String bridge) {
        bridges.add(bridge);
        ports.putIfAbsent(bridge, bridge);
    }

    void addPort(String bridge, String port) {
        ports.put(port, bridge);
    }

    void addQos(String uuid, Map<String, OvsdbValue> row) {
        qos.put(uuid, new LinkedHashMap<>(row));
    }

    boolean bridgeExists(String bridge) {
        return bridges.contains(bridge);
    }

    boolean portExists(String port) {
        return ports.containsKey(port);
    }

    /** @return the bridge holding the port, if it exists */
    Optional<String> bridgeOf(String port) {
        return Optional.ofNullable(ports.get(port));
    }

    /** @return the UUIDs of the QoS rows, in the order they were made */
    Set<String> qosRows() {
        return qos.keySet();
    }

    Optional<OvsdbValue> get(String table, String record, String column) {
        if (!recordExists(table, record)) {
            return Optional.empty();
        }
        Map<String, OvsdbValue> row = "QoS".equals(table) ? qos.get(record) : columns.get(table + "/" + record);
        if ("name".equals(column) && !"QoS".equals(table)) {
            return Optional.of(OvsdbValue.of(record));
        }
        return Optional.of(row == null ? OvsdbValue.EMPTY : row.getOrDefault(column, OvsdbValue.EMPTY));
    }

    /** Rows of QoS or Port matching every condition; a map condition matches rows whose map holds those pairs. */
    List<Map<String, OvsdbValue>> find(String table, Map<String, OvsdbValue> conditions, List<String> wanted) {
        Map<String, Map<String, OvsdbValue>> rows = new LinkedHashMap<>();
        if ("QoS".equals(table)) {
            qos.forEach((uuid, row) -> rows.put(uuid, row));
        } else if ("Port".equals(table)) {
            ports.keySet().forEach(name -> {
                Map<String, OvsdbValue> row = new LinkedHashMap<>(columns.getOrDefault("Port/" + name, Map.of()));
                row.put("name", OvsdbValue.of(name));
                rows.put(uuidOf("Port/" + name), row);
            });
        } else {
            throw new UnsupportedOperationException("RecordingOvsdb does not model find in " + table);
        }
        List<Map<String, OvsdbValue>> found = new ArrayList<>();
        rows.forEach((uuid, row) -> {
            if (conditions.entrySet().stream().allMatch(c -> matches(row.get(c.getKey()), c.getValue()))) {
                Map<String, OvsdbValue> out = new LinkedHashMap<>();
                out.put("_uuid", OvsdbValue.uuid(uuid));
                (wanted.isEmpty() ? row.keySet() : wanted).forEach(col -> {
                    if (!"_uuid".equals(col)) {
                        out.put(col, row.getOrDefault(col, OvsdbValue.EMPTY));
                    }
                });
                found.add(out);
            }
        });
        return found;
    }

    /**
     * Applies one transaction to this state.
     *
     * @param commands the commands, in order
     * @throws NativeCommandException as the native driver refuses the command
     */
    void apply(List<OvsdbCommand> commands) {
        Map<String, String> named = new HashMap<>();
        for (OvsdbCommand command : commands) {
            if (command instanceof OvsdbCommand.AddBridge c) {
                addBridge(c);
            } else if (command instanceof OvsdbCommand.DeleteBridge c) {
                deleteBridge(c);
            } else if (command instanceof OvsdbCommand.AddPort c) {
                addPort(c);
            } else if (command instanceof OvsdbCommand.DeletePort c) {
                deletePort(c);
            } else if (command instanceof OvsdbCommand.Set c) {
                Map<String, OvsdbValue> row = existingRow(c, c.table(), c.record());
                c.columns().forEach((col, value) -> row.merge(col, resolve(value, named), FakeOvsdbState::setValue));
            } else if (command instanceof OvsdbCommand.Clear c) {
                existingRow(c, c.table(), c.record()).keySet().removeAll(c.columns());
            } else if (command instanceof OvsdbCommand.Create c) {
                requireQos(c.table(), "create");
                String uuid = uuidOf("QoS#" + (++created));
                named.put(c.name(), uuid);
                Map<String, OvsdbValue> row = new LinkedHashMap<>();
                c.columns().forEach((col, value) -> row.put(col, resolve(value, named)));
                qos.put(uuid, row);
            } else if (command instanceof OvsdbCommand.Destroy c) {
                requireQos(c.table(), "destroy");
                if (qos.remove(c.record()) == null && !c.ifExists()) {
                    throw new NativeCommandException(c, Reason.NO_ROW, "no row \"" + c.record() + "\" in table QoS");
                }
            }
        }
    }

    private void addBridge(OvsdbCommand.AddBridge c) {
        if (bridges.contains(c.bridge()) && !c.mayExist()) {
            throw new NativeCommandException(c, Reason.BRIDGE_EXISTS, "cannot create a bridge named "
                    + c.bridge() + " because a bridge named " + c.bridge() + " already exists");
        }
        addBridge(c.bridge());
        if (c.datapathType() != null && !c.datapathType().isEmpty()) {
            row("Bridge", c.bridge()).put("datapath_type", OvsdbValue.of(c.datapathType()));
        }
    }

    private void deleteBridge(OvsdbCommand.DeleteBridge c) {
        if (!bridges.remove(c.bridge())) {
            if (!c.ifExists()) {
                throw new NativeCommandException(c, Reason.NO_BRIDGE, "no bridge named " + c.bridge());
            }
            return;
        }
        List.copyOf(ports.keySet()).stream().filter(p -> c.bridge().equals(ports.get(p))).forEach(this::removePort);
        columns.remove("Bridge/" + c.bridge());
    }

    private void deletePort(OvsdbCommand.DeletePort c) {
        String holder = ports.get(c.port());
        if (holder == null) {
            if (!c.ifExists()) {
                throw new NativeCommandException(c, Reason.NO_PORT, "no port named " + c.port());
            }
            return;
        }
        if (c.bridge() != null && !c.bridge().equals(holder)) {
            throw new NativeCommandException(c, Reason.NO_PORT, "bridge " + c.bridge() + " does not have a port "
                    + c.port());
        }
        removePort(c.port());
    }

    private static void requireQos(String table, String what) {
        if (!"QoS".equals(table)) {
            throw new UnsupportedOperationException("RecordingOvsdb does not model " + what + " in " + table);
        }
    }

    private void addPort(OvsdbCommand.AddPort c) {
        if (!bridges.contains(c.bridge())) {
            throw new NativeCommandException(c, Reason.NO_BRIDGE, "no bridge named " + c.bridge());
        }
        String holder = ports.get(c.port());
        if (holder == null) {
            ports.put(c.port(), c.bridge());
            return;
        }
        if (!c.mayExist()) {
            throw new NativeCommandException(c, Reason.PORT_EXISTS, "cannot create a port named " + c.port()
                    + " because a port named " + c.port() + " already exists on bridge " + holder);
        }
        if (!holder.equals(c.bridge())) {
            throw new NativeCommandException(c, Reason.PORT_ON_OTHER_BRIDGE, "\"--may-exist add-port " + c.bridge()
                    + " " + c.port() + "\" but " + c.port() + " is actually attached to bridge " + holder);
        }
    }

    private void removePort(String port) {
        ports.remove(port);
        columns.remove("Port/" + port);
        columns.remove("Interface/" + port);
    }

    private boolean recordExists(String table, String record) {
        return switch (table) {
            case "Bridge" -> bridges.contains(record);
            case "Port", "Interface" -> ports.containsKey(record);
            case "QoS" -> qos.containsKey(record);
            default -> throw new UnsupportedOperationException("RecordingOvsdb does not model table " + table);
        };
    }

    private Map<String, OvsdbValue> existingRow(OvsdbCommand command, String table, String record) {
        if (!recordExists(table, record)) {
            throw new NativeCommandException(command, Reason.NO_ROW, "no row \"" + record + "\" in table " + table);
        }
        return "QoS".equals(table) ? qos.get(record) : row(table, record);
    }

    private Map<String, OvsdbValue> row(String table, String record) {
        return columns.computeIfAbsent(table + "/" + record, k -> new LinkedHashMap<>());
    }

    /** A set of map keys keeps the other keys, as {@code external_ids:k=v} does. */
    private static OvsdbValue setValue(OvsdbValue old, OvsdbValue value) {
        if (old instanceof OvsdbValue.StringMap before && value instanceof OvsdbValue.StringMap after) {
            Map<String, String> merged = new LinkedHashMap<>(before.entries());
            merged.putAll(after.entries());
            return OvsdbValue.map(merged);
        }
        return value;
    }

    private static OvsdbValue resolve(OvsdbValue value, Map<String, String> named) {
        if (value instanceof OvsdbValue.NamedRef ref) {
            String uuid = named.get(ref.name());
            if (uuid == null) {
                throw new IllegalArgumentException("no row named @" + ref.name() + " in this transaction");
            }
            return OvsdbValue.uuid(uuid);
        }
        return value;
    }

    private static boolean matches(OvsdbValue actual, OvsdbValue wanted) {
        if (actual instanceof OvsdbValue.StringMap has && wanted instanceof OvsdbValue.StringMap want) {
            return has.entries().entrySet().containsAll(want.entries().entrySet());
        }
        return wanted.equals(actual);
    }

    private static String uuidOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
