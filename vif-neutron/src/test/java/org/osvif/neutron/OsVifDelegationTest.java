package org.osvif.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OsVifDelegationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void markKeepsTheOtherKeysAndDoesNotTouchTheInput() {
        ObjectNode profile = MAPPER.createObjectNode().put("migrating_to", "compute-2");
        ObjectNode marked = OsVifDelegation.mark(profile, true);
        assertThat(marked.toString()).isEqualTo("{\"migrating_to\":\"compute-2\",\"os_vif_delegation\":true}");
        assertThat(profile.toString()).isEqualTo("{\"migrating_to\":\"compute-2\"}");
        assertThat(OsVifDelegation.mark(null, false).toString()).isEqualTo("{\"os_vif_delegation\":false}");
    }

    @Test
    void readingDefaultsToFalseAsNovaDoes() {
        assertThat(OsVifDelegation.isDelegated(null)).isFalse();
        assertThat(OsVifDelegation.isDelegated(MAPPER.createObjectNode())).isFalse();
        assertThat(OsVifDelegation.isDelegated(MAPPER.createObjectNode().putNull("os_vif_delegation"))).isFalse();
        assertThat(OsVifDelegation.isDelegated(OsVifDelegation.mark(null, true))).isTrue();
    }

    @Test
    void aNonBooleanMarkerIsRefused() {
        assertThatThrownBy(() -> OsVifDelegation.isDelegated(
                MAPPER.createObjectNode().put("os_vif_delegation", "True")))
                .isInstanceOf(InvalidNeutronValueException.class)
                .hasMessage("invalid binding:profile.os_vif_delegation 'True': not a JSON boolean");
    }
}
