package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osvif.InitOptions;
import java.util.ServiceLoader;
import org.osvif.spi.VifPluginProvider;

@DisplayName("vifctl host-info")
class HostInfoCommandTest {
    /** What the noop plugin (the only plugin on this module's test path) describes, as upstream's noop does. */
    static final String NOOP_ONLY = """
            {
              "versioned_object.changes": [
                "plugin_info"
              ],
              "versioned_object.data": {
                "plugin_info": [
                  {
                    "versioned_object.changes": [
                      "plugin_name",
                      "vif_info"
                    ],
                    "versioned_object.data": {
                      "plugin_name": "noop",
                      "vif_info": [
                        {
                          "versioned_object.changes": [
                            "max_version",
                            "min_version",
                            "supported_port_profiles",
                            "vif_object_name"
                          ],
                          "versioned_object.data": {
                            "max_version": "1.0",
                            "min_version": "1.0",
                            "supported_port_profiles": [],
                            "vif_object_name": "VIFVHostUser"
                          },
                          "versioned_object.name": "HostVIFInfo",
                          "versioned_object.namespace": "os_vif",
                          "versioned_object.version": "1.1"
                        }
                      ]
                    },
                    "versioned_object.name": "HostPluginInfo",
                    "versioned_object.namespace": "os_vif",
                    "versioned_object.version": "1.0"
                  }
                ]
              },
              "versioned_object.name": "HostInfo",
              "versioned_object.namespace": "os_vif",
              "versioned_object.version": "1.0"
            }
            """;

    private static VifPluginProvider noop() {
        return ServiceLoader.load(VifPluginProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("noop")).findFirst().orElseThrow();
    }

    /** host-info with only the noop plugin, so the expected text stays small. */
    private static CliRun vifctl(String... args) {
        return CliRun.withOptions(InitOptions.builder().providers(noop()).build(), new byte[0],
                args);
    }

    @Test
    @DisplayName("by default describes every plugin vifctl ships, sorted by name")
    void discovered() {
        CliRun run = CliRun.vifctl("host-info");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsSubsequence("\"plugin_name\": \"linux_bridge\"", "\"plugin_name\": \"noop\"",
                "\"plugin_name\": \"ovs\"");
    }

    @Test
    @DisplayName("prints the HostInfo primitive of the plugins as canonical JSON")
    void prints() {
        CliRun run = vifctl("host-info");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(NOOP_ONLY);
        assertThat(run.exitCode()).isZero();
    }

    @Test
    @DisplayName("--permitted drops plugins left without a permitted VIF class")
    void permitted() {
        assertThat(vifctl("host-info", "--permitted", "VIFVHostUser,VIFBridge").out()).isEqualTo(NOOP_ONLY);
        CliRun none = vifctl("host-info", "--permitted", "VIFOpenVSwitch");
        assertThat(none.out()).contains("\"plugin_info\": []");
        assertThat(none.exitCode()).isZero();
    }

    @Test
    @DisplayName("an unknown VIF class in --permitted is a usage error")
    void unknownClass() {
        CliRun run = vifctl("host-info", "--permitted", "VIFOpenVswitch");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("vifctl: --permitted: 'VIFOpenVswitch' is not a VIF class");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("reads a nova.conf; a missing file is a usage error, an invalid value exit 3 naming it")
    void config(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("nova.conf");
        Files.writeString(good, "[DEFAULT]\nmy_ip = 192.0.2.1\n\n[os_vif]\nroot_helper = sudo\n");
        assertThat(vifctl("host-info", "--config", good.toString()).out()).isEqualTo(NOOP_ONLY);

        CliRun missing = vifctl("host-info", "--config", dir.resolve("nope.conf").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--config: ").contains("nope.conf: no such file");

        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "[os_vif]\ncommand_timeout = soon\n");
        CliRun invalid = vifctl("host-info", "--config", bad.toString());
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        assertThat(invalid.err()).hasLineCount(1).startsWith("vifctl: invalid configuration: ")
                .contains("command_timeout").contains("soon");
        assertThat(invalid.out()).isEmpty();
    }
}
