package org.osvif.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.osvif.neutron.AgentSettings;
import org.osvif.neutron.NeutronNetwork;
import org.osvif.neutron.NeutronPort;
import org.osvif.neutron.NeutronSubnet;
import org.osvif.neutron.NovaInstance;
import org.osvif.neutron.PortBindingConverter;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifBase;
import org.osvif.objects.base.CanonicalJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vifctl from-binding}: the VIF Nova would plug for a Neutron port
 * binding, as a primitive ready for {@code vifctl plug}.
 */
@Command(name = "from-binding", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Turn a Neutron port binding into the os-vif VIF Nova would plug for it.",
            "",
            "Reads the port, its network and its subnets as the Networking API returns them (the bare object or "
                    + "the API's {\"port\": ...} envelope) and prints the VIF primitive as canonical JSON, ready "
                    + "for 'vifctl plug'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a vifctl bug)",
            "2:usage error: unknown option, missing or unreadable file",
            "3:invalid input: not JSON, a value that does not parse, a port that is not bound, a vif_type Nova "
                    + "does not plug through os-vif, a vhost-user port without socket"})
public final class FromBindingCommand implements Callable<Integer> {
    private final CliStreams streams;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT.json", required = true,
            description = "The port (GET /v2.0/ports/{id}); '-' reads standard input.")
    private String port;

    @Option(names = "--network", paramLabel = "NET.json", required = true,
            description = "The port's network (GET /v2.0/networks/{id}).")
    private String network;

    @Option(names = "--subnets", paramLabel = "SUBNETS.json",
            description = "The network's subnets (GET /v2.0/subnets?network_id=...); without it the VIF has no subnets.")
    private String subnets;

    @Option(names = "--instance", paramLabel = "INSTANCE.json",
            description = "The instance (GET /servers/{id}); with --instance-out its InstanceInfo is written too.")
    private String instance;

    @Option(names = "--instance-out", paramLabel = "FILE",
            description = "Write the InstanceInfo primitive to FILE (for 'vifctl plug --instance FILE').")
    private Path instanceOut;

    @Option(names = "--integration-bridge", paramLabel = "BRIDGE", defaultValue = "br-int",
            description = "[neutron] ovs_bridge: the bridge of an OVS port whose binding names none "
                    + "(default: ${DEFAULT-VALUE}).")
    private String integrationBridge;

    @Option(names = "--preserve-on-delete", description = "The port was created by the user: unplug keeps the device.")
    private boolean preserveOnDelete;

    @Option(names = "--migration-destination",
            description = "This host is the destination of a live migration: create_port follows the binding "
                    + "profile's os_vif_delegation marker.")
    private boolean migrationDestination;

    @Option(names = "--multiqueue",
            description = "The instance uses multiqueue (hw:vif_multiqueue_enabled); goes into the profile with "
                    + "ovs_create_tap.")
    private boolean multiqueue;

    /**
     * @param streams the streams of this run
     */
    public FromBindingCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        if (instanceOut != null && instance == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--instance-out needs --instance");
        }
        NeutronPort p = NeutronPort.fromJson(JsonInput.read(spec, streams, port));
        NeutronNetwork n = NeutronNetwork.fromJson(JsonInput.read(spec, streams, network));
        List<NeutronSubnet> s = subnets == null ? List.of()
                : NeutronSubnet.listFromJson(JsonInput.read(spec, streams, subnets));
        NovaInstance i = instance == null ? null : NovaInstance.fromJson(JsonInput.read(spec, streams, instance));
        AgentSettings settings = AgentSettings.DEFAULT.withIntegrationBridge(integrationBridge)
                .withPreserveOnDelete(preserveOnDelete).withMigrationDestination(migrationDestination)
                .withMultiqueue(multiqueue);
        VifBase vif = PortBindingConverter.toVif(p, n, s, settings);
        if (instanceOut != null) {
            try {
                Files.writeString(instanceOut, CanonicalJson.write(OsVifObjects.codec().toPrimitive(
                        PortBindingConverter.toInstanceInfo(i))), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "cannot write '" + instanceOut + "': " + OneLine.of(String.valueOf(e.getMessage())));
            }
        }
        streams.out().print(CanonicalJson.write(OsVifObjects.codec().toPrimitive(vif)));
        streams.out().flush();
        return ExitCodes.OK;
    }
}
