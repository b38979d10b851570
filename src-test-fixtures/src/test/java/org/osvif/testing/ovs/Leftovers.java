package org.osvif.testing.ovs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a sandbox could leave behind, looked up from outside it. */
final class Leftovers {
    private Leftovers() {
    }

    /** @return "pid command line" of every live process whose command line names the directory */
    static List<String> processesUsing(Path dir) {
        String needle = dir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    static boolean namespaceExists(String namespace) {
        return Files.exists(Path.of("/run/netns", namespace));
    }

    /** @return whether the host's (this JVM's) network namespace has the device */
    static boolean hostHasLink(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    static void assertRunning(PrivateOvs ovs) {
        assertThat(processesUsing(ovs.dir())).as("daemons of %s", ovs).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("ovsdb-server"))
                .anySatisfy(p -> assertThat(p).contains("ovs-vswitchd"));
        assertThat(namespaceExists(ovs.namespace())).as("namespace %s exists", ovs.namespace()).isTrue();
        assertThat(ovs.dir()).isDirectory();
    }

    static void assertNothingLeft(String namespace, Path dir) {
        assertThat(processesUsing(dir)).as("processes using %s", dir).isEmpty();
        assertThat(namespaceExists(namespace)).as("namespace %s exists", namespace).isFalse();
        assertThat(dir).doesNotExist();
    }
}
