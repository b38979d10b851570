package org.osvif.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.CoreOptions;
import org.osvif.config.VifConfig;
import org.osvif.exec.CommandRunner;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifBase;
import org.osvif.plug.ovs.DryRunOvsdb;
import org.osvif.testing.DryRunCommandRunner;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code vifctl plug} and {@code vifctl unplug} share: read the VIF and
 * instance primitives and the configuration, initialize the library, act, and
 * report.
 */
abstract class VifActionCommand implements Callable<Integer> {
    /** Used when no {@code --instance} is given: a placeholder, so that vm-uuid shows where it came from. */
    static final InstanceInfo PLACEHOLDER_INSTANCE = InstanceInfo.builder()
            .uuid("00000000-0000-0000-0000-000000000000").name("vifctl").projectId("vifctl").build();
    final CliStreams streams;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "An oslo.config INI file such as nova.conf; its [os_vif] and [os_vif_<plugin>] sections "
                    + "apply.")
    Path config;

    @Option(names = "--instance", paramLabel = "FILE",
            description = "An InstanceInfo primitive; without it the instance is 00000000-0000-0000-0000-000000000000.")
    String instance;

    @Option(names = "--dry-run",
            description = "Print the commands instead of running them, as on a host where nothing of the VIF exists: "
                    + "each OVSDB transaction as JSON with the native driver, each ovs-vsctl argv with vsctl.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as one JSON object instead of a sentence.")
    boolean json;

    @Parameters(index = "0", paramLabel = "VIF.json", description = "The VIF primitive ('-' reads standard input).")
    String vifFile;

    VifActionCommand(CliStreams streams) {
        this.streams = streams;
    }

    /** @return "plug" or "unplug" */
    abstract String verb();

    /** Does the work. */
    abstract void act(OsVif osvif, VifBase vif, InstanceInfo instanceInfo);

    @Override
    public Integer call() {
        VifConfig vifConfig = HostInfoCommand.ConfigFiles.load(config, spec);
        VifBase vif = read(vifFile, VifBase.class, "VIF");
        InstanceInfo instanceInfo = instance == null ? PLACEHOLDER_INSTANCE : read(instance, InstanceInfo.class,
                "--instance");
        InitOptions.Builder options = streams.initOptions().toBuilder();
        if (dryRun) {
            CommandRunner runner = new DryRunCommandRunner(streams.out())
                    .withRootHelper(CoreOptions.rootHelperArgv(vifConfig.bind(CoreOptions.GROUP)))
                    .answering(DryRunAnswers::answer);
            options.commandRunner(runner).extension(DryRunOvsdb.class, new DryRunOvsdb(streams.out()));
        }
        try (OsVif osvif = OsVif.initialize(vifConfig, options.build())) {
            act(osvif, vif, instanceInfo);
        }
        String id = vif.isSet(VifBase.ID) ? vif.id() : "(no id)";
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode result =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            result.put("action", verb());
            result.put("dry_run", dryRun);
            result.put("plugin", vif.plugin());
            result.put("vif_id", vif.isSet(VifBase.ID) ? vif.id() : null);
            result.put("vif_object_name", vif.objectName());
            streams.out().print(org.osvif.objects.base.CanonicalJson.write(result));
        } else {
            streams.out().println((dryRun ? "would have " : "") + verb() + "ged " + vif.objectName() + " " + id
                    + " with plugin " + vif.plugin());
        }
        streams.out().flush();
        return ExitCodes.OK;
    }

    private <T> T read(String file, Class<T> type, String what) {
        String text;
        try {
            text = InputSource.read(file, streams.in());
        } catch (InputSource.UnreadableInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, file);
        }
        Object obj = OsVifObjects.codec().fromPrimitive(StrictJson.parse(text));
        if (!type.isInstance(obj)) {
            throw new org.osvif.objects.base.UnsupportedObjectException("$",
                    ((org.osvif.objects.base.VersionedObject) obj).objectName(),
                    what + " must be a " + (type == VifBase.class ? "VIF (a VIFBase subclass)" : "InstanceInfo")
                            + ", not a " + ((org.osvif.objects.base.VersionedObject) obj).objectName());
        }
        return type.cast(obj);
    }
}
