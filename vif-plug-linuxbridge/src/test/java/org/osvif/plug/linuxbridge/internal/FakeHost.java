package org.osvif.plug.linuxbridge.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;

/**
 * A pretend host for {@link org.osvif.testing.RecordingCommandRunner#dispatch}: it
 * remembers the links that {@code ip link add} made, so {@code ip -o link show dev X}
 * answers as a kernel would; answers {@code ip route show} and {@code ip addr show}
 * from what a test put in {@link #routes} and {@link #addresses}; answers
 * {@code iptables-save} with {@link #saved} and records each {@code iptables-restore}
 * input (which becomes the next save). Every other command succeeds silently.
 * Thread-safe.
 */
final class FakeHost implements Function<Command, CommandResult> {
    final Set<String> links = ConcurrentHashMap.newKeySet();
    final Map<String, String> routes = new ConcurrentHashMap<>();
    final Map<String, String> addresses = new ConcurrentHashMap<>();
    final List<String> restored = new CopyOnWriteArrayList<>();
    final AtomicInteger bridgesAdded = new AtomicInteger();
    volatile String saved = "";
    /** How long each {@code ip link add} takes, to widen race windows. */
    volatile Duration addDelay = Duration.ZERO;

    FakeHost(String... existingLinks) {
        links.addAll(List.of(existingLinks));
    }

    /**
     * Answers the runner's commands, and puts the existing links in its fake {@code /sys/class/net}.
     *
     * @param runner the runner
     * @return this
     */
    FakeHost on(org.osvif.testing.RecordingCommandRunner runner) {
        links.forEach(runner.files()::addDevice);
        runner.dispatch(this);
        return this;
    }

    /** An {@code ip -batch -}: the reads of route and addr show, or the changes, line by line. */
    private CommandResult batch(Command command) {
        String[] lines = command.stdin().split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            List<String> words = List.of(lines[i].strip().split("\\s+"));
            if (words.size() >= 4 && words.subList(0, 3).equals(List.of("route", "show", "dev"))) {
                out.append(routes.getOrDefault(words.get(3), ""));
            } else if (words.size() >= 4 && words.subList(0, 3).equals(List.of("addr", "show", "dev"))) {
                out.append(addresses.getOrDefault(words.get(3), ""));
            } else if (words.size() > 3 && words.subList(0, 2).equals(List.of("link", "add"))) {
                sleep(addDelay);
                if (!links.add(words.get(words.indexOf("name") + 1))) {
                    return result(command, 1, "", "RTNETLINK answers: File exists\nCommand failed -:" + (i + 1) + "\n");
                }
                if (words.contains("bridge")) {
                    bridgesAdded.incrementAndGet();
                }
            }
        }
        return ok(out.toString());
    }

    @Override
    public CommandResult apply(Command command) {
        List<String> argv = command.argv();
        if (argv.contains("-batch")) {
            return batch(command);
        }
        if (argv.size() == 6 && argv.subList(0, 5).equals(List.of("ip", "-o", "link", "show", "dev"))) {
            String dev = argv.get(5);
            return links.contains(dev) ? ok(dev + ": <UP> mtu 1500") : result(command, 1, "",
                    "Device \"" + dev + "\" does not exist.");
        }
        if (argv.size() > 3 && argv.subList(0, 3).equals(List.of("ip", "link", "add"))) {
            String name = argv.get(argv.indexOf("name") + 1);
            sleep(addDelay);
            if (!links.add(name)) {
                return result(command, 2, "", "RTNETLINK answers: File exists");
            }
            if (argv.contains("bridge")) {
                bridgesAdded.incrementAndGet();
            }
            return ok("");
        }
        if (argv.size() == 5 && argv.subList(0, 4).equals(List.of("ip", "route", "show", "dev"))) {
            return ok(routes.getOrDefault(argv.get(4), ""));
        }
        if (argv.size() == 7 && argv.subList(0, 4).equals(List.of("ip", "addr", "show", "dev"))) {
            return ok(addresses.getOrDefault(argv.get(4), ""));
        }
        if (argv.equals(List.of("iptables-save", "-c"))) {
            return ok(saved);
        }
        if (argv.equals(List.of("iptables-restore", "-c"))) {
            restored.add(command.stdin());
            saved = command.stdin();
            return ok("");
        }
        return ok("");
    }

    private static CommandResult ok(String stdout) {
        return new CommandResult(Command.of("true"), 0, stdout, "", Duration.ZERO);
    }

    private static CommandResult result(Command command, int code, String stdout, String stderr) {
        return new CommandResult(command, code, stdout, stderr, Duration.ZERO);
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
