package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.cli.CliRun.EXAMPLES;
import static org.osvif.cli.CliRun.fixture;
import static org.osvif.cli.CliRun.text;
import static org.osvif.cli.CliRun.vifctl;
import static org.osvif.cli.CliRun.withStdin;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code vifctl convert}, run in-process. Expected outputs are files Python os-vif
 * wrote (see src/test/resources/primitives/README.md) or literal canonical text.
 */
class ConvertCommandTest {
    /** A sparse VIFOpenVSwitch on one line, keys and changes in no order. */
    static final String SPARSE_VIF = "{\"versioned_object.version\": \"1.0\", \"versioned_object.namespace\": \"os_vif\","
            + " \"versioned_object.name\": \"VIFOpenVSwitch\", \"versioned_object.changes\": [\"vif_name\", \"id\","
            + " \"address\"], \"versioned_object.data\": {\"vif_name\": \"tap5c2d3f1a-8b\", \"id\":"
            + " \"5c2d3f1a-8b7e-4a6d-9c0b-1e2f3a4b5c6d\", \"address\": \"%s\", \"plugin\": \"ovs\"}}";

    static String sparseVif(String mac) {
        return String.format(SPARSE_VIF, mac);
    }

    static CliRun assertOk(CliRun run) {
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        return run;
    }

    @Nested
    @DisplayName("writes the primitive as canonical JSON")
    class Converts {
        @Test
        @DisplayName("sorted keys and changes, two-space indent, newline at the end")
        void canonicalText() {
            CliRun run = assertOk(withStdin(sparseVif("FA:16:3E:4C:2C:30"), "convert"));
            assertThat(run.out()).isEqualTo("""
                    {
                      "versioned_object.changes": [
                        "address",
                        "id",
                        "vif_name"
                      ],
                      "versioned_object.data": {
                        "address": "fa:16:3e:4c:2c:30",
                        "id": "5c2d3f1a-8b7e-4a6d-9c0b-1e2f3a4b5c6d",
                        "plugin": "ovs",
                        "vif_name": "tap5c2d3f1a-8b"
                      },
                      "versioned_object.name": "VIFOpenVSwitch",
                      "versioned_object.namespace": "os_vif",
                      "versioned_object.version": "1.0"
                    }
                    """);
        }

        @Test
        @DisplayName("the VIF example is already canonical: it comes back unchanged")
        void vifExample() {
            Path example = EXAMPLES.resolve("vif-openvswitch.json");
            assertThat(assertOk(vifctl("convert", example.toString())).out()).isEqualTo(text(example));
        }

        @Test
        @DisplayName("the host-info example at its own version comes back unchanged")
        void hostInfoExample() {
            Path example = EXAMPLES.resolve("hostinfo.json");
            assertThat(assertOk(vifctl("convert", "--target-version", "1.0", example.toString())).out())
                    .isEqualTo(text(example));
        }

        @Test
        @DisplayName("reads standard input for '-'")
        void stdinDash() {
            String in = text(CliRun.FIXTURES.resolve("VIFPortProfileOpenVSwitch.full.1.4.json"));
            assertThat(assertOk(withStdin(in, "convert", "-")).out()).isEqualTo(in);
        }

        @Test
        @DisplayName("reads standard input when no FILE is given")
        void stdinByDefault() {
            String in = text(CliRun.FIXTURES.resolve("Network.full.1.1.json"));
            assertThat(assertOk(withStdin(in, "convert")).out()).isEqualTo(in);
        }
    }

    @Nested
    @DisplayName("backports as Python os-vif does")
    class Backports {
        @Test
        @DisplayName("--target-version 1.3 drops create_tap and multiqueue")
        void targetVersion13() {
            CliRun run = assertOk(vifctl("convert", "--target-version", "1.3",
                    fixture("VIFPortProfileOpenVSwitch.full.1.4.json")));
            assertThat(run.out()).isEqualTo(text(CliRun.FIXTURES.resolve("VIFPortProfileOpenVSwitch.full.1.3.json")));
        }

        @Test
        @DisplayName("--target-version 1.0 also drops what 1.1 to 1.3 added, child objects included")
        void targetVersion10() {
            CliRun run = assertOk(vifctl("convert", "--target-version=1.0",
                    fixture("VIFPortProfileOpenVSwitch.full.1.4.json")));
            assertThat(run.out()).isEqualTo(text(CliRun.FIXTURES.resolve("VIFPortProfileOpenVSwitch.full.1.0.json")));
        }

        @Test
        @DisplayName("--manifest naming the port profile's class backports only the port profile")
        void manifestConcreteProfile() {
            CliRun run = assertOk(vifctl("convert", "--manifest", "VIFPortProfileOpenVSwitch=1.3",
                    EXAMPLES.resolve("vif-openvswitch.json").toString()));
            assertThat(run.out()).isEqualTo(text(CliRun.FIXTURES.resolve("vif-openvswitch.manifest-profile13.json")))
                    .doesNotContain("create_tap\": true", "multiqueue\": true")
                    .contains("\"create_port\": true");
        }

        @Test
        @DisplayName("--manifest naming the declared class VIFPortProfileBase, as o.vo does")
        void manifestDeclaredClass() {
            CliRun run = assertOk(vifctl("convert", "--manifest", "VIFPortProfileBase=1.0",
                    EXAMPLES.resolve("vif-openvswitch.json").toString()));
            assertThat(run.out()).isEqualTo(text(CliRun.FIXTURES.resolve("vif-openvswitch.manifest-base10.json")));
        }

        @Test
        @DisplayName("--target-version with --manifest: the object at V, its children at the manifest's versions")
        void targetVersionWithManifest() {
            CliRun run = assertOk(vifctl("convert", "--target-version", "1.0", "--manifest",
                    "FixedIP=1.0, FixedIPList=1.0,Route=1.0,RouteList=1.0,Subnet=1.0,SubnetList=1.0",
                    fixture("Network.full.1.1.json")));
            assertThat(run.out()).isEqualTo(text(CliRun.FIXTURES.resolve("Network.full.1.0.manifest-lists10.json")));
        }
    }

    @Nested
    @DisplayName("usage errors exit 2 with the problem and where to find help")
    class UsageErrors {
        private void assertUsageError(CliRun run, String message) {
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("vifctl: " + message + "\nTry 'vifctl convert --help' for more information.\n");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        }

        @Test
        void unknownOption() {
            assertUsageError(vifctl("convert", "--bogus", fixture("Network.full.1.1.json")),
                    "Unknown option: '--bogus'");
        }

        @Test
        void versionWithoutMinor() {
            assertUsageError(vifctl("convert", "--target-version", "1", fixture("Network.full.1.1.json")),
                    "Invalid value for option '--target-version': '1' is not a version of the form MAJOR.MINOR");
        }

        @Test
        void manifestEntryWithoutVersion() {
            assertUsageError(vifctl("convert", "--manifest", "Network", fixture("Network.full.1.1.json")),
                    "Invalid value for option '--manifest': manifest entry 'Network' is not NAME=VERSION");
        }

        @Test
        void manifestNameUnknown() {
            assertUsageError(vifctl("convert", "--manifest", "VIFPortProfileOpenVswitch=1.3",
                    fixture("Network.full.1.1.json")),
                    "Invalid value for option '--manifest': 'VIFPortProfileOpenVswitch' is not an os-vif object name");
        }

        @Test
        void manifestVersionNewerThanKnown() {
            assertUsageError(vifctl("convert", "--manifest", "VIFPortProfileOpenVSwitch=1.9",
                    fixture("Network.full.1.1.json")),
                    "Invalid value for option '--manifest': 'VIFPortProfileOpenVSwitch=1.9': this vifctl knows "
                            + "VIFPortProfileOpenVSwitch 1.0 to 1.4");
        }

        @Test
        void missingFile() {
            String missing = CliRun.FIXTURES.resolve("no-such.json").toString();
            assertUsageError(vifctl("convert", missing), "cannot read '" + missing + "': no such file");
        }

        @Test
        void directory() {
            String dir = CliRun.FIXTURES.toString();
            assertUsageError(vifctl("convert", dir), "cannot read '" + dir + "': is a directory");
        }

        @Test
        void twoFiles() {
            assertUsageError(vifctl("convert", fixture("Network.full.1.1.json"), fixture("Network.full.1.1.json")),
                    "Unmatched argument at index 2: '" + fixture("Network.full.1.1.json") + "'");
        }
    }

    @Nested
    @DisplayName("an invalid object exits 3 with one line naming the field or path")
    class InvalidObjects {
        private void assertInvalid(CliRun run, String message) {
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("vifctl: " + message + "\n");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        }

        @Test
        void malformedMac() {
            assertInvalid(withStdin(sparseVif("zz"), "convert", "-"), "invalid primitive at "
                    + "$.versioned_object.data.address (VIFOpenVSwitch.address): Malformed MAC zz (value: 'zz')");
        }

        @Test
        void malformedValueDeepInChildren() {
            String in = text(EXAMPLES.resolve("vif-openvswitch.json")).replace("\"192.0.2.10\"", "\"192.0.2.300\"");
            assertInvalid(withStdin(in, "convert"), "invalid primitive at $.versioned_object.data.network"
                    + ".versioned_object.data.subnets.versioned_object.data.objects[0].versioned_object.data.ips"
                    + ".versioned_object.data.objects[0].versioned_object.data.address (FixedIP.address): failed to detect a valid IP "
                    + "address from '192.0.2.300' (value: '192.0.2.300')");
        }

        @Test
        void unknownObjectName() {
            assertInvalid(withStdin(sparseVif("fa:16:3e:4c:2c:30").replace("\"VIFOpenVSwitch\"", "\"VIFFoo\""),
                    "convert"), "invalid primitive at $: unknown object name 'VIFFoo'");
        }

        @Test
        void newerVersion() {
            assertInvalid(withStdin(sparseVif("fa:16:3e:4c:2c:30").replace("\"1.0\"", "\"9.0\""), "convert"),
                    "invalid primitive at $: version 9.0 of VIFOpenVSwitch is not supported "
                            + "(this library knows VIFOpenVSwitch 1.0 and reads 1.0 to 1.0)");
        }

        @Test
        void notJson() {
            assertInvalid(withStdin("not json\n", "convert"), "invalid primitive at $: not valid JSON: "
                    + "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token "
                    + "'null', 'true' or 'false')");
        }

        @Test
        void textAfterThePrimitive() {
            assertInvalid(withStdin(sparseVif("fa:16:3e:4c:2c:30") + " {}", "convert"),
                    "invalid primitive at $: not valid JSON: Trailing token (of type START_OBJECT) found after "
                            + "value (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per "
                            + "`DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        }

        @Test
        void emptyObject() {
            assertInvalid(withStdin("{}", "convert"), "invalid primitive at $: 'versioned_object.namespace' is missing");
        }

        @Test
        void emptyInput() {
            assertInvalid(withStdin("", "convert"), "invalid primitive at $: no JSON value in the input");
        }

        @Test
        void notUtf8() {
            assertInvalid(withStdin(new byte[] {'{', (byte) 0xff, '}'}, "convert"),
                    "invalid primitive at $: the input is not UTF-8 text");
        }

        @Test
        @DisplayName("a backport that needs a manifest says so and names --manifest")
        void backportNeedsManifest() {
            assertInvalid(vifctl("convert", "--target-version", "1.0", fixture("Network.full.1.1.json")),
                    "cannot backport: Cannot write Network as 1.0: no rule gives the version of its child field "
                            + "'subnets' (o.vo: No rule for subnets); give a version manifest that names SubnetList; "
                            + "pass it with --manifest NAME=VERSION[,NAME=VERSION...]");
        }

        @Test
        void targetNewerThanObject() {
            assertInvalid(vifctl("convert", "--target-version", "1.2", fixture("Network.full.1.1.json")),
                    "cannot backport: Invalid target version 1.2 for Network 1.1: an object can only be written at "
                            + "its own version or an earlier one");
        }

        @Test
        @DisplayName("a value with a line break still gives one line")
        void lineBreakInValue() {
            String in = text(CliRun.FIXTURES.resolve("VIFPortProfileOpenVSwitch.full.1.4.json"))
                    .replace("\"ovs-qos-gold\"", "\"ovs\\nqos\"")
                    .replace("\"07bd6cea-fb37-4594-b769-90fc51854ee9\"", "\"x\\ny\"");
            CliRun run = withStdin(in, "convert");
            assertThat(run.err()).hasLineCount(1).startsWith("vifctl: invalid primitive at $.versioned_object.data.")
                    .contains("(VIFPortProfileOpenVSwitch.interface_id)")
                    .endsWith("(value: 'x\\ny')\n");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_OBJECT);
        }
    }
}
