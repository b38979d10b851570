package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** examples/EmbedExample.java, the user guide's runnable example, keeps compiling and running. */
class EmbedExampleTest {

    @Test
    @DisplayName("examples/EmbedExample.java runs as a single-file program and prints the dry-run transactions")
    void runs() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                CliRun.EXAMPLES.resolve("EmbedExample.java").toString())).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("# plug").contains("{\"method\":\"transact\"")
                .contains("\"name\":\"tap3c7a1f52-4f\"").contains("\"tag\":4095").contains("# unplug")
                .contains("# host info: 3 plugins");
    }
}
