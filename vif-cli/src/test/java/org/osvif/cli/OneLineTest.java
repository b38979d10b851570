package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void foldsLineBreaks() {
        assertThat(OneLine.of("a\n  b\r\nc \n")).isEqualTo("a b c");
    }

    @Test
    void nullIsEmpty() {
        assertThat(OneLine.of(null)).isEmpty();
    }

    @Test
    void boundsLength() {
        String line = OneLine.of("x".repeat(5000));
        assertThat(line).hasSize(OneLine.MAX_LENGTH).endsWith("...");
    }
}
