package org.osvif.cli;

/**
 * The exit codes of every vifctl command. They are part of vifctl's stable
 * interface: scripts test them.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A failure that is vifctl's fault, not the user's (a bug); reported with its stack trace. */
    public static final int INTERNAL_ERROR = 1;
    /** The command line is wrong: unknown option, malformed value, missing or unreadable file, extra arguments. */
    public static final int USAGE = 2;
    /** The input object is wrong: not JSON, not a primitive, a field refuses its value, or no such backport. */
    public static final int INVALID_OBJECT = 3;
    /** A plug or unplug failed on the host; the message carries the failing command and its stderr. */
    public static final int ACTION_FAILED = 4;

    private ExitCodes() {
    }
}
