package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;
import org.osvif.testing.ovs.PrivateOvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What is on the sandbox's host after a plug, read the way an operator would: OVSDB rows through
 * {@code ovs-vsctl list}, devices through {@code ip -d -j link show}, kernel settings through {@code /proc/sys}
 * of the sandbox's network namespace.
 *
 * <p><b>Normalised rows.</b> {@link #port}, {@link #iface}, {@link #bridge} return a row as a sorted map
 * without the columns ovs-vswitchd writes ({@code _uuid}, {@code ofport}, {@code statistics}, {@code status},
 * {@code link_*}, {@code admin_state}, {@code mac_in_use}, {@code ifindex}, {@code error}, {@code mtu},
 * {@code datapath_id}, ...) and without columns at their schema default (empty set or map, empty string,
 * {@code false}, 0), so the expected map of a test lists exactly what a plug wrote and any behaviour change
 * shows up as a diff. References are resolved: {@code Port.interfaces} and {@code Bridge.ports} become names
 * (one name, or a sorted list), {@code Port.qos} becomes the normalised QoS row.
 */
final class HostState {
    /** Upstream's {@code QOS_UUID_NAMESPACE}: a port's default QoS row has {@code external_ids:id=uuid5(NS, port)}. */
    static final UUID QOS_NAMESPACE = UUID.fromString("68da264a-847f-42a8-8ab0-5e774aee3d95");

    private static final Set<String> WRITTEN_BY_VSWITCHD = Set.of("_uuid", "_version", "ofport", "statistics",
            "status", "admin_state", "link_state", "link_speed", "link_resets", "mac_in_use", "ifindex", "error",
            "mtu", "duplex", "lacp_current", "bfd_status", "cfm_fault", "cfm_fault_status", "cfm_flap_count",
            "cfm_health", "cfm_remote_mpids", "cfm_remote_opstate", "rstp_status", "rstp_statistics",
            "bond_active_slave", "datapath_id", "datapath_version");
    /** Integer columns where 0 would be a setting, not the default. */
    private static final Set<String> ZERO_IS_MEANINGFUL = Set.of("tag", "mtu_request", "ofport_request");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateOvs ovs;

    HostState(PrivateOvs ovs) {
        this.ovs = ovs;
    }

    // ---- OVSDB ----

    /** @param name a port @return its normalised Port row @throws AssertionError when there is none */
    Map<String, Object> port(String name) {
        return normalise("Port", require("Port", name));
    }

    /** @param name an interface @return its normalised Interface row @throws AssertionError when there is none */
    Map<String, Object> iface(String name) {
        return normalise("Interface", require("Interface", name));
    }

    /** @param name a bridge @return its normalised Bridge row @throws AssertionError when there is none */
    Map<String, Object> bridge(String name) {
        return normalise("Bridge", require("Bridge", name));
    }

    /**
     * The normalised Port, Interface and Bridge rows of some names (absent ones left out), to compare the
     * state before and after something that must change nothing.
     *
     * @param ports ports (each also looked up as an interface)
     * @param bridges bridges
     * @return table:name → normalised row
     */
    Map<String, Map<String, Object>> snapshot(Collection<String> ports, Collection<String> bridges) {
        Map<String, Map<String, Object>> state = new TreeMap<>();
        for (String port : ports) {
            row("Port", port).ifPresent(row -> state.put("Port:" + port, normalise("Port", row)));
            row("Interface", port).ifPresent(row -> state.put("Interface:" + port, normalise("Interface", row)));
        }
        for (String bridge : bridges) {
            row("Bridge", bridge).ifPresent(row -> state.put("Bridge:" + bridge, normalise("Bridge", row)));
        }
        return state;
    }

    /** @param table a table @param name a row's name @return the raw row, if there is one */
    Optional<Map<String, Object>> row(String table, String name) {
        List<Map<String, Object>> rows = ovs.rows(table).stream().filter(r -> name.equals(r.get("name"))).toList();
        assertThat(rows).as("%s rows named %s", table, name).hasSizeLessThanOrEqualTo(1);
        return rows.stream().findFirst();
    }

    /** @param name a port @return whether a Port row of that name exists (on any bridge) */
    boolean hasPort(String name) {
        return row("Port", name).isPresent();
    }

    /**
     * @param port a port name
     * @return the raw QoS rows that carry the port's default-QoS key ({@code external_ids:id=uuid5(port)})
     */
    List<Map<String, Object>> qosRowsOf(String port) {
        String key = qosKey(port);
        return ovs.rows("QoS").stream()
                .filter(r -> r.get("external_ids") instanceof Map<?, ?> ids && key.equals(ids.get("id")))
                .toList();
    }

    /** @return the number of rows of the QoS table */
    int qosRowCount() {
        return ovs.rows("QoS").size();
    }

    /**
     * @param port a port name
     * @return {@code uuid.uuid5(QOS_UUID_NAMESPACE, port)}, as upstream computes the key of its default QoS row
     */
    static String qosKey(String port) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(QOS_NAMESPACE.getMostSignificantBits())
                    .putLong(QOS_NAMESPACE.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(port.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> require(String table, String name) {
        return row(table, name).orElseThrow(() -> new AssertionError("no " + table + " row named " + name
                + "; bridges: " + ovs.bridgeNames() + ", ports: " + ovs.portNames()));
    }

    private Map<String, Object> normalise(String table, Map<String, Object> row) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, Object> column : row.entrySet()) {
            String name = column.getKey();
            Object value = column.getValue();
            if (WRITTEN_BY_VSWITCHD.contains(name) || isDefault(name, value)) {
                continue;
            }
            switch (table + "." + name) {
                case "Port.interfaces" -> value = names("Interface", value);
                case "Bridge.ports" -> value = names("Port", value);
                case "Port.qos" -> value = qos((String) value);
                default -> value = sorted(value);
            }
            out.put(name, value);
        }
        return out;
    }

    private static boolean isDefault(String column, Object value) {
        return value instanceof List<?> list && list.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty()
                || "".equals(value)
                || Boolean.FALSE.equals(value)
                || Long.valueOf(0).equals(value) && !ZERO_IS_MEANINGFUL.contains(column);
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new TreeMap<>();
            map.forEach(copy::put);
            return copy;
        }
        return value;
    }

    /** Replaces one UUID or a list of them by the names of the rows they point to. */
    private Object names(String table, Object uuids) {
        List<Map<String, Object>> rows = ovs.rows(table);
        List<?> list = uuids instanceof List<?> l ? l : List.of(uuids);
        List<String> names = new ArrayList<>();
        for (Object uuid : list) {
            names.add(rows.stream().filter(r -> uuid.equals(r.get("_uuid"))).map(r -> (String) r.get("name"))
                    .findFirst().orElse("?" + uuid));
        }
        names.sort(null);
        return names.size() == 1 ? names.get(0) : List.copyOf(names);
    }

    private Object qos(String uuid) {
        Map<String, Object> row = ovs.rows("QoS").stream().filter(r -> uuid.equals(r.get("_uuid"))).findFirst()
                .orElseThrow(() -> new AssertionError("Port.qos points to a missing QoS row " + uuid));
        return normalise("QoS", row);
    }

    // ---- kernel ----

    /**
     * @param dev a device
     * @return what {@code ip -d -j link show dev DEV} says about it in the sandbox's namespace, if it exists
     */
    Optional<JsonNode> link(String dev) {
        CommandResult result = ovs.runner().run(Command.of("ip", "-d", "-j", "link", "show", "dev", dev)
                .withExitCodes(0, 1));
        if (result.exitCode() != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(result.stdout()).get(0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read ip -j output: " + result.stdout(), e);
        }
    }

    /** @param dev a device @return its {@code ip -d -j link show} entry @throws AssertionError when it is missing */
    JsonNode requireLink(String dev) {
        return link(dev).orElseThrow(() -> new AssertionError("no device " + dev + " in the sandbox; devices: "
                + ovs.links()));
    }

    /**
     * Waits until a device has an MTU: ovs-vswitchd applies {@code mtu_request} asynchronously.
     *
     * @param dev a device
     * @param mtu the MTU
     * @throws AssertionError when it does not within 10 s
     */
    void awaitMtu(String dev, int mtu) {
        boolean reached = waitUntil(Duration.ofSeconds(10),
                () -> link(dev).map(l -> l.path("mtu").asInt() == mtu).orElse(false));
        assertThat(reached).as("%s reaches MTU %d; now %s", dev, mtu, link(dev).map(l -> l.path("mtu")))
                .isTrue();
    }

    /** Polls a condition every 20 ms until it holds or the limit passes. @return whether it held */
    static boolean waitUntil(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** @param dev a device @return whether it exists in the sandbox */
    boolean hasLink(String dev) {
        return ovs.links().contains(dev);
    }

    /**
     * @param path a path under {@code /proc/sys}, e.g. {@code net/ipv6/conf/qbr1/disable_ipv6}
     * @return its content, trimmed, read inside the sandbox's namespace
     */
    String procSys(String path) {
        return ovs.runner().run(Command.of("cat", "/proc/sys/" + path)).stdout().trim();
    }

    /**
     * @param link a device as {@link #link} returns it
     * @return its flags, e.g. {@code [BROADCAST, MULTICAST, PROMISC, UP]}
     */
    static List<String> flags(JsonNode link) {
        List<String> flags = new ArrayList<>();
        link.path("flags").forEach(flag -> flags.add(flag.asText()));
        return flags;
    }

    // ---- nothing left ----

    /**
     * Asserts that nothing named so remains: no Port, Interface or Bridge row, no default-QoS row keyed by the
     * name, no device in the sandbox.
     *
     * @param names ports, devices or bridges of a VIF
     */
    void assertNoTrace(String... names) {
        List<Map<String, Object>> ports = ovs.rows("Port");
        List<Map<String, Object>> interfaces = ovs.rows("Interface");
        List<Map<String, Object>> qos = ovs.rows("QoS");
        List<String> bridges = ovs.bridgeNames();
        List<String> links = ovs.links();
        for (String name : names) {
            assertThat(ports).as("Port rows named %s", name).noneMatch(r -> name.equals(r.get("name")));
            assertThat(interfaces).as("Interface rows named %s", name).noneMatch(r -> name.equals(r.get("name")));
            String key = qosKey(name);
            assertThat(qos).as("QoS rows keyed by %s", name)
                    .noneMatch(r -> r.get("external_ids") instanceof Map<?, ?> ids && key.equals(ids.get("id")));
            assertThat(bridges).as("bridges").doesNotContain(name);
            assertThat(links).as("devices in the sandbox").doesNotContain(name);
        }
    }

    /**
     * Builds an expected normalised row.
     *
     * @param columnsAndValues column, value, column, value, ...
     * @return a sorted map
     */
    static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new TreeMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    /**
     * @param ids the VIF
     * @param ifaceId the iface-id
     * @return the Interface external_ids of a VIF: iface-id, iface-status, attached-mac, vm-uuid
     */
    static Map<String, Object> externalIds(Vifs.Ids ids, String ifaceId) {
        return row("iface-id", ifaceId, "iface-status", "active", "attached-mac", ids.mac(), "vm-uuid",
                Vifs.INSTANCE_UUID);
    }

    /** @param values names @return them sorted, as normalised rows list several names */
    static List<String> sortedNames(String... values) {
        List<String> list = new ArrayList<>(List.of(values));
        list.sort(null);
        return List.copyOf(list);
    }
}
