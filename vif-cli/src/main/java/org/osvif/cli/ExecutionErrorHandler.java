package org.osvif.cli;

import java.io.PrintWriter;
import org.osvif.config.ConfigException;
import org.osvif.exception.NoMatchingPluginException;
import org.osvif.exception.PlugException;
import org.osvif.neutron.NeutronBindingException;
import org.osvif.neutron.libvirt.InterfaceDefinitionException;
import org.osvif.exception.UnplugException;
import org.osvif.objects.base.ObjectException;
import picocli.CommandLine;

/**
 * Turns what a command throws into an exit code. A user error of the object
 * layer ({@link ObjectException}) or of the configuration ({@link ConfigException}) is one line on
 * standard error and
 * {@link ExitCodes#INVALID_OBJECT}; anything else is a vifctl bug, reported with
 * its stack trace and {@link ExitCodes#INTERNAL_ERROR}.
 */
final class ExecutionErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof ObjectException oe) {
            err.println("vifctl: " + ObjectErrorMessage.of(oe));
            err.flush();
            return ExitCodes.INVALID_OBJECT;
        }
        if (ex instanceof PlugException || ex instanceof UnplugException) {
            Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            err.println("vifctl: " + (ex instanceof PlugException ? "plug" : "unplug") + " failed: "
                    + OneLine.of(String.valueOf(cause.getMessage())));
            err.flush();
            return ExitCodes.ACTION_FAILED;
        }
        if (ex instanceof NoMatchingPluginException nm) {
            err.println("vifctl: invalid input: " + OneLine.of(nm.getMessage()));
            err.flush();
            return ExitCodes.INVALID_OBJECT;
        }
        if (ex instanceof NeutronBindingException || ex instanceof InterfaceDefinitionException) {
            err.println("vifctl: invalid input: " + OneLine.of(ex.getMessage()));
            err.flush();
            return ExitCodes.INVALID_OBJECT;
        }
        if (ex instanceof ConfigException ce) {
            err.println("vifctl: invalid configuration: " + OneLine.of(ce.getMessage()));
            err.flush();
            return ExitCodes.INVALID_OBJECT;
        }
        err.println("vifctl: internal error (please report it): " + ex);
        ex.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
