package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.plug.ovs.internal.OvsFixtures.createPortVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.hybridVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.instance;
import static org.osvif.plug.ovs.internal.OvsFixtures.isolating;
import static org.osvif.plug.ovs.internal.OvsFixtures.ovsVif;
import static org.osvif.plug.ovs.internal.OvsFixtures.profile;
import static org.osvif.plug.ovs.internal.OvsFixtures.vhostUserVif;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;
import org.osvif.net.NamedLocks;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.plug.ovs.internal.ovsdb.DryRunDrivers;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.VsctlOvsdb;
import org.osvif.testing.RecordingCommandRunner;

/**
 * The point of asserting plug paths at the OVSDB seam: the same plug hands the same transactions
 * and reads to either real driver. Each scenario runs three times, on the vsctl driver over a
 * recording runner, on the native driver over its dry-run session, and on {@link RecordingOvsdb};
 * the real drivers are wrapped in a {@link SeamRecorder}. Each database starts with nothing of the
 * VIF in it, and each takes in what the plug commits (a second plug meets the port the first made).
 */
@DisplayName("The plug paths hand both OVSDB drivers the same commands")
class OvsdbDriverEquivalenceTest {
    private static final String NO_ROWS = "{\"data\":[],\"headings\":[\"_uuid\"]}";

    /**
     * @param plugs how many times the VIF is plugged, one after the other
     * @param transactions how many transactions that takes (a re-plug refused as new, then re-sent)
     */
    record Scenario(String name, OvsSettings settings, VifBase vif, int plugs, int transactions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("generic create_port, isolated", isolating(), createPortVif(), 1, 1),
                new Scenario("hybrid", OvsSettings.defaults(), hybridVif(), 1, 1),
                new Scenario("vhost-user, server mode, isolated", isolating(),
                        vhostUserVif(VifVHostUserMode.SERVER).build(), 1, 1),
                new Scenario("per-port bridge, isolated", isolating().withPerPortBridge(true), ovsVif(), 1, 1),
                new Scenario("generic create_port on netdev, isolated, plugged twice (re-plug)", isolating(),
                        ovsVif(profile().createPort(true).datapathType("netdev").build()).build(), 2, 3));
    }

    /** What one driver saw, and the host steps other than ovs-vsctl. */
    record Seen(List<?> transactions, List<?> reads, List<String> hostSteps) {
    }

    private static Seen plug(Scenario s, Ovsdb driver, RecordingCommandRunner runner) {
        SeamRecorder recorder = new SeamRecorder(driver);
        OvsPlugin plugin = new OvsPlugin(s.settings(), recorder, runner, new NamedLocks());
        for (int i = 0; i < s.plugs(); i++) {
            plugin.plug(s.vif(), instance());
        }
        return new Seen(recorder.transactions(), recorder.reads(), hostSteps(runner));
    }

    private static List<String> hostSteps(RecordingCommandRunner runner) {
        return runner.steps().stream().filter(step -> !step.startsWith("$ " + VsctlOvsdb.PROGRAM + " ")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @DisplayName("vsctl, native (dry run) and the seam fake receive the same transactions and reads")
    void sameTransactions(Scenario s) {
        RecordingCommandRunner vsctlRunner = vsctlDatabase();
        Seen vsctl = plug(s, new VsctlOvsdb(vsctlRunner, "tcp:127.0.0.1:6640", Duration.ofSeconds(120)), vsctlRunner);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        RecordingCommandRunner nativeRunner = hostOnly();
        Seen nativeDriver = plug(s, DryRunDrivers.nativeDriver(new PrintStream(printed, true, StandardCharsets.UTF_8)),
                nativeRunner);

        RecordingCommandRunner fakeRunner = hostOnly();
        RecordingOvsdb fake = RecordingOvsdb.create();
        OvsPlugin plugin = new OvsPlugin(s.settings(), fake, fakeRunner, new NamedLocks());
        for (int i = 0; i < s.plugs(); i++) {
            plugin.plug(s.vif(), instance());
        }

        assertThat(vsctl.transactions()).hasSize(s.transactions());
        assertThat(nativeDriver.transactions()).isEqualTo(vsctl.transactions());
        assertThat(nativeDriver.reads()).isEqualTo(vsctl.reads());
        assertThat(nativeDriver.hostSteps()).isEqualTo(vsctl.hostSteps());
        assertThat(fake.transactions()).isEqualTo(vsctl.transactions());
        assertThat(fake.reads()).isEqualTo(vsctl.reads());
        assertThat(hostSteps(fakeRunner)).isEqualTo(vsctl.hostSteps());
        // Both real drivers carried the plug out: one ovs-vsctl run per call; one request per transaction
        // sent (the native driver refuses a plain add-port of an existing port before sending anything).
        assertThat(vsctlRunner.commands().stream().filter(c -> c.program().equals(VsctlOvsdb.PROGRAM)))
                .hasSize(vsctl.transactions().size() + vsctl.reads().size());
        List<String> requests = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(requests).isNotEmpty().hasSizeLessThanOrEqualTo(nativeDriver.transactions().size())
                .allMatch(line -> line.startsWith("{\"method\":\"transact\""));
    }

    /** A runner for the host steps only: every ip process succeeds. */
    private static RecordingCommandRunner hostOnly() {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        runner.dispatch(RecordingCommandRunner.ok());
        return runner;
    }

    /**
     * A runner whose ovs-vsctl behaves as a database where nothing of the VIF exists yet and that
     * remembers the ports added: a plain add-port of one fails the whole run as ovs-vsctl does;
     * {@code find Port name=P} finds it; every other find finds nothing.
     */
    private static RecordingCommandRunner vsctlDatabase() {
        RecordingCommandRunner runner = hostOnly();
        Set<String> ports = new HashSet<>();
        runner.when(c -> c.program().equals(VsctlOvsdb.PROGRAM)).thenAnswer(c -> answer(c, ports));
        return runner;
    }

    private static CommandResult answer(Command c, Set<String> ports) {
        List<String> argv = c.argv();
        if (argv.contains("find")) {
            String port = argv.get(argv.size() - 1).startsWith("name=") && argv.contains("Port")
                    ? argv.get(argv.size() - 1).substring("name=".length()) : null;
            String found = port != null && ports.contains(port)
                    ? "{\"data\":[[[\"uuid\",\"1adc9a08-cf7e-4b4f-ba63-63a4c80decdd\"]]],\"headings\":[\"_uuid\"]}"
                    : NO_ROWS;
            return RecordingCommandRunner.ok(found).apply(c);
        }
        Set<String> added = new HashSet<>();
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals("add-port")) {
                String bridge = argv.get(i + 1);
                String port = argv.get(i + 2);
                if (!argv.get(i - 1).equals("--may-exist") && ports.contains(port)) {
                    return RecordingCommandRunner.fail(1, "ovs-vsctl: cannot create a port named " + port
                            + " because a port named " + port + " already exists on bridge " + bridge + "\n").apply(c);
                }
                added.add(port);
            }
        }
        ports.addAll(added);
        return RecordingCommandRunner.ok().apply(c);
    }
}
