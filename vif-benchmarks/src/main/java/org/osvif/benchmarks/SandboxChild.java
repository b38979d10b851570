package org.osvif.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osvif.testing.ovs.PrivateOvs;

/**
 * The command line that runs a harness again inside a sandbox's network namespace, as a compute
 * agent runs in its host's: every process it starts is a plain child, and host files
 * ({@code /sys/class/net}, {@code /proc/sys/net}) are the namespace's.
 */
final class SandboxChild {
    /** The option that tells a harness it runs inside, followed by the database connection. */
    static final String INSIDE = "--inside-db";

    private SandboxChild() {
    }

    /**
     * @param ovs the sandbox
     * @param main the harness class to run
     * @param args the harness's own arguments, passed on
     * @return {@code ip netns exec NS env OVS_*=DIR java -cp CP MAIN --inside-db DB ARGS...}
     */
    static List<String> argv(PrivateOvs ovs, Class<?> main, String[] args) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ovs.namespace(), "env"));
        for (String variable : List.of("OVS_RUNDIR", "OVS_DBDIR", "OVS_LOGDIR", "OVS_SYSCONFDIR")) {
            argv.add(variable + "=" + ovs.dir());
        }
        argv.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), INSIDE,
                ovs.dbConnection()));
        argv.addAll(List.of(args));
        return argv;
    }
}
