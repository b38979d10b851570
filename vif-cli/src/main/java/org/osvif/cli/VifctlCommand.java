package org.osvif.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code vifctl} command. It does nothing by itself; each
 * subcommand is its own class, listed here.
 */
@Command(name = "vifctl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A command line over os-vif for Java, the library that plugs the network interfaces "
                + "(VIFs) of virtual machines.",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes (of every command):%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a vifctl bug)",
            "2:usage error",
            "3:invalid input: an object, or a configuration value",
            "4:a plug or unplug failed on the host"},
        subcommands = {DemoCommand.class, ConvertCommand.class, PlugCommand.class, UnplugCommand.class, HostInfoCommand.class,
            FromBindingCommand.class, LibvirtXmlCommand.class,
            ConfigReferenceCommand.class,
            CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class})
public final class VifctlCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** Read by {@link Main#main} before anything logs; declared here so that help lists it. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log at debug level, every command run included (to standard error).")
    private boolean verbose;

    /** Picocli calls this only when no subcommand is given, which is a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (e.g. 'convert')");
    }
}
