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

    @Test
    @DisplayName("clustered database: after the server drops the connection, listeners see only the change")
    void onlyChangesAfterReconnect() throws Exception {
        try (OvsdbServerProcess own = OvsdbServerProcess.start(true, false)) {
            own.vsctl("init");
            own.vsctl("add-br", "bra");
            try (OvsdbClient c = OvsdbClient.connect(OvsdbClientOptions.builder(OvsdbEndpoint.parse(own.unix()))
                    .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500)).build())) {
                Replica r = c.replicate(DB, Map.of("Bridge", List.of("name")), T);
                List<ReplicaChange> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
                r.listen(seen::add);
                // ovsdb-server/reconnect drops every client connection; the server keeps running. (Across a
                // restart OVS 3.1 did not reliably find the old transaction id: see docs/ovsdb-client.md.)
                own.run("ovs-appctl", "-t", own.file("ctl").toString(), "ovsdb-server/reconnect");
                own.vsctl("add-br", "brb");
                r.await(x -> x.rows("Bridge").size() == 2, T, "bridge brb").get(20, TimeUnit.SECONDS);
                r.sync(T);
                OvsdbClientTest.waitUntil(c::isConnected);
                // Whether the server answered found=true (changes only) or sent everything again (fullLoads 2),
                // listeners see only the row that changed. See docs/ovsdb-client.md for what was observed.
                assertThat(r.fullLoads()).isBetween(1L, 2L);
                assertThat(seen).extracting(ch -> ch.newRow().string("name").orElseThrow()).containsExactly("brb");
            }
        }
    }
}
