package org.osvif.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifOpenVSwitch;

/**
 * The parts of {@link PlugLatencyHarness} that need neither root nor Open vSwitch: its
 * command line, its percentiles, its process counting and the primitive it hands Python.
 */
class PlugLatencyHarnessTest {

    @Test
    void optionsHaveDefaultsAndRefuseNonsense() {
        PlugLatencyHarness.Options defaults = PlugLatencyHarness.Options.parse(new String[0]);
        assertThat(defaults.cycles()).isEqualTo(200);
        assertThat(defaults.warmup()).isEqualTo(20);
        assertThat(defaults.pythonProcessCycles()).isEqualTo(20);
        assertThat(defaults.python()).isTrue();
        assertThat(defaults.json()).isFalse();

        PlugLatencyHarness.Options small = PlugLatencyHarness.Options.parse(
                new String[] {"--cycles", "5", "--python-process-cycles", "50", "--no-python", "--json"});
        assertThat(small.cycles()).isEqualTo(5);
        assertThat(small.pythonProcessCycles()).as("never more than the cycles").isEqualTo(5);
        assertThat(small.python()).isFalse();
        assertThat(small.json()).isTrue();

        assertThatThrownBy(() -> PlugLatencyHarness.Options.parse(new String[] {"--cycles", "0"}))
                .hasMessageContaining("--cycles must be positive");
        assertThatThrownBy(() -> PlugLatencyHarness.Options.parse(new String[] {"--warmup"}))
                .hasMessageContaining("--warmup needs a value");
        assertThatThrownBy(() -> PlugLatencyHarness.Options.parse(new String[] {"--bogus"}))
                .hasMessageContaining("unknown argument --bogus");
    }

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        for (long ms = 1; ms <= 20; ms++) {
            latencies.add(ms * 1_000_000);
        }
        assertThat(latencies.medianMillis()).isEqualTo(10.0);
        assertThat(latencies.p95Millis()).isEqualTo(19.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(20.0);
        assertThat(new Latencies().medianMillis()).isNaN();
    }

    @Test
    void countsProcessesByProgram() {
        CountingCommandRunner counting = new CountingCommandRunner(
                command -> new CommandResult(command, 0, "", "", java.time.Duration.ZERO));
        counting.run(Command.of("ip", "-o", "link", "show", "dev", "tap0"));
        counting.run(Command.of("ovs-vsctl", "--", "add-port", "br-int", "tap0"));

        List<CountingCommandRunner.Run> runs = counting.drain();

        assertThat(runs).extracting(CountingCommandRunner.Run::program).containsExactly("ip", "ovs-vsctl");
        assertThat(CountingCommandRunner.count(runs, "ovs-vsctl")).isOne();
        assertThat(counting.drain()).isEmpty();
    }

    @Test
    void theBenchmarkVifIsAnIsolatableCreatePortVifPythonCanRead() {
        VifOpenVSwitch vif = PlugLatencyHarness.genericVif("b");
        assertThat(vif.vifName()).isEqualTo("tapb0000000-00");
        assertThat(vif.portProfile()).isNotNull();
        String primitive = OsVifObjects.codec().toPrimitive(vif, null, PlugLatencyHarness.PYTHON_3_0_0).toString();
        assertThat(primitive).contains("\"versioned_object.version\":\"1.3\"").contains("\"create_port\":true")
                .doesNotContain("create_tap");
    }
}
