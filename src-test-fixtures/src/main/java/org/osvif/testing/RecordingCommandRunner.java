package org.osvif.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.CommandTimeoutException;

/**
 * A {@link CommandRunner} for tests: runs nothing, records every command in
 * order, and answers from a script. Modelled on OkHttp's MockWebServer:
 * script with {@link #enqueue}, {@link #when} or {@link #dispatch}, run the
 * code under test, then assert with {@link #takeCommand()} in order.
 *
 * <pre>{@code
 * RecordingCommandRunner runner = new RecordingCommandRunner();
 * runner.when(RecordingCommandRunner.argvStartsWith("ip", "-o", "link", "show"))
 *       .thenFail(1, "Device \"qbr1\" does not exist.");
 * runner.dispatch(RecordingCommandRunner.ok());
 *
 * IpCommand.on(runner).addBridge("qbr1");
 *
 * assertThat(runner.takeCommand().argv()).containsExactly("ip", "link", "add", "name", "qbr1", ...);
 * runner.assertNoMoreCommands();
 * }</pre>
 *
 * <p><b>How a command is answered</b>, first match wins:
 * <ol>
 * <li>the {@link #when} rules, in the order they were registered (a rule
 *     answers every command it matches, any number of times);</li>
 * <li>the {@link #enqueue queue}, first in first out, one answer per command;</li>
 * <li>the {@link #dispatch} function, if set.</li>
 * </ol>
 * A command nobody scripted <b>fails fast</b>: {@link #run} throws
 * {@link IllegalStateException} naming its argv (and the command is still
 * recorded, and listed by {@link #unscriptedCommands()}, in case the code
 * under test swallows the exception).
 *
 * <p><b>Like the real runner</b>, the answer is bound to the command that
 * was run (the {@link CommandResult#command()} of a scripted result is
 * replaced), and an exit code the command does not accept throws
 * {@link CommandFailedException}. An answer function may also throw, e.g.
 * {@link #timeout()}.
 *
 * <p>Thread-safe: commands may run from many threads; answer functions are
 * called outside the runner's lock, so they may block.
 */
public final class RecordingCommandRunner implements CommandRunner {
    private final Object lock = new Object();
    private final List<Command> recorded = new ArrayList<>();
    private final List<Command> unscripted = new ArrayList<>();
    private final Deque<Function<Command, CommandResult>> queue = new ArrayDeque<>();
    private final List<Rule> rules = new ArrayList<>();
    private Function<Command, CommandResult> dispatcher;
    private int taken;
    /** Commands (with their standard input) and file writes, in the order they happened. */
    private final List<String> steps = new ArrayList<>();
    private final FakeHostFiles files = new FakeHostFiles(write -> {
        synchronized (lock) {
            steps.add("> " + write);
        }
    });

    /** A runner with an empty script: every command fails fast until something is scripted. */
    public RecordingCommandRunner() {
    }

    // ---- answers ----

    /** @return an answer: exit code 0, no output */
    public static Function<Command, CommandResult> ok() {
        return ok("");
    }

    /**
     * @param stdout what the command prints
     * @return an answer: exit code 0 and that output
     */
    public static Function<Command, CommandResult> ok(String stdout) {
        return exit(0, stdout, "");
    }

    /**
     * @param exitCode the exit code
     * @param stderr what the command prints on standard error
     * @return an answer with that exit code (a failure unless the command accepts it)
     */
    public static Function<Command, CommandResult> fail(int exitCode, String stderr) {
        return exit(exitCode, "", stderr);
    }

    /**
     * @param exitCode the exit code
     * @param stdout standard output
     * @param stderr standard error
     * @return an answer with all three
     */
    public static Function<Command, CommandResult> exit(int exitCode, String stdout, String stderr) {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        return command -> new CommandResult(command, exitCode, stdout, stderr, Duration.ZERO);
    }

    /**
     * @return an answer that throws {@link CommandTimeoutException} as the real runner does when a
     *         command outlives its timeout (the command's own timeout, else one second)
     */
    public static Function<Command, CommandResult> timeout() {
        return command -> {
            throw new CommandTimeoutException(command,
                    command.timeout() != null ? command.timeout() : Duration.ofSeconds(1), "", "");
        };
    }

    /**
     * @return an answer that throws {@link CommandFailedException#notStarted}, as the real runner
     *         does for a missing program
     */
    public static Function<Command, CommandResult> notStarted() {
        return command -> {
            throw CommandFailedException.notStarted(command,
                    new java.io.IOException("Cannot run program \"" + command.program()
                            + "\": error=2, No such file or directory"));
        };
    }

    // ---- matchers ----

    /**
     * @param argv the exact argv
     * @return a matcher for commands with exactly that argv
     */
    public static Predicate<Command> argvEquals(String... argv) {
        List<String> expected = List.of(argv);
        return command -> command.argv().equals(expected);
    }

    /**
     * @param prefix the first elements of the argv
     * @return a matcher for commands whose argv starts with them
     */
    public static Predicate<Command> argvStartsWith(String... prefix) {
        List<String> expected = List.of(prefix);
        return command -> command.argv().size() >= expected.size()
                && command.argv().subList(0, expected.size()).equals(expected);
    }

    /**
     * @param elements elements that must appear in the argv, in this order, one right after the other
     * @return a matcher for commands whose argv contains that run of elements
     */
    public static Predicate<Command> argvContains(String... elements) {
        List<String> expected = List.of(elements);
        return command -> java.util.Collections.indexOfSubList(command.argv(), expected) >= 0;
    }

    // ---- scripting ----

    /**
     * Queues one answer for the next command that no {@link #when} rule answers.
     *
     * @param result the answer; its command is replaced by the command actually run
     * @return this runner
     */
    public RecordingCommandRunner enqueue(CommandResult result) {
        Objects.requireNonNull(result, "result");
        return enqueue(command -> result);
    }

    /**
     * Queues one answer for the next command that no {@link #when} rule answers.
     *
     * @param answer computes the result (or throws) for the command actually run
     * @return this runner
     */
    public RecordingCommandRunner enqueue(Function<Command, CommandResult> answer) {
        Objects.requireNonNull(answer, "answer");
        synchronized (lock) {
            queue.addLast(answer);
        }
        return this;
    }

    /**
     * Sets the answer for every command that neither a rule nor the queue answers.
     *
     * @param answer the default answer, e.g. {@link #ok()}; null removes it
     * @return this runner
     */
    public RecordingCommandRunner dispatch(Function<Command, CommandResult> answer) {
        synchronized (lock) {
            dispatcher = answer;
        }
        return this;
    }

    /**
     * Starts a rule: commands matching {@code matcher} get the answer given next.
     * Rules are checked before the queue, in the order they were registered.
     *
     * @param matcher which commands, e.g. {@link #argvStartsWith}
     * @return the rule's answer step
     */
    public Stubbing when(Predicate<Command> matcher) {
        return new Stubbing(Objects.requireNonNull(matcher, "matcher"));
    }

    /** The second half of {@link #when}: what matching commands get. */
    public final class Stubbing {
        private final Predicate<Command> matcher;

        private Stubbing(Predicate<Command> matcher) {
            this.matcher = matcher;
        }

        /**
         * @param stdout what matching commands print; they exit with 0
         * @return the runner
         */
        public RecordingCommandRunner thenReturn(String stdout) {
            return thenAnswer(ok(stdout));
        }

        /**
         * @param exitCode the exit code of matching commands
         * @param stderr what they print on standard error
         * @return the runner
         */
        public RecordingCommandRunner thenFail(int exitCode, String stderr) {
            return thenAnswer(fail(exitCode, stderr));
        }

        /**
         * @param answer computes the result (or throws) for each matching command
         * @return the runner
         */
        public RecordingCommandRunner thenAnswer(Function<Command, CommandResult> answer) {
            Objects.requireNonNull(answer, "answer");
            synchronized (lock) {
                rules.add(new Rule(matcher, answer));
            }
            return RecordingCommandRunner.this;
        }
    }

    private record Rule(Predicate<Command> matcher, Function<Command, CommandResult> answer) {
    }

    // ---- running ----

    @Override
    public CommandResult run(Command command) {
        Objects.requireNonNull(command, "command");
        Function<Command, CommandResult> answer = null;
        List<Rule> ruleSnapshot;
        synchronized (lock) {
            recorded.add(command);
            steps.add("$ " + String.join(" ", command.argv()));
            if (command.stdin() != null) {
                for (String line : command.stdin().split("\n")) {
                    steps.add("  " + line);
                }
            }
            ruleSnapshot = List.copyOf(rules);
        }
        for (Rule rule : ruleSnapshot) {
            if (rule.matcher().test(command)) {
                answer = rule.answer();
                break;
            }
        }
        if (answer == null) {
            synchronized (lock) {
                answer = queue.pollFirst();
                if (answer == null) {
                    answer = dispatcher;
                }
                if (answer == null) {
                    unscripted.add(command);
                }
            }
        }
        if (answer == null) {
            throw new IllegalStateException("Unscripted command: " + command.argv()
                    + " (nothing in when(...), enqueue(...) or dispatch(...) answers it)");
        }
        CommandResult given = answer.apply(command);
        if (given == null) {
            throw new IllegalStateException("The answer for " + command.argv() + " returned null");
        }
        CommandResult result = new CommandResult(command, given.exitCode(), given.stdout(), given.stderr(),
                given.duration());
        if (!result.succeeded()) {
            throw new CommandFailedException(result);
        }
        if (result.exitCode() == 0) {
            files.apply(command);
        }
        return result;
    }

    /**
     * The in-memory {@code /sys/class/net} and {@code /proc/sys/net} that go with this runner's
     * commands: empty at first; a successful {@code ip} command (or batch) that creates or deletes
     * a device changes it as the kernel would; writes are recorded.
     *
     * @return the files
     */
    @Override
    public FakeHostFiles files() {
        return files;
    }

    /**
     * Everything done so far, in order: {@code $ ARGV} for a command, then {@code   LINE} for each
     * line of its standard input (an {@code ip -batch -}'s steps), and {@code > PATH=VALUE} for a
     * file write.
     *
     * @return the steps
     */
    public List<String> steps() {
        synchronized (lock) {
            return List.copyOf(steps);
        }
    }

    // ---- assertions ----

    /**
     * The next recorded command not yet taken, in the order they ran.
     *
     * @return the command
     * @throws AssertionError when every recorded command has been taken
     */
    public Command takeCommand() {
        synchronized (lock) {
            if (taken >= recorded.size()) {
                throw new AssertionError("Expected another command, but all " + recorded.size()
                        + " recorded commands were taken" + (recorded.isEmpty() ? "" : "; the last was "
                        + recorded.get(recorded.size() - 1).argv()));
            }
            return recorded.get(taken++);
        }
    }

    /**
     * @return the argv of {@link #takeCommand()}
     */
    public List<String> takeArgv() {
        return takeCommand().argv();
    }

    /**
     * Takes the next command and checks its argv.
     *
     * @param argv the expected argv
     * @return the command
     * @throws AssertionError when there is none or its argv differs
     */
    public Command takeCommand(String... argv) {
        Command command = takeCommand();
        if (!command.argv().equals(Arrays.asList(argv))) {
            throw new AssertionError("Expected command " + Arrays.asList(argv) + " but the next one was "
                    + command.argv());
        }
        return command;
    }

    /** @return every command recorded so far, in order (taken or not) */
    public List<Command> commands() {
        synchronized (lock) {
            return List.copyOf(recorded);
        }
    }

    /** @return the argv of every command recorded so far, in order */
    public List<List<String>> argvs() {
        return commands().stream().map(Command::argv).toList();
    }

    /** @return how many commands were recorded */
    public int commandCount() {
        synchronized (lock) {
            return recorded.size();
        }
    }

    /** @return commands that nothing answered (each also made {@link #run} throw) */
    public List<Command> unscriptedCommands() {
        synchronized (lock) {
            return List.copyOf(unscripted);
        }
    }

    /**
     * @throws AssertionError listing the recorded commands not yet {@linkplain #takeCommand() taken}
     */
    public void assertNoMoreCommands() {
        synchronized (lock) {
            if (taken < recorded.size()) {
                List<List<String>> rest = recorded.subList(taken, recorded.size()).stream()
                        .map(Command::argv).toList();
                throw new AssertionError("Expected no more commands, but " + rest.size() + " more ran: " + rest);
            }
        }
    }
}
