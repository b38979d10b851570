package org.osvif.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;

class PortBindingConverterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final GoldenCase base = GoldenCase.all().get(0);

    private ObjectNode port() {
        return (ObjectNode) base.input().get("port").deepCopy();
    }

    private VifBase convert(ObjectNode port) {
        return PortBindingConverter.toVif(NeutronPort.fromJson(port), base.network(), base.subnets(),
                AgentSettings.DEFAULT);
    }

    @Test
    void aPortWithoutBindingIsNotBound() {
        ObjectNode port = port();
        port.remove("binding:vif_type");
        assertThatThrownBy(() -> convert(port)).isInstanceOfSatisfying(UnsupportedBindingException.class, e -> {
            assertThat(e.kind()).isEqualTo(UnsupportedBindingException.Kind.NOT_BOUND);
            assertThat(e.field()).isEqualTo("binding:vif_type");
            assertThat(e).hasMessage("port is not bound to a host (binding:vif_type missing)");
        });
    }

    @Test
    void legacyTypesSayTheyAreLegacy() {
        ObjectNode port = port();
        port.put("binding:vif_type", "macvtap");
        assertThatThrownBy(() -> convert(port)).isInstanceOfSatisfying(UnsupportedBindingException.class, e -> {
            assertThat(e.kind()).isEqualTo(UnsupportedBindingException.Kind.LEGACY);
            assertThat(e).hasMessage("binding:vif_type 'macvtap' is not plugged through os-vif "
                    + "(Nova uses its legacy VIF code)");
        });
    }

    @Test
    void anUnknownTypeNamesItself() {
        ObjectNode port = port();
        port.put("binding:vif_type", "weird\nthing");
        assertThatThrownBy(() -> convert(port)).isInstanceOf(InvalidNeutronValueException.class)
                .hasMessage("invalid binding:vif_type 'weird\\x0athing': contains control characters");
        port.put("binding:vif_type", "weird");
        assertThatThrownBy(() -> convert(port)).isInstanceOfSatisfying(UnsupportedBindingException.class,
                e -> assertThat(e.kind()).isEqualTo(UnsupportedBindingException.Kind.UNKNOWN_VIF_TYPE))
                .hasMessage("Unsupported VIF type weird");
    }

    @Test
    void aMacThatDoesNotParseIsNamed() {
        ObjectNode port = port();
        port.put("mac_address", "fa:16:3e:zz:00:01");
        assertThatThrownBy(() -> convert(port)).isInstanceOfSatisfying(InvalidNeutronValueException.class, e -> {
            assertThat(e.field()).isEqualTo("mac_address");
            assertThat(e.value()).isEqualTo("fa:16:3e:zz:00:01");
        }).hasMessage("invalid mac_address 'fa:16:3e:zz:00:01': not a MAC address");
    }

    @Test
    void aUuidThatDoesNotParseIsNamed() {
        ObjectNode port = port();
        port.put("id", "3c7a1f52; rm -rf /");
        assertThatThrownBy(() -> convert(port)).isInstanceOf(InvalidNeutronValueException.class)
                .hasMessage("invalid id '3c7a1f52; rm -rf /': not a UUID");
    }

    @Test
    void aWrongJsonTypeIsNamedByItsPath() {
        ObjectNode port = port();
        ((ObjectNode) port.get("binding:vif_details")).put("port_filter", "true");
        assertThatThrownBy(() -> convert(port)).isInstanceOf(InvalidNeutronValueException.class)
                .hasMessage("invalid binding:vif_details.port_filter 'true': not a JSON boolean");
        ObjectNode bad = port();
        ((ObjectNode) bad.get("fixed_ips").get(1)).put("ip_address", "2001:db8::zz");
        assertThatThrownBy(() -> convert(bad)).isInstanceOf(InvalidNeutronValueException.class)
                .hasMessage("invalid fixed_ips[1].ip_address '2001:db8::zz': not an IP address");
    }

    @Test
    void aBridgeNameTheKernelWouldRefuseIsNamed() {
        ObjectNode port = port();
        ((ObjectNode) port.get("binding:vif_details")).put("bridge_name", "brüüüüüüüüüüüü");
        assertThatThrownBy(() -> convert(port)).isInstanceOfSatisfying(InvalidNeutronValueException.class,
                e -> assertThat(e.field()).isEqualTo("binding:vif_details.bridge_name"))
                .hasMessage("invalid binding:vif_details.bridge_name 'brüüüüüüüüüüüü': "
                        + "a device name longer than the kernel's limit of 15 bytes");
        ((ObjectNode) port.get("binding:vif_details")).put("bridge_name", "br/int");
        assertThatThrownBy(() -> convert(port)).isInstanceOf(InvalidNeutronValueException.class)
                .hasMessageContaining("may not contain '/'");
    }

    @Test
    void aVhostUserPortWithoutSocketGetsNovasMessage() {
        ObjectNode port = port();
        port.put("binding:vif_type", "vhostuser");
        port.set("binding:vif_details", MAPPER.createObjectNode().put("vhostuser_ovs_plug", true));
        assertThatThrownBy(() -> convert(port)).isInstanceOfSatisfying(MissingVhostUserSocketException.class, e -> {
            assertThat(e.field()).isEqualTo("binding:vif_details.vhostuser_socket");
            assertThat(e.portId()).isEqualTo("3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11");
        }).hasMessage("vhostuser_sock_path not present in vif_details for vif 3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11");
    }

    @Test
    void aNetworkThatIsNotThePortsIsRefused() {
        ObjectNode net = (ObjectNode) base.input().get("network").deepCopy();
        net.put("id", "00000000-0000-4000-8000-000000000000");
        assertThatThrownBy(() -> PortBindingConverter.toVif(base.port(), NeutronNetwork.fromJson(net), List.of(),
                AgentSettings.DEFAULT)).isInstanceOf(InvalidNeutronValueException.class)
                .hasMessage("invalid network.id '00000000-0000-4000-8000-000000000000': not the port's network_id "
                        + "5e1f0e83-93c2-4e4a-a7cf-cf0a1a3c2e10");
    }

    @Test
    void theApiEnvelopeIsAccepted() {
        ObjectNode wrapped = MAPPER.createObjectNode();
        wrapped.set("port", port());
        assertThat(NeutronPort.fromJson(wrapped)).isEqualTo(base.port());
    }

    @Test
    void aMigrationDestinationFollowsTheDelegationMarker() {
        ObjectNode port = port();
        port.set("binding:profile", OsVifDelegation.mark(null, true));
        VifOpenVSwitch vif = (VifOpenVSwitch) PortBindingConverter.toVif(NeutronPort.fromJson(port), base.network(),
                base.subnets(), AgentSettings.DEFAULT.withMigrationDestination(true));
        assertThat(((VifPortProfileOpenVSwitch) vif.portProfile()).createPort()).isTrue();
        port.set("binding:profile", OsVifDelegation.mark(MAPPER.createObjectNode().put("migrating_to", "c2"), false));
        vif = (VifOpenVSwitch) PortBindingConverter.toVif(NeutronPort.fromJson(port), base.network(),
                base.subnets(), AgentSettings.DEFAULT.withMigrationDestination(true));
        assertThat(((VifPortProfileOpenVSwitch) vif.portProfile()).createPort()).isFalse();
    }
}
