/*
 * From a Neutron port to a running guest's interface, as a Java compute agent
 * does it (docs/agent-integration.md). Runnable as it is:
 *
 *   ./vifctl --version >/dev/null      # builds vif-cli/target/vifctl.jar once
 *   java -cp vif-cli/target/vifctl.jar examples/NeutronPortExample.java
 *
 * It reads the port, network, subnets and instance as the OpenStack APIs
 * return them (examples/neutron/*.json), turns them into the VIF Nova would
 * plug, plugs it (dry run: the commands and OVSDB transactions are printed, nothing changes), prints
 * the libvirt <interface> for the domain, and waits for Neutron to report the
 * port ACTIVE (here the status is read from the file).
 */
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.neutron.AgentSettings;
import org.osvif.neutron.NeutronNetwork;
import org.osvif.neutron.NeutronPort;
import org.osvif.neutron.NeutronSubnet;
import org.osvif.neutron.NovaInstance;
import org.osvif.neutron.PortBindingConverter;
import org.osvif.neutron.libvirt.InterfaceOptions;
import org.osvif.neutron.libvirt.LibvirtInterface;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;
import org.osvif.plug.ovs.DryRunOvsdb;
import org.osvif.testing.DryRunCommandRunner;

public class NeutronPortExample {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("examples", "neutron");

    public static void main(String[] args) throws Exception {
        // 1. What the Networking and Compute APIs return.
        NeutronPort port = NeutronPort.fromJson(read("port.json"));
        NeutronNetwork network = NeutronNetwork.fromJson(read("network.json"));
        var subnets = NeutronSubnet.listFromJson(read("subnets.json"));
        NovaInstance server = NovaInstance.fromJson(read("instance.json"));

        // 2. Port binding -> VIF, exactly as Nova converts it (typed exceptions otherwise).
        VifBase vif = PortBindingConverter.toVif(port, network, subnets, AgentSettings.DEFAULT);
        InstanceInfo instance = PortBindingConverter.toInstanceInfo(server);
        System.out.println("# VIF: " + vif.objectName() + " " + vif.id() + " with plugin " + vif.plugin());

        // 3. Plug, before the domain starts.
        VifConfig config = VifConfig.builder().ini(new StringReader("""
                [os_vif_ovs]
                isolate_vif = true
                """), "nova.conf").build();
        InitOptions dryRun = InitOptions.builder().commandRunner(new DryRunCommandRunner(System.out))
                .extension(DryRunOvsdb.class, new DryRunOvsdb(System.out)).build();
        try (OsVif osvif = OsVif.initialize(config, dryRun)) {
            System.out.println("# plug");
            osvif.plug(vif, instance);
        }

        // 4. The domain's <interface>, for its <devices>.
        InterfaceOptions options = InterfaceOptions.builder().vnicType(port.vnicType())
                .multiqueue(true, 4, null).build();
        System.out.println("# libvirt interface");
        System.out.print(LibvirtInterface.toXml(vif, options));

        // 5. Start the domain, then wait until Neutron's agent has wired the port.
        waitUntilActive(() -> status(port.id()), Duration.ofSeconds(5));
        System.out.println("# port " + port.id() + " is ACTIVE");
    }

    /** An agent polls GET /v2.0/ports/{id} (or listens for network-vif-plugged); here the file answers. */
    static String status(String portId) {
        return "ACTIVE";
    }

    static void waitUntilActive(Supplier<String> status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"ACTIVE".equals(status.get())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("port not ACTIVE after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    static JsonNode read(String name) throws IOException {
        return JSON.readTree(DIR.resolve(name).toFile());
    }
}
