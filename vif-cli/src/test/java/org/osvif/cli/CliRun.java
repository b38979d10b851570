package org.osvif.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One in-process vifctl run through {@link Main#run}: its exit code and what it
 * wrote to standard output and standard error.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exitCode, String out, String err) {
    /** The test fixtures, relative to the module (Surefire's working directory). */
    static final Path FIXTURES = Path.of("src", "test", "resources", "primitives");
    /** The repository's examples. */
    static final Path EXAMPLES = Path.of("..", "examples");

    /**
     * @param args the command line
     * @return the run, with empty standard input
     */
    static CliRun vifctl(String... args) {
        return withStdin(new byte[0], args);
    }

    /**
     * @param stdin standard input, as UTF-8 text
     * @param args the command line
     * @return the run
     */
    static CliRun withStdin(String stdin, String... args) {
        return withStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /**
     * @param stdin standard input
     * @param args the command line
     * @return the run
     */
    static CliRun withStdin(byte[] stdin, String... args) {
        return withOptions(org.osvif.InitOptions.defaults(), stdin, args);
    }

    /**
     * @param options how the library is wired (e.g. an explicit provider list)
     * @param stdin standard input
     * @param args the command line
     * @return the run
     */
    static CliRun withOptions(org.osvif.InitOptions options, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, new ByteArrayInputStream(stdin), o, e, options);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * @param file a path
     * @return its text
     */
    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a fixture file name
     * @return its path, as a command-line argument
     */
    static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }
}
