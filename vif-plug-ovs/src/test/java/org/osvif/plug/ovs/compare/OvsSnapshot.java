package org.osvif.plug.ovs.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.osvif.exec.Command;
import org.osvif.testing.ovs.PrivateOvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a plugin left in a {@link PrivateOvs}, normalised so that two sandboxes
 * plugged with the same VIF by two implementations compare equal when the
 * plugins did the same thing.
 *
 * <p>Each fact is one entry, a path and a rendered value, e.g.
 * {@code Port[tap1].tag = 4095}, {@code Interface[tap1].external_ids:iface-id = 0f1e...},
 * {@code Link[qvb1].master = qbr1}. Maps are flattened to one entry per key,
 * sets are sorted, and references by UUID are replaced by the name of the row they
 * point to (a QoS row is named {@code qos:<external_ids:id>}), since UUIDs differ
 * between any two databases.
 *
 * <p>What is left out is what Open vSwitch or the kernel decide rather than the
 * plugin: row UUIDs and versions, {@code ofport}, {@code statistics}, {@code status},
 * {@code error}, {@code mtu} (the MTU vswitchd read back; {@code mtu_request} stays),
 * {@code link_*}, {@code admin_state}, {@code mac_in_use}, {@code ifindex},
 * {@code duplex}, {@code bfd_status}, {@code cfm*}, {@code lacp*}, {@code bond*},
 * {@code rstp_*}, {@code datapath_id}, {@code datapath_version}; and for Linux
 * devices everything but the kind, master, veth peer, MTU, the UP and PROMISC flags,
 * the bridge and tun parameters os-vif sets and the {@code disable_ipv6} sysctl.
 * MAC addresses of devices are left out too: veth and bridge MACs are random.
 */
final class OvsSnapshot {
    /** The tables a plugin writes. */
    static final List<String> TABLES = List.of("Bridge", "Port", "Interface", "QoS");
    /** The value shown for a fact one side does not have. */
    static final String ABSENT = "(absent)";

    private static final Set<String> DROPPED_COLUMNS = Set.of("_uuid", "_version", "ofport", "statistics", "status",
            "error", "mtu", "admin_state", "mac_in_use", "ifindex", "duplex", "bfd_status", "datapath_id",
            "datapath_version", "ovs_version");
    private static final List<String> DROPPED_PREFIXES = List.of("link_", "cfm", "lacp", "bond", "rstp_");
    /** Keys Open vSwitch itself writes into other_config / external_ids (none seen with 3.1 and netdev). */
    private static final Set<String> DAEMON_KEYS = Set.of();
    private static final Set<String> BRIDGE_PARAMETERS = Set.of("ageing_time", "forward_delay", "stp_state",
            "mcast_snooping");
    private static final Set<String> TUN_PARAMETERS = Set.of("type", "multi_queue");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SortedMap<String, String> facts;
    private final Map<String, List<String>> rowNames;
    private final List<String> linkNames;

    private OvsSnapshot(SortedMap<String, String> facts, Map<String, List<String>> rowNames, List<String> linkNames) {
        this.facts = facts;
        this.rowNames = rowNames;
        this.linkNames = linkNames;
    }

    /**
     * Reads the tables and the links of a sandbox.
     *
     * @param ovs the sandbox
     * @return its normalised state
     */
    static OvsSnapshot capture(PrivateOvs ovs) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, ovs.rows(table));
        }
        Map<String, String> labels = new HashMap<>();
        tables.forEach((table, rows) -> rows.forEach(row -> labels.put((String) row.get("_uuid"), label(table, row))));
        SortedMap<String, String> facts = new TreeMap<>();
        Map<String, List<String>> rowNames = new LinkedHashMap<>();
        tables.forEach((table, rows) -> {
            List<String> names = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                String label = label(table, row);
                names.add(label);
                String prefix = table + "[" + label + "].";
                row.forEach((column, value) -> {
                    if (!dropped(column)) {
                        addColumn(facts, prefix + column, value, labels);
                    }
                });
            }
            names.sort(Comparator.naturalOrder());
            rowNames.put(table, List.copyOf(names));
        });
        List<String> links = addLinks(ovs, facts);
        return new OvsSnapshot(Collections.unmodifiableSortedMap(facts), rowNames, links);
    }

    private static String label(String table, Map<String, Object> row) {
        if ("QoS".equals(table)) {
            Object ids = row.get("external_ids");
            if (ids instanceof Map<?, ?> map && map.get("id") != null) {
                return "qos:" + map.get("id");
            }
            return "qos:" + row.get("type");
        }
        return String.valueOf(row.get("name"));
    }

    private static boolean dropped(String column) {
        return DROPPED_COLUMNS.contains(column) || DROPPED_PREFIXES.stream().anyMatch(column::startsWith);
    }

    private static void addColumn(Map<String, String> facts, String path, Object value, Map<String, String> labels) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                if (!DAEMON_KEYS.contains(String.valueOf(key))) {
                    facts.put(path + ":" + key, render(item, labels));
                }
            });
            return;
        }
        facts.put(path, render(value, labels));
    }

    private static String render(Object value, Map<String, String> labels) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(render(item, labels)));
            items.sort(Comparator.naturalOrder());
            return items.toString();
        }
        if (value instanceof String text && UUID.matcher(text).matches() && labels.containsKey(text)) {
            return labels.get(text);
        }
        return String.valueOf(value);
    }

    /** Adds the links of the namespace, except the loopback device. */
    private static List<String> addLinks(PrivateOvs ovs, Map<String, String> facts) {
        String json = ovs.runner().run(Command.of("ip", "-d", "-j", "link", "show")).stdout();
        Map<String, String> ipv6 = disableIpv6(ovs);
        List<String> names = new ArrayList<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the output of ip -d -j link show: " + json, e);
        }
        for (JsonNode link : root) {
            String name = link.path("ifname").asText();
            if ("lo".equals(name)) {
                continue;
            }
            names.add(name);
            String prefix = "Link[" + name + "].";
            JsonNode info = link.path("linkinfo");
            String kind = info.path("info_kind").asText("");
            facts.put(prefix + "kind", kind.isEmpty() ? link.path("link_type").asText() : kind);
            facts.put(prefix + "mtu", link.path("mtu").asText());
            Set<String> flags = new TreeSet<>();
            link.path("flags").forEach(flag -> flags.add(flag.asText()));
            facts.put(prefix + "up", Boolean.toString(flags.contains("UP")));
            facts.put(prefix + "promisc", Boolean.toString(flags.contains("PROMISC")));
            if (link.hasNonNull("master")) {
                facts.put(prefix + "master", link.get("master").asText());
            }
            if ("veth".equals(kind) && link.hasNonNull("link")) {
                facts.put(prefix + "peer", link.get("link").asText());
            }
            Set<String> parameters = "bridge".equals(kind) ? BRIDGE_PARAMETERS
                    : "tun".equals(kind) ? TUN_PARAMETERS : Set.of();
            info.path("info_data").fields().forEachRemaining(field -> {
                if (parameters.contains(field.getKey())) {
                    facts.put(prefix + field.getKey(), field.getValue().asText());
                }
            });
            if (ipv6.containsKey(name)) {
                facts.put(prefix + "disable_ipv6", ipv6.get(name));
            }
        }
        names.sort(Comparator.naturalOrder());
        return List.copyOf(names);
    }

    /** The disable_ipv6 sysctl of every device of the namespace, read in one process (no shell). */
    private static Map<String, String> disableIpv6(PrivateOvs ovs) {
        String out = ovs.runner().run(Command.of("grep", "-r", "--include=disable_ipv6", ".",
                "/proc/sys/net/ipv6/conf").withExitCodes(0, 1, 2)).stdout();
        Map<String, String> values = new HashMap<>();
        for (String line : out.split("\n")) {
            // /proc/sys/net/ipv6/conf/<dev>/disable_ipv6:<value>
            int colon = line.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] parts = line.substring(0, colon).split("/");
            if (parts.length >= 2) {
                values.put(parts[parts.length - 2], line.substring(colon + 1).trim());
            }
        }
        return values;
    }

    /** @return every fact, path → value, sorted by path */
    SortedMap<String, String> facts() {
        return facts;
    }

    /**
     * @param table one of {@link #TABLES}
     * @return the names (QoS: labels) of its rows, sorted
     */
    List<String> rowNames(String table) {
        return rowNames.getOrDefault(table, List.of());
    }

    /**
     * @param tag a VLAN
     * @return the names of the ports with that tag
     */
    List<String> portsTagged(long tag) {
        String value = Long.toString(tag);
        return rowNames("Port").stream().filter(name -> value.equals(facts.get("Port[" + name + "].tag"))).toList();
    }

    /** @return the names of the devices, without {@code lo}, sorted */
    List<String> linkNames() {
        return linkNames;
    }

    /**
     * What remains of a VIF: every Port and Interface that is not a bridge's own local
     * port, every QoS row, and every device that is neither Open vSwitch's
     * ({@code ovs-netdev}, a bridge's internal device).
     *
     * @return one line per leftover, empty when nothing remains
     */
    List<String> leftovers() {
        Set<String> bridges = new TreeSet<>(rowNames("Bridge"));
        List<String> left = new ArrayList<>();
        for (String table : List.of("Port", "Interface")) {
            rowNames(table).stream().filter(name -> !bridges.contains(name)).forEach(name -> left.add(table + " "
                    + name));
        }
        rowNames("QoS").forEach(name -> left.add("QoS " + name));
        linkNames.stream().filter(name -> !"ovs-netdev".equals(name) && !bridges.contains(name)
).forEach(name -> left.add("device " + name));
        return left;
    }

    /**
     * Every fact whose value differs between two snapshots, or that only one has.
     *
     * @param python the snapshot of the sandbox Python os-vif plugged
     * @param java the snapshot of the sandbox the Java port plugged
     * @return the differences, sorted by path
     */
    static List<Difference> differences(OvsSnapshot python, OvsSnapshot java) {
        Set<String> paths = new TreeSet<>(python.facts.keySet());
        paths.addAll(java.facts.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String path : paths) {
            String p = python.facts.getOrDefault(path, ABSENT);
            String j = java.facts.getOrDefault(path, ABSENT);
            if (!p.equals(j)) {
                differences.add(new Difference(path, p, j));
            }
        }
        return differences;
    }

    /** @return one {@code path = value} line per fact */
    String describe() {
        StringBuilder text = new StringBuilder();
        facts.forEach((path, value) -> text.append("  ").append(path).append(" = ").append(value).append('\n'));
        return text.toString();
    }

    /**
     * One fact on which the two implementations disagree.
     *
     * @param path e.g. {@code Port[tap1].vlan_mode}
     * @param python the value Python os-vif left, or {@link #ABSENT}
     * @param java the value the Java port left, or {@link #ABSENT}
     */
    record Difference(String path, String python, String java) {
        Difference {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(python, "python");
            Objects.requireNonNull(java, "java");
        }

        @Override
        public String toString() {
            return path + ": Python " + python + ", Java " + java;
        }
    }
}
