package org.osvif.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.CommandRunners;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.objects.base.ObjectVersion;
import org.osvif.objects.base.VersionManifest;
import org.osvif.testing.ovs.PrivateOvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Plug latency on a real Open vSwitch: the Java port against one bare
 * {@code ovs-vsctl} doing the same transaction, and against Python os-vif.
 * Needs root and Open vSwitch (and, for the Python rows, Debian's
 * python3-os-vif); not a JMH benchmark, because a sandboxed switch and child
 * processes do not fit JMH's forks.
 *
 * <pre>
 * java -cp vif-benchmarks/target/benchmarks.jar org.osvif.benchmarks.PlugLatencyHarness \
 *      [--cycles 200] [--warmup 20] [--python-process-cycles 20] [--no-python] [--json]
 * </pre>
 *
 * <p>What it does: starts a {@link PrivateOvs} (its own ovsdb-server and
 * ovs-vswitchd in a new network namespace) with a {@code netdev} bridge
 * {@code br-int}, then runs itself again <em>inside</em> that namespace (a
 * child JVM under {@code ip netns exec}), so that every process it and Python
 * start is a plain child, as on a compute host, with no {@code ip netns exec}
 * wrapper around each command. There, in each round and in a rotating order so
 * that all share the machine's noise, it plug+unplug cycles:
 *
 * <ul>
 * <li><b>java</b>: a VIFOpenVSwitch (profile {@code create_port}, datapath
 *     {@code netdev}) through {@link OsVif} with {@code isolate_vif = true},
 *     the vsctl driver and the system command runner; a counting runner records
 *     every process each plug and unplug starts;</li>
 * <li><b>ovs-vsctl</b>: one {@code ovs-vsctl} process with the same add-port
 *     transaction ({@code --may-exist add-port}, {@code set Port tag=4095
 *     vlan_mode=trunk trunks=4095}, {@code set Interface external_ids:...}),
 *     then one with {@code --if-exists del-port}, through the same runner;</li>
 * <li><b>python (long-lived)</b>: Python os-vif in one interpreter that imported
 *     it once ({@code tools/ovs/plug_python.py --serve}); the time is the round
 *     trip of one request;</li>
 * <li><b>python (process per plug)</b>: {@code plug_python.py ... plug} as one
 *     new process per operation, as a script would call it; interpreter start-up
 *     and imports dominate, so only every few rounds
 *     ({@code --python-process-cycles}).</li>
 * </ul>
 *
 * Each variant uses a port name of its own on the same bridge. Then it plugs and
 * unplugs one VIF of each other path (hybrid, per-port bridge, vhost-user) once,
 * only to count the processes. It prints a table (or JSON with {@code --json})
 * with median and p95 per plug and unplug, the ratios and whether the issue's
 * targets are met: at most one {@code ovs-vsctl} process per plug (hybrid
 * aside) and a plug within 1.2x of the bare {@code ovs-vsctl} call.
 */
public final class PlugLatencyHarness {
    static final String BRIDGE = "br-int";
    static final String INSTANCE_UUID = "7f3c2a1b-0000-4000-8000-000000000001";
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("tools", "ovs", "plug_python.py");
    /** Python os-vif 3.0.0 reads VIFPortProfileOpenVSwitch up to 1.3. */
    static final VersionManifest PYTHON_3_0_0 = VersionManifest.of(Map.of(
            VifPortProfileOpenVSwitch.OBJ_NAME, ObjectVersion.of(1, 3)));
    static final double LATENCY_TARGET = 1.2;
    private static final String INSIDE = SandboxChild.INSIDE;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(150);

    private PlugLatencyHarness() {
    }

    /** The command line. */
    record Options(int cycles, int warmup, int pythonProcessCycles, boolean python, boolean json, Path script,
            String insideDb) {
        static Options parse(String[] args) {
            int cycles = 200;
            int warmup = 20;
            int pythonProcessCycles = 20;
            boolean python = true;
            boolean json = false;
            Path script = null;
            String insideDb = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--cycles" -> cycles = positive(arg, value(args, ++i, arg));
                    case "--warmup" -> warmup = nonNegative(arg, value(args, ++i, arg));
                    case "--python-process-cycles" -> pythonProcessCycles = nonNegative(arg, value(args, ++i, arg));
                    case "--no-python" -> python = false;
                    case "--json" -> json = true;
                    case "--python-script" -> script = Path.of(value(args, ++i, arg));
                    case INSIDE -> insideDb = value(args, ++i, arg);
                    case "-h", "--help" -> throw new UsageException(null);
                    default -> throw new UsageException("unknown argument " + arg);
                }
            }
            return new Options(cycles, warmup, Math.min(pythonProcessCycles, cycles), python, json, script,
                    insideDb);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String option, String text) {
            int value = nonNegative(option, text);
            if (value == 0) {
                throw new UsageException(option + " must be positive");
            }
            return value;
        }

        private static int nonNegative(String option, String text) {
            try {
                int value = Integer.parseInt(text);
                if (value < 0) {
                    throw new UsageException(option + " must not be negative");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a number, not " + text);
            }
        }
    }

    /** A usage error; the message is null for --help. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final String USAGE = "usage: java -cp benchmarks.jar org.osvif.benchmarks.PlugLatencyHarness "
            + "[--cycles N] [--warmup N] [--python-process-cycles N] [--no-python] [--python-script PATH] [--json]";

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        int code;
        try {
            code = options.insideDb() == null ? outside(args) : inside(options);
        } catch (RuntimeException e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    // ---- outside: the sandbox ----

    /** Starts the sandbox and runs this class again inside its namespace. */
    private static int outside(String[] args) {
        List<String> missing = PrivateOvs.missingPrerequisites();
        if (!missing.isEmpty()) {
            System.err.println("plug latency needs root and Open vSwitch: " + String.join("; ", missing));
            return 1;
        }
        progress("starting a private Open vSwitch");
        try (PrivateOvs ovs = PrivateOvs.start(PrivateOvs.Options.defaults().withShutdownHook(true))) {
            ovs.addBridge(BRIDGE);
            List<String> argv = SandboxChild.argv(ovs, PlugLatencyHarness.class, args);
            progress("running the measurement inside network namespace " + ovs.namespace());
            Process child = new ProcessBuilder(argv).inheritIO().start();
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
                return 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- inside: the measurement ----

    /** One way of plugging, measured in plug+unplug cycles. */
    interface Variant extends AutoCloseable {
        String name();

        void plug();

        void unplug();

        @Override
        default void close() {
        }
    }

    private static int inside(Options options) {
        String db = options.insideDb();
        CommandRunner system = CommandRunners.system(List.of(), COMMAND_TIMEOUT);
        CountingCommandRunner counting = new CountingCommandRunner(system);
        Path workDir;
        try {
            workDir = Files.createTempDirectory("osvif-plug-latency-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode report = new ObjectMapper().createObjectNode();
        report.set("setup", setup(options, db, system));
        List<Variant> variants = new ArrayList<>();
        Map<String, Stats> stats = new LinkedHashMap<>();
        String pythonSkipped = null;
        try (OsVif osvif = OsVif.initialize(config(db, false, "native"), InitOptions.builder()
                .commandRunner(counting).build());
                OsVif vsctlOsvif = OsVif.initialize(config(db, false, "vsctl"), InitOptions.builder()
                        .commandRunner(counting).build())) {
            variants.add(new JavaVariant("java-native", osvif, counting, genericVif("7")));
            variants.add(new JavaVariant("java-vsctl", vsctlOsvif, counting, genericVif("b")));
            variants.add(RawOvsdbVariant.open(db, "tap60000000-00", vifId("6"), "fa:16:3e:00:00:06"));
            variants.add(new VsctlVariant(system, db, "tapa0000000-00"));
            Variant pythonProcess = null;
            if (options.python()) {
                Path script = options.script() != null ? options.script() : findScript();
                pythonSkipped = pythonMissing(script);
                if (pythonSkipped == null) {
                    variants.add(PythonServeVariant.start(script, db, genericVif("5"), workDir, "native"));
                    variants.add(PythonServeVariant.start(script, db, genericVif("c"), workDir, "vsctl"));
                    pythonProcess = new PythonProcessVariant(system, script, db, genericVif("d"), workDir);
                }
            } else {
                pythonSkipped = "--no-python";
            }
            for (Variant variant : variants) {
                stats.put(variant.name(), new Stats());
            }
            if (pythonProcess != null) {
                stats.put(pythonProcess.name(), new Stats());
            }
            measure(options, variants, pythonProcess, stats);
            report.set("census", census(db, counting, osvif));
        } finally {
            variants.forEach(Variant::close);
            deleteQuietly(workDir);
        }
        report.set("results", results(stats, pythonSkipped));
        report.set("targets", targets(stats));
        if (options.json()) {
            try {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(report));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            printTable(report, System.out);
        }
        return 0;
    }

    private static void measure(Options options, List<Variant> variants, Variant pythonProcess,
            Map<String, Stats> stats) {
        int rounds = options.warmup() + options.cycles();
        int every = options.pythonProcessCycles() == 0 ? Integer.MAX_VALUE
                : Math.max(1, options.cycles() / options.pythonProcessCycles());
        int processRuns = 0;
        int processWarmups = 0;
        for (int round = 0; round < rounds; round++) {
            boolean recording = round >= options.warmup();
            List<Variant> order = new ArrayList<>(variants);
            if (pythonProcess != null) {
                boolean warm = !recording && round >= options.warmup() - 2 && processWarmups < 2
                        && options.pythonProcessCycles() > 0;
                boolean measured = recording && processRuns < options.pythonProcessCycles()
                        && (round - options.warmup()) % every == 0;
                if (warm || measured) {
                    order.add(pythonProcess);
                    if (warm) {
                        processWarmups++;
                    } else {
                        processRuns++;
                    }
                }
            }
            Collections.rotate(order, round % order.size());
            for (Variant variant : order) {
                long begin = System.nanoTime();
                variant.plug();
                long plugged = System.nanoTime();
                variant.unplug();
                long unplugged = System.nanoTime();
                if (recording) {
                    Stats s = stats.get(variant.name());
                    s.plug.add(plugged - begin);
                    s.unplug.add(unplugged - plugged);
                    if (variant instanceof JavaVariant java) {
                        s.plugCommands.add(java.lastPlugCommands);
                        s.unplugCommands.add(java.lastUnplugCommands);
                        long vsctl = CountingCommandRunner.nanos(java.lastPlugCommands, "ovs-vsctl");
                        long all = CountingCommandRunner.nanos(java.lastPlugCommands, null);
                        s.plugVsctl.add(vsctl);
                        s.plugOtherProcesses.add(all - vsctl);
                        s.plugInJvm.add(plugged - begin - all);
                    }
                }
            }
            if ((round + 1) % 20 == 0 || round + 1 == rounds) {
                progress("round " + (round + 1) + "/" + rounds + (recording ? "" : " (warm-up)"));
            }
        }
    }

    /** Latencies of one variant and, for Java, the commands of each plug and unplug. */
    static final class Stats {
        final Latencies plug = new Latencies();
        final Latencies unplug = new Latencies();
        final List<List<CountingCommandRunner.Run>> plugCommands = new ArrayList<>();
        final List<List<CountingCommandRunner.Run>> unplugCommands = new ArrayList<>();
        /** Java only: per plug, the time spent in ovs-vsctl processes, in other processes, and in the JVM. */
        final Latencies plugVsctl = new Latencies();
        final Latencies plugOtherProcesses = new Latencies();
        final Latencies plugInJvm = new Latencies();
    }

    // ---- variants ----

    /** The Java port through OsVif. */
    static final class JavaVariant implements Variant {
        private final String name;
        private final OsVif osvif;
        private final CountingCommandRunner counting;
        private final VifBase vif;
        private final InstanceInfo instance = instance();
        List<CountingCommandRunner.Run> lastPlugCommands = List.of();
        List<CountingCommandRunner.Run> lastUnplugCommands = List.of();

        JavaVariant(String name, OsVif osvif, CountingCommandRunner counting, VifBase vif) {
            this.name = name;
            this.osvif = osvif;
            this.counting = counting;
            this.vif = vif;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void plug() {
            counting.drain();
            osvif.plug(vif, instance);
            lastPlugCommands = counting.drain();
        }

        @Override
        public void unplug() {
            counting.drain();
            osvif.unplug(vif, instance);
            lastUnplugCommands = counting.drain();
        }
    }

    /** One bare ovs-vsctl per operation, the same transaction os-vif sends. */
    static final class VsctlVariant implements Variant {
        private final CommandRunner runner;
        private final Command plug;
        private final Command unplug;

        VsctlVariant(CommandRunner runner, String db, String port) {
            this.runner = runner;
            List<String> options = List.of("ovs-vsctl", "--timeout=120", "--oneline", "--format=json", "--db=" + db);
            List<String> plugArgv = new ArrayList<>(options);
            plugArgv.addAll(List.of("--", "--may-exist", "add-port", BRIDGE, port,
                    "--", "set", "Port", port, "tag=4095", "vlan_mode=trunk", "trunks=4095",
                    "--", "set", "Interface", port, "external_ids:iface-id=0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
                    "external_ids:iface-status=active", "external_ids:attached-mac=\"fa:16:3e:00:00:0a\"",
                    "external_ids:vm-uuid=\"" + INSTANCE_UUID + "\""));
            List<String> unplugArgv = new ArrayList<>(options);
            unplugArgv.addAll(List.of("--", "--if-exists", "del-port", BRIDGE, port));
            this.plug = Command.of(plugArgv);
            this.unplug = Command.of(unplugArgv);
        }

        @Override
        public String name() {
            return "ovs-vsctl";
        }

        @Override
        public void plug() {
            runner.run(plug);
        }

        @Override
        public void unplug() {
            runner.run(unplug);
        }
    }

    /** Python os-vif in one long-lived interpreter, plug_python.py --serve. */
    static final class PythonServeVariant implements Variant {
        private final String name;
        private final Process process;
        private final Writer requests;
        private final BufferedReader replies;

        private PythonServeVariant(String name, Process process) {
            this.name = name;
            this.process = process;
            this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static PythonServeVariant start(Path script, String db, VifBase vif, Path workDir, String driver) {
            List<String> argv = pythonArgv(script, db, vif, workDir, null, driver);
            try {
                return new PythonServeVariant("python-" + driver + " (long-lived)", new ProcessBuilder(argv)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + argv, e);
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void plug() {
            request("plug");
        }

        @Override
        public void unplug() {
            request("unplug");
        }

        private void request(String action) {
            try {
                requests.write(action + "\n");
                requests.flush();
                String reply = replies.readLine();
                if (reply == null) {
                    throw new IllegalStateException("Python os-vif exited; see its stderr above");
                }
                if (!reply.startsWith("ok ")) {
                    throw new IllegalStateException("Python os-vif failed to " + action + ": " + reply);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                requests.close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Python os-vif as one new process per operation. */
    static final class PythonProcessVariant implements Variant {
        private final CommandRunner runner;
        private final Command plug;
        private final Command unplug;

        PythonProcessVariant(CommandRunner runner, Path script, String db, VifBase vif, Path workDir) {
            this.runner = runner;
            this.plug = Command.of(pythonArgv(script, db, vif, workDir, "plug", "vsctl"));
            this.unplug = Command.of(pythonArgv(script, db, vif, workDir, "unplug", "vsctl"));
        }

        @Override
        public String name() {
            return "python-vsctl (process per plug)";
        }

        @Override
        public void plug() {
            runner.run(plug);
        }

        @Override
        public void unplug() {
            runner.run(unplug);
        }
    }

    /**
     * {@code python3 plug_python.py --connection DB --ovsdb-interface DRIVER --isolate-vif VIF.json INSTANCE.json
     * ACTION}, or with {@code --serve} instead of an action when it is null.
     */
    private static List<String> pythonArgv(Path script, String db, VifBase vif, Path workDir, String action,
            String driver) {
        String id = vif.id();
        Path vifFile = workDir.resolve("vif-" + id + ".json");
        Path instanceFile = workDir.resolve("instance.json");
        try {
            Files.writeString(vifFile, OsVifObjects.codec().toPrimitive(vif, null, PYTHON_3_0_0).toString(),
                    StandardCharsets.UTF_8);
            Files.writeString(instanceFile, OsVifObjects.codec().toJson(instance()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> argv = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), "--connection", db,
                "--ovsdb-interface", driver, "--isolate-vif"));
        if (action == null) {
            argv.add("--serve");
        }
        argv.addAll(List.of(vifFile.toString(), instanceFile.toString()));
        if (action != null) {
            argv.add(action);
        }
        return argv;
    }

    // ---- objects ----

    static VifConfig config(String db, boolean perPortBridge, String driver) {
        return VifConfig.builder()
                .set("os_vif_ovs", "ovsdb_connection", db)
                .set("os_vif_ovs", "ovsdb_interface", driver)
                .set("os_vif_ovs", "isolate_vif", "true")
                .set("os_vif_ovs", "per_port_bridge", Boolean.toString(perPortBridge))
                .build();
    }

    static InstanceInfo instance() {
        return InstanceInfo.builder().uuid(INSTANCE_UUID).name("bench").projectId("p1").build();
    }

    private static String vifId(String hex) {
        return hex + "0000000-0000-4000-8000-00000000000" + hex;
    }

    private static VifPortProfileOpenVSwitch.Builder profile(String id) {
        return new VifPortProfileOpenVSwitch.Builder().interfaceId(id).datapathType("netdev");
    }

    private static Network network() {
        return Network.builder().id("11111111-2222-4333-8444-555555555555").bridge(BRIDGE).build();
    }

    /** A VIFOpenVSwitch with create_port on the netdev datapath; hex names its id and device. */
    static VifOpenVSwitch genericVif(String hex) {
        String id = vifId(hex);
        return VifOpenVSwitch.builder().id(id).address("fa:16:3e:00:00:0" + hex).plugin("ovs").network(network())
                .vifName(("tap" + id).substring(0, 14)).bridgeName(BRIDGE)
                .portProfile(profile(id).createPort(true).build()).build();
    }

    // ---- census of the other paths ----

    private static ObjectNode census(String db, CountingCommandRunner counting, OsVif osvif) {
        ObjectNode census = new ObjectMapper().createObjectNode();
        InstanceInfo instance = instance();
        String hybridId = vifId("e");
        VifBridge hybrid = VifBridge.builder().id(hybridId).address("fa:16:3e:00:00:0e").plugin("ovs")
                .network(network()).vifName(("tap" + hybridId).substring(0, 14))
                .bridgeName(("qbr" + hybridId).substring(0, 14)).portProfile(profile(hybridId).build()).build();
        String vhuId = vifId("f");
        VifVHostUser vhostUser = VifVHostUser.builder().id(vhuId).address("fa:16:3e:00:00:0f").plugin("ovs")
                .network(network()).vifName(("vhu" + vhuId).substring(0, 14)).mode(VifVHostUserMode.SERVER)
                .path("/var/run/openvswitch/vhu" + vhuId.substring(0, 11)).portProfile(profile(vhuId).build())
                .build();
        census.set("generic create_port", countPath(counting, osvif, genericVif("9"), instance));
        census.set("hybrid (VIFBridge)", countPath(counting, osvif, hybrid, instance));
        census.set("vhost-user server", countPath(counting, osvif, vhostUser, instance));
        try (OsVif perPort = OsVif.initialize(config(db, true, "native"), InitOptions.builder().commandRunner(counting)
                .build())) {
            String id = vifId("8");
            VifOpenVSwitch vif = VifOpenVSwitch.builder().id(id).address("fa:16:3e:00:00:08").plugin("ovs")
                    .network(network()).vifName(("tap" + id).substring(0, 14)).bridgeName(BRIDGE)
                    .portProfile(profile(id).build()).build();
            census.set("per_port_bridge", countPath(counting, perPort, vif, instance));
        }
        return census;
    }

    private static ObjectNode countPath(CountingCommandRunner counting, OsVif osvif, VifBase vif,
            InstanceInfo instance) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        counting.drain();
        osvif.plug(vif, instance);
        node.set("plug", commands(counting.drain()));
        osvif.unplug(vif, instance);
        node.set("unplug", commands(counting.drain()));
        return node;
    }

    private static ArrayNode commands(List<CountingCommandRunner.Run> commands) {
        ArrayNode array = new ObjectMapper().createArrayNode();
        for (CountingCommandRunner.Run run : commands) {
            ArrayNode item = array.addArray();
            run.argv().forEach(item::add);
        }
        return array;
    }

    // ---- report ----

    private static ObjectNode setup(Options options, String db, CommandRunner runner) {
        ObjectNode setup = new ObjectMapper().createObjectNode();
        setup.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        setup.put("cycles", options.cycles());
        setup.put("warmup", options.warmup());
        setup.put("python_process_cycles", options.python() ? options.pythonProcessCycles() : 0);
        setup.put("cpus", Runtime.getRuntime().availableProcessors());
        setup.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        setup.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        setup.put("ovs", firstLine(runner, "ovs-vsctl", "--version"));
        if (options.python() && Files.isExecutable(PYTHON)) {
            setup.put("python", firstLine(runner, PYTHON.toString(), "--version"));
        }
        setup.put("ovsdb_connection", db);
        setup.put("bridge", BRIDGE + " (datapath_type=netdev)");
        setup.put("vif", "VIFOpenVSwitch, profile create_port=true datapath_type=netdev; isolate_vif=true; "
                + "ovsdb_interface=native (java-native, python-native) or vsctl");
        return setup;
    }

    private static String firstLine(CommandRunner runner, String... argv) {
        try {
            CommandResult result = runner.run(Command.of(argv).unprivileged());
            String text = result.stdout().isBlank() ? result.stderr() : result.stdout();
            return text.strip().lines().findFirst().orElse("");
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static ObjectNode results(Map<String, Stats> stats, String pythonSkipped) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode results = mapper.createObjectNode();
        ArrayNode variants = results.putArray("variants");
        stats.forEach((name, s) -> {
            if (s.plug.count() == 0) {
                return; // not measured in this run (e.g. --python-process-cycles 0)
            }
            ObjectNode v = variants.addObject();
            v.put("name", name);
            v.put("n", s.plug.count());
            v.put("plug_p50_ms", round(s.plug.medianMillis()));
            v.put("plug_p95_ms", round(s.plug.p95Millis()));
            v.put("plug_mean_ms", round(s.plug.meanMillis()));
            v.put("unplug_p50_ms", round(s.unplug.medianMillis()));
            v.put("unplug_p95_ms", round(s.unplug.p95Millis()));
            v.put("unplug_mean_ms", round(s.unplug.meanMillis()));
            if (!s.plugCommands.isEmpty()) {
                v.put("plug_processes_max", s.plugCommands.stream().mapToInt(List::size).max().orElse(0));
                v.put("plug_ovs_vsctl_max", s.plugCommands.stream()
                        .mapToInt(c -> CountingCommandRunner.count(c, "ovs-vsctl")).max().orElse(0));
                v.put("unplug_processes_max", s.unplugCommands.stream().mapToInt(List::size).max().orElse(0));
                v.put("unplug_ovs_vsctl_max", s.unplugCommands.stream()
                        .mapToInt(c -> CountingCommandRunner.count(c, "ovs-vsctl")).max().orElse(0));
                v.put("plug_in_ovs_vsctl_p50_ms", round(s.plugVsctl.medianMillis()));
                v.put("plug_in_other_processes_p50_ms", round(s.plugOtherProcesses.medianMillis()));
                v.put("plug_in_jvm_p50_ms", round(s.plugInJvm.medianMillis()));
                v.set("plug_commands_example", commands(s.plugCommands.get(s.plugCommands.size() - 1)));
                v.set("unplug_commands_example", commands(s.unplugCommands.get(s.unplugCommands.size() - 1)));
            }
        });
        if (pythonSkipped != null) {
            results.put("python_skipped", pythonSkipped);
        }
        ObjectNode ratios = results.putObject("ratios");
        for (String javaName : List.of("java-native", "java-vsctl")) {
            Stats java = stats.get(javaName);
            for (Map.Entry<String, Stats> other : stats.entrySet()) {
                if (other.getValue() == java || other.getKey().startsWith("java-")
                        || other.getValue().plug.count() == 0) {
                    continue;
                }
                ObjectNode r = ratios.putObject(javaName + "/" + other.getKey());
                r.put("plug_p50", round(java.plug.medianMillis() / other.getValue().plug.medianMillis()));
                r.put("plug_p95", round(java.plug.p95Millis() / other.getValue().plug.p95Millis()));
                r.put("unplug_p50", round(java.unplug.medianMillis() / other.getValue().unplug.medianMillis()));
                r.put("unplug_p95", round(java.unplug.p95Millis() / other.getValue().unplug.p95Millis()));
            }
        }
        return results;
    }

    private static ObjectNode targets(Map<String, Stats> stats) {
        ObjectNode targets = new ObjectMapper().createObjectNode();
        Stats java = stats.get("java-vsctl");
        Stats vsctl = stats.get("ovs-vsctl");
        int maxVsctl = java.plugCommands.stream().mapToInt(c -> CountingCommandRunner.count(c, "ovs-vsctl")).max()
                .orElse(0);
        targets.put("ovs_vsctl_per_plug", maxVsctl);
        targets.put("ovs_vsctl_per_plug_met", maxVsctl <= 1);
        double ratio = java.plug.medianMillis() / vsctl.plug.medianMillis();
        targets.put("plug_p50_ratio_to_ovs_vsctl", round(ratio));
        targets.put("plug_p50_within_1_2x", ratio <= LATENCY_TARGET);
        double ratio95 = java.plug.p95Millis() / vsctl.plug.p95Millis();
        targets.put("plug_p95_ratio_to_ovs_vsctl", round(ratio95));
        targets.put("plug_p95_within_1_2x", ratio95 <= LATENCY_TARGET);
        NativeTargets.put(targets, stats.get("java-native"), stats.get("raw-ovsdb"),
                stats.get("python-native (long-lived)"));
        return targets;
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
    }

    private static void printTable(ObjectNode report, PrintStream out) {
        ObjectNode setup = (ObjectNode) report.get("setup");
        out.println("plug latency, os-vif for Java vs ovs-vsctl vs Python os-vif");
        setup.fields().forEachRemaining(f -> out.printf(Locale.ROOT, "  %-22s %s%n", f.getKey(), f.getValue()
                .asText()));
        out.println();
        out.printf(Locale.ROOT, "%-27s %5s %10s %10s %10s %10s %8s %8s%n", "variant", "n", "plug p50", "plug p95",
                "unplug p50", "unplug p95", "procs", "vsctl");
        ObjectNode results = (ObjectNode) report.get("results");
        for (JsonNode v : results.get("variants")) {
            out.printf(Locale.ROOT, "%-27s %5d %7.2f ms %7.2f ms %7.2f ms %7.2f ms %8s %8s%n", v.get("name").asText(),
                    v.get("n").asInt(), v.get("plug_p50_ms").asDouble(), v.get("plug_p95_ms").asDouble(),
                    v.get("unplug_p50_ms").asDouble(), v.get("unplug_p95_ms").asDouble(),
                    v.has("plug_processes_max") ? v.get("plug_processes_max").asInt() + "/"
                            + v.get("unplug_processes_max").asInt() : "",
                    v.has("plug_ovs_vsctl_max") ? v.get("plug_ovs_vsctl_max").asInt() + "/"
                            + v.get("unplug_ovs_vsctl_max").asInt() : "");
        }
        out.println("  (procs, vsctl: processes / ovs-vsctl processes started by one Java plug / unplug, maximum)");
        if (results.has("python_skipped")) {
            out.println("  python: skipped, " + results.get("python_skipped").asText());
        }
        out.println();
        results.get("ratios").fields().forEachRemaining(r -> out.printf(Locale.ROOT,
                "%-38s plug p50 %.2fx  p95 %.2fx   unplug p50 %.2fx  p95 %.2fx%n", r.getKey(),
                r.getValue().get("plug_p50").asDouble(), r.getValue().get("plug_p95").asDouble(),
                r.getValue().get("unplug_p50").asDouble(), r.getValue().get("unplug_p95").asDouble()));
        out.println();
        for (JsonNode v : results.get("variants")) {
            if (v.has("plug_in_jvm_p50_ms")) {
                out.printf(Locale.ROOT, "one Java plug (medians): %.2f ms in ovs-vsctl, %.2f ms in other processes, "
                        + "%.2f ms in the JVM%n", v.get("plug_in_ovs_vsctl_p50_ms").asDouble(),
                        v.get("plug_in_other_processes_p50_ms").asDouble(), v.get("plug_in_jvm_p50_ms").asDouble());
            }
        }
        for (JsonNode v : results.get("variants")) {
            if (v.has("plug_commands_example")) {
                out.println("commands of one Java plug:");
                v.get("plug_commands_example").forEach(c -> out.println("  " + join(c)));
                out.println("commands of one Java unplug:");
                v.get("unplug_commands_example").forEach(c -> out.println("  " + join(c)));
            }
        }
        out.println();
        out.println("processes per path (one plug / one unplug, not timed):");
        report.get("census").fields().forEachRemaining(p -> out.printf(Locale.ROOT,
                "  %-22s plug %s   unplug %s%n", p.getKey(), summary(p.getValue().get("plug")),
                summary(p.getValue().get("unplug"))));
        out.println();
        ObjectNode targets = (ObjectNode) report.get("targets");
        out.printf(Locale.ROOT, "target: at most one ovs-vsctl per plug: %s (%d)%n",
                targets.get("ovs_vsctl_per_plug_met").asBoolean() ? "MET" : "NOT MET",
                targets.get("ovs_vsctl_per_plug").asInt());
        out.printf(Locale.ROOT, "target: plug within %.1fx of bare ovs-vsctl: p50 %.2fx %s, p95 %.2fx %s%n",
                LATENCY_TARGET, targets.get("plug_p50_ratio_to_ovs_vsctl").asDouble(),
                targets.get("plug_p50_within_1_2x").asBoolean() ? "MET" : "NOT MET",
                targets.get("plug_p95_ratio_to_ovs_vsctl").asDouble(),
                targets.get("plug_p95_within_1_2x").asBoolean() ? "MET" : "NOT MET");
        NativeTargets.print(targets, out);
    }

    private static String join(JsonNode argv) {
        List<String> parts = new ArrayList<>();
        argv.forEach(a -> parts.add(a.asText()));
        return String.join(" ", parts);
    }

    private static String summary(JsonNode commands) {
        Map<String, Integer> programs = new LinkedHashMap<>();
        commands.forEach(c -> programs.merge(c.get(0).asText(), 1, Integer::sum));
        return commands.size() + " " + programs;
    }

    // ---- Python ----

    /** @return plug_python.py, looked for from the working directory upwards */
    static Path findScript() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve(SCRIPT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** @return why Python os-vif cannot be measured, or null */
    static String pythonMissing(Path script) {
        if (script == null || !Files.isRegularFile(script)) {
            return SCRIPT + " not found from " + System.getProperty("user.dir") + " (run from the repository or "
                    + "give --python-script)";
        }
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is missing";
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import os_vif, vif_plug_ovs.ovs")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return PYTHON + " cannot import os_vif (apt-get install -y python3-os-vif): " + out.strip();
            }
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    private static void progress(String message) {
        System.err.println("[plug-latency] " + message);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; nothing to do
        }
    }
}
