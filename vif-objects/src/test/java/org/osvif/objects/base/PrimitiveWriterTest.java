package org.osvif.objects.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;

/** The envelope o.vo's obj_to_primitive writes (through PrimitiveCodec). */
@DisplayName("PrimitiveWriter (through PrimitiveCodec)")
class PrimitiveWriterTest {
    private static final PrimitiveCodec CODEC = OsVifObjects.codec();

    @Test
    @DisplayName("writes set fields only, nulls as null, and the changes sorted")
    void envelope() {
        VifOpenVSwitch vif = VifOpenVSwitch.builder().vifName("tap0").network(null).plugin("ovs").build();
        ObjectNode p = CODEC.toPrimitive(vif);
        assertThat(p.toString()).isEqualTo("{\"versioned_object.name\":\"VIFOpenVSwitch\","
                + "\"versioned_object.namespace\":\"os_vif\",\"versioned_object.version\":\"1.0\","
                + "\"versioned_object.data\":{\"network\":null,\"plugin\":\"ovs\",\"vif_name\":\"tap0\"},"
                + "\"versioned_object.changes\":[\"network\",\"plugin\",\"vif_name\"]}");
    }

    @Test
    @DisplayName("leaves out the changes key when nothing changed")
    void noChanges() {
        ObjectNode p = CODEC.toPrimitive(VifOpenVSwitch.builder().vifName("tap0").resetChanges().build());
        assertThat(p.has("versioned_object.changes")).isFalse();
        assertThat(p.get("versioned_object.data").size()).isEqualTo(1);
    }

    @Test
    @DisplayName("refuses a target version newer than the object")
    void newerTarget() {
        VifOpenVSwitch vif = VifOpenVSwitch.builder().build();
        assertThatThrownBy(() -> CODEC.toPrimitive(vif, ObjectVersion.of(1, 1)))
                .isInstanceOf(BackportException.class)
                .hasMessage("Invalid target version 1.1 for VIFOpenVSwitch 1.0: an object can only be written at its "
                        + "own version or an earlier one");
    }

    @Test
    @DisplayName("writes an older version without the fields it lacks, and only their changes")
    void olderVersion() {
        VifVHostUser vif = VifVHostUser.builder().vifName("vhu0").path("/s").mode(VifVHostUserMode.CLIENT).build();
        ObjectNode p = CODEC.toPrimitive(vif, ObjectVersion.of(1, 0));
        assertThat(p.get("versioned_object.version").textValue()).isEqualTo("1.0");
        assertThat(p.get("versioned_object.data").has("vif_name")).isFalse();
        assertThat(p.get("versioned_object.changes").toString()).isEqualTo("[\"mode\",\"path\"]");
    }

    @Test
    @DisplayName("writes a child at the version a manifest names for its own class")
    void manifest() {
        VifOpenVSwitch vif = VifOpenVSwitch.builder().portProfile(VifPortProfileOpenVSwitch.builder()
                .interfaceId("b0d36d8a-7b06-4b7a-9b2b-1f6c6a8e1c3d").createPort(true).build()).build();
        ObjectNode p = CODEC.toPrimitive(vif, null, VersionManifest.parse("VIFPortProfileOpenVSwitch=1.2"));
        assertThat(p.at("/versioned_object.data/port_profile/versioned_object.version").textValue()).isEqualTo("1.2");
        assertThat(p.at("/versioned_object.data/port_profile/versioned_object.data").has("create_port")).isFalse();
        assertThat(p.get("versioned_object.version").textValue()).isEqualTo("1.0");
    }
}
