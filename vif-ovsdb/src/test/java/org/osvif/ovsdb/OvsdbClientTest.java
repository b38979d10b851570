package org.osvif.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client against a scripted peer: framing, pipelining, errors, deadlines, loss and reconnection. */
@Timeout(20)
class OvsdbClientTest {
    private static final Duration T = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    ScriptedPeer peer;
    OvsdbClient client;

    @BeforeEach
    void start() throws Exception {
        peer = new ScriptedPeer(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        peer.close();
    }

    private ScriptedPeer.Conn connect(OvsdbClientOptions.Builder options) throws Exception {
        client = OvsdbClient.connect(options.build());
        return peer.accept();
    }

    private static CompletableFuture<List<String>> listDbsAsync(OvsdbClient c) {
        return CompletableFuture.supplyAsync(() -> c.listDbs(T));
    }

    @Test
    @DisplayName("a reply split into single bytes is put back together")
    void byteByByte() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<List<String>> dbs = listDbsAsync(client);
        JsonNode req = conn.take("list_dbs");
        for (char c : ("{\"id\":" + req.get("id") + ",\"result\":[\"Open_vSwitch\",\"_Server\"],\"error\":null}")
                .toCharArray()) {
            conn.send(String.valueOf(c));
            Thread.sleep(1);
        }
        assertThat(dbs.get(5, TimeUnit.SECONDS)).containsExactly("Open_vSwitch", "_Server");
    }

    @Test
    @DisplayName("several replies in one write, out of order and with a notification between them, reach their callers")
    void pipelinedOutOfOrder() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(() -> client.call("list_dbs",
                ScriptedPeer.JSON.createArrayNode(), T));
        JsonNode ra = conn.take("list_dbs");
        CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(() -> client.echo(T));
        JsonNode rb = conn.take("echo");
        conn.send("{\"id\":" + rb.get("id") + ",\"result\":[\"B\"],\"error\":null}"
                + "{\"method\":\"update2\",\"params\":[\"nobody\",{}],\"id\":null}\n"
                + "{\"id\":" + ra.get("id") + ",\"result\":[\"A\"],\"error\":null}");
        assertThat(a.get(5, TimeUnit.SECONDS).get(0).asText()).isEqualTo("A");
        assertThat(b.get(5, TimeUnit.SECONDS).get(0).asText()).isEqualTo("B");
    }

    @Test
    @DisplayName("the server's echo is answered with the same params")
    void answersEcho() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        conn.send("{\"method\":\"echo\",\"params\":[\"x\",1],\"id\":\"echo\"}");
        JsonNode reply = conn.take();
        assertThat(reply.get("id").asText()).isEqualTo("echo");
        assertThat(reply.get("result").toString()).isEqualTo("[\"x\",1]");
        assertThat(reply.get("error").isNull()).isTrue();
    }

    @Test
    @DisplayName("after probeInterval idle the client sends an echo; unanswered, it drops the connection and reconnects")
    void idleEcho() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options().probeInterval(Duration.ofMillis(200)));
        long start = System.nanoTime();
        JsonNode echo = conn.take("echo");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(150);
        conn.reply(echo, echo.get("params"));
        JsonNode second = conn.take("echo");
        // Not answered: the client gives up on this connection and opens another.
        ScriptedPeer.Conn again = peer.accept();
        assertThat(second.get("id")).isNotNull();
        assertThat(again).isNotNull();
    }

    @Test
    @DisplayName("malformed JSON fails the calls in flight with a clear error, then the client reconnects")
    void malformedJson() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<List<String>> dbs = listDbsAsync(client);
        conn.take("list_dbs");
        conn.send("{\"id\": 1, \"result\": [tru");
        conn.send("e x]}");
        Throwable e = catchThrowableOfType(ExecutionException.class, () -> dbs.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(e).isInstanceOf(OvsdbConnectionException.class)
                .hasMessageContaining("list_dbs to unix:").hasMessageContaining("malformed JSON");
        ScriptedPeer.Conn again = peer.accept();
        CompletableFuture<List<String>> retry = listDbsAsync(client);
        again.reply(again.take("list_dbs"), List.of("Open_vSwitch"));
        assertThat(retry.get(5, TimeUnit.SECONDS)).containsExactly("Open_vSwitch");
    }

    @Test
    @DisplayName("a message larger than maxMessageBytes is a protocol error; the client reconnects")
    void oversized() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options().maxMessageBytes(1024));
        CompletableFuture<List<String>> dbs = listDbsAsync(client);
        JsonNode req = conn.take("list_dbs");
        conn.send("{\"id\":" + req.get("id") + ",\"result\":[\"" + "x".repeat(600) + "\",\"" + "y".repeat(600)
                + "\"],\"error\":null}");
        Throwable e = catchThrowableOfType(ExecutionException.class, () -> dbs.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(e).isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("larger than 1024 bytes");
        assertThat(peer.accept()).isNotNull();
    }

    @Test
    @DisplayName("a JSON-RPC error reply becomes an OvsdbErrorException with the error object")
    void errorReply() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<List<String>> dbs = listDbsAsync(client);
        conn.replyError(conn.take("list_dbs"), "unknown database");
        OvsdbErrorException e = (OvsdbErrorException) catchThrowableOfType(ExecutionException.class,
                () -> dbs.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(e.error()).isEqualTo("unknown database");
        assertThat(e.operationIndex()).isEmpty();
    }

    private static final List<Operation> OPS = List.of(
            Operation.comment("test"),
            Operation.insert("Bridge", Map.of("name", "br1"), "br"),
            Operation.mutate("Open_vSwitch", List.of(), List.of(Mutation.insert("bridges", new NamedUuid("br")))));

    @Test
    @DisplayName("a transaction's error object at index N names operation N")
    void transactErrorAtIndex() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<TransactResult> r = CompletableFuture.supplyAsync(() -> client.transact("Open_vSwitch",
                OPS, T));
        conn.serveSchema();
        JsonNode req = conn.take("transact");
        assertThat(req.get("params").get(2).get("uuid-name").asText()).isEqualTo("br");
        conn.send("{\"id\":" + req.get("id") + ",\"result\":[{},{\"error\":\"constraint violation\","
                + "\"details\":\"Transaction causes multiple rows in \\\"Bridge\\\" table to have identical values"
                + " (\\\"br1\\\") for index on column \\\"name\\\".\"},null],\"error\":null}");
        OvsdbErrorException e = (OvsdbErrorException) catchThrowableOfType(ExecutionException.class,
                () -> r.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(e.operationIndex()).hasValue(1);
        assertThat(e.operation()).contains(OPS.get(1));
        assertThat(e.error()).isEqualTo("constraint violation");
        assertThat(e.details()).get().asString().contains("br1");
        assertThat(e).hasMessageContaining("operation 1 (insert on Bridge)");
    }

    @Test
    @DisplayName("an error object after the last result is a commit failure, no operation named")
    void transactCommitError() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<TransactResult> r = CompletableFuture.supplyAsync(() -> client.transact("Open_vSwitch",
                OPS, T));
        conn.serveSchema();
        JsonNode req = conn.take("transact");
        conn.send("{\"id\":" + req.get("id") + ",\"result\":[{},{\"uuid\":[\"uuid\",\"2a1c5b0e-6d2f-4c3a-9b8e-"
                + "1f2e3d4c5b6a\"]},{\"count\":1},{\"error\":\"referential integrity violation\"}],\"error\":null}");
        OvsdbErrorException e = (OvsdbErrorException) catchThrowableOfType(ExecutionException.class,
                () -> r.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(e.operationIndex()).isEmpty();
        assertThat(e.operation()).isEmpty();
        assertThat(e.error()).isEqualTo("referential integrity violation");
    }

    @Test
    @DisplayName("a successful transaction gives one result per operation")
    void transactResults() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<TransactResult> r = CompletableFuture.supplyAsync(() -> client.transact("Open_vSwitch",
                OPS, T));
        conn.serveSchema();
        JsonNode req = conn.take("transact");
        conn.send("{\"id\":" + req.get("id") + ",\"result\":[{},{\"uuid\":[\"uuid\",\"2a1c5b0e-6d2f-4c3a-9b8e-"
                + "1f2e3d4c5b6a\"]},{\"count\":1}],\"error\":null}");
        TransactResult result = r.get(5, TimeUnit.SECONDS);
        assertThat(result.get(1).uuid()).contains(Uuid.of("2a1c5b0e-6d2f-4c3a-9b8e-1f2e3d4c5b6a"));
        assertThat(result.get(2).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("an unknown column is refused before anything is sent, naming db, table and column")
    void schemaRefusal() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<TransactResult> r = CompletableFuture.supplyAsync(() -> client.transact("Open_vSwitch",
                List.of(Operation.insert("Bridge", Map.of("nam", "br1"), null)), T));
        conn.serveSchema();
        Throwable e = catchThrowableOfType(ExecutionException.class, () -> r.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(e).isInstanceOf(OvsdbSchemaException.class)
                .hasMessageContaining("table Bridge of database Open_vSwitch has no column nam; its columns are")
                .hasMessageContaining("name");
        assertThatThrownBy(() -> client.transact("Open_vSwitch",
                List.of(Operation.update("Port", List.of(Condition.eq("name", "p")), Map.of("tag", "x"))), T))
                .isInstanceOf(OvsdbSchemaException.class)
                .hasMessageContaining("column Port.tag of database Open_vSwitch expects a integer");
        assertThatThrownBy(() -> client.transact("Open_vSwitch", List.of(Operation.delete("Brige", List.of())), T))
                .isInstanceOf(OvsdbSchemaException.class)
                .hasMessageContaining("database Open_vSwitch has no table Brige");
        assertThat(conn.poll(Duration.ofMillis(200))).as("nothing after get_schema").isNull();
    }

    @Test
    @DisplayName("a call without a reply fails at its deadline, naming method and deadline")
    void deadline() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.call("list_dbs", ScriptedPeer.JSON.createArrayNode(), Duration.ofMillis(300)))
                .isInstanceOf(OvsdbTimeoutException.class)
                .hasMessageContaining("list_dbs").hasMessageContaining("PT0.3S");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 3000L);
        assertThat(conn.take("list_dbs")).isNotNull();
    }

    @Test
    @DisplayName("cancelling transactAsync's future sends the cancel notification with the request's id")
    void cancel() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<CompletableFuture<TransactResult>> started = CompletableFuture.supplyAsync(
                () -> client.transactAsync("Open_vSwitch", List.of(Operation.commit(false)), T));
        conn.serveSchema();
        CompletableFuture<TransactResult> r = started.get(5, TimeUnit.SECONDS);
        JsonNode req = conn.take("transact");
        assertThat(r.cancel(true)).isTrue();
        JsonNode cancel = conn.take("cancel");
        assertThat(cancel.get("params").get(0)).isEqualTo(req.get("id"));
        assertThat(cancel.get("id").isNull()).isTrue();
    }

    @Test
    @DisplayName("losing the connection fails a transaction in flight at once, saying it may have committed")
    void lossFailsPending() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        CompletableFuture<TransactResult> r = CompletableFuture.supplyAsync(() -> client.transact("Open_vSwitch",
                List.of(Operation.commit(false)), Duration.ofSeconds(30)));
        conn.serveSchema();
        conn.take("transact");
        long start = System.nanoTime();
        conn.close();
        Throwable e = catchThrowableOfType(ExecutionException.class, () -> r.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
        assertThat(e).isInstanceOf(OvsdbConnectionException.class)
                .hasMessageContaining(peer.endpoint().toString())
                .hasMessageContaining("may or may not have committed");
    }

    @Test
    @DisplayName("while the server is away the client retries with backoff and reconnects by itself")
    void reconnectWithBackoff() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options());
        peer.stopListening();
        conn.close();
        waitUntil(() -> !client.isConnected());
        assertThatThrownBy(() -> client.listDbs(T)).isInstanceOf(OvsdbConnectionException.class)
                .hasMessageContaining("not connected");
        Thread.sleep(500);
        peer.listen();
        ScriptedPeer.Conn again = peer.accept();
        waitUntil(client::isConnected);
        CompletableFuture<List<String>> dbs = listDbsAsync(client);
        again.reply(again.take("list_dbs"), List.of("Open_vSwitch"));
        assertThat(dbs.get(5, TimeUnit.SECONDS)).containsExactly("Open_vSwitch");
    }

    @Test
    @DisplayName("a server that drops every connection at once gets attempts spaced min, 2 min, 4 min ... max")
    void backoffMeasured() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options().reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(160)));
        Thread.sleep(100); // up longer than the minimum: the first attempt after its loss comes after the minimum
        long[] expected = {20, 40, 80, 160, 160, 160};
        long[] gaps = new long[expected.length];
        long last = System.nanoTime();
        conn.close();
        for (int i = 0; i < expected.length; i++) {
            ScriptedPeer.Conn c = peer.accept();
            long now = System.nanoTime();
            gaps[i] = TimeUnit.NANOSECONDS.toMillis(now - last);
            last = now;
            c.close(); // at once: the client's connection lived for less than the delay before it
        }
        // The client's delay starts when it sees the loss, a little after the peer's close, so no gap is
        // shorter than its delay (less a millisecond of rounding); 60 ms of slack for a busy machine still
        // tells the cap (160) from another doubling (320).
        for (int i = 0; i < expected.length; i++) {
            assertThat(gaps[i]).as("gap %d of %s ms", i, java.util.Arrays.toString(gaps))
                    .isBetween(expected[i] - 1, expected[i] + 60);
        }
        // A connection that stays up resets the backoff to the minimum.
        ScriptedPeer.Conn stable = peer.accept();
        Thread.sleep(300);
        long start = System.nanoTime();
        stable.close();
        peer.accept();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(18L, 130L);
    }

    @Test
    @DisplayName("close fails pending calls, stops every thread and closes the socket")
    void closeLeavesNothing() throws Exception {
        ScriptedPeer.Conn conn = connect(peer.options().probeInterval(Duration.ofSeconds(1)));
        CompletableFuture<List<String>> dbs = listDbsAsync(client);
        conn.take("list_dbs");
        assertThat(threads()).isNotEmpty();
        client.close();
        client.close();
        Throwable e = catchThrowableOfType(ExecutionException.class, () -> dbs.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(e).isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("closed");
        waitUntil(() -> threads().isEmpty());
        // The peer sees the end of the stream: the socket is closed.
        assertThat(conn.poll(Duration.ofMillis(100))).isNull();
        assertThatThrownBy(() -> client.listDbs(T)).isInstanceOf(OvsdbConnectionException.class);
    }

    private List<String> threads() {
        String suffix = peer.endpoint().toString();
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("ovsdb-") && n.contains(suffix)).toList();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
