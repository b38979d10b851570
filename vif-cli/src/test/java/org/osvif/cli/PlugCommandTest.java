package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.cli.CliRun.vifctl;
import static org.osvif.cli.CliRun.withStdin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.OsVifObjects;
import org.osvif.objects.VifGeneric;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;

@DisplayName("vifctl plug and unplug")
class PlugCommandTest {
    static final String VIF_ID = "c1f4a1d4-8a55-4c5a-9d2e-6b0f3f0c2d11";

    static String vhostUser(String plugin) {
        return OsVifObjects.codec().toJson(VifVHostUser.builder().id(VIF_ID).plugin(plugin).vifName("vhu1")
                .path("/run/vhu1.sock").mode(VifVHostUserMode.SERVER).build());
    }

    @Test
    @DisplayName("plugs and unplugs with the plugin the VIF names, reading the VIF from stdin")
    void plugsWithNamedPlugin() {
        CliRun plug = withStdin(vhostUser("noop"), "plug", "-");
        assertThat(plug.err()).isEmpty();
        assertThat(plug.out()).isEqualTo("plugged VIFVHostUser " + VIF_ID + " with plugin noop\n");
        assertThat(plug.exitCode()).isZero();
        CliRun unplug = withStdin(vhostUser("noop"), "unplug", "-");
        assertThat(unplug.out()).isEqualTo("unplugged VIFVHostUser " + VIF_ID + " with plugin noop\n");
        assertThat(unplug.exitCode()).isZero();
    }

    @Test
    @DisplayName("--instance reads an InstanceInfo primitive; another object there is invalid input")
    void instanceFile(@TempDir Path dir) throws IOException {
        Path vif = Files.writeString(dir.resolve("vif.json"), vhostUser("noop"));
        Path instance = Files.writeString(dir.resolve("instance.json"), OsVifObjects.codec().toJson(
                InstanceInfo.builder().uuid("f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f").name("vm1").projectId("p")
                        .build()));
        assertThat(vifctl("plug", "--instance", instance.toString(), vif.toString()).exitCode()).isZero();
        CliRun wrong = vifctl("plug", "--instance", vif.toString(), vif.toString());
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        assertThat(wrong.err()).isEqualTo("vifctl: invalid primitive at $: --instance must be a InstanceInfo, "
                + "not a VIFVHostUser\n");
    }

    @Test
    @DisplayName("a plugin failure exits 4 with the failing command and its stderr on one line")
    void failureExits4() {
        String vif = OsVifObjects.codec().toJson(VifGeneric.builder().id(VIF_ID).plugin("failing").vifName("tap0")
                .build());
        CliRun run = withFailingPlugin(vif, "plug", "-");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ACTION_FAILED);
        assertThat(run.err()).isEqualTo("vifctl: plug failed: Command ip link add name tap0 type veth exited with "
                + "code 2: RTNETLINK answers: File exists\n");
        assertThat(run.out()).isEmpty();
        assertThat(withFailingPlugin(vif, "unplug", "-").err()).startsWith("vifctl: unplug failed: ");
    }



    @Test
    @DisplayName("a plugin that is not loaded, or an object that is not a VIF, is invalid input (exit 3)")
    void invalidInput() {
        CliRun unknown = withStdin(vhostUser("nope"), "plug", "-");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        assertThat(unknown.err()).startsWith("vifctl: invalid input: No VIF plugin was found with the name nope "
                + "(loaded plugins: ");
        CliRun notVif = withStdin(OsVifObjects.codec().toJson(InstanceInfo.builder().name("x").build()), "plug", "-");
        assertThat(notVif.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        assertThat(notVif.err()).contains("VIF must be a VIF (a VIFBase subclass), not a InstanceInfo");
    }

    @Test
    @DisplayName("usage errors exit 2: no VIF file, a missing file")
    void usage() {
        assertThat(vifctl("plug").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(vifctl("unplug", "no-such-file.json").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    @DisplayName("--dry-run prints what would run and runs nothing")
    void dryRun() {
        CliRun run = withStdin(vhostUser("noop"), "plug", "--dry-run", "-");
        assertThat(run.out()).isEqualTo("would have plugged VIFVHostUser " + VIF_ID + " with plugin noop\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    @DisplayName("--json prints the result as one JSON object")
    void json() {
        CliRun run = withStdin(vhostUser("noop"), "plug", "--json", "-");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("{\n  \"action\": \"plug\",\n  \"dry_run\": false,\n  \"plugin\": \"noop\",\n"
                + "  \"vif_id\": \"" + VIF_ID + "\",\n  \"vif_object_name\": \"VIFVHostUser\"\n}\n");
    }

    private static CliRun withFailingPlugin(String stdin, String... args) {
        return CliRun.withOptions(org.osvif.InitOptions.builder().providers(new FailingPluginProvider()).build(),
                stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8), args);
    }
}
