package org.osvif.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.HostFiles;

/**
 * Runs commands through another runner and remembers each one's argv and wall
 * time (start to exit, as the caller sees it), so a benchmark can tell how many
 * processes one plug started, which, and how much of the plug they took.
 * Thread-safe.
 */
final class CountingCommandRunner implements CommandRunner {
    private final CommandRunner delegate;
    private final List<Run> runs = new ArrayList<>();

    /**
     * One command that ran.
     *
     * @param argv its argv
     * @param nanos how long {@link CommandRunner#run} took for it
     */
    record Run(List<String> argv, long nanos) {
        String program() {
            return argv.get(0);
        }
    }

    CountingCommandRunner(CommandRunner delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public CommandResult run(Command command) {
        long begin = System.nanoTime();
        try {
            return delegate.run(command);
        } finally {
            Run run = new Run(command.argv(), System.nanoTime() - begin);
            synchronized (this) {
                runs.add(run);
            }
        }
    }

    /** The delegate's files: reading and writing them starts no process, so nothing is counted. */
    @Override
    public HostFiles files() {
        return delegate.files();
    }

    /** @return every command run since the last call, in order, and forgets them */
    synchronized List<Run> drain() {
        List<Run> drained = List.copyOf(runs);
        runs.clear();
        return drained;
    }

    /**
     * @param runs commands
     * @param program a program name, e.g. {@code ovs-vsctl}
     * @return how many of them run that program
     */
    static int count(List<Run> runs, String program) {
        return (int) runs.stream().filter(run -> program.equals(run.program())).count();
    }

    /**
     * @param runs commands
     * @param program a program name, or null for all
     * @return their summed wall time in nanoseconds
     */
    static long nanos(List<Run> runs, String program) {
        return runs.stream().filter(run -> program == null || program.equals(run.program())).mapToLong(Run::nanos)
                .sum();
    }
}
