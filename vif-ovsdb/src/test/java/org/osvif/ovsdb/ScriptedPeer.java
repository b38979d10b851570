package org.osvif.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An in-process JSON-RPC peer on a unix socket in a temporary directory: a test accepts the client's
 * connection, takes the messages it sent, and writes whatever bytes it likes back (split, joined, broken).
 */
final class ScriptedPeer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode SCHEMA;

    static {
        try (InputStream in = ScriptedPeer.class.getResourceAsStream("test.ovsschema")) {
            SCHEMA = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Path path;
    private ServerSocketChannel server;
    private final CopyOnWriteArrayList<Conn> conns = new CopyOnWriteArrayList<>();

    ScriptedPeer(Path dir) throws IOException {
        this.path = dir.resolve("peer.sock");
        listen();
    }

    void listen() throws IOException {
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
    }

    /** Stops listening, so that connecting fails. */
    void stopListening() throws IOException {
        server.close();
        Files.deleteIfExists(path);
    }

    OvsdbEndpoint endpoint() {
        return OvsdbEndpoint.parse("unix:" + path);
    }

    OvsdbClientOptions.Builder options() {
        return OvsdbClientOptions.builder(endpoint()).probeInterval(Duration.ZERO)
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    /** Accepts the next connection (the client connects synchronously, so it is already queued). */
    Conn accept() throws IOException {
        ServerSocketChannel s = server;
        // accept() has no timeout; a watchdog closes the server socket if nobody connects in time.
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(5000);
                s.close();
            } catch (InterruptedException | IOException e) {
                // accepted in time
            }
        }, "peer-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Conn c = new Conn(s.accept());
            conns.add(c);
            return c;
        } finally {
            watchdog.interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        for (Conn c : conns) {
            c.close();
        }
        server.close();
        Files.deleteIfExists(path);
    }

    /** One accepted connection. */
    static final class Conn implements AutoCloseable {
        private final SocketChannel ch;
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final Thread reader;

        Conn(SocketChannel ch) {
            this.ch = ch;
            this.reader = new Thread(() -> {
                try {
                    Iterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(Channels.newInputStream(ch));
                    while (it.hasNext()) {
                        received.add(it.next());
                    }
                } catch (IOException | RuntimeException e) {
                    // closed
                }
            }, "peer-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** @return the next message from the client, within 5 s */
        JsonNode take() throws InterruptedException {
            JsonNode m = received.poll(5, TimeUnit.SECONDS);
            assertThat(m).as("a message from the client").isNotNull();
            return m;
        }

        /** @return the next message, or null when none comes within the time */
        JsonNode poll(Duration d) throws InterruptedException {
            return received.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Takes the next message, checking its method. */
        JsonNode take(String method) throws InterruptedException {
            JsonNode m = take();
            assertThat(m.path("method").asText()).as("method of " + m).isEqualTo(method);
            return m;
        }

        void send(String raw) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }

        void reply(JsonNode request, Object result) throws IOException {
            ObjectNode r = JSON.createObjectNode();
            r.set("id", request.get("id"));
            r.set("result", JSON.valueToTree(result));
            r.putNull("error");
            send(r.toString());
        }

        void replyError(JsonNode request, String error) throws IOException {
            send("{\"id\":" + request.get("id") + ",\"result\":null,\"error\":{\"error\":\"" + error + "\"}}");
        }

        /** Answers the get_schema the client sends first for a transact or replicate. */
        void serveSchema() throws IOException, InterruptedException {
            reply(take("get_schema"), SCHEMA);
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
