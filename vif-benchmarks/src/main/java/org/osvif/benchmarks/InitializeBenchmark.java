package org.osvif.benchmarks;

import java.io.StringReader;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;

/**
 * {@code OsVif.initialize()}: discovering the plugins on the class path with
 * ServiceLoader, validating their options and creating them, then closing the
 * instance. The Python counterpart is {@code tools/bench/initialize_python.py}
 * ({@code os_vif.initialize(reset=True)}, which loads the plugins through stevedore).
 */
@State(Scope.Benchmark)
// initialize logs one INFO line; a console write per call would be measured too.
@org.openjdk.jmh.annotations.Fork(jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InitializeBenchmark {
    /** The os-vif part of a compute host's nova.conf. */
    static final String NOVA_CONF = """
            [os_vif_ovs]
            ovsdb_connection = unix:/run/openvswitch/db.sock
            network_device_mtu = 1500
            isolate_vif = true
            ovs_vsctl_timeout = 120

            [os_vif_linux_bridge]
            forward_bridge_interface = all
            use_ipv6 = false
            """;
    /** initialize runs no command; a runner that never runs keeps the benchmark off the host. */
    static final CommandRunner NO_COMMANDS = c -> new CommandResult(c, 0, "", "", Duration.ZERO);
    private VifConfig config;

    /** Parses the configuration once, as an agent would at start. */
    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        config = VifConfig.builder().ini(new StringReader(NOVA_CONF), "nova.conf").build();
    }

    /** @return the plugin count, so the work is not dead code */
    @Benchmark
    public int initialize() {
        try (OsVif osvif = OsVif.initialize(config, InitOptions.builder().commandRunner(NO_COMMANDS).build())) {
            return osvif.pluginNames().size();
        }
    }

    /** @return the plugin count; includes parsing the nova.conf text */
    @Benchmark
    public int initializeWithConfigParse() {
        VifConfig parsed = VifConfig.builder().ini(new StringReader(NOVA_CONF), "nova.conf").build();
        try (OsVif osvif = OsVif.initialize(parsed, InitOptions.builder().commandRunner(NO_COMMANDS).build())) {
            return osvif.pluginNames().size();
        }
    }
}
