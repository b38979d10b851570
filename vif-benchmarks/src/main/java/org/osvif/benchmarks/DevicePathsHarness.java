package org.osvif.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.exec.Command;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.CommandRunners;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * Latency and processes of the paths whose cost is device work, not OVSDB: the OVS plugin's hybrid
 * plug and unplug (VIFBridge: {@code qbr} Linux bridge, {@code qvb}/{@code qvo} veth pair, the
 * {@code qvo} port) against Python os-vif with its native OVSDB driver ({@code ovsdbapp}) in one
 * long-lived interpreter, and the Linux bridge plugin's cold flat plug (a new bridge on an
 * interface with an address and a gateway route; Java only).
 *
 * <pre>
 * java -cp vif-benchmarks/target/benchmarks.jar org.osvif.benchmarks.DevicePathsHarness [--cycles 100] [--warmup 10] [--no-python]
 * </pre>
 *
 * Like {@link PlugLatencyHarness} it starts a {@link PrivateOvs} and runs itself again inside its
 * network namespace, so every process is a plain child and this JVM's {@code /sys} and
 * {@code /proc/sys/net} are the namespace's. Each round plugs and unplugs with each variant, in an
 * order that alternates; processes are counted by a {@link CountingCommandRunner} around Java's
 * runner; latencies are wall time, percentiles nearest-rank.
 */
public final class DevicePathsHarness {
    private static final String INSIDE = SandboxChild.INSIDE;
    private static final String LB_BRIDGE = "brqbench0";
    private static final String LB_IFACE = "lbphys0";

    private DevicePathsHarness() {
    }

    /**
     * @param args {@code [--cycles N] [--warmup N] [--no-python]}
     * @throws Exception when the sandbox or a plug fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals(INSIDE)) {
            inside(args[1], List.of(args).subList(2, args.length));
            return;
        }
        List<String> missing = PrivateOvs.missingPrerequisites();
        if (!missing.isEmpty()) {
            System.err.println("needs root and Open vSwitch: " + String.join("; ", missing));
            System.exit(1);
        }
        try (PrivateOvs ovs = PrivateOvs.start(PrivateOvs.Options.defaults().withShutdownHook(true))) {
            ovs.addBridge(PlugLatencyHarness.BRIDGE);
            List<String> argv = SandboxChild.argv(ovs, DevicePathsHarness.class, args);
            int code = new ProcessBuilder(argv).inheritIO().start().waitFor();
            if (code != 0) {
                System.exit(code);
            }
        }
    }

    private static int option(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }

    private static void inside(String db, List<String> args) throws IOException {
        int cycles = option(args, "--cycles", 100);
        int warmup = option(args, "--warmup", 10);
        boolean python = !args.contains("--no-python");
        CommandRunner system = CommandRunners.system(List.of(), Duration.ofSeconds(150));
        CountingCommandRunner counting = new CountingCommandRunner(system);
        Path workDir = Files.createTempDirectory("osvif-device-paths-");
        Map<String, PlugLatencyHarness.Stats> stats = new LinkedHashMap<>();
        VifConfig config = VifConfig.builder()
                .set("os_vif_ovs", "ovsdb_connection", db)
                .set("os_vif_ovs", "ovsdb_interface", "native")
                .set("os_vif_ovs", "isolate_vif", "true")
                .build();
        try (OsVif osvif = OsVif.initialize(config, InitOptions.builder().commandRunner(counting).build())) {
            List<PlugLatencyHarness.Variant> variants = new ArrayList<>();
            variants.add(named("java hybrid", new PlugLatencyHarness.JavaVariant("java hybrid", osvif, counting,
                    hybridVif("f"))));
            String skipped = python ? PlugLatencyHarness.pythonMissing(PlugLatencyHarness.findScript()) : "--no-python";
            if (skipped == null) {
                variants.add(named("python hybrid (native driver, long-lived)",
                        PlugLatencyHarness.PythonServeVariant.start(PlugLatencyHarness.findScript(), db,
                                hybridVif("a"), workDir, "native")));
            }
            LinuxBridgeFlat flat = new LinuxBridgeFlat(osvif, counting, system);
            variants.add(flat);
            for (PlugLatencyHarness.Variant v : variants) {
                stats.put(v.name(), new PlugLatencyHarness.Stats());
            }
            for (int round = 0; round < warmup + cycles; round++) {
                List<PlugLatencyHarness.Variant> order = new ArrayList<>(variants);
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (PlugLatencyHarness.Variant v : order) {
                    PlugLatencyHarness.Stats s = stats.get(v.name());
                    long begin = System.nanoTime();
                    v.plug();
                    long plugged = System.nanoTime();
                    v.unplug();
                    long unplugged = System.nanoTime();
                    if (round >= warmup) {
                        s.plug.add(plugged - begin);
                        s.unplug.add(unplugged - plugged);
                        if (v instanceof Named named && named.java() != null) {
                            s.plugCommands.add(named.java().lastPlugCommands);
                            s.unplugCommands.add(named.java().lastUnplugCommands);
                        } else if (v == flat) {
                            s.plugCommands.add(flat.lastPlugCommands);
                            s.unplugCommands.add(List.of());
                        }
                    }
                }
            }
            variants.forEach(PlugLatencyHarness.Variant::close);
            print(stats, skipped, cycles, warmup);
        } finally {
            try (var files = Files.walk(workDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void print(Map<String, PlugLatencyHarness.Stats> stats, String skipped, int cycles, int warmup) {
        System.out.printf("device paths, %d measured rounds after %d warm-up rounds (ms, nearest-rank)%n", cycles,
                warmup);
        System.out.printf("%-45s %9s %9s %9s %9s  %s%n", "variant", "plug p50", "plug p95", "unpl p50", "unpl p95",
                "processes per plug / unplug (first measured round)");
        for (var e : stats.entrySet()) {
            PlugLatencyHarness.Stats s = e.getValue();
            String processes = s.plugCommands.isEmpty() ? "(not counted)"
                    : describe(s.plugCommands.get(0)) + " / " + describe(s.unplugCommands.get(0));
            System.out.printf("%-45s %9.2f %9.2f %9.2f %9.2f  %s%n", e.getKey(), s.plug.medianMillis(),
                    s.plug.p95Millis(), s.unplug.medianMillis(), s.unplug.p95Millis(), processes);
        }
        if (skipped != null) {
            System.out.println("python skipped: " + skipped);
        }
        PlugLatencyHarness.Stats java = stats.get("java hybrid");
        PlugLatencyHarness.Stats py = stats.get("python hybrid (native driver, long-lived)");
        if (py != null) {
            System.out.printf("hybrid: python / java plug p50 = %.2fx, unplug p50 = %.2fx%n",
                    py.plug.medianMillis() / java.plug.medianMillis(),
                    py.unplug.medianMillis() / java.unplug.medianMillis());
        }
        for (var e : stats.entrySet()) {
            if (!e.getValue().plugCommands.isEmpty()) {
                System.out.printf("%s: median ms per program, plug %s, unplug %s%n", e.getKey(),
                        medians(e.getValue().plugCommands), medians(e.getValue().unplugCommands));
            }
        }
        for (var e : stats.entrySet()) {
            for (int i = 0; i < Math.min(1, e.getValue().plugCommands.size()); i++) {
                System.out.println(e.getKey() + " plug commands:");
                e.getValue().plugCommands.get(i).forEach(r -> System.out.println("  " + String.join(" ", r.argv())));
                System.out.println(e.getKey() + " unplug commands:");
                e.getValue().unplugCommands.get(i).forEach(r -> System.out.println("  " + String.join(" ", r.argv())));
            }
        }
    }

    /** Per program, the median over rounds of its summed wall time in one operation. */
    private static Map<String, String> medians(List<List<CountingCommandRunner.Run>> rounds) {
        Map<String, Latencies> byProgram = new LinkedHashMap<>();
        for (List<CountingCommandRunner.Run> runs : rounds) {
            for (String program : runs.stream().map(CountingCommandRunner.Run::program).distinct().toList()) {
                byProgram.computeIfAbsent(program, p -> new Latencies())
                        .add(CountingCommandRunner.nanos(runs, program));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        byProgram.forEach((program, l) -> out.put(program, String.format("%.2f", l.medianMillis())));
        return out;
    }

    private static String describe(List<CountingCommandRunner.Run> runs) {
        Map<String, Integer> byProgram = new LinkedHashMap<>();
        runs.forEach(r -> byProgram.merge(r.program(), 1, Integer::sum));
        return runs.size() + " " + byProgram;
    }

    private static VifBridge hybridVif(String hex) {
        String id = hex + "0000000-0000-4000-8000-00000000000" + hex;
        return VifBridge.builder().id(id).address("fa:16:3e:00:00:" + hex + hex).plugin("ovs")
                .network(Network.builder().id("11111111-2222-4333-8444-555555555555")
                        .bridge(PlugLatencyHarness.BRIDGE).mtu(1500).build())
                .vifName(("tap" + id).substring(0, 14)).bridgeName(("qbr" + id).substring(0, 14))
                .portProfile(new VifPortProfileOpenVSwitch.Builder().interfaceId(id).datapathType("netdev").build())
                .build();
    }

    /** A variant with another name (Java's is "java"). */
    private record Named(String name, PlugLatencyHarness.Variant inner) implements PlugLatencyHarness.Variant {
        PlugLatencyHarness.JavaVariant java() {
            return inner instanceof PlugLatencyHarness.JavaVariant j ? j : null;
        }

        @Override
        public void plug() {
            inner.plug();
        }

        @Override
        public void unplug() {
            inner.unplug();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static PlugLatencyHarness.Variant named(String name, PlugLatencyHarness.Variant inner) {
        return new Named(name, inner);
    }

    /**
     * The Linux bridge plugin's cold flat plug: bridge {@value #LB_BRIDGE} made on {@value #LB_IFACE}
     * (one end of a veth pair, with 192.0.2.10/24 and a gateway route), which hands both to the
     * bridge; the port filters its traffic, so no iptables run (as the measurement). Its
     * "unplug" (untimed for the plugin, which unplugs nothing) deletes the bridge and puts the
     * address and route back, so the next plug is cold again.
     */
    private static final class LinuxBridgeFlat implements PlugLatencyHarness.Variant {
        private final OsVif osvif;
        private final CountingCommandRunner counting;
        private final CommandRunner system;
        private final VifBridge vif;
        private final InstanceInfo instance = PlugLatencyHarness.instance();
        List<CountingCommandRunner.Run> lastPlugCommands = List.of();

        LinuxBridgeFlat(OsVif osvif, CountingCommandRunner counting, CommandRunner system) {
            this.osvif = osvif;
            this.counting = counting;
            this.system = system;
            system.run(Command.of("ip", "link", "add", "name", LB_IFACE, "type", "veth", "peer", "name",
                    "lbphys1"));
            system.run(Command.of("ip", "link", "set", "dev", LB_IFACE, "up"));
            system.run(Command.of("ip", "link", "set", "dev", "lbphys1", "up"));
            restoreAddress();
            Network network = Network.builder().id("21111111-2222-4333-8444-555555555555").bridge(LB_BRIDGE)
                    .bridgeInterface(LB_IFACE).shouldProvideBridge(true).mtu(1500).build();
            this.vif = VifBridge.builder().id("c0000000-0000-4000-8000-00000000000c").address("fa:16:3e:00:00:cc")
                    .plugin("linux_bridge").network(network).bridgeName(LB_BRIDGE).vifName("tapc0000000-00")
                    .hasTrafficFiltering(true).build();
        }

        private void restoreAddress() {
            system.run(Command.of("ip", "addr", "add", "192.0.2.10/24", "dev", LB_IFACE));
            system.run(Command.of("ip", "route", "add", "198.51.100.0/24", "via", "192.0.2.1"));
        }

        @Override
        public String name() {
            return "java linux_bridge flat plug (cold)";
        }

        @Override
        public void plug() {
            counting.drain();
            osvif.plug(vif, instance);
            lastPlugCommands = counting.drain();
        }

        @Override
        public void unplug() {
            osvif.unplug(vif, instance);
            system.run(Command.of("ip", "link", "del", "dev", LB_BRIDGE));
            restoreAddress();
        }

        @Override
        public void close() {
            system.run(Command.of("ip", "link", "del", "dev", LB_IFACE).withExitCodes(0, 1));
        }
    }
}
