package org.osvif.exec;

/**
 * Runs commands: the one seam between os-vif and the operating system (the
 * Java counterpart of os-vif's privsep entry points), together with the kernel
 * files that go with them ({@link #files()}). Implementations must be
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

    /**
     * The kernel files that go with this runner's commands: the same host (or network
     * namespace) the commands act on. A runner that runs its commands elsewhere, or only
     * records them, must override this; a runner that wraps another should return the
     * other's.
     *
     * @return by default this JVM's own files ({@link HostFiles#direct()})
     */
    default HostFiles files() {
        return HostFiles.direct();
    }
}
