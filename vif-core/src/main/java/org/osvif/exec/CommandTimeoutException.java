package org.osvif.exec;

import java.time.Duration;

/** A command ran longer than its timeout and was killed. */
public final class CommandTimeoutException extends CommandFailedException {
    private static final long serialVersionUID = 1L;
    /** The timeout. */
    private final Duration timeout;

    /**
     * @param command the command
     * @param timeout the timeout it exceeded
     * @param stdout what it printed before it was killed
     * @param stderr what it printed on standard error before it was killed
     */
    public CommandTimeoutException(Command command, Duration timeout, String stdout, String stderr) {
        super(command, NOT_STARTED, stdout, stderr,
                "Command " + command + " timed out after " + timeout.toMillis() + " ms and was killed"
                        + describe(stderr), null);
        this.timeout = timeout;
    }

    /** @return the timeout that was exceeded */
    public Duration timeout() {
        return timeout;
    }
}
