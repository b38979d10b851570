package org.osvif.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against a real ovsdb-server of this host (no ovs-vswitchd needed). Disabled when Open vSwitch
 * is missing, except under CI=true, where that fails.
 */
@Tag("functional")
@Timeout(60)
class OvsdbClientIT {
    private static final Duration T = Duration.ofSeconds(10);
    private static final String DB = "Open_vSwitch";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static OvsdbServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        requirePrerequisites();
        server = OvsdbServerProcess.start(false, true);
        server.vsctl("init");
    }

    static void requirePrerequisites() {
        List<String> missing = OvsdbServerProcess.missing();
        if (!missing.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and a private ovsdb-server cannot run: " + missing);
        }
        Assumptions.assumeTrue(missing.isEmpty(), () -> "a private ovsdb-server cannot run: " + missing);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String bridge() {
        return "brit" + ProcessHandle.current().pid() % 10000 + "x" + NAMES.incrementAndGet();
    }

    private static OvsdbClient connect(String endpoint) {
        return OvsdbClient.connect(OvsdbClientOptions.builder(OvsdbEndpoint.parse(endpoint)).build());
    }

    private static TransactResult addBridge(OvsdbClient c, String name) {
        return c.transact(DB, List.of(
                Operation.insert("Bridge", Map.of("name", name), "br"),
                Operation.mutate("Open_vSwitch", List.of(), List.of(Mutation.insert("bridges", new NamedUuid("br"))))),
                T);
    }

    @Test
    @DisplayName("unix: list_dbs, get_schema, insert a Bridge and read it back")
    void unixTransact() {
        try (OvsdbClient c = connect(server.unix())) {
            assertThat(c.listDbs(T)).contains(DB);
            DatabaseSchema schema = c.schema(DB, T);
            assertThat(schema.table("Bridge").orElseThrow().column("ports").orElseThrow().refTable()).contains("Port");
            String name = bridge();
            Uuid uuid = addBridge(c, name).get(0).uuid().orElseThrow();
            TransactResult read = c.transact(DB, List.of(Operation.select("Bridge", List.of(Condition.uuidIs(uuid)),
                    List.of("name", "datapath_type"))), T);
            assertThat(read.get(0).rows()).hasSize(1);
            assertThat(read.get(0).rows().get(0)).containsEntry("name", name);
            OvsdbErrorException dup = catchThrowableOfType(OvsdbErrorException.class, () -> addBridge(c, name));
            assertThat(dup.error()).isEqualTo("constraint violation");
            assertThat(dup.operationIndex()).isEmpty();
            assertThat(dup.details()).get().asString().contains(name);
        }
    }

    @Test
    @DisplayName("tcp and ssl on 127.0.0.1; ssl with a CA that did not sign the server is refused")
    void tcpAndSsl() {
        try (OvsdbClient c = connect("tcp:127.0.0.1:" + server.tcpPort)) {
            assertThat(c.listDbs(T)).contains(DB);
        }
        OvsdbClientOptions.Builder ssl = OvsdbClientOptions.builder(OvsdbEndpoint.parse("ssl:127.0.0.1:"
                + server.sslPort)).privateKey(server.file("client-privkey.pem"))
                .certificate(server.file("client-cert.pem"));
        try (OvsdbClient c = OvsdbClient.connect(ssl.caCertificate(server.file("pki/switchca/cacert.pem")).build())) {
            assertThat(c.echo(T).get(0).asText()).isEqualTo("echo");
        }
        assertThatThrownBy(() -> OvsdbClient.connect(ssl.caCertificate(server.file("stranger-cert.pem")).build()))
                .isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("ssl:127.0.0.1:" + server.sslPort);
    }

    @Test
    @DisplayName("a wait operation that never holds fails with 'timed out' naming the operation")
    void waitTimesOut() {
        try (OvsdbClient c = connect(server.unix())) {
            OvsdbErrorException e = catchThrowableOfType(OvsdbErrorException.class, () -> c.transact(DB, List.of(
                    Operation.wait("Bridge", List.of(Condition.eq("name", bridge())), List.of("name"), "!=",
                            List.of(), 100L)), T));
            assertThat(e.error()).isEqualTo("timed out");
            assertThat(e.operationIndex()).hasValue(0);
        }
    }

    @Test
    @DisplayName("the replica sees another writer's change (ovs-vsctl)")
    void replicaSeesOtherWriter() throws Exception {
        try (OvsdbClient c = connect(server.unix())) {
            Replica r = c.replicate(DB, Map.of("Bridge", List.of("name", "external_ids")), T);
            String name = bridge();
            server.vsctl("add-br", name, "--", "br-set-external-id", name, "k", "v");
            r.await(x -> !x.find("Bridge", "name", name).isEmpty(), T, "bridge " + name).get(10, TimeUnit.SECONDS);
            assertThat(r.find("Bridge", "name", name).get(0).map("external_ids")).containsEntry("k", "v");
            r.sync(T);
        }
    }

    @Test
    @DisplayName("SIGKILL of the server fails a transaction in flight within its deadline; after a restart the"
            + " client reconnects by itself and the replica is right")
    void killAndRestart() throws Exception {
        try (OvsdbServerProcess own = OvsdbServerProcess.start(false, false)) {
            own.vsctl("init");
            try (OvsdbClient c = OvsdbClient.connect(OvsdbClientOptions.builder(OvsdbEndpoint.parse(own.unix()))
                    .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).build())) {
                Replica r = c.replicate(DB, Map.of("Bridge", List.of("name")), T);
                // A wait that blocks in the server until the deadline keeps the transaction in flight.
                CompletableFuture<TransactResult> inFlight = c.transactAsync(DB, List.of(Operation.wait("Bridge",
                        List.of(Condition.eq("name", "nobody")), List.of("name"), "!=", List.of(), null)),
                        Duration.ofSeconds(20));
                Thread.sleep(200);
                long start = System.nanoTime();
                own.stop("KILL");
                Throwable e = catchThrowableOfType(ExecutionException.class,
                        () -> inFlight.get(20, TimeUnit.SECONDS)).getCause();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
                assertThat(e).isInstanceOf(OvsdbConnectionException.class).hasMessageContaining(own.unix())
                        .hasMessageContaining("may or may not have committed");
                String name = bridge();
                own.startServer();
                own.vsctl("add-br", name);
                r.await(x -> !x.find("Bridge", "name", name).isEmpty(), T, "bridge " + name)
                        .get(15, TimeUnit.SECONDS);
                assertThat(c.isConnected()).isTrue();
                assertThat(r.fullLoads()).isEqualTo(2);
            }
        }
    }

    /*
     * ovsdb-server (3.1) keeps the history that monitor_cond_since resumes from only for a clustered database,
     * and only while the history holds fewer atoms than the database itself (and at most 100 transactions; the
     * last one is always kept). A transaction that creates most of a tiny database pushes everything before it
     * out. So the clustered databases below get eight bridges in one transaction and then a small one, which
     * leaves only the small one in the history: the id the client resumes from.
     */
    private static OvsdbServerProcess clusteredWithRows() throws Exception {
        OvsdbServerProcess own = OvsdbServerProcess.start(true, false);
        try {
            own.vsctl("init");
            List<String> args = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                args.addAll(List.of("--", "add-br", "bra" + i));
            }
            own.vsctl(args.subList(1, args.size()).toArray(new String[0]));
            own.vsctl("set", "Bridge", "bra0", "external_ids:step=1");
            return own;
        } catch (Exception | Error e) {
            own.close();
            throw e;
        }
    }

    private static OvsdbClient connectQuickly(OvsdbServerProcess own) {
        return OvsdbClient.connect(OvsdbClientOptions.builder(OvsdbEndpoint.parse(own.unix()))
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200)).build());
    }

    /** "+name" for an insert, "-name" for a delete, "~name" for a modification. */
    private static List<String> names(List<ReplicaChange> changes) {
        return changes.stream().map(ch -> ch.oldRow() == null ? "+" + ch.newRow().string("name").orElseThrow()
                : ch.newRow() == null ? "-" + ch.oldRow().string("name").orElseThrow()
                : "~" + ch.newRow().string("name").orElseThrow()).toList();
    }

    @Test
    @DisplayName("clustered database: after the server drops the connection and another writer adds a bridge, the"
            + " monitor resumes with found=true and the replica gets only that bridge")
    void resumesAfterReconnect() throws Exception {
        try (OvsdbServerProcess own = clusteredWithRows();
                OvsdbClient c = connectQuickly(own)) {
            Replica r = c.replicate(DB, Map.of("Bridge", List.of("name", "external_ids")), T);
            assertThat(r.rows("Bridge")).hasSize(8);
            List<ReplicaChange> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            r.listen(seen::add);
            // Removing the client's remote closes the client's connection and keeps the client out while the
            // other writer (on another socket) commits, so the change can only come with the resumed monitor.
            own.removeClientRemote();
            OvsdbClientTest.waitUntil(() -> !c.isConnected());
            own.vsctl("add-br", "brb");
            own.addClientRemote();
            r.await(x -> x.rows("Bridge").size() == 9, T, "bridge brb").get(20, TimeUnit.SECONDS);
            r.sync(T);
            assertThat(((ClientReplica) r).resumes()).as("monitor_cond_since answered found=true").isEqualTo(1);
            assertThat(r.fullLoads()).isEqualTo(1);
            assertThat(r.updatesApplied()).as("no update notification: the change came with the resume").isZero();
            assertThat(r.find("Bridge", "name", "brb")).hasSize(1);
            assertThat(names(seen)).containsExactly("+brb");
            // The same again, now over ovsdb-server/reconnect (the server drops every connection; the client
            // comes back within its backoff, before or after the other writer's change).
            own.appctl("ovsdb-server/reconnect");
            own.vsctl("add-br", "brc");
            r.await(x -> x.rows("Bridge").size() == 10, T, "bridge brc").get(20, TimeUnit.SECONDS);
            OvsdbClientTest.waitUntil(c::isConnected);
            r.sync(T);
            assertThat(r.fullLoads()).isEqualTo(1);
            assertThat(names(seen)).containsExactly("+brb", "+brc");
        }
    }

    @Test
    @DisplayName("clustered database, server killed and started again on the same files: the replica resumes from"
            + " the history the server rebuilt from its log; once that history is gone, a full reload applied as"
            + " a diff")
    void resumesAfterRestart() throws Exception {
        try (OvsdbServerProcess own = clusteredWithRows();
                OvsdbClient c = connectQuickly(own)) {
            Replica r = c.replicate(DB, Map.of("Bridge", List.of("name", "external_ids")), T);
            List<ReplicaChange> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            r.listen(seen::add);
            long pid = own.pid();
            own.stop("KILL");
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            // Started without the client's remote, so the other writer's change is committed before the
            // client can come back.
            own.startServer(false);
            own.vsctl("add-br", "brb");
            own.addClientRemote();
            r.await(x -> x.rows("Bridge").size() == 9, T, "bridge brb").get(20, TimeUnit.SECONDS);
            r.sync(T);
            // What ovsdb-server 3.1 does: it replays its raft log at start-up into the history, trimmed by the
            // same rule, so the id from before the kill is still there.
            assertThat(((ClientReplica) r).resumes()).as("found=true after the restart").isEqualTo(1);
            assertThat(r.fullLoads()).isEqualTo(1);
            assertThat(names(seen)).containsExactly("+brb");

            // A transaction larger than the rest of the database (deleting most of it) pushes the client's id
            // out of the history. The server then answers found=false with everything; the replica applies it
            // as a diff, so listeners see only the seven deleted bridges.
            own.removeClientRemote();
            OvsdbClientTest.waitUntil(() -> !c.isConnected());
            List<String> args = new java.util.ArrayList<>();
            List<String> deleted = new java.util.ArrayList<>();
            for (int i = 1; i < 8; i++) {
                args.addAll(List.of("--", "del-br", "bra" + i));
                deleted.add("-bra" + i);
            }
            own.vsctl(args.subList(1, args.size()).toArray(new String[0]));
            own.addClientRemote();
            r.await(x -> x.rows("Bridge").size() == 2, T, "bridges bra1..7 deleted").get(20, TimeUnit.SECONDS);
            r.sync(T);
            assertThat(((ClientReplica) r).resumes()).isEqualTo(1);
            assertThat(r.fullLoads()).as("found=false: a full reload").isEqualTo(2);
            assertThat(r.updatesApplied()).isZero();
            assertThat(names(seen).subList(1, seen.size())).containsExactlyInAnyOrderElementsOf(deleted);
            assertThat(r.find("Bridge", "name", "bra0")).hasSize(1);
        }
    }
}
