package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.cli.CliRun.vifctl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

@DisplayName("vifctl demo")
class DemoCommandTest {

    @Test
    @DisplayName("--dry-run shows the plug and unplug transactions and changes nothing")
    void dryRun() {
        CliRun run = vifctl("demo", "--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("# plug VIFOpenVSwitch 3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11")
                .contains("{\"method\":\"transact\"").contains("\"name\":\"tap3c7a1f52-4f\"")
                .contains("\"tag\":4095").contains("# unplug").contains("[\"ports\",\"delete\"")
                .contains("(dry run in ");
    }

    @Test
    @DisplayName("--dry-run --ovsdb-interface vsctl shows the ovs-vsctl commands instead")
    void dryRunVsctl() {
        CliRun run = vifctl("demo", "--dry-run", "--ovsdb-interface", "vsctl");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ovs-vsctl").contains("add-port br-int tap3c7a1f52-4f").contains("tag=4095")
                .contains("# unplug").contains("del-port").doesNotContain("transact");
    }

    @Test
    @DisplayName("--dry-run --json prints one JSON object with the commands")
    void dryRunJson() throws java.io.IOException {
        CliRun run = vifctl("demo", "--dry-run", "--json");
        assertThat(run.exitCode()).isZero();
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(report.get("exit_code").asInt()).isZero();
        assertThat(report.get("commands").toString()).contains("transact").contains("tap3c7a1f52-4f")
                .contains("4095");
    }

    @Test
    @RequiresOvs
    @DisplayName("--json reports the steps, the isolated port and the HostInfo primitive")
    void realRunJson() throws java.io.IOException {
        CliRun run = vifctl("demo", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(report.get("dry_run").asBoolean()).isFalse();
        assertThat(report.get("steps")).hasSize(6);
        assertThat(report.at("/port/tag").asText()).isEqualTo("4095");
        assertThat(report.at("/host_info/versioned_object.name").asText()).isEqualTo("HostInfo");
    }

    @Test
    @RequiresOvs
    @DisplayName("plugs an isolated port on a private Open vSwitch, unplugs it and leaves nothing behind")
    void realRun() throws IOException {
        long namespacesBefore = namespaces();
        CliRun run = vifctl("demo");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("start a private Open vSwitch")
                .contains("plugins: linux_bridge, noop, ovs")
                .contains("Port tap3c7a1f52-4f: tag=4095 vlan_mode=trunk trunks=4095")
                .contains("iface-id=3c7a1f52-4f7e-4a55-b2a0-6f1d1c0c8f11")
                .contains("ovs: VIFBridge")
                .contains("ports on br-int: []")
                .contains("nothing is left on the host.");
        assertThat(run.out().lines().filter(l -> l.startsWith("["))).hasSize(6);
        assertThat(namespaces()).isEqualTo(namespacesBefore);
        assertThat(PrivateOvs.removeStale()).isEmpty();
    }

    @Test
    @RequiresOvs
    @DisplayName("--keep leaves the sandbox running and its printed instructions look at it and remove it")
    void keep() throws Exception {
        CliRun run = vifctl("demo", "--keep");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String look = run.out().lines().filter(l -> l.strip().startsWith("look:")).findFirst().orElseThrow();
        String remove = run.out().lines().filter(l -> l.strip().startsWith("remove:")).findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("ip netns exec (\\S+) ovs-vsctl --db=unix:(\\S+)/db.sock show").matcher(look);
        assertThat(m.find()).as(look).isTrue();
        String namespace = m.group(1);
        Path dir = Path.of(m.group(2));
        try {
            assertThat(Path.of("/run/netns", namespace)).exists();
            assertThat(PrivateOvs.removeStale()).doesNotContain(namespace);
            assertThat(sh(look.strip().substring("look:".length()).strip())).contains("Bridge br-int");
        } finally {
            sh(remove.strip().substring("remove:".length()).strip());
        }
        assertThat(Path.of("/run/netns", namespace)).doesNotExist();
        assertThat(dir).doesNotExist();
    }

    /** Runs a line printed for a person to paste into a shell, as that person would. */
    private static String sh(String line) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static long namespaces() throws IOException {
        Path dir = Path.of("/run/netns");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("osvif-")).count();
        }
    }
}
