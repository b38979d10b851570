/*
 * A compute agent's use of os-vif for Java, runnable as it is:
 *
 *   ./vifctl --version >/dev/null      # builds vif-cli/target/vifctl.jar once
 *   java -cp vif-cli/target/vifctl.jar examples/EmbedExample.java
 *
 * It configures the library from nova.conf-style text, plugs and unplugs a VIF
 * with the Open vSwitch plugin and prints the HostInfo for the network service.
 * Here the command runner is the dry-run runner and the OVSDB driver prints its
 * transactions (DryRunOvsdb), so nothing on this host changes: every command and
 * every OVSDB transaction is printed instead. An agent leaves both out
 * (OsVif.initialize(config)) to run them for real, as root or with a root helper.
 */
import java.io.StringReader;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.objects.HostInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.plug.ovs.DryRunOvsdb;
import org.osvif.testing.DryRunCommandRunner;

public class EmbedExample {
    public static void main(String[] args) {
        VifConfig config = VifConfig.builder().ini(new StringReader("""
                [os_vif_ovs]
                ovsdb_connection = unix:/run/openvswitch/db.sock
                isolate_vif = true
                """), "nova.conf").build();

        VifOpenVSwitch vif = VifOpenVSwitch.builder()
                .id("3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11")
                .address("fa:16:3e:4c:2c:30")
                .vifName("tap3c7a1f52-4f")
                .bridgeName("br-int")
                .plugin("ovs")
                .network(Network.builder().id("5e1f0e83-93c2-4e4a-a7cf-cf0a1a3c2e10").bridge("br-int").mtu(1450)
                        .build())
                .portProfile(VifPortProfileOpenVSwitch.builder()
                        .interfaceId("3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11")
                        .datapathType("netdev")
                        .createPort(true)
                        .build())
                .build();
        InstanceInfo instance = InstanceInfo.builder().uuid("d5ba1f2c-3b9d-4a5e-9c63-8f1a47c1b7a2")
                .name("instance-00000001").projectId("demo").build();

        InitOptions dryRun = InitOptions.builder().commandRunner(new DryRunCommandRunner(System.out))
                .extension(DryRunOvsdb.class, new DryRunOvsdb(System.out)).build();
        try (OsVif osvif = OsVif.initialize(config, dryRun)) {
            System.out.println("# plug");
            osvif.plug(vif, instance);
            System.out.println("# unplug");
            osvif.unplug(vif, instance);
            HostInfo info = osvif.hostInfo();
            System.out.println("# host info: " + info.pluginInfo().size() + " plugins, primitive of "
                    + OsVifObjects.codec().toJson(info).length() + " characters");
        }
    }
}
