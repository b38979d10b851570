package org.osvif.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.exec.CommandRunner;
import org.osvif.objects.HostInfo;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifBase;
import org.osvif.objects.base.CanonicalJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vifctl host-info}: the HostInfo primitive this host would send to the
 * network service (upstream's {@code os_vif.host_info()}), from the plugins on
 * vifctl's class path. It runs no host command.
 */
@Command(name = "host-info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Print the HostInfo primitive (canonical JSON) that describes the VIF plugins of this host, as the "
                    + "network service receives it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a vifctl bug)",
            "2:usage error: unknown option, missing or unreadable FILE, unknown VIF class in --permitted",
            "3:invalid input: a configuration value a plugin refuses"})
public final class HostInfoCommand implements Callable<Integer> {
    /** host-info describes plugins; a plugin that runs a command while doing so is a bug. */
    static final CommandRunner NO_COMMANDS = c -> {
        throw new IllegalStateException("vifctl host-info runs no host command, yet a plugin asked for: " + c);
    };
    private final CliStreams streams;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "An oslo.config INI file such as nova.conf; its [os_vif_<plugin>] sections apply.")
    private Path config;

    @Option(names = "--permitted", paramLabel = "NAME", split = ",",
            description = "Only these VIF classes (e.g. VIFOpenVSwitch,VIFBridge); plugins left with none are "
                    + "dropped, as upstream's host_info(permitted_vif_type_names) does.")
    private List<String> permitted;

    /**
     * @param streams the streams of this run
     */
    public HostInfoCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        VifConfig vifConfig = ConfigFiles.load(config, spec);
        if (permitted != null) {
            for (String name : permitted) {
                boolean known = OsVifObjects.registry().find(name)
                        .map(t -> t.isSubtypeOf(VifBase.TYPE) && t != VifBase.TYPE).orElse(false);
                if (!known) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--permitted: '" + name + "' is not a VIF class (e.g. VIFOpenVSwitch, VIFBridge)");
                }
            }
        }
        HostInfo info;
        try (OsVif osvif = OsVif.initialize(vifConfig,
                streams.initOptions().toBuilder().commandRunner(NO_COMMANDS).build())) {
            info = osvif.hostInfo(permitted);
        }
        streams.out().print(CanonicalJson.write(OsVifObjects.codec().toPrimitive(info)));
        streams.out().flush();
        return streams.out().checkError() ? ExitCodes.INTERNAL_ERROR : ExitCodes.OK;
    }

    /** Reads {@code --config} files, turning an unusable path into a usage error. */
    static final class ConfigFiles {
        private ConfigFiles() {
        }

        static VifConfig load(Path file, CommandLine.Model.CommandSpec spec) {
            if (file == null) {
                return VifConfig.empty();
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--config: " + file
                        + (Files.exists(file) ? " is not a readable file" : ": no such file"));
            }
            return VifConfig.builder().ini(file).build();
        }
    }
}
