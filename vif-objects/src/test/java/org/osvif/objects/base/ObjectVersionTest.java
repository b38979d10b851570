package org.osvif.objects.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MAJOR.MINOR versions, ordered and compared as o.vo's versionutils does. */
@DisplayName("ObjectVersion")
class ObjectVersionTest {

    @Test
    @DisplayName("parses MAJOR.MINOR and prints it back")
    void parse() {
        assertThat(ObjectVersion.parse("1.0")).isEqualTo(ObjectVersion.of(1, 0)).hasToString("1.0");
        assertThat(ObjectVersion.parse("10.12")).isEqualTo(ObjectVersion.of(10, 12)).hasToString("10.12");
        assertThat(ObjectVersion.parse("01.002")).isEqualTo(ObjectVersion.of(1, 2)).hasToString("1.2");
    }

    @ParameterizedTest(name = "''{0}''")
    @DisplayName("refuses anything else, naming the text")
    @ValueSource(strings = {"1", "1.x", "v1.0", "", "1.0.0", "1.", ".1", "1.-1", "-1.0", "+1.0", " 1.0", "1.0 ",
        "99999999999.0", "1.99999999999", "\u0661.\u0660"})
    void refuses(String text) {
        assertThatThrownBy(() -> ObjectVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a version of the form MAJOR.MINOR");
    }

    @Test
    @DisplayName("refuses null and negative parts")
    void refusesNullAndNegative() {
        assertThatThrownBy(() -> ObjectVersion.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version is missing");
        assertThatThrownBy(() -> ObjectVersion.of(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("version parts must not be negative: 1.-1");
    }

    @Test
    @DisplayName("orders numerically, major first (1.10 after 1.9)")
    void order() {
        List<ObjectVersion> vs = new ArrayList<>(List.of(ObjectVersion.parse("1.10"), ObjectVersion.parse("2.0"),
                ObjectVersion.parse("1.9"), ObjectVersion.parse("1.0")));
        Collections.sort(vs);
        assertThat(vs).extracting(ObjectVersion::toString).containsExactly("1.0", "1.9", "1.10", "2.0");
        assertThat(ObjectVersion.of(1, 9).isBefore(1, 10)).isTrue();
        assertThat(ObjectVersion.of(1, 10).isBefore(ObjectVersion.of(1, 9))).isFalse();
        assertThat(ObjectVersion.of(1, 3).isBefore(1, 3)).isFalse();
    }

    @Test
    @DisplayName("reads the same major at the same or an older minor only")
    void canRead() {
        ObjectVersion known = ObjectVersion.of(1, 3);
        assertThat(known.canRead(ObjectVersion.of(1, 0))).isTrue();
        assertThat(known.canRead(ObjectVersion.of(1, 3))).isTrue();
        assertThat(known.canRead(ObjectVersion.of(1, 4))).isFalse();
        assertThat(known.canRead(ObjectVersion.of(2, 0))).isFalse();
        assertThat(known.canRead(ObjectVersion.of(0, 9))).isFalse();
    }
}
