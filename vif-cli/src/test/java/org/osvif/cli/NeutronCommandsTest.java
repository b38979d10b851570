package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeutronCommandsTest {
    private static final Path DIR = Path.of("src", "test", "resources", "neutron");

    private static String f(String name) {
        return DIR.resolve(name).toString();
    }

    @Test
    void fromBindingPrintsNovasVif(@TempDir Path tmp) {
        Path instanceOut = tmp.resolve("instance.json");
        CliRun run = CliRun.vifctl("from-binding", "--port", f("port.json"), "--network", f("network.json"),
                "--subnets", f("subnets.json"), "--instance", f("instance.json"),
                "--instance-out", instanceOut.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo(CliRun.text(DIR.resolve("ovs-normal.vif.json")));
        assertThat(CliRun.text(instanceOut)).isEqualTo(CliRun.text(DIR.resolve("ovs-normal.instance.json")));
    }

    @Test
    void fromBindingOutputIsReadyForPlug() {
        CliRun run = CliRun.vifctl("from-binding", "--port", f("port.json"), "--network", f("network.json"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        CliRun convert = CliRun.withStdin(run.out(), "convert");
        assertThat(convert.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(convert.out()).isEqualTo(run.out());
    }

    @Test
    void aBadBindingIsOneLineAndExitThree() {
        CliRun run = CliRun.vifctl("from-binding", "--port", f("port-vhostuser-no-socket.json"),
                "--network", f("network.json"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("vifctl: invalid input: vhostuser_sock_path not present in vif_details "
                + "for vif 3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11" + System.lineSeparator());
    }

    @Test
    void aBadMacIsOneLineAndExitThree(@TempDir Path tmp) throws Exception {
        Path port = tmp.resolve("port.json");
        Files.writeString(port, CliRun.text(DIR.resolve("port.json")).replace("fa:16:3e:4c:2c:30", "fa:16:3e:4c:2c"));
        CliRun run = CliRun.vifctl("from-binding", "--port", port.toString(), "--network", f("network.json"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        assertThat(run.err()).isEqualTo("vifctl: invalid input: invalid mac_address 'fa:16:3e:4c:2c': "
                + "not a MAC address" + System.lineSeparator());
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliRun run = CliRun.vifctl("from-binding", "--port", f("nope.json"), "--network", f("network.json"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void libvirtXmlPrintsTheInterface() {
        CliRun run = CliRun.vifctl("libvirt-xml", f("ovs-normal.vif.json"), "--multiqueue", "--vcpus", "4");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("""
                <interface type="ethernet">
                  <mac address="fa:16:3e:4c:2c:30"/>
                  <model type="virtio"/>
                  <driver name="vhost" queues="4"/>
                  <mtu size="1450"/>
                  <target dev="tap3c7a1f52-4f"/>
                </interface>
                """);
    }

    @Test
    void libvirtXmlOfAnOvsBridgePort() {
        CliRun run = CliRun.vifctl("libvirt-xml", f("ovs-bridge.vif.json"),
                "--extra-spec", "quota:vif_outbound_average=1000");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("<virtualport type=\"openvswitch\">",
                "<parameters interfaceid=\"3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11\"/>",
                "<outbound average=\"1000\"/>");
    }

    @Test
    void libvirtXmlRefusesAModelOneLine() {
        CliRun run = CliRun.vifctl("libvirt-xml", f("ovs-normal.vif.json"), "--model", "lan9118");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        assertThat(run.err()).isEqualTo("vifctl: invalid input: cannot write the libvirt interface: model "
                + "'lan9118': not supported by the kvm hypervisor" + System.lineSeparator());
    }

    @Test
    void libvirtXmlRefusesAnotherObject() {
        CliRun run = CliRun.vifctl("libvirt-xml", f("ovs-normal.instance.json"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        assertThat(run.err()).contains("not a InstanceInfo").doesNotContain("\tat ");
    }
}
