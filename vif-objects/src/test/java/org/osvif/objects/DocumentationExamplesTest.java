package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.objects.base.PrimitiveCodec;
import org.osvif.objects.base.VersionManifest;

/** The examples of README.md and docs/objects.md, kept compiling and true. */
class DocumentationExamplesTest {

    @Test
    @DisplayName("README: build a VIF, write it, read it back, write it for an os-vif 3.x peer")
    void readmeExample() {
        VifOpenVSwitch vif = VifOpenVSwitch.builder()
                .id("3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11")
                .address("FA-16-3E-00-00-01")
                .vifName("tap3c7a1f52-4f")
                .bridgeName("br-int")
                .plugin("ovs")
                .portProfile(VifPortProfileOpenVSwitch.builder()
                        .interfaceId("3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11")
                        .createPort(true)
                        .build())
                .build();

        PrimitiveCodec codec = OsVifObjects.codec();
        ObjectNode primitive = codec.toPrimitive(vif);
        VifOpenVSwitch back = codec.fromPrimitive(primitive, VifOpenVSwitch.TYPE);
        ObjectNode forOldPeer = codec.toPrimitive(vif, null,
                VersionManifest.parse("VIFPortProfileOpenVSwitch=1.3"));

        assertThat(back).isEqualTo(vif);
        assertThat(back.address()).hasValueSatisfying(m -> assertThat(m.toString()).isEqualTo("fa:16:3e:00:00:01"));
        assertThat(primitive.at("/versioned_object.data/port_profile/versioned_object.version").asText())
                .isEqualTo("1.4");
        assertThat(forOldPeer.at("/versioned_object.data/port_profile/versioned_object.version").asText())
                .isEqualTo("1.3");
        assertThat(codec.toJson(vif)).startsWith("{\n  \"versioned_object.changes\": [\n    \"address\",");
    }

    @Test
    @DisplayName("docs/objects.md: a network, and a changed copy of it")
    void objectsGuideExample() {
        Network net = Network.builder().id("5e1f0e83-93c2-4e4a-a7cf-cf0a1a3c2e10").bridge("br-int")
                .subnets(SubnetList.of(Subnet.builder().cidr("10.0.0.0/24").gateway("10.0.0.1").build()))
                .mtu(1450).build();
        Network bigger = net.toBuilder().mtu(9000).build();

        assertThat(bigger.mtu()).contains(9000);
        assertThat(bigger.subnets()).isEqualTo(net.subnets());
        assertThat(bigger.multiHost()).isFalse();
        assertThat(bigger.changedFields()).containsExactly("id", "bridge", "subnets", "multi_host",
                "should_provide_bridge", "should_provide_vlan", "mtu");
    }
}
