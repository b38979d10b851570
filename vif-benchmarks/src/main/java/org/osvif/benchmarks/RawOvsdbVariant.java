package org.osvif.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The floor: the same add-port as a plug (isolated Port, Interface with external_ids and
 * {@code mtu_request}, added to the bridge), written by hand as one OVSDB {@code transact} on a unix
 * socket opened once, then waiting for ovs-vswitchd ({@code cur_cfg} reaching the {@code next_cfg}
 * the transaction set) through a plain {@code monitor} on the same socket. No library, no replica,
 * no checks: what any client must at least spend.
 */
final class RawOvsdbVariant implements PlugLatencyHarness.Variant {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final SocketChannel channel;
    private final OutputStream out;
    private final JsonParser in;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "raw-ovsdb-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final String bridgeUuid;
    private final String port;
    private final ObjectNode externalIds;
    private long curCfg;
    private long nextId;
    private String portUuid;

    private RawOvsdbVariant(SocketChannel channel, String port, ObjectNode externalIds) throws IOException {
        this.channel = channel;
        this.out = Channels.newOutputStream(channel);
        InputStream stream = Channels.newInputStream(channel);
        // A Reader: the InputStream form reads ahead to detect the encoding, before anything was sent.
        this.in = JSON.getFactory().createParser(new java.io.InputStreamReader(stream, StandardCharsets.UTF_8));
        this.port = port;
        this.externalIds = externalIds;
        ObjectNode monitor = request("monitor");
        monitor.putArray("params").add("Open_vSwitch").add("cur_cfg")
                .addObject().putObject("Open_vSwitch").putArray("columns").add("cur_cfg");
        applyCurCfg(reply(send(monitor)));
        ArrayNode select = JSON.createArrayNode();
        ObjectNode op = select.addObject().put("op", "select").put("table", "Bridge");
        op.putArray("where").addArray().add("name").add("==").add(PlugLatencyHarness.BRIDGE);
        op.putArray("columns").add("_uuid");
        JsonNode result = reply(send(transact(select)));
        this.bridgeUuid = result.get(0).get("rows").get(0).get("_uuid").get(1).asText();
    }

    /**
     * @param db {@code unix:PATH} of the switch
     * @param port the port name this variant plugs
     * @param ifaceId the interface's {@code iface-id}
     * @param mac the interface's MAC
     * @return the variant, its socket open and its monitor started
     */
    static RawOvsdbVariant open(String db, String port, String ifaceId, String mac) {
        if (!db.startsWith("unix:")) {
            throw new IllegalArgumentException("the raw variant needs a unix: database, not " + db);
        }
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(Path.of(db.substring("unix:".length()))));
            ObjectNode ids = JSON.createObjectNode();
            ids.put("iface-id", ifaceId).put("iface-status", "active").put("attached-mac", mac)
                    .put("vm-uuid", PlugLatencyHarness.INSTANCE_UUID);
            return new RawOvsdbVariant(channel, port, ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + db, e);
        }
    }

    @Override
    public String name() {
        return "raw-ovsdb";
    }

    @Override
    public void plug() {
        ArrayNode ops = JSON.createArrayNode();
        ObjectNode iface = ops.addObject().put("op", "insert").put("table", "Interface").put("uuid-name", "i");
        ArrayNode pairs = JSON.createArrayNode();
        externalIds.fields().forEachRemaining(e -> pairs.addArray().add(e.getKey()).add(e.getValue().asText()));
        ObjectNode ifaceRow = iface.putObject("row").put("name", port).put("mtu_request", 1500);
        ifaceRow.putArray("external_ids").add("map").add(pairs);
        ObjectNode portRow = ops.addObject().put("op", "insert").put("table", "Port").put("uuid-name", "p")
                .putObject("row");
        portRow.put("name", port).put("tag", 4095).put("vlan_mode", "trunk").put("trunks", 4095);
        portRow.putArray("interfaces").add("named-uuid").add("i");
        ObjectNode addToBridge = ops.addObject().put("op", "mutate").put("table", "Bridge");
        addToBridge.putArray("where").addArray().add("_uuid").add("==").addArray().add("uuid").add(bridgeUuid);
        addToBridge.putArray("mutations").addArray().add("ports").add("insert").addArray().add("named-uuid").add("p");
        JsonNode result = commitAndWait(ops);
        portUuid = result.get(1).get("uuid").get(1).asText();
    }

    @Override
    public void unplug() {
        ArrayNode ops = JSON.createArrayNode();
        ObjectNode removal = ops.addObject().put("op", "mutate").put("table", "Bridge");
        removal.putArray("where").addArray().add("_uuid").add("==").addArray().add("uuid").add(bridgeUuid);
        removal.putArray("mutations").addArray().add("ports").add("delete").addArray().add("uuid").add(portUuid);
        commitAndWait(ops);
    }

    /** Adds the next_cfg increment, commits, and reads until ovs-vswitchd has applied it. */
    private JsonNode commitAndWait(ArrayNode ops) {
        ops.addObject().put("op", "mutate").put("table", "Open_vSwitch").set("where", JSON.createArrayNode());
        ((ObjectNode) ops.get(ops.size() - 1)).putArray("mutations").addArray().add("next_cfg").add("+=").add(1);
        ObjectNode select = ops.addObject().put("op", "select").put("table", "Open_vSwitch");
        select.set("where", JSON.createArrayNode());
        select.putArray("columns").add("next_cfg");
        ScheduledFuture<?> alarm = watchdog.schedule(this::closeQuietly, DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            JsonNode result = reply(send(transact(ops)));
            for (JsonNode r : result) {
                if (r.has("error")) {
                    throw new IllegalStateException("transaction failed: " + result);
                }
            }
            long next = result.get(ops.size() - 1).get("rows").get(0).get("next_cfg").asLong();
            while (curCfg < next) {
                handle(read());
            }
            return result;
        } finally {
            alarm.cancel(false);
        }
    }

    private ObjectNode request(String method) {
        return JSON.createObjectNode().put("id", ++nextId).put("method", method);
    }

    private ObjectNode transact(ArrayNode ops) {
        ObjectNode request = request("transact");
        ArrayNode params = request.putArray("params").add("Open_vSwitch");
        ops.forEach(params::add);
        return request;
    }

    private long send(ObjectNode request) {
        try {
            out.write(JSON.writeValueAsBytes(request));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return request.get("id").asLong();
    }

    /** Reads until the reply to {@code id}, handling notifications and echoes on the way. */
    private JsonNode reply(long id) {
        while (true) {
            JsonNode message = read();
            if (message.hasNonNull("id") && message.get("id").asLong() == id && message.has("result")) {
                if (!message.path("error").isNull() && !message.path("error").isMissingNode()) {
                    throw new IllegalStateException("request " + id + " failed: " + message);
                }
                return message.get("result");
            }
            handle(message);
        }
    }

    private void handle(JsonNode message) {
        String method = message.path("method").asText("");
        if ("echo".equals(method)) {
            ObjectNode reply = JSON.createObjectNode();
            reply.set("id", message.get("id"));
            reply.set("result", message.get("params"));
            reply.putNull("error");
            try {
                out.write(JSON.writeValueAsBytes(reply));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if ("update".equals(method)) {
            applyCurCfg(message.get("params").get(1));
        }
    }

    private void applyCurCfg(JsonNode tableUpdates) {
        tableUpdates.path("Open_vSwitch").forEach(row -> {
            JsonNode cur = row.path("new").path("cur_cfg");
            if (cur.isNumber()) {
                curCfg = Math.max(curCfg, cur.asLong());
            }
        });
    }

    private JsonNode read() {
        try {
            if (in.nextToken() == null) {
                throw new IllegalStateException("ovsdb-server closed the connection");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }

    @Override
    public void close() {
        closeQuietly();
        watchdog.shutdownNow();
    }
}
