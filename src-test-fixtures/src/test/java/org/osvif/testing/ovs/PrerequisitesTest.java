package org.osvif.testing.ovs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrerequisitesTest {
    private static final long ALL_CAPABILITIES = 0x1fffeffffffL;
    private static final List<String> PROGRAMS =
            List.of("ip", "ovsdb-tool", "ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovsdb-client");

    @TempDir
    Path tmp;
    private Path bin;
    private Path schema;
    private Path netns;

    @BeforeEach
    void setUp() throws IOException {
        bin = Files.createDirectory(tmp.resolve("bin"));
        for (String program : PROGRAMS) {
            executable(bin.resolve(program));
        }
        schema = Files.writeString(tmp.resolve("vswitch.ovsschema"), "{}");
        netns = Files.writeString(tmp.resolve("net"), "");
    }

    private static void executable(Path path) throws IOException {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    @DisplayName("nothing is missing when root has everything")
    void complete() {
        assertThat(new Prerequisites(0, ALL_CAPABILITIES, bin.toString(), schema, netns).missing()).isEmpty();
    }

    @Test
    @DisplayName("a non-root user is told to run as root")
    void notRoot() {
        assertThat(new Prerequisites(1000, 0, bin.toString(), schema, netns).missing())
                .singleElement().asString().startsWith("not running as root (effective uid 1000)");
    }

    @Test
    @DisplayName("root without CAP_SYS_ADMIN (an unprivileged container) is told which capabilities to add")
    void noCapabilities() {
        long withoutSysAdmin = ALL_CAPABILITIES & ~(1L << 21);
        assertThat(new Prerequisites(0, withoutSysAdmin, bin.toString(), schema, netns).missing())
                .singleElement().asString().contains("CAP_SYS_ADMIN").contains("--cap-add SYS_ADMIN");
    }

    @Test
    @DisplayName("each missing program is named with the package that installs it")
    void missingPrograms() throws IOException {
        // programs Debian installs in /usr/bin, so no "is in /usr/sbin" hint applies
        Files.delete(bin.resolve("ovsdb-client"));
        Files.delete(bin.resolve("ovs-vsctl"));

        List<String> missing = new Prerequisites(0, ALL_CAPABILITIES, bin.toString(), schema, netns).missing();

        assertThat(missing).containsExactly(
                "ovs-vsctl not found on PATH: apt-get install -y openvswitch-switch",
                "ovsdb-client not found on PATH: apt-get install -y openvswitch-switch");
    }

    @Test
    @DisplayName("a program that is in /usr/sbin but not on PATH is reported as a PATH problem")
    void sbinNotOnPath() throws IOException {
        Files.delete(bin.resolve("ovs-vswitchd"));
        List<String> missing = new Prerequisites(0, ALL_CAPABILITIES, bin.toString(), schema, netns).missing();
        if (Files.isExecutable(Path.of("/usr/sbin/ovs-vswitchd"))) {
            assertThat(missing).containsExactly("ovs-vswitchd is in /usr/sbin, which is not on PATH: add /usr/sbin "
                    + "to PATH");
        } else {
            assertThat(missing).singleElement().asString().startsWith("ovs-vswitchd not found on PATH");
        }
    }

    @Test
    @DisplayName("no PATH, no schema and no network namespaces are each reported")
    void everythingMissing() {
        List<String> missing = new Prerequisites(0, ALL_CAPABILITIES, null, tmp.resolve("none.ovsschema"),
                tmp.resolve("no-net")).missing();

        assertThat(missing).hasSize(2 + PROGRAMS.size());
        assertThat(missing).anySatisfy(m -> assertThat(m).contains("none.ovsschema not found")
                .contains("apt-get install -y openvswitch-switch"));
        assertThat(missing).anySatisfy(m -> assertThat(m).startsWith("no network namespace support"));
    }

    @Test
    @DisplayName("this process: PrivateOvs.missingPrerequisites() agrees with the checks above")
    void thisProcess() {
        assertThat(PrivateOvs.missingPrerequisites())
                .isEqualTo(Prerequisites.ofThisProcess(PrivateOvs.DEFAULT_SCHEMA).missing());
    }
}
