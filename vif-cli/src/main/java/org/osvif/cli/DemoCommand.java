package org.osvif.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.objects.HostInfo;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.HostVifInfo;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.plug.ovs.DryRunOvsdb;
import org.osvif.testing.DryRunCommandRunner;
import org.osvif.testing.ovs.PrivateOvs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vifctl demo}: the library's main job end to end on a private Open
 * vSwitch: plug a VIFOpenVSwitch with create_port and isolate_vif, show the
 * rows, the HostInfo, unplug, tear down. Without root or Open vSwitch it says
 * what is missing and shows the commands it would run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Plug and unplug a VIF on a private Open vSwitch that runs in its own network namespace, showing each "
                    + "step with its time, then remove everything. Needs root and Open vSwitch "
                    + "(apt-get install -y openvswitch-switch); without them it shows the commands it would run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a vifctl bug)",
            "2:usage error",
            "4:a step failed on the host (the message says which)"})
public final class DemoCommand implements Callable<Integer> {
    private final CliStreams streams;

    @Option(names = "--keep", description = "Leave the sandbox running at the end and print how to look at it and "
            + "how to remove it.")
    private boolean keep;

    @Option(names = "--dry-run", description = "Only show the commands, even when the sandbox could run.")
    private boolean dryRun;

    @Option(names = "--ovsdb-interface", paramLabel = "DRIVER", defaultValue = "native",
            description = "The OVSDB driver: native (the default: one OVSDB transaction per plug over one connection) "
                    + "or vsctl (one ovs-vsctl process per transaction).")
    private String driver;

    @Option(names = "--json", description = "Print one JSON object at the end (steps with their times, the port's "
            + "rows, the HostInfo primitive) instead of the running commentary.")
    private boolean json;

    private final java.util.Map<String, Object> report = new java.util.LinkedHashMap<>();

    /**
     * @param streams the streams of this run
     */
    public DemoCommand(CliStreams streams) {
        this.streams = streams;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!java.util.List.of("native", "vsctl").contains(driver)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--ovsdb-interface': expected native or vsctl, not '" + driver + "'");
        }
        report.put("ovsdb_interface", driver);
        PrintStream out = json ? new PrintStream(java.io.OutputStream.nullOutputStream()) : streams.out();
        int code = run(out);
        if (json) {
            report.put("exit_code", code);
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            streams.out().print(org.osvif.objects.base.CanonicalJson.write(mapper.valueToTree(report)));
            streams.out().flush();
        }
        return code;
    }

    private int run(PrintStream out) {
        DemoClock clock = new DemoClock(out);
        report.put("steps", clock.steps());
        List<String> missing = dryRun ? List.of() : PrivateOvs.missingPrerequisites();
        if (dryRun || !missing.isEmpty()) {
            if (!missing.isEmpty()) {
                out.println("This host cannot run a private Open vSwitch:");
                missing.forEach(m -> out.println("  - " + m));
                out.println("Showing the commands the demo would run instead (nothing is changed):");
            }
            report.put("missing_prerequisites", missing);
            report.put("dry_run", true);
            return dryRunDemo(clock, out);
        }
        report.put("dry_run", false);
        PrivateOvs ovs = clock.step("start a private Open vSwitch (ovsdb-server, ovs-vswitchd, userspace datapath)",
                () -> PrivateOvs.start(PrivateOvs.Options.defaults().withShutdownHook(true)));
        boolean kept = false;
        try {
            out.println("           namespace " + ovs.namespace() + ", database " + ovs.dbConnection());
            VifConfig config = VifConfig.builder().set("os_vif_ovs", "ovsdb_connection", ovs.dbConnection())
                    .set("os_vif_ovs", "ovsdb_interface", driver)
                    .set("os_vif_ovs", "isolate_vif", "true").build();
            try (OsVif osvif = clock.step("initialize os-vif ([os_vif_ovs] isolate_vif = true, ovsdb_interface = "
                    + driver + ")", () ->
                    OsVif.initialize(config, streams.initOptions().toBuilder().commandRunner(ovs.runner()).build()))) {
                out.println("           plugins: " + String.join(", ", osvif.pluginNames()));
                VifOpenVSwitch vif = DemoVif.vif();
                clock.run("plug " + vif.objectName() + " " + vif.id() + " (create_port, isolated on VLAN 4095)",
                        () -> osvif.plug(vif, DemoVif.instance()));
                showRows(ovs, vif.vifName(), out);
                HostInfo info = clock.step("describe the host (HostInfo for the network service)", osvif::hostInfo);
                showHostInfo(info, out);
                report.put("host_info", OsVifObjects.codec().toPrimitive(info));
                clock.run("unplug " + vif.vifName(), () -> osvif.unplug(vif, DemoVif.instance()));
                out.println("           ports on " + DemoVif.BRIDGE + ": " + ovs.portNames(DemoVif.BRIDGE));
            }
            if (keep) {
                ovs.keep();
                kept = true;
                printKeep(ovs, out);
                report.put("kept", java.util.Map.of("namespace", ovs.namespace(), "dir", ovs.dir().toString(),
                        "db", ovs.dbConnection()));
                return ExitCodes.OK;
            }
        } finally {
            if (!kept) {
                clock.run("remove the sandbox (daemons, namespace, files)", ovs::close);
            }
        }
        out.println("done in " + clock.elapsed() + "; nothing is left on the host.");
        return ExitCodes.OK;
    }

    private int dryRunDemo(DemoClock clock, PrintStream out) {
        VifConfig config = VifConfig.builder().set("os_vif_ovs", "ovsdb_connection", "unix:/run/openvswitch/db.sock")
                .set("os_vif_ovs", "ovsdb_interface", driver)
                .set("os_vif_ovs", "isolate_vif", "true").build();
        java.io.ByteArrayOutputStream shown = new java.io.ByteArrayOutputStream();
        PrintStream commands = json ? new PrintStream(shown, true, java.nio.charset.StandardCharsets.UTF_8) : out;
        InitOptions options = streams.initOptions().toBuilder()
                .commandRunner(new DryRunCommandRunner(commands).answering(DryRunAnswers::answer))
                .extension(DryRunOvsdb.class, new DryRunOvsdb(commands)).build();
        try (OsVif osvif = OsVif.initialize(config, options)) {
            VifOpenVSwitch vif = DemoVif.vif();
            out.println("# plug " + vif.objectName() + " " + vif.id());
            osvif.plug(vif, DemoVif.instance());
            out.println("# unplug");
            osvif.unplug(vif, DemoVif.instance());
        }
        if (json) {
            report.put("commands", shown.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList());
        }
        out.println("(dry run in " + clock.elapsed() + "; install Open vSwitch and run as root to see it for real)");
        return ExitCodes.OK;
    }

    private void showRows(PrivateOvs ovs, String port, PrintStream out) {
        for (Map<String, Object> row : ovs.rows("Port")) {
            if (port.equals(row.get("name"))) {
                out.println("           Port " + port + ": tag=" + row.get("tag") + " vlan_mode="
                        + row.get("vlan_mode") + " trunks=" + row.get("trunks"));
                report.put("port", java.util.Map.of("name", port, "tag", String.valueOf(row.get("tag")),
                        "vlan_mode", String.valueOf(row.get("vlan_mode")), "trunks", String.valueOf(row.get("trunks"))));
            }
        }
        for (Map<String, Object> row : ovs.rows("Interface")) {
            if (port.equals(row.get("name"))) {
                out.println("           Interface " + port + ": external_ids=" + row.get("external_ids"));
                report.put("interface_external_ids", row.get("external_ids"));
            }
        }
        for (Map<String, Object> row : ovs.rows("Bridge")) {
            if (DemoVif.BRIDGE.equals(row.get("name"))) {
                out.println("           Bridge " + DemoVif.BRIDGE + ": datapath_type=" + row.get("datapath_type")
                        + " ports=" + ovs.portNames(DemoVif.BRIDGE));
            }
        }
    }

    private void showHostInfo(HostInfo info, PrintStream out) {
        for (HostPluginInfo plugin : info.pluginInfo()) {
            StringBuilder sb = new StringBuilder("           " + plugin.pluginName() + ":");
            for (HostVifInfo v : plugin.vifInfo()) {
                sb.append(' ').append(v.vifObjectName()).append(' ').append(v.minVersion()).append('-')
                        .append(v.maxVersion());
            }
            out.println(sb);
        }
        out.println("           (./vifctl host-info prints it as the JSON primitive Neutron receives)");
    }

    private void printKeep(PrivateOvs ovs, PrintStream out) {
        String db = ovs.dbConnection();
        out.println("The sandbox is still running (--keep).");
        out.println("  look:   ip netns exec " + ovs.namespace() + " ovs-vsctl --db=" + db + " show");
        out.println("          ip netns exec " + ovs.namespace() + " ip link");
        out.println("  remove: kill $(cat " + ovs.dir().resolve("ovs-vswitchd.pid") + ") $(cat "
                + ovs.dir().resolve("ovsdb-server.pid") + "); ip netns delete " + ovs.namespace() + "; rm -rf "
                + ovs.dir());
    }
}
