package org.osvif.plug.ovs.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbCommand;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;
import org.osvif.plug.ovs.internal.ovsdb.VsctlOvsdb;
import org.osvif.testing.RecordingCommandRunner;

/**
 * An {@link Ovsdb} for the plug path tests, at the seam both drivers implement: it records every
 * {@link #transact} (failed or not) as its command list and every read, answers reads from a
 * small scripted database ({@link FakeOvsdbState}) that committed transactions change, and fails
 * transactions when told to. Tests assert what a plug asks of OVSDB, not how a driver spells it,
 * so the same assertions hold for the vsctl and the native driver.
 *
 * <p>Made {@link #alongside} a {@link RecordingCommandRunner}, its {@link #timeline()} interleaves
 * the runner's host steps ({@code $ ip ...}, {@code > /proc/...=1}) with the OVSDB calls in the
 * order they happened.
 *
 * <pre>{@code
 * RecordingOvsdb ovsdb = RecordingOvsdb.alongside(runner).withPort("br-int", "tap0");
 * ... plug ...
 * assertThat(ovsdb.timeline()).containsExactly(Read.find(...), txn(...), txn(...));
 * }</pre>
 */
final class RecordingOvsdb implements Ovsdb {

    /** A read, as the plug asked it. */
    sealed interface Read {
        /** {@link Ovsdb#find}. */
        record Find(String table, Map<String, OvsdbValue> conditions, List<String> columns) implements Read {
        }

        /** {@link Ovsdb#get}. */
        record Get(String table, String record, String column) implements Read {
        }

        /** {@link Ovsdb#portExists}. */
        record PortExists(String port) implements Read {
        }

        /** {@link Ovsdb#bridgeExists}. */
        record BridgeExists(String bridge) implements Read {
        }
    }

    /**
     * One {@link #transact} in the timeline. Equal only when the commands are equal <em>and in the
     * same order within</em> (columns, map entries), as the argv assertions these replace were:
     * record equality of a map ignores order.
     *
     * @param commands the commands, in order
     */
    record Txn(List<OvsdbCommand> commands) {
        /** Copies the commands. */
        Txn {
            commands = List.copyOf(commands);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Txn t && commands.equals(t.commands) && toString().equals(t.toString());
        }

        @Override
        public int hashCode() {
            return commands.hashCode();
        }

        @Override
        public String toString() {
            return commands.stream().map(Object::toString).collect(Collectors.joining("\n  ", "Txn[\n  ", "]"));
        }
    }

    private record Failure(Predicate<List<OvsdbCommand>> when, Supplier<RuntimeException> error) {
    }

    private final Supplier<List<String>> hostSteps;
    private final List<Object> timeline = new ArrayList<>();
    private final List<List<OvsdbCommand>> transactions = new ArrayList<>();
    private final List<Read> reads = new ArrayList<>();
    private final Deque<RuntimeException> nextFailures = new ArrayDeque<>();
    private final List<Failure> failures = new ArrayList<>();
    private FakeOvsdbState state = new FakeOvsdbState();
    private RuntimeException readFailure;
    private Runnable onCall = () -> { };
    private int stepsSeen;

    private RecordingOvsdb(Supplier<List<String>> hostSteps) {
        this.hostSteps = hostSteps;
    }

    /** @return a fake with no host steps in its timeline */
    static RecordingOvsdb create() {
        return new RecordingOvsdb(List::of);
    }

    /**
     * @param runner the runner of the same plugin
     * @return a fake whose timeline interleaves the runner's steps
     */
    static RecordingOvsdb alongside(RecordingCommandRunner runner) {
        return new RecordingOvsdb(runner::steps);
    }

    // ---- scripting ----

    /** @param bridge a bridge that exists (with its own internal port) @return this */
    synchronized RecordingOvsdb withBridge(String bridge) {
        state.addBridge(bridge);
        return this;
    }

    /** @param bridge its bridge, made if missing @param port a port that exists on it @return this */
    synchronized RecordingOvsdb withPort(String bridge, String port) {
        state.addBridge(bridge);
        state.addPort(bridge, port);
        return this;
    }

    /**
     * @param uuid the row's UUID
     * @param externalIds its external_ids
     * @return this
     */
    synchronized RecordingOvsdb withQos(String uuid, Map<String, String> externalIds) {
        state.addQos(uuid, Map.of("external_ids", OvsdbValue.map(externalIds)));
        return this;
    }

    /** @param error what the next transaction throws, changing nothing @return this */
    synchronized RecordingOvsdb failNextTransaction(RuntimeException error) {
        nextFailures.add(error);
        return this;
    }

    /**
     * @param when which transactions fail, changing nothing (checked before the state's own refusals)
     * @param error what each throws
     * @return this
     */
    synchronized RecordingOvsdb failTransactions(Predicate<List<OvsdbCommand>> when, Supplier<RuntimeException> error) {
        failures.add(new Failure(when, error));
        return this;
    }

    /** @param error what every read throws @return this */
    synchronized RecordingOvsdb failReads(RuntimeException error) {
        readFailure = error;
        return this;
    }

    /** @param hook runs at the start of every call, e.g. to look at locks held @return this */
    synchronized RecordingOvsdb onEachCall(Runnable hook) {
        onCall = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /**
     * What ovs-vsctl's failure looks like when a plain {@code add-port} meets an existing port: the
     * vsctl driver's form of the refusal that {@link FakeOvsdbState} gives in the native form.
     *
     * @param bridge the bridge the port is on
     * @param port the port
     * @return the exception the vsctl driver throws
     */
    static CommandFailedException vsctlPortExists(String bridge, String port) {
        return vsctlFailure("ovs-vsctl: cannot create a port named " + port + " because a port named " + port
                + " already exists on bridge " + bridge + "\n");
    }

    /**
     * @param stderr what ovs-vsctl said
     * @return the exception the vsctl driver throws when ovs-vsctl exits with 1 saying that
     */
    static CommandFailedException vsctlFailure(String stderr) {
        Command command = Command.of(VsctlOvsdb.PROGRAM, "--", "transaction");
        return new CommandFailedException(new CommandResult(command, 1, "", stderr, Duration.ZERO));
    }

    /**
     * @param type the command's class
     * @return transactions holding such a command
     */
    static Predicate<List<OvsdbCommand>> holding(Class<? extends OvsdbCommand> type) {
        return commands -> commands.stream().anyMatch(type::isInstance);
    }

    // ---- what was asked ----

    /** @return every transaction, failed or not, in order */
    synchronized List<List<OvsdbCommand>> transactions() {
        return List.copyOf(transactions);
    }

    /** @return every read, in order */
    synchronized List<Read> reads() {
        return List.copyOf(reads);
    }

    /** @return host steps (strings), {@link Read}s and {@link Txn}s, in the order they happened */
    synchronized List<Object> timeline() {
        catchUp();
        return List.copyOf(timeline);
    }

    /** @return whether a port exists now, in the scripted database */
    synchronized boolean hasPort(String port) {
        return state.portExists(port);
    }

    /** @return whether a bridge exists now */
    synchronized boolean hasBridge(String bridge) {
        return state.bridgeExists(bridge);
    }

    /** @return the bridge holding a port now */
    synchronized Optional<String> bridgeOf(String port) {
        return state.bridgeOf(port);
    }

    /** @return the QoS rows now, by UUID */
    synchronized List<String> qosRows() {
        return List.copyOf(state.qosRows());
    }

    // ---- Ovsdb ----

    @Override
    public synchronized void transact(List<OvsdbCommand> commands) {
        onCall.run();
        catchUp();
        transactions.add(List.copyOf(commands));
        timeline.add(new Txn(commands));
        if (!nextFailures.isEmpty()) {
            throw nextFailures.poll();
        }
        for (Failure failure : failures) {
            if (failure.when().test(commands)) {
                throw failure.error().get();
            }
        }
        FakeOvsdbState next = state.copy();
        next.apply(commands);
        state = next;
    }

    @Override
    public synchronized Optional<OvsdbValue> get(String table, String record, String column) {
        read(new Read.Get(table, record, column));
        return state.get(table, record, column);
    }

    @Override
    public synchronized List<Map<String, OvsdbValue>> find(String table, Map<String, OvsdbValue> conditions,
            List<String> columns) {
        read(new Read.Find(table, conditions, columns));
        return state.find(table, conditions, columns);
    }

    @Override
    public synchronized boolean bridgeExists(String bridge) {
        read(new Read.BridgeExists(bridge));
        return state.bridgeExists(bridge);
    }

    @Override
    public synchronized boolean portExists(String port) {
        read(new Read.PortExists(port));
        return state.portExists(port);
    }

    private void read(Read read) {
        onCall.run();
        catchUp();
        reads.add(read);
        timeline.add(read);
        if (readFailure != null) {
            throw readFailure;
        }
    }

    /** Moves the host steps taken since the last call into the timeline. */
    private void catchUp() {
        List<String> steps = hostSteps.get();
        timeline.addAll(steps.subList(stepsSeen, steps.size()));
        stepsSeen = steps.size();
    }
}
