package org.osvif.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The replica against a scripted peer: monitor fallbacks, update/update2/update3, diffs, await/sync/listen. */
@Timeout(20)
class ReplicaTest {
    private static final Duration T = Duration.ofSeconds(5);
    private static final String B1 = "11111111-1111-1111-1111-111111111111";
    private static final String B2 = "22222222-2222-2222-2222-222222222222";
    private static final String P1 = "33333333-3333-3333-3333-333333333333";
    private static final String P2 = "44444444-4444-4444-4444-444444444444";
    private static final Map<String, List<String>> TABLES = Map.of(
            "Bridge", List.of("name", "ports", "external_ids"), "Port", List.of("name", "tag", "trunks"));

    @TempDir
    Path dir;
    ScriptedPeer peer;
    OvsdbClient client;
    ScriptedPeer.Conn conn;

    @BeforeEach
    void start() throws Exception {
        peer = new ScriptedPeer(dir);
        client = OvsdbClient.connect(peer.options().build());
        conn = peer.accept();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        peer.close();
    }

    private CompletableFuture<Replica> replicate() {
        return CompletableFuture.supplyAsync(() -> client.replicate("Open_vSwitch", TABLES, T));
    }

    private static String initial() {
        return "{\"Bridge\":{\"" + B1 + "\":{\"initial\":{\"name\":\"br1\",\"ports\":[\"uuid\",\"" + P1 + "\"],"
                + "\"external_ids\":[\"map\",[[\"a\",\"1\"],[\"b\",\"2\"]]]}}},"
                + "\"Port\":{\"" + P1 + "\":{\"initial\":{\"name\":\"p1\",\"tag\":10}}}}";
    }

    private Replica started() throws Exception {
        CompletableFuture<Replica> f = replicate();
        conn.serveSchema();
        JsonNode req = conn.take("monitor_cond_since");
        assertThat(req.get("params").get(3).asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(req.get("params").get(2).get("Port").get(0).get("columns").toString())
                .isEqualTo("[\"name\",\"tag\",\"trunks\"]");
        conn.send("{\"id\":" + req.get("id") + ",\"result\":[false,\"txn-1\"," + initial() + "],\"error\":null}");
        return f.get(5, TimeUnit.SECONDS);
    }

    /** sync() is an echo round trip: the peer answers it. */
    private void sync(Replica r) throws Exception {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> r.sync(T));
        JsonNode echo = conn.take("echo");
        conn.reply(echo, echo.get("params"));
        done.get(5, TimeUnit.SECONDS);
    }

    private void update3(String txn, String updates) throws Exception {
        conn.send("{\"method\":\"update3\",\"params\":[\"replica-1\",\"" + txn + "\"," + updates + "],\"id\":null}");
    }

    @Test
    @DisplayName("monitor_cond_since fills the replica; defaults fill the columns the server left out")
    void initialContents() throws Exception {
        Replica r = started();
        Row br = r.row("Bridge", Uuid.of(B1)).orElseThrow();
        assertThat(br.string("name")).contains("br1");
        assertThat(br.set("ports")).containsExactly(Uuid.of(P1));
        assertThat(br.map("external_ids")).containsEntry("a", "1").containsEntry("b", "2");
        Row p = r.find("Port", "name", "p1").get(0);
        assertThat(p.integer("tag")).hasValue(10);
        assertThat(p.set("trunks")).isEmpty();
        assertThat(r.fullLoads()).isEqualTo(1);
        assertThatThrownBy(() -> r.rows("Interface")).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.replicate("Open_vSwitch", TABLES, T)).isSameAs(r);
    }

    @Test
    @DisplayName("update3 insert, modify (set symmetric difference, map diff, atom) and delete; listeners see each row")
    void update3() throws Exception {
        Replica r = started();
        List<ReplicaChange> seen = new CopyOnWriteArrayList<>();
        r.listen(seen::add);
        update3("txn-2", "{\"Port\":{\"" + P2 + "\":{\"insert\":{\"name\":\"p2\",\"trunks\":[\"set\",[1,2,3]]}},"
                + "\"" + P1 + "\":{\"modify\":{\"tag\":[\"set\",[10,20]]}}},"
                + "\"Bridge\":{\"" + B1 + "\":{\"modify\":{\"ports\":[\"uuid\",\"" + P2 + "\"],"
                + "\"external_ids\":[\"map\",[[\"a\",\"1\"],[\"b\",\"3\"],[\"c\",\"4\"]]]}}}}");
        sync(r);
        assertThat(r.row("Port", Uuid.of(P1)).orElseThrow().integer("tag")).hasValue(20);
        assertThat(r.row("Port", Uuid.of(P2)).orElseThrow().set("trunks")).containsExactly(1L, 2L, 3L);
        Row br = r.row("Bridge", Uuid.of(B1)).orElseThrow();
        assertThat(br.set("ports")).containsExactlyInAnyOrder(Uuid.of(P1), Uuid.of(P2));
        assertThat(br.map("external_ids")).isEqualTo(Map.of("b", "3", "c", "4"));
        assertThat(seen).hasSize(3);
        assertThat(seen).anySatisfy(c -> assertThat(c.oldRow()).isNull());

        update3("txn-3", "{\"Port\":{\"" + P2 + "\":{\"delete\":null},"
                + "\"" + P1 + "\":{\"modify\":{\"trunks\":[\"set\",[]]}}},"
                + "\"Bridge\":{\"" + B1 + "\":{\"modify\":{\"ports\":[\"set\",[[\"uuid\",\"" + P2 + "\"]]]}}}}");
        sync(r);
        assertThat(r.rows("Port")).containsOnlyKeys(Uuid.of(P1));
        assertThat(r.row("Bridge", Uuid.of(B1)).orElseThrow().set("ports")).containsExactly(Uuid.of(P1));
        assertThat(r.updatesApplied()).isEqualTo(2);
        // the empty modify of P1 changed nothing, so only the delete and the bridge are reported
        assertThat(seen).hasSize(5);
    }

    @Test
    @DisplayName("await completes when an update makes the condition true, or fails after its timeout saying what")
    void await() throws Exception {
        Replica r = started();
        CompletableFuture<Void> br2 = r.await(x -> !x.find("Bridge", "name", "br2").isEmpty(), T, "bridge br2");
        CompletableFuture<Void> never = r.await(x -> false, Duration.ofMillis(200), "the impossible");
        assertThat(r.await(x -> true, T, "now").get(1, TimeUnit.SECONDS)).isNull();
        Thread.sleep(50);
        assertThat(br2).isNotDone();
        update3("txn-2", "{\"Bridge\":{\"" + B2 + "\":{\"insert\":{\"name\":\"br2\"}}}}");
        br2.get(5, TimeUnit.SECONDS);
        Throwable e = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                () -> never.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(e).isInstanceOf(OvsdbTimeoutException.class).hasMessageContaining("the impossible");
    }

    @Test
    @DisplayName("after a reconnect the replica resumes with monitor_cond_since and its last transaction id")
    void resumesAfterReconnect() throws Exception {
        Replica r = started();
        update3("txn-2", "{\"Bridge\":{\"" + B2 + "\":{\"insert\":{\"name\":\"br2\"}}}}");
        sync(r);
        conn.close();
        conn = peer.accept();
        JsonNode req = conn.take("monitor_cond_since");
        assertThat(req.get("params").get(3).asText()).isEqualTo("txn-2");
        conn.send("{\"id\":" + req.get("id") + ",\"result\":[true,\"txn-3\",{\"Bridge\":{\"" + B2
                + "\":{\"delete\":null}}}],\"error\":null}");
        r.await(x -> x.rows("Bridge").size() == 1, T, "br2 deleted").get(5, TimeUnit.SECONDS);
        assertThat(r.fullLoads()).isEqualTo(1);
    }

    @Test
    @DisplayName("an update3 that the reader of a lost connection delivers late is ignored, not applied on top of"
            + " the resumed monitor")
    void lateUpdateOfLostConnectionIgnored() throws Exception {
        Replica r = started();
        conn.close();
        conn = peer.accept();
        JsonNode req = conn.take("monitor_cond_since");
        conn.send("{\"id\":" + req.get("id") + ",\"result\":[true,\"txn-3\",{\"Bridge\":{\"" + B2
                + "\":{\"insert\":{\"name\":\"br2\"}}}}],\"error\":null}");
        r.await(x -> x.rows("Bridge").size() == 2, T, "br2").get(5, TimeUnit.SECONDS);
        // What the reader of connection #1 could still hand over after the loss: an update the resume holds.
        ClientReplica cr = (ClientReplica) r;
        cr.update(1, "update3", ScriptedPeer.JSON.readTree("[\"replica-1\",\"txn-2\",{\"Bridge\":{\"" + B1
                + "\":{\"modify\":{\"external_ids\":[\"map\",[[\"a\",\"1\"]]]}}}}]"));
        assertThat(cr.lastTxnId()).isEqualTo("txn-3");
        assertThat(r.updatesApplied()).isZero();
        assertThat(r.rows("Bridge").get(Uuid.of(B1)).map("external_ids")).containsEntry("a", "1");
        assertThat(cr.resumes()).isEqualTo(1);
        assertThat(r.fullLoads()).isEqualTo(1);
    }

    @Test
    @DisplayName("a full reload (found=false) is applied as a diff: listeners see only rows that changed")
    void fullReloadAsDiff() throws Exception {
        Replica r = started();
        List<ReplicaChange> seen = new CopyOnWriteArrayList<>();
        r.listen(seen::add);
        conn.close();
        conn = peer.accept();
        JsonNode req = conn.take("monitor_cond_since");
        String reloaded = initial().replace("\"tag\":10", "\"tag\":11");
        conn.send("{\"id\":" + req.get("id") + ",\"result\":[false,\"txn-9\"," + reloaded + "],\"error\":null}");
        r.await(x -> x.fullLoads() == 2, T, "reload").get(5, TimeUnit.SECONDS);
        sync(r);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).newRow().integer("tag")).hasValue(11);
    }

    @Test
    @DisplayName("without monitor_cond_since it falls back to monitor_cond (update2), then to monitor (update)")
    void fallbacks() throws Exception {
        CompletableFuture<Replica> f = replicate();
        conn.serveSchema();
        conn.replyError(conn.take("monitor_cond_since"), "unknown method");
        conn.replyError(conn.take("monitor_cond"), "unknown method");
        JsonNode req = conn.take("monitor");
        assertThat(req.get("params").get(2).get("Bridge").get("columns")).isNotNull();
        conn.send("{\"id\":" + req.get("id") + ",\"result\":{\"Bridge\":{\"" + B1 + "\":{\"new\":{\"name\":\"br1\","
                + "\"ports\":[\"set\",[]],\"external_ids\":[\"map\",[]]}}}},\"error\":null}");
        Replica r = f.get(5, TimeUnit.SECONDS);
        assertThat(r.rows("Bridge")).hasSize(1);
        conn.send("{\"method\":\"update\",\"params\":[\"replica-1\",{\"Bridge\":{\"" + B1 + "\":{\"old\":{\"name\":"
                + "\"br1\"},\"new\":{\"name\":\"br1\",\"ports\":[\"set\",[]],\"external_ids\":[\"map\",[[\"k\",\"v\"]]]}},"
                + "\"" + B2 + "\":{\"new\":{\"name\":\"br2\",\"ports\":[\"set\",[]],\"external_ids\":[\"map\",[]]}}}}],"
                + "\"id\":null}");
        sync(r);
        assertThat(r.rows("Bridge")).hasSize(2);
        assertThat(r.row("Bridge", Uuid.of(B1)).orElseThrow().map("external_ids")).containsEntry("k", "v");
        conn.send("{\"method\":\"update\",\"params\":[\"replica-1\",{\"Bridge\":{\"" + B1 + "\":{\"old\":{}}}}],"
                + "\"id\":null}");
        sync(r);
        assertThat(r.rows("Bridge")).containsOnlyKeys(Uuid.of(B2));
    }

    @Test
    @DisplayName("monitor_cond's update2 notifications are applied too")
    void update2() throws Exception {
        CompletableFuture<Replica> f = replicate();
        conn.serveSchema();
        conn.replyError(conn.take("monitor_cond_since"), "unknown method");
        JsonNode req = conn.take("monitor_cond");
        conn.send("{\"id\":" + req.get("id") + ",\"result\":" + initial() + ",\"error\":null}");
        Replica r = f.get(5, TimeUnit.SECONDS);
        conn.send("{\"method\":\"update2\",\"params\":[\"replica-1\",{\"Port\":{\"" + P1
                + "\":{\"modify\":{\"trunks\":[\"set\",[5]]}}}}],\"id\":null}");
        sync(r);
        assertThat(r.row("Port", Uuid.of(P1)).orElseThrow().set("trunks")).containsExactly(5L);
    }

    @Test
    @DisplayName("replicating an unknown column is refused before any monitor is sent")
    void unknownColumn() throws Exception {
        CompletableFuture<Replica> f = CompletableFuture.supplyAsync(() -> client.replicate("Open_vSwitch",
                Map.of("Bridge", List.of("nam")), T));
        conn.serveSchema();
        Throwable e = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                () -> f.get(5, TimeUnit.SECONDS)).getCause();
        assertThat(e).isInstanceOf(OvsdbSchemaException.class).hasMessageContaining("no column nam");
        assertThat(conn.poll(Duration.ofMillis(200))).isNull();
    }
}
