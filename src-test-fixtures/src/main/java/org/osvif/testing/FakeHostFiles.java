package org.osvif.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.osvif.exec.Command;
import org.osvif.exec.HostFileException;
import org.osvif.exec.HostFiles;

/**
 * An in-memory {@code /sys/class/net} and {@code /proc/sys/net} for tests: which paths exist,
 * and every write in order. A device added with {@link #addDevice} (or created by an {@code ip}
 * command {@linkplain #apply applied} to it) gets {@code /sys/class/net/DEV} and its
 * {@code disable_ipv6}, {@code arp_ignore} and {@code arp_announce} files, as the kernel makes
 * them; deleting it removes them.
 *
 * <pre>{@code
 * FakeHostFiles files = runner.files();
 * files.addDevice("qbr1");
 * ... plug ...
 * assertThat(files.writes()).containsExactly("/proc/sys/net/ipv6/conf/qbr1/disable_ipv6=1", ...);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FakeHostFiles implements HostFiles {
    private final Set<String> paths = new TreeSet<>();
    private final List<String> writes = new ArrayList<>();
    private final Map<String, String> refusals = new LinkedHashMap<>();
    private final Consumer<String> onWrite;
    private boolean ipv6 = true;

    /** An empty tree. */
    public FakeHostFiles() {
        this(write -> { });
    }

    /** @param onWrite told of every successful write, as {@code PATH=VALUE} */
    public FakeHostFiles(Consumer<String> onWrite) {
        this.onWrite = Objects.requireNonNull(onWrite, "onWrite");
    }

    /**
     * @param dev a network device
     * @return this, with the device's {@code /sys/class/net} entry and sysctl files
     */
    public synchronized FakeHostFiles addDevice(String dev) {
        paths.add("/sys/class/net/" + dev);
        if (ipv6) {
            paths.add("/proc/sys/net/ipv6/conf/" + dev + "/disable_ipv6");
        }
        paths.add("/proc/sys/net/ipv4/conf/" + dev + "/arp_ignore");
        paths.add("/proc/sys/net/ipv4/conf/" + dev + "/arp_announce");
        return this;
    }

    /**
     * Devices added from now on get no {@code /proc/sys/net/ipv6/conf/DEV}, as on a kernel booted
     * with {@code ipv6.disable=1}.
     *
     * @return this
     */
    public synchronized FakeHostFiles withoutIpv6() {
        ipv6 = false;
        return this;
    }

    /**
     * @param dev a network device
     * @return this, without the device's files
     */
    public synchronized FakeHostFiles removeDevice(String dev) {
        paths.removeIf(p -> p.equals("/sys/class/net/" + dev) || p.contains("/conf/" + dev + "/"));
        return this;
    }

    /**
     * @param path any file
     * @return this, with the file
     */
    public synchronized FakeHostFiles addFile(String path) {
        paths.add(path);
        return this;
    }

    /**
     * @param path any file
     * @return this, without the file
     */
    public synchronized FakeHostFiles removeFile(String path) {
        paths.remove(path);
        return this;
    }

    /**
     * @param path a file
     * @param reason the kernel's message, e.g. {@code Invalid argument}
     * @return this, refusing every write to that file
     */
    public synchronized FakeHostFiles refuseWrites(String path, String reason) {
        refusals.put(path, reason);
        return this;
    }

    /** @return the devices under {@code /sys/class/net}, sorted */
    public synchronized List<String> devices() {
        return paths.stream().filter(p -> p.startsWith("/sys/class/net/"))
                .map(p -> p.substring("/sys/class/net/".length())).toList();
    }

    /** @return every successful write so far, in order, as {@code PATH=VALUE} */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public synchronized boolean exists(String path) {
        return paths.contains(path);
    }

    @Override
    public void write(String path, String value) {
        String line;
        synchronized (this) {
            if (refusals.containsKey(path)) {
                throw new HostFileException(path, value, refusals.get(path), null);
            }
            if (!paths.contains(path)) {
                throw new HostFileException(path, value, "No such file or directory", null);
            }
            line = path + "=" + value;
            writes.add(line);
        }
        onWrite.accept(line);
    }

    /**
     * Does to the tree what a successful {@code ip} command (or each line of an
     * {@code ip -batch -}) does to devices: {@code link add [link P] name X [type veth peer name Y]},
     * {@code tuntap add dev X}, {@code link del dev X}. Anything else changes nothing.
     *
     * @param command a command that succeeded
     */
    public void apply(Command command) {
        List<String> argv = command.argv();
        if (argv.isEmpty() || !argv.get(0).equals("ip")) {
            return;
        }
        int batch = argv.indexOf("-batch");
        if (batch >= 0) {
            if (command.stdin() != null) {
                for (String line : command.stdin().split("\n")) {
                    if (!line.isBlank()) {
                        applyArgs(List.of(line.strip().split("\\s+")));
                    }
                }
            }
            return;
        }
        int first = 1;
        while (first < argv.size() && argv.get(first).startsWith("-")) {
            first += argv.get(first).equals("-netns") || argv.get(first).equals("-n") ? 2 : 1;
        }
        applyArgs(argv.subList(Math.min(first, argv.size()), argv.size()));
    }

    private synchronized void applyArgs(List<String> args) {
        if (args.size() < 2) {
            return;
        }
        String object = args.get(0);
        String verb = args.get(1);
        if (object.equals("link") && verb.equals("add")) {
            addAfter(args, "name");
            if (args.contains("peer")) {
                addAfter(args.subList(args.indexOf("peer"), args.size()), "name");
            }
        } else if (object.equals("tuntap") && verb.equals("add")) {
            addAfter(args, "dev");
        } else if (object.equals("link") && (verb.equals("del") || verb.equals("delete"))) {
            int i = args.indexOf("dev");
            if (i >= 0 && i + 1 < args.size()) {
                String dev = args.get(i + 1);
                removeDevice(dev);
                // A veth's peer goes with it.
                List<String> gone = peers.remove(dev);
                if (gone != null) {
                    gone.forEach(peer -> {
                        peers.remove(peer);
                        removeDevice(peer);
                    });
                }
            }
        }
    }

    private final Map<String, List<String>> peers = new LinkedHashMap<>();

    private void addAfter(List<String> args, String keyword) {
        int i = args.indexOf(keyword);
        if (i >= 0 && i + 1 < args.size()) {
            addDevice(args.get(i + 1));
            if (args.contains("veth") && keyword.equals("name") && args.get(0).equals("link")) {
                int peer = args.indexOf("peer");
                if (peer >= 0 && peer + 2 < args.size()) {
                    String a = args.get(i + 1);
                    String b = args.get(peer + 2);
                    peers.put(a, List.of(b));
                    peers.put(b, List.of(a));
                }
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "fake host files " + paths;
    }
}
