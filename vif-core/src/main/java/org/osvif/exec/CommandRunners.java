package org.osvif.exec;

import java.time.Duration;
import java.util.List;

import org.osvif.internal.CommonsExecRunner;

/**
 * Where a {@link CommandRunner} that really runs programs comes from. The
 * implementation stays out of the public API; only this factory is exported.
 *
 * <pre>{@code
 * CommandRunner runner = CommandRunners.system(List.of("sudo", "-n"), Duration.ofSeconds(120));
 * runner.run(Command.of("ip", "link", "set", "dev", "tap0", "up"));           // sudo -n ip link set ...
 * runner.run(Command.of("ip", "-o", "link", "show").unprivileged());          // ip -o link show
 * }</pre>
 */
public final class CommandRunners {

    private CommandRunners() {
    }

    /**
     * A runner that starts each command as a real process: argv passed
     * verbatim (never a shell), stdout and stderr captured in full, the
     * process killed with all its descendants when it outlives its timeout.
     *
     * @param rootHelper the argv put in front of {@linkplain Command#privileged() privileged}
     *        commands, e.g. {@code ["sudo", "-n"]}; empty when the process already runs as root
     * @param defaultTimeout the timeout of commands that name none; positive
     * @return a thread-safe runner
     * @throws IllegalArgumentException when an element of the root helper is null or blank, or the
     *         timeout is not positive
     */
    public static CommandRunner system(List<String> rootHelper, Duration defaultTimeout) {
        return new CommonsExecRunner(rootHelper, defaultTimeout);
    }
}
