package org.osvif.ovsdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private ovsdb-server in a temporary directory of the host's network namespace, listening on a unix
 * socket and, optionally, on ephemeral tcp and ssl ports of 127.0.0.1 only. Certificates come from ovs-pki.
 * Stopped by pid; the directory is removed on close.
 */
final class OvsdbServerProcess implements AutoCloseable {
    static final Path SCHEMA = Path.of("/usr/share/openvswitch/vswitch.ovsschema");
    private static final List<String> PROGRAMS = List.of("ovsdb-server", "ovsdb-tool", "ovs-appctl", "ovs-vsctl",
            "ovs-pki");
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    final Path dir;
    final boolean clustered;
    int tcpPort;
    int sslPort;

    /** @return what the host lacks to run one; empty when it can */
    static List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String p : PROGRAMS) {
            if (which(p) == null) {
                missing.add(p + " not found (apt-get install -y openvswitch-switch)");
            }
        }
        if (!Files.isReadable(SCHEMA)) {
            missing.add(SCHEMA + " not found (apt-get install -y openvswitch-switch)");
        }
        return missing;
    }

    private static Path which(String program) {
        String path = System.getenv("PATH") + ":/usr/sbin:/sbin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return Path.of(d, program);
            }
        }
        return null;
    }

    private OvsdbServerProcess(Path dir, boolean clustered) {
        this.dir = dir;
        this.clustered = clustered;
    }

    /** Creates the database (standalone or a one-server cluster) and the certificates, and starts the server. */
    static OvsdbServerProcess start(boolean clustered, boolean inetRemotes) throws IOException {
        Path dir = Files.createTempDirectory("osvif-ovsdb-");
        OvsdbServerProcess s = new OvsdbServerProcess(dir, clustered);
        try {
            if (clustered) {
                s.run("ovsdb-tool", "create-cluster", dir.resolve("conf.db").toString(), SCHEMA.toString(),
                        "unix:" + dir.resolve("raft.sock"));
            } else {
                s.run("ovsdb-tool", "create", dir.resolve("conf.db").toString(), SCHEMA.toString());
            }
            if (inetRemotes) {
                s.run("ovs-pki", "--dir=" + dir.resolve("pki"), "init");
                s.run("ovs-pki", "-d", dir.resolve("pki").toString(), "-b", "req+sign", "server", "switch");
                s.run("ovs-pki", "-d", dir.resolve("pki").toString(), "-b", "req+sign", "client", "switch");
                s.run("ovs-pki", "-d", dir.resolve("pki").toString(), "-b", "req", "stranger");
                s.run("ovs-pki", "-d", dir.resolve("pki").toString(), "-b", "self-sign", "stranger");
            }
            s.startServer();
            if (inetRemotes) {
                s.tcpPort = s.addRemote("ptcp:0:127.0.0.1");
                s.sslPort = s.addRemote("pssl:0:127.0.0.1");
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    void startServer() throws IOException {
        startServer(true);
    }

    /**
     * Starts the server on the files of the directory. It always listens on {@code admin.sock} (what
     * {@link #vsctl} uses); on {@code db.sock} (what tests connect clients to) only when {@code clientRemote}.
     */
    void startServer(boolean clientRemote) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ovsdb-server", dir.resolve("conf.db").toString(),
                "--remote=punix:" + dir.resolve("admin.sock"), "--pidfile=" + dir.resolve("pid"),
                "--unixctl=" + dir.resolve("ctl"), "--log-file=" + dir.resolve("log"), "--detach"));
        if (Files.exists(dir.resolve("server-privkey.pem"))) {
            argv.add("--private-key=" + dir.resolve("server-privkey.pem"));
            argv.add("--certificate=" + dir.resolve("server-cert.pem"));
            argv.add("--ca-cert=" + dir.resolve("pki/switchca/cacert.pem"));
        }
        if (clientRemote) {
            argv.add("--remote=punix:" + dir.resolve("db.sock"));
        }
        run(argv.toArray(new String[0]));
    }

    /** Stops listening on db.sock, which also closes every client connection made through it. */
    void removeClientRemote() throws IOException {
        appctl("ovsdb-server/remove-remote", "punix:" + dir.resolve("db.sock"));
    }

    /** Listens on db.sock again. */
    void addClientRemote() throws IOException {
        appctl("ovsdb-server/add-remote", "punix:" + dir.resolve("db.sock"));
    }

    /** Runs ovs-appctl against this server. */
    String appctl(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ovs-appctl", "--timeout=10", "-t", dir.resolve("ctl").toString()));
        argv.addAll(List.of(args));
        return run(argv.toArray(new String[0]));
    }

    private int addRemote(String remote) throws IOException {
        int before = ports().size();
        appctl("ovsdb-server/add-remote", remote);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<Integer> ports = ports();
            if (ports.size() > before) {
                return ports.get(before);
            }
            sleep(20);
        }
        throw new IOException("ovsdb-server did not log the port of " + remote + " within 10 s: " + log());
    }

    private List<Integer> ports() throws IOException {
        List<Integer> ports = new ArrayList<>();
        Matcher m = LISTENING.matcher(log());
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        return ports;
    }

    String log() throws IOException {
        Path log = dir.resolve("log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** @return the endpoint clients connect to (db.sock) */
    String unix() {
        return "unix:" + dir.resolve("db.sock");
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    long pid() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("pid")).trim());
    }

    /** Stops the server with the signal given (TERM or KILL) and waits until it is gone. */
    void stop(String signal) throws IOException {
        if (!Files.exists(dir.resolve("pid"))) {
            return;
        }
        long pid = pid();
        ProcessHandle.of(pid).ifPresent(p -> {
            if (signal.equals("KILL")) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        Files.deleteIfExists(dir.resolve("pid"));
    }

    void vsctl(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ovs-vsctl", "--db=unix:" + dir.resolve("admin.sock"),
                "--no-wait", "--timeout=10"));
        argv.addAll(List.of(args));
        run(argv.toArray(new String[0]));
    }

    /** Runs a program in the directory (ovs-pki writes there), within 30 s. */
    String run(String... argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("OVS_RUNDIR", dir.toString());
        pb.environment().put("OVS_DBDIR", dir.toString());
        pb.environment().put("OVS_LOGDIR", dir.toString());
        pb.environment().put("PATH", System.getenv("PATH") + ":/usr/sbin:/sbin");
        Process p = pb.start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        stop("TERM");
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
