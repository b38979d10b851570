package org.osvif.testing;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.HostFiles;

/**
 * A {@link CommandRunner} that runs nothing and prints each command instead,
 * one line per command, as {@code sh -x} would show it:
 *
 * <pre>
 * + sudo ip link add name qbr1 type bridge forward_delay 0 stp_state 0 mcast_snooping 0
 * + ovs-vsctl -- --may-exist add-port br-int 'tap 1'
 * </pre>
 *
 * Arguments are shell-quoted <em>for display only</em> (so that a reader can
 * tell {@code 'a b'} from {@code a b} and copy the line into a shell); the
 * argv itself is never given to a shell. Characters that would break the
 * line (newlines, other control characters) are written as {@code $'\n'}.
 *
 * <p>By default every command succeeds with empty output, with exit code 0,
 * or its smallest accepted exit code if it does not accept 0. An
 * {@linkplain #answering answer function} can supply other results, which are
 * checked like the real runner's ({@link CommandFailedException} for an exit
 * code the command does not accept). {@code vifctl --dry-run} uses this.
 *
 * <p>Thread-safe: each line is printed with one {@code println}.
 */
public final class DryRunCommandRunner implements CommandRunner {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final PrintStream out;
    private final List<String> rootHelper;
    private final Function<Command, CommandResult> answer;
    private final FakeHostFiles files;

    /**
     * @param out where the lines go, e.g. {@code System.out}
     */
    public DryRunCommandRunner(PrintStream out) {
        this(out, List.of(), null);
    }

    private DryRunCommandRunner(PrintStream out, List<String> rootHelper, Function<Command, CommandResult> answer) {
        this.out = Objects.requireNonNull(out, "out");
        this.rootHelper = List.copyOf(rootHelper);
        this.answer = answer;
        this.files = new FakeHostFiles(write -> {
            int eq = write.lastIndexOf('=');
            this.out.println("+ echo " + quote(write.substring(eq + 1)) + " > " + quote(write.substring(0, eq)));
        });
    }

    /**
     * @param helper the root helper to show in front of privileged commands, e.g. {@code ["sudo"]}
     * @return a copy that shows it
     */
    public DryRunCommandRunner withRootHelper(List<String> helper) {
        return new DryRunCommandRunner(out, helper, answer);
    }

    /**
     * @param results computes the result of each command (for example output a caller parses);
     *        null restores the default
     * @return a copy that answers with it
     */
    public DryRunCommandRunner answering(Function<Command, CommandResult> results) {
        return new DryRunCommandRunner(out, rootHelper, results);
    }

    /**
     * The kernel files of a host where nothing exists yet, except what the printed {@code ip}
     * commands would create; a write is printed as {@code + echo VALUE > PATH} and not done.
     */
    @Override
    public HostFiles files() {
        return files;
    }

    @Override
    public CommandResult run(Command command) {
        Objects.requireNonNull(command, "command");
        out.println(line(command));
        if (command.stdin() != null) {
            // An ip -batch: its steps, one per line, as a here-document would show them.
            for (String stdinLine : command.stdin().split("\n")) {
                out.println("    " + stdinLine);
            }
        }
        if (answer == null) {
            int code = command.exitCodes().contains(0) ? 0
                    : command.exitCodes().stream().mapToInt(Integer::intValue).min().orElseThrow();
            if (code == 0) {
                files.apply(command);
            }
            return new CommandResult(command, code, "", "", Duration.ZERO);
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
     * @param command a command
     * @return the line this runner prints for it, without the line break
     */
    public String line(Command command) {
        List<String> argv = new ArrayList<>();
        if (command.privileged()) {
            argv.addAll(rootHelper);
        }
        argv.addAll(command.argv());
        StringBuilder line = new StringBuilder("+");
        for (String arg : argv) {
            line.append(' ').append(quote(arg));
        }
        return line.toString();
    }

    /**
     * Quotes one argument for display the way Python's {@code shlex.quote} does, and with
     * {@code $'...'} when it holds control characters, so the result is always one line.
     *
     * @param arg the argument
     * @return it, quoted if needed
     */
    public static String quote(String arg) {
        if (SAFE.matcher(arg).matches()) {
            return arg;
        }
        boolean control = arg.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        if (!control) {
            return "'" + arg.replace("'", "'\"'\"'") + "'";
        }
        StringBuilder quoted = new StringBuilder("$'");
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('\'').toString();
    }
}
