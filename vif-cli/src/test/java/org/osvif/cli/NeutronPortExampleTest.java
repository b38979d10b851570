package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** examples/NeutronPortExample.java, docs/agent-integration.md's runnable example, keeps running. */
class NeutronPortExampleTest {

    @Test
    @DisplayName("examples/NeutronPortExample.java converts, plugs (dry run) and prints the interface")
    void runs() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Path.of("examples", "NeutronPortExample.java").toString()))
                .directory(Path.of("..").toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("# VIF: VIFOpenVSwitch 3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11 with plugin ovs")
                .contains("# plug").contains("tap3c7a1f52-4f").contains("\"tag\":4095")
                .contains("<interface type=\"ethernet\">").contains("<driver name=\"vhost\" queues=\"4\"/>")
                .contains("# port 3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11 is ACTIVE");
    }
}
