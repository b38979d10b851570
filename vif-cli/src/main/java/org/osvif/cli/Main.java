package org.osvif.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.osvif.InitOptions;
import picocli.CommandLine;

/**
 * Entry point of {@code vifctl}. {@link #run} is the whole program over given
 * streams, so tests run it in-process; {@link #main} only adds the real streams
 * and the exit.
 */
public final class Main {
    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        Logging.configure(java.util.Arrays.asList(args).contains("--verbose"));
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs one vifctl command line.
     *
     * @param args the command line, without the program name
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return commandLine(new CliStreams(in, out, err)).execute(args);
    }

    /** Like {@link #run(String[], InputStream, PrintStream, PrintStream)}, with the library wired by the caller. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, InitOptions options) {
        return commandLine(new CliStreams(in, out, err, options)).execute(args);
    }

    static CommandLine commandLine(CliStreams streams) {
        CommandLine cmd = new CommandLine(new VifctlCommand(), new CommandFactory(streams));
        cmd.setOut(new PrintWriter(streams.out(), true));
        cmd.setErr(new PrintWriter(streams.err(), true));
        exitCodes(cmd);
        cmd.setParameterExceptionHandler(new UsageErrorHandler());
        cmd.setExecutionExceptionHandler(new ExecutionErrorHandler());
        return cmd;
    }

    /** Picocli's own fallbacks, for every command, in case an error bypasses the handlers. */
    private static void exitCodes(CommandLine cmd) {
        cmd.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cmd.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL_ERROR);
        cmd.getSubcommands().values().forEach(Main::exitCodes);
    }
}
