package org.osvif.exec;

import org.osvif.exception.VifException;

/**
 * A command exited with a code it does not accept, or could not be started.
 * Carries everything needed to tell why: argv, exit code, stdout and stderr
 * (o.s.processutils' {@code ProcessExecutionError}).
 */
public class CommandFailedException extends VifException {
    private static final long serialVersionUID = 1L;
    /** Exit code reported when the process could not be started at all. */
    public static final int NOT_STARTED = -1;
    private final transient Command command;
    /** The exit code. */
    private final int exitCode;
    /** The stdout. */
    private final String stdout;
    /** The stderr. */
    private final String stderr;

    /**
     * @param result the result of the failed run
     */
    public CommandFailedException(CommandResult result) {
        this(result.command(), result.exitCode(), result.stdout(), result.stderr(),
                "Command " + result.command() + " exited with code " + result.exitCode() + describe(result.stderr()),
                null);
    }

    /**
     * @param command the command
     * @param exitCode its exit code, or {@link #NOT_STARTED}
     * @param stdout what it printed
     * @param stderr what it printed on standard error
     * @param message the message
     * @param cause the underlying failure, or null
     */
    protected CommandFailedException(Command command, int exitCode, String stdout, String stderr, String message,
            Throwable cause) {
        super(message, cause);
        this.command = command;
        this.exitCode = exitCode;
        this.stdout = stdout == null ? "" : stdout;
        this.stderr = stderr == null ? "" : stderr;
    }

    /**
     * A command that could not be started (program missing, not executable).
     *
     * @param command the command
     * @param cause why
     * @return the exception
     */
    public static CommandFailedException notStarted(Command command, Throwable cause) {
        return new CommandFailedException(command, NOT_STARTED, "", "",
                "Command " + command + " could not be started: " + cause.getMessage(), cause);
    }

    /**
     * A command that started but whose run was cut short for a reason other
     * than its exit code or its timeout: the calling thread was interrupted,
     * or talking to the process failed. There is no exit code, so
     * {@link #exitCode()} is {@link #NOT_STARTED}.
     *
     * @param command the command
     * @param stdout what it printed before it was cut short
     * @param stderr what it printed on standard error before it was cut short
     * @param reason what happened, e.g. "was interrupted"
     * @param cause the underlying failure, or null
     * @return the exception
     */
    public static CommandFailedException aborted(Command command, String stdout, String stderr, String reason,
            Throwable cause) {
        return new CommandFailedException(command, NOT_STARTED, stdout, stderr,
                "Command " + command + " " + reason + describe(stderr), cause);
    }

    static String describe(String stderr) {
        String s = stderr == null ? "" : stderr.strip();
        if (s.isEmpty()) {
            return "";
        }
        return ": " + (s.length() > 2000 ? s.substring(0, 2000) + "..." : s);
    }

    /** @return the command */
    public Command command() {
        return command;
    }

    /** @return the exit code, or {@link #NOT_STARTED} */
    public int exitCode() {
        return exitCode;
    }

    /** @return standard output */
    public String stdout() {
        return stdout;
    }

    /** @return standard error */
    public String stderr() {
        return stderr;
    }
}
