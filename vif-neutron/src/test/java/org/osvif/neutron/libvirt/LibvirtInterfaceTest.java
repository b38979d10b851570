package org.osvif.neutron.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osvif.objects.VifDirect;
import org.osvif.objects.VifGeneric;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;

class LibvirtInterfaceTest {
    private static final String ID = "3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11";

    private static VifPortProfileOpenVSwitch profile(boolean createPort) {
        return new VifPortProfileOpenVSwitch.Builder().interfaceId(ID).createPort(createPort).build();
    }

    @Test
    void anOvsPortLibvirtPlugsIsABridgeWithAVirtualport() {
        VifOpenVSwitch vif = VifOpenVSwitch.builder().id(ID).address("fa:16:3e:00:00:01").plugin("ovs")
                .vifName("tap3c7a1f52-4f").bridgeName("br-int").portProfile(profile(false)).build();
        assertThat(LibvirtInterface.toXml(vif, InterfaceOptions.DEFAULTS)).isEqualTo("""
                <interface type="bridge">
                  <mac address="fa:16:3e:00:00:01"/>
                  <model type="virtio"/>
                  <source bridge="br-int"/>
                  <target dev="tap3c7a1f52-4f"/>
                  <virtualport type="openvswitch">
                    <parameters interfaceid="3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11"/>
                  </virtualport>
                </interface>
                """);
    }

    @Test
    void valuesAreEscapedByTheSerializer() {
        VifVHostUser vif = VifVHostUser.builder().id(ID).plugin("noop").mode(VifVHostUserMode.CLIENT)
                .address("fa:16:3e:00:00:01").path("/run/a\"b'<c>&d").vifName("vhu3c7a1f52-4f").build();
        assertThat(LibvirtInterface.toXml(vif, InterfaceOptions.builder().queueSizes(512, null).build()))
                .isEqualTo("""
                <interface type="vhostuser">
                  <mac address="fa:16:3e:00:00:01"/>
                  <model type="virtio"/>
                  <driver rx_queue_size="512"/>
                  <source mode="client" path="/run/a&quot;b'&lt;c&gt;&amp;d" type="unix"/>
                  <target dev="vhu3c7a1f52-4f"/>
                </interface>
                """);
    }

    @Test
    void aVifWithoutMacIsRefused() {
        VifOpenVSwitch vif = VifOpenVSwitch.builder().id(ID).plugin("ovs").vifName("tap3c7a1f52-4f")
                .bridgeName("br-int").portProfile(profile(false)).build();
        assertThatThrownBy(() -> LibvirtInterface.toXml(vif, InterfaceOptions.DEFAULTS))
                .isInstanceOfSatisfying(InterfaceDefinitionException.class,
                        e -> assertThat(e.field()).isEqualTo("address"))
                .hasMessageContaining("MAC address");
    }

    @Test
    void aDeviceNameTheKernelWouldRefuseIsNotWritten() {
        VifGeneric vif = VifGeneric.builder().id(ID).plugin("noop").vifName("tap-much-too-long-name").build();
        assertThatThrownBy(() -> LibvirtInterface.toXml(vif, InterfaceOptions.DEFAULTS))
                .isInstanceOfSatisfying(InterfaceDefinitionException.class,
                        e -> assertThat(e.field()).isEqualTo("vif_name"))
                .hasMessage("cannot write the libvirt interface: vif_name 'tap-much-too-long-name': "
                        + "a device name longer than the kernel's limit of 15 bytes");
    }

    @Test
    void aModelTheHypervisorLacksIsRefused() {
        VifGeneric vif = VifGeneric.builder().id(ID).plugin("noop").address("fa:16:3e:00:00:01").vifName("tap0")
                .build();
        assertThatThrownBy(() -> LibvirtInterface.toXml(vif, InterfaceOptions.builder().model("lan9118").build()))
                .isInstanceOf(InterfaceDefinitionException.class)
                .hasMessage("cannot write the libvirt interface: model 'lan9118': not supported by the kvm hypervisor");
        assertThat(LibvirtInterface.toXml(vif, InterfaceOptions.builder().model("igb").build()))
                .contains("<model type=\"igb\"/>");
    }

    @Test
    void vifClassesNovaDoesNotHandleAreRefused() {
        VifDirect vif = VifDirect.builder().id(ID).plugin("noop").vifName("tap0").build();
        assertThatThrownBy(() -> LibvirtInterface.toXml(vif, InterfaceOptions.DEFAULTS))
                .isInstanceOf(InterfaceDefinitionException.class)
                .hasMessage("cannot write the libvirt interface: VIF class 'VIFDirect': Unsupported VIF type");
    }

    @Test
    void badBandwidthValuesAreRefused() {
        VifGeneric vif = VifGeneric.builder().id(ID).plugin("noop").vifName("tap0").build();
        assertThatThrownBy(() -> LibvirtInterface.toXml(vif,
                InterfaceOptions.builder().extraSpec("quota:vif_inbound_average", "10\"/>").build()))
                .isInstanceOf(InterfaceDefinitionException.class)
                .hasMessage("cannot write the libvirt interface: quota:vif_inbound_average '10\"/>': "
                        + "not a non-negative integer");
    }
}
