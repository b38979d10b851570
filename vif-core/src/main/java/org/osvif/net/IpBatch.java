package org.osvif.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.objects.types.MacAddress;

/**
 * Several {@code ip} link steps run by one process, {@code ip -batch -}, one step per line
 * on its standard input: a plug's device work costs one process instead of one per step.
 *
 * <pre>{@code
 * IpBatch batch = IpCommand.on(runner).batch()
 *         .addBridgeWithoutMacAgeing("qbr1")
 *         .addVethPair("qvb1", "qvo1")
 *         .setUp("qvb1").tolerateRefusal()
 *         .setMaster("qvb1", "qbr1");
 * batch.run();        // ip -force -batch -   (stdin: link add name qbr1 type bridge ... \n link add ...)
 * }</pre>
 *
 * <p><b>Failures name their step.</b> Without {@code -force}, {@code ip} stops at the first
 * line that fails and prints the kernel's message followed by {@code Command failed -:N}; with
 * it, it goes on and prints that for every failing line. Each {@code N} is mapped back to its
 * step, and {@link #run} throws {@link IpBatchException} naming the first step whose failure
 * is not {@linkplain Tolerance tolerated}, its device and the kernel's message.
 *
 * <p><b>Nothing half-made.</b> Each step that creates a device ({@code add...}) knows how to
 * undo itself ({@code link del dev NAME}). When a step fails, the devices the batch created
 * in lines that succeeded are deleted again, by one more {@code ip -force -batch -} process,
 * before the exception is thrown. When {@code ip} could not say which line failed (it exits
 * at once on a line it cannot parse), every device the batch would create is deleted.
 *
 * <p><b>{@code -force}</b> is used when some step may legitimately fail (a
 * {@linkplain #tolerateRefusal tolerated} refusal, a device to delete that is already gone).
 * Then later lines still run after a failing one; a failure that is not tolerated still fails
 * the batch, and still undoes every device created by lines that succeeded.
 *
 * <p><b>No shell, no surprises in a line.</b> {@code ip} splits a line at whitespace, drops
 * everything after {@code #} and treats quotes and a trailing backslash specially. Names are
 * checked with {@link InterfaceName} (no whitespace), and a batch any of whose words holds
 * {@code #}, a quote or a backslash is run one process per step instead, with the same
 * failure reporting. A batch of one step is run as a plain {@code ip} command.
 *
 * <p>Not thread-safe while being built; build one per plug. Privileged (the root helper applies).
 */
public final class IpBatch {
    /** What a step's failure may be and still count as done. */
    public enum Tolerance {
        /** Every failure fails the batch. */
        NONE,
        /**
         * The kernel refused it ({@code RTNETLINK answers: ...} or {@code Error: ...}): upstream's
         * {@code check_exit_code=[0, 2, 254]}, for link state and MTU changes.
         */
        KERNEL_REFUSAL,
        /** The device is not there ({@code Cannot find device}, {@code No such device}): for deletions. */
        MISSING_DEVICE
    }

    /**
     * One line of the batch.
     *
     * @param description what it does, for messages
     * @param device the device it acts on
     * @param args the {@code ip} arguments, e.g. {@code link set dev qvb1 up}
     * @param tolerance which failures still count as done
     * @param undo the arguments that undo it if a later step fails, or null
     */
    public record Step(String description, String device, List<String> args, Tolerance tolerance, List<String> undo) {
        /**
         * Copies the parts.
         *
         * @param description what it does
         * @param device the device it acts on
         * @param args the {@code ip} arguments
         * @param tolerance which failures still count as done
         * @param undo the arguments that undo it, or null
         */
        public Step {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(device, "device");
            args = List.copyOf(args);
            Objects.requireNonNull(tolerance, "tolerance");
            undo = undo == null ? null : List.copyOf(undo);
        }

        /** @return the line as {@code ip} reads it */
        public String line() {
            return String.join(" ", args);
        }
    }

    /** {@code ip}'s report of a failed line, e.g. {@code Command failed -:3}. */
    private static final Pattern FAILED_LINE = Pattern.compile("^Command failed (.*):(\\d+)$");
    /** What a batch word may hold: no whitespace, comment, quote, backslash or control character. */
    private static final Pattern SAFE_WORD = Pattern.compile("[^\\s#\"'\\\\\\p{Cntrl}]+");
    /** Exit codes an {@code ip} run may end with; which step failed is read from standard error. */
    private static final Set<Integer> ANY_EXIT = Set.of(0, 1, 2, 254, 255);

    private final CommandRunner runner;
    private final String namespace;
    private final List<Step> steps = new ArrayList<>();

    IpBatch(CommandRunner runner, String namespace) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.namespace = namespace;
    }

    /**
     * @param runner runs the one process
     * @return an empty batch for the caller's network namespace
     */
    public static IpBatch on(CommandRunner runner) {
        return new IpBatch(runner, null);
    }

    // ---- steps ----

    /**
     * Any step: the arguments after {@code ip}. Nothing checks them: validate names with
     * {@link InterfaceName} first and put each after its keyword.
     *
     * @param description what it does, for messages
     * @param device the device it acts on
     * @param undo the arguments that undo it, or null
     * @param args the arguments, e.g. {@code "addr", "add", "10.0.0.1/24", "dev", "br0"}
     * @return this batch
     */
    public IpBatch step(String description, String device, List<String> undo, String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("an ip step needs arguments");
        }
        steps.add(new Step(description, device, List.of(args), Tolerance.NONE, undo));
        return this;
    }

    /**
     * {@code link add name NAME type bridge forward_delay 0 stp_state 0 mcast_snooping 0}
     * (see {@link IpCommand#addBridge}); undone by deleting it.
     *
     * @param name the bridge
     * @return this batch
     */
    public IpBatch addBridge(String name) {
        InterfaceName.check(name, "bridge");
        return creating("create bridge " + name, name, IpCommand.bridgeArgs(name));
    }

    /**
     * The same with {@code ageing_time 0} (see {@link IpCommand#addBridgeWithoutMacAgeing}).
     *
     * @param name the bridge
     * @return this batch
     */
    public IpBatch addBridgeWithoutMacAgeing(String name) {
        InterfaceName.check(name, "bridge");
        List<String> args = IpCommand.bridgeArgs(name);
        args.add("ageing_time");
        args.add("0");
        return creating("create bridge " + name + " without MAC ageing", name, args);
    }

    /**
     * {@code link add name A type veth peer name B}; undone by deleting A (which deletes B).
     *
     * @param name the first end
     * @param peer the second end
     * @return this batch
     */
    public IpBatch addVethPair(String name, String peer) {
        InterfaceName.check(name, "veth");
        InterfaceName.check(peer, "veth peer");
        return creating("create veth pair " + name + "/" + peer, name,
                List.of("link", "add", "name", name, "type", "veth", "peer", "name", peer));
    }

    /**
     * {@code tuntap add dev NAME mode tap [multi_queue]}; undone by deleting it.
     *
     * @param name the tap
     * @param multiqueue whether it gets several queues
     * @return this batch
     */
    public IpBatch addTap(String name, boolean multiqueue) {
        InterfaceName.check(name, "tap");
        List<String> args = new ArrayList<>(List.of("tuntap", "add", "dev", name, "mode", "tap"));
        if (multiqueue) {
            args.add("multi_queue");
        }
        return creating("create tap " + name, name, args);
    }

    /**
     * {@code link add link PARENT name DEV type vlan id N}; undone by deleting it.
     *
     * @param dev the VLAN interface
     * @param parent its parent device
     * @param vlanId 1..4094
     * @return this batch
     */
    public IpBatch addVlan(String dev, String parent, int vlanId) {
        InterfaceName.check(dev, "VLAN interface");
        InterfaceName.check(parent, "VLAN parent");
        if (vlanId < IpCommand.MIN_VLAN_ID || vlanId > IpCommand.MAX_VLAN_ID) {
            throw new IllegalArgumentException("Invalid VLAN ID " + vlanId + " for " + dev + ": must be "
                    + IpCommand.MIN_VLAN_ID + ".." + IpCommand.MAX_VLAN_ID);
        }
        return creating("create VLAN interface " + dev, dev,
                List.of("link", "add", "link", parent, "name", dev, "type", "vlan", "id", Integer.toString(vlanId)));
    }

    /**
     * @param dev the device
     * @return this batch, with {@code link set dev DEV up}
     */
    public IpBatch setUp(String dev) {
        return set("set " + dev + " up", dev, "up");
    }

    /**
     * @param dev the device
     * @return this batch, with {@code link set dev DEV down}
     */
    public IpBatch setDown(String dev) {
        return set("set " + dev + " down", dev, "down");
    }

    /**
     * @param dev the device
     * @param mtu 68..65535
     * @return this batch, with {@code link set dev DEV mtu MTU}
     */
    public IpBatch setMtu(String dev, int mtu) {
        if (mtu < IpCommand.MIN_MTU || mtu > IpCommand.MAX_MTU) {
            throw new IllegalArgumentException("Invalid MTU " + mtu + " for " + dev + ": must be "
                    + IpCommand.MIN_MTU + ".." + IpCommand.MAX_MTU);
        }
        return set("set MTU of " + dev + " to " + mtu, dev, "mtu", Integer.toString(mtu));
    }

    /**
     * @param dev the device
     * @param master the bridge
     * @return this batch, with {@code link set dev DEV master MASTER}
     */
    public IpBatch setMaster(String dev, String master) {
        InterfaceName.check(master, "master");
        return set("attach " + dev + " to " + master, dev, "master", master);
    }

    /**
     * @param dev the device
     * @param address its new MAC
     * @return this batch, with {@code link set dev DEV address MAC}
     */
    public IpBatch setAddress(String dev, MacAddress address) {
        Objects.requireNonNull(address, "address");
        return set("set MAC of " + dev + " to " + address, dev, "address", address.toString());
    }

    /**
     * @param dev the device
     * @param on on or off
     * @return this batch, with {@code link set dev DEV promisc on|off}
     */
    public IpBatch setPromisc(String dev, boolean on) {
        return set("set " + dev + " promiscuous " + (on ? "on" : "off"), dev, "promisc", on ? "on" : "off");
    }

    /**
     * {@code link set dev DEV addrgenmode none}: the kernel makes no IPv6 link-local address
     * for the device when it comes up. For a device whose {@code disable_ipv6} is written only
     * after the batch that brings it up, so that it never has an IPv6 address meanwhile.
     *
     * @param dev the device
     * @return this batch
     */
    public IpBatch noIpv6LinkLocal(String dev) {
        return set("make no IPv6 link-local address on " + dev, dev, "addrgenmode", "none");
    }

    /**
     * {@code link del dev DEV}, a device that is already gone counting as deleted.
     *
     * @param dev the device
     * @return this batch
     */
    public IpBatch delete(String dev) {
        InterfaceName.check(dev, "device");
        steps.add(new Step("delete " + dev, dev, List.of("link", "del", "dev", dev), Tolerance.MISSING_DEVICE,
                null));
        return this;
    }

    /**
     * Lets the step added last fail with a kernel refusal and still count as done (upstream's
     * {@code check_exit_code=[0, 2, 254]}); the batch then runs with {@code -force}.
     *
     * @return this batch
     */
    public IpBatch tolerateRefusal() {
        if (steps.isEmpty()) {
            throw new IllegalStateException("no step to tolerate");
        }
        Step last = steps.remove(steps.size() - 1);
        steps.add(new Step(last.description(), last.device(), last.args(), Tolerance.KERNEL_REFUSAL, last.undo()));
        return this;
    }

    private IpBatch set(String description, String dev, String... what) {
        InterfaceName.check(dev, "device");
        List<String> args = new ArrayList<>(List.of("link", "set", "dev", dev));
        args.addAll(List.of(what));
        steps.add(new Step(description, dev, args, Tolerance.NONE, null));
        return this;
    }

    private IpBatch creating(String description, String dev, List<String> args) {
        steps.add(new Step(description, dev, args, Tolerance.NONE, List.of("link", "del", "dev", dev)));
        return this;
    }

    // ---- running ----

    /** @return the steps so far, in order */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** @return whether there is no step */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Runs every step: nothing for an empty batch, one plain {@code ip} process for one step,
     * else {@code ip [-netns NS] [-force] -batch -}.
     *
     * @throws IpBatchException naming the first step that failed beyond its tolerance, after the
     *         devices created by the batch's successful steps were deleted again
     */
    public void run() {
        if (steps.isEmpty()) {
            return;
        }
        boolean force = steps.stream().anyMatch(s -> s.tolerance() != Tolerance.NONE);
        Outcome outcome = steps.size() > 1 && batchable(steps) ? runBatch(steps, force) : runOneByOne(steps, force);
        for (var failure : outcome.failures().entrySet()) {
            int line = failure.getKey();
            Step step = line == 0 ? null : steps.get(line - 1);
            if (step != null && tolerated(step.tolerance(), failure.getValue())) {
                continue;
            }
            IpBatchException error = step == null
                    ? new IpBatchException(outcome.command(), outcome.exitCode(), outcome.stdout(), outcome.stderr(),
                            "one of: " + lines(steps), steps.get(0).device(), 0, failure.getValue(), outcome.cause())
                    : new IpBatchException(outcome.command(), outcome.exitCode(), outcome.stdout(), outcome.stderr(),
                            step.description() + " (ip " + step.line() + ")", step.device(), line,
                            failure.getValue(), outcome.cause());
            undo(outcome, error);
            throw error;
        }
    }

    /**
     * What a run gave: the failed lines (1-based; 0 when ip did not say which) with their
     * messages, and the last line known to have run.
     */
    private record Outcome(Command command, int exitCode, String stdout, String stderr,
            TreeMap<Integer, String> failures, int lastRun, Throwable cause) {
    }

    private Outcome runBatch(List<Step> all, boolean force) {
        List<String> argv = prefix();
        if (force) {
            argv.add("-force");
        }
        argv.add("-batch");
        argv.add("-");
        StringBuilder stdin = new StringBuilder();
        for (Step step : all) {
            stdin.append(step.line()).append('\n');
        }
        Command command = new Command(argv, true, null, ANY_EXIT, stdin.toString());
        CommandResult result;
        try {
            result = runner.run(command);
        } catch (CommandFailedException e) {
            TreeMap<Integer, String> unknown = new TreeMap<>();
            unknown.put(0, e.getMessage());
            return new Outcome(command, e.exitCode(), e.stdout(), e.stderr(), unknown, all.size(), e);
        }
        TreeMap<Integer, String> failures = new TreeMap<>();
        if (result.exitCode() != 0) {
            StringBuilder message = new StringBuilder();
            for (String line : result.stderr().split("\n")) {
                Matcher m = FAILED_LINE.matcher(line.strip());
                if (m.matches()) {
                    int number = Integer.parseInt(m.group(2));
                    // A number outside the batch cannot be mapped to a step: which one failed is unknown.
                    failures.merge(number >= 1 && number <= all.size() ? number : 0, message.toString().strip(),
                            (a, b) -> a + "\n" + b);
                    message.setLength(0);
                } else if (!line.isBlank()) {
                    message.append(message.length() == 0 ? "" : "\n").append(line.strip());
                }
            }
            if (failures.isEmpty() || message.length() > 0) {
                // ip gave up on a line it did not number (it cannot parse it): which one is unknown.
                failures.put(0, message.length() > 0 ? message.toString() : "exit code " + result.exitCode());
            }
        }
        int lastRun = force || failures.isEmpty() || failures.containsKey(0) ? all.size() : failures.firstKey();
        return new Outcome(command, result.exitCode(), result.stdout(), result.stderr(), failures, lastRun, null);
    }

    private Outcome runOneByOne(List<Step> all, boolean force) {
        TreeMap<Integer, String> failures = new TreeMap<>();
        CommandResult last = null;
        CommandResult firstFailed = null;
        int lastRun = 0;
        for (int i = 0; i < all.size(); i++) {
            List<String> argv = prefix();
            argv.addAll(all.get(i).args());
            last = runner.run(new Command(argv, true, null, ANY_EXIT, null));
            lastRun = i + 1;
            if (last.exitCode() != 0) {
                String message = last.stderr().strip();
                failures.put(i + 1, message.isEmpty() ? "exit code " + last.exitCode() : message);
                if (!tolerated(all.get(i).tolerance(), message)) {
                    firstFailed = firstFailed == null ? last : firstFailed;
                    if (!force) {
                        break;
                    }
                }
            }
        }
        CommandResult shown = firstFailed != null ? firstFailed : last;
        return new Outcome(shown.command(), shown.exitCode(), shown.stdout(), shown.stderr(), failures, lastRun,
                null);
    }

    /** Deletes, newest first, the devices created by lines that ran and did not fail. */
    private void undo(Outcome outcome, IpBatchException error) {
        boolean unknown = outcome.failures().containsKey(0);
        IpBatch undo = new IpBatch(runner, namespace);
        for (int line = outcome.lastRun(); line >= 1; line--) {
            Step step = steps.get(line - 1);
            if (step.undo() != null && (unknown || !outcome.failures().containsKey(line))) {
                undo.steps.add(new Step("undo: " + step.description(), step.device(), step.undo(),
                        Tolerance.MISSING_DEVICE, null));
            }
        }
        try {
            undo.run();
        } catch (RuntimeException e) {
            error.addSuppressed(e);
        }
    }

    private static boolean tolerated(Tolerance tolerance, String message) {
        return switch (tolerance) {
            case NONE -> false;
            case KERNEL_REFUSAL -> message.contains("RTNETLINK answers") || message.startsWith("Error:");
            case MISSING_DEVICE -> message.contains("Cannot find device") || message.contains("No such device");
        };
    }

    private static boolean batchable(List<Step> all) {
        return all.stream().flatMap(s -> s.args().stream()).allMatch(word -> SAFE_WORD.matcher(word).matches());
    }

    private List<String> prefix() {
        List<String> argv = new ArrayList<>();
        argv.add("ip");
        if (namespace != null) {
            argv.add("-netns");
            argv.add(namespace);
        }
        return argv;
    }

    private static String lines(List<Step> all) {
        StringBuilder text = new StringBuilder();
        for (Step step : all) {
            text.append(text.length() == 0 ? "" : "; ").append(step.line());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "ip batch of " + steps.size() + " steps: " + lines(steps);
    }
}
