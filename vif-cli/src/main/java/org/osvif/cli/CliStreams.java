package org.osvif.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The standard streams a vifctl run uses, so that tests run commands in-process
 * with their own streams.
 *
 * @param in standard input
 * @param out standard output: the command's result, nothing else
 * @param err standard error: messages for the user
 */
public record CliStreams(InputStream in, PrintStream out, PrintStream err) {
    /**
     * Checks that no stream is missing.
     *
     * @param in standard input
     * @param out standard output
     * @param err standard error
     */
    public CliStreams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
