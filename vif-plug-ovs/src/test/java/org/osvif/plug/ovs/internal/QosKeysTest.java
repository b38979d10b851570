package org.osvif.plug.ovs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@DisplayName("QosKeys")
class QosKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("equal Python's uuid.uuid5(QOS_UUID_NAMESPACE, port)")
    @CsvSource({
            "tapa2b3c4d5-e6, d34fab25-51f9-54cf-a9b1-d4a37502f266",
            "qvoa2b3c4d5-e6, 8f28a9fd-8f2c-5bdd-a2b3-7671f5db3aae",
            "eth3, 157c99c5-db2a-5cd6-b77e-a379bdc61d41",
            "enp3s0f0_1, 460d4ff0-4fd2-5e3e-90e6-508e30ff4e20",
            "tapb679325f-ca, 0ab419eb-1866-5018-bc20-05a54aed3df2"})
    void pythonValues(String port, String expected) {
        assertThat(QosKeys.id(port)).hasToString(expected);
        assertThat(QosKeys.id(port).version()).isEqualTo(5);
        assertThat(QosKeys.id(port).variant()).isEqualTo(2);
    }

    @Test
    @DisplayName("external_ids hold id then _type, as upstream's dict")
    void externalIds() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "d34fab25-51f9-54cf-a9b1-d4a37502f266");
        expected.put("_type", "linux-htb");
        assertThat(QosKeys.externalIds("tapa2b3c4d5-e6", "linux-htb")).containsExactlyEntriesOf(expected);
    }
}
