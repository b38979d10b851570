package org.osvif.exec;

/**
 * Runs commands: the one seam between os-vif and the operating system (the
 * Java counterpart of os-vif's privsep entry points). Implementations must be
 * thread-safe; many commands may run at once.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs a command to its end.
     *
     * @param command the command
     * @return the result; its exit code is one the command accepts
     * @throws CommandTimeoutException when it ran past its timeout (it is killed)
     * @throws CommandFailedException when it exited with another code or could not start
     */
    CommandResult run(Command command);
}
