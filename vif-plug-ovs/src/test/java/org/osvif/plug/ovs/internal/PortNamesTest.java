package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PortNames")
class PortNamesTest {
    private static final String ID = "a2b3c4d5-e6f7-4a8b-9c0d-1e2f3a4b5c6d";

    @Test
    @DisplayName("derive names as upstream's gen_port_name: prefix + id cut to 14 characters")
    void genPortName() {
        assertThat(PortNames.hybridBridge(ID)).isEqualTo("qbra2b3c4d5-e6");
        assertThat(PortNames.vethBridgeEnd(ID)).isEqualTo("qvba2b3c4d5-e6");
        assertThat(PortNames.vethOvsEnd(ID)).isEqualTo("qvoa2b3c4d5-e6");
        assertThat(PortNames.vhostUserPort(ID)).isEqualTo("vhua2b3c4d5-e6");
        assertThat(PortNames.dpdkRepresentorPort(ID)).isEqualTo("vfra2b3c4d5-e6");
        assertThat(PortNames.perPortBridge(ID)).isEqualTo("pba2b3c4d5-e6f");
        assertThat(PortNames.portName("qvo", "1234")).isEqualTo("qvo1234");
    }

    @Test
    @DisplayName("recognise trunk bridges by their tbr- prefix")
    void trunk() {
        assertThat(PortNames.isTrunkBridge("tbr-1234")).isTrue();
        assertThat(PortNames.isTrunkBridge("br-int")).isFalse();
        assertThat(PortNames.isTrunkBridge("tbr1234")).isFalse();
    }

    @Test
    @DisplayName("check patch port names by the kernel's characters but up to 64 long")
    void patchPorts() {
        assertThat(PortNames.checkPatchPort("pbp" + ID, "patch")).hasSize(39);
        assertThat(PortNames.checkPatchPort("pbp0", "patch")).isEqualTo("pbp0");
        assertThatThrownBy(() -> PortNames.checkPatchPort("pbp" + ID + " x", "patch"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> PortNames.checkPatchPort("p".repeat(65), "patch"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> PortNames.checkPatchPort("pbp:" + ID, "patch"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("':'");
    }
}
