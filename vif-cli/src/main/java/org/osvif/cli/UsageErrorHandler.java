package org.osvif.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Reports a usage error in the GNU way, without the whole usage text: the
 * problem on one line prefixed {@code vifctl:}, picocli's "did you mean"
 * suggestions if any, and where to find help. Exits {@link ExitCodes#USAGE}.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("vifctl: " + OneLine.of(ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
