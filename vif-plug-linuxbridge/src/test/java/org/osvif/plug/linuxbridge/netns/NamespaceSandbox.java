package org.osvif.plug.linuxbridge.netns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.HostFiles;
import org.osvif.exec.CommandRunners;

/**
 * A fresh network namespace for a functional test, and a {@link CommandRunner}
 * that runs every command inside it ({@code ip netns exec NS argv...}), so the
 * code under test changes the namespace's links, addresses, routes, sysctls and
 * iptables tables, never the host's. {@link #close()} deletes the namespace,
 * which deletes the devices in it.
 *
 * <pre>{@code
 * try (NamespaceSandbox ns = NamespaceSandbox.create()) {
 *     ns.exec("ip", "link", "add", "name", "phys0", "type", "veth", "peer", "name", "peer0");
 *     plugin(ns.runner()).plug(vif, instance);
 *     assertThat(ns.read("/sys/class/net/br0/mtu")).isEqualTo("1400");
 * }
 * }</pre>
 *
 * <p>Needs root. Thread-safe.
 */
public final class NamespaceSandbox implements AutoCloseable {
    private static final CommandRunner HOST = CommandRunners.system(List.of(), Duration.ofSeconds(60));
    private final String name;
    private final CommandRunner runner;
    private volatile boolean closed;

    private NamespaceSandbox(String name) {
        this.name = name;
        this.runner = new CommandRunner() {
            private final HostFiles files = HostFiles.throughProcesses(this);

            @Override
            public CommandResult run(Command command) {
                return HOST.run(inside(command));
            }

            /** The namespace's files, through test and tee processes inside it (this JVM sees the host's). */
            @Override
            public HostFiles files() {
                return files;
            }
        };
    }

    /**
     * Creates a namespace named {@code osvif-lb-<random>} with its loopback up.
     *
     * @return the sandbox
     */
    public static NamespaceSandbox create() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        String name = "osvif-lb-" + HexFormat.of().formatHex(random);
        HOST.run(Command.of("ip", "netns", "add", name));
        NamespaceSandbox sandbox = new NamespaceSandbox(name);
        try {
            sandbox.exec("ip", "link", "set", "dev", "lo", "up");
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    /** @return the namespace's name */
    public String name() {
        return name;
    }

    /** @return a runner whose commands run inside the namespace (as root) */
    public CommandRunner runner() {
        return runner;
    }

    /**
     * Runs a command inside the namespace; exit code 0 required.
     *
     * @param argv the command
     * @return its standard output
     */
    public String exec(String... argv) {
        return runner.run(Command.of(argv)).stdout();
    }

    /**
     * Reads a file as the namespace sees it ({@code /proc/sys/net/...} and
     * {@code /sys/class/net/...} are the namespace's own).
     *
     * @param path the file
     * @return its content, stripped
     */
    public String read(String path) {
        return exec("cat", path).strip();
    }

    /** @return whether {@code ip netns list} still lists the namespace */
    public boolean exists() {
        return exists(name);
    }

    /**
     * @param namespace a namespace name
     * @return whether {@code ip netns list} lists it
     */
    public static boolean exists(String namespace) {
        return HOST.run(Command.of("ip", "netns", "list")).stdout().lines()
                .anyMatch(line -> line.split("\\s+")[0].equals(namespace));
    }

    private Command inside(Command command) {
        if (closed) {
            throw new IllegalStateException("namespace " + name + " is closed");
        }
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", name));
        argv.addAll(command.argv());
        return new Command(argv, command.privileged(), command.timeout(), command.exitCodes(), command.stdin());
    }

    /**
     * Kills any process left in the namespace, then deletes it (and every device in it).
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CommandResult pids = HOST.run(Command.of("ip", "netns", "pids", name).withExitCodes(0, 1, 255));
        for (String pid : pids.stdout().split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        HOST.run(Command.of("ip", "netns", "del", name).withExitCodes(0, 1));
    }

    @Override
    public String toString() {
        return "NamespaceSandbox[" + Objects.requireNonNull(name) + "]";
    }
}
