package org.osvif.internal;

import java.util.Objects;

import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.HostFileException;
import org.osvif.exec.HostFiles;

/**
 * {@link HostFiles} reached through processes of a runner: {@code test -e PATH} and
 * {@code tee PATH}. One process per file, so only where this JVM cannot reach the files
 * itself: another network namespace, or a write that needs the root helper.
 */
public final class ProcessHostFiles implements HostFiles {
    private final CommandRunner runner;

    /** @param runner runs {@code test} and {@code tee} */
    public ProcessHostFiles(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public boolean exists(String path) {
        CommandResult result = runner.run(Command.of("test", "-e", path).withExitCodes(0, 1).unprivileged());
        return result.exitCode() == 0;
    }

    @Override
    public void write(String path, String value) {
        try {
            runner.run(Command.of("tee", path).withStdin(value + "\n"));
        } catch (CommandFailedException e) {
            // tee: /proc/sys/...: Invalid argument
            String reason = e.stderr().strip();
            int colon = reason.lastIndexOf(": ");
            throw new HostFileException(path, value, colon >= 0 ? reason.substring(colon + 2) : reason, e);
        }
    }

    @Override
    public String toString() {
        return "files through " + runner;
    }
}
