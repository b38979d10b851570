package org.osvif.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * What a finished command gave.
 *
 * @param command the command as asked for (without the root helper)
 * @param exitCode the exit code
 * @param stdout standard output, decoded as UTF-8
 * @param stderr standard error, decoded as UTF-8
 * @param duration how long it ran
 */
public record CommandResult(Command command, int exitCode, String stdout, String stderr, Duration duration) {

    /**
     * Checks and copies the parts.
     *
     * @param command the command
     * @param exitCode the exit code
     * @param stdout standard output
     * @param stderr standard error
     * @param duration how long it ran
     */
    public CommandResult {
        Objects.requireNonNull(command, "command");
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** @return whether the exit code is one the command accepts */
    public boolean succeeded() {
        return command.exitCodes().contains(exitCode);
    }
}
