package org.osvif.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import org.osvif.InitOptions;

/**
 * The standard streams a vifctl run uses, so that tests run commands in-process
 * with their own streams.
 *
 * @param in standard input
 * @param out standard output: the command's result, nothing else
 * @param err standard error: messages for the user
 */
public record CliStreams(InputStream in, PrintStream out, PrintStream err, InitOptions initOptions) {
    /**
     * Streams of a run whose library is wired the default way (plugins discovered, system runner).
     *
     * @param in standard input
     * @param out standard output
     * @param err standard error
     */
    public CliStreams(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, InitOptions.defaults());
    }

    /**
     * Checks that no stream is missing.
     *
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @param initOptions how commands that initialize the library wire it (tests pass explicit providers)
     */
    public CliStreams {
        Objects.requireNonNull(initOptions, "initOptions");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
