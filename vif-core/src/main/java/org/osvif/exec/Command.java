package org.osvif.exec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One command to run: an argv list (never a shell string), whether it needs
 * root (then the configured root helper, such as {@code sudo}, is put in
 * front), an optional timeout, the exit codes that count as success and
 * optional standard input.
 *
 * <pre>{@code
 * Command.of("ip", "link", "set", "dev", "tap0", "up")
 * Command.of("ip", "link", "del", "dev", "tap0").withExitCodes(0, 1)
 * Command.of("ovs-vsctl", "--timeout=120", "show").withTimeout(Duration.ofSeconds(125))
 * }</pre>
 *
 * @param argv the program and its arguments; no element may be null
 * @param privileged whether the root helper applies
 * @param timeout how long the command may run, or null for the runner's default
 * @param exitCodes exit codes that mean success (at least one)
 * @param stdin text written to standard input, or null for none
 */
public record Command(List<String> argv, boolean privileged, Duration timeout, Set<Integer> exitCodes, String stdin) {

    /**
     * Checks and copies the parts.
     *
     * @param argv the program and its arguments
     * @param privileged whether the root helper applies
     * @param timeout how long it may run, or null for the default
     * @param exitCodes the exit codes that mean success
     * @param stdin text for standard input, or null
     */
    public Command {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program name");
        }
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i) == null) {
                throw new IllegalArgumentException("argv[" + i + "] is null in " + argv);
            }
        }
        argv = List.copyOf(argv);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        exitCodes = Set.copyOf(Objects.requireNonNull(exitCodes, "exitCodes"));
        if (exitCodes.isEmpty()) {
            throw new IllegalArgumentException("at least one exit code must mean success");
        }
    }

    /**
     * A privileged command that succeeds with exit code 0 and uses the runner's default timeout.
     *
     * @param argv the program and its arguments
     * @return the command
     */
    public static Command of(String... argv) {
        return new Command(List.of(argv), true, null, Set.of(0), null);
    }

    /**
     * A privileged command from a list.
     *
     * @param argv the program and its arguments
     * @return the command
     */
    public static Command of(List<String> argv) {
        return new Command(argv, true, null, Set.of(0), null);
    }

    /**
     * @param value how long the command may run before it is killed
     * @return a copy with that timeout
     */
    public Command withTimeout(Duration value) {
        return new Command(argv, privileged, value, exitCodes, stdin);
    }

    /**
     * @param codes the exit codes that mean success, e.g. {@code 0, 2, 254} for {@code ip link set} on a missing device
     * @return a copy accepting those codes
     */
    public Command withExitCodes(int... codes) {
        Set<Integer> set = new java.util.LinkedHashSet<>();
        for (int c : codes) {
            set.add(c);
        }
        return new Command(argv, privileged, timeout, set, stdin);
    }

    /**
     * @param text text for standard input
     * @return a copy that writes it to the process
     */
    public Command withStdin(String text) {
        return new Command(argv, privileged, timeout, exitCodes, text);
    }

    /** @return a copy that runs without the root helper (for read-only commands) */
    public Command unprivileged() {
        return new Command(argv, false, timeout, exitCodes, stdin);
    }

    /** @return the program, {@code argv().get(0)} */
    public String program() {
        return argv.get(0);
    }

    /** @return the argv joined by spaces, for messages and logs only (never executed as a string) */
    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
