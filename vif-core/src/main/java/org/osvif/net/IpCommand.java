package org.osvif.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandRunner;
import org.osvif.objects.types.MacAddress;

/**
 * The {@code ip} (iproute2) commands plugins use, run through a
 * {@link CommandRunner}; the Java counterpart of os-vif's
 * {@code os_vif.internal.ip} API (which upstream implements with pyroute2).
 *
 * <pre>{@code
 * IpCommand ip = IpCommand.on(runner);
 * if (!ip.exists("qbr1234")) {
 *     ip.addBridge("qbr1234");
 * }
 * ip.inNamespace("tenant-a").setUp("tap1234");    // ip -netns tenant-a link set dev tap1234 up
 * }</pre>
 *
 * <p><b>Validation first.</b> Every method checks its names with
 * {@link InterfaceName#check(String, String)} and its numbers before anything
 * runs; a bad value throws {@link IllegalArgumentException} and no command
 * is started.
 *
 * <p><b>Keywords, never positional names.</b> Each name follows its keyword
 * ({@code dev}, {@code name}, {@code link}, {@code master}), so a device
 * called {@code he} or {@code up} is not read as the keyword {@code help}
 * (iproute2 matches keyword prefixes: {@code ip link add he type veth}
 * prints the usage and fails) or {@code up}.
 *
 * <p><b>Exit codes.</b> Commands accept exit code 0 only, except where a
 * method says otherwise ({@link #exists}, {@link #delete}); {@code ip} exits
 * 1 when a device is not found and 2 when the kernel refuses a request
 * ({@code RTNETLINK answers: ...}). Upstream call sites that pass
 * {@code check_exit_code=[0, 2, 254]} map to {@link #tolerating(int...)
 * tolerating(2, 254)}. Other failures surface as
 * {@link CommandFailedException} with the command, exit code and stderr.
 *
 * <p><b>Privileges.</b> Commands that change links are privileged (the
 * runner's root helper applies); {@link #exists} outside a namespace is
 * not.
 *
 * <p>Instances are immutable and thread-safe; {@link #inNamespace} and
 * {@link #tolerating} return copies.
 */
public final class IpCommand {
    /** The smallest MTU accepted by {@link #setMtu}: IPv4's minimum, the kernel's ETH_MIN_MTU. */
    public static final int MIN_MTU = 68;
    /** The largest MTU accepted by {@link #setMtu}: the kernel's IP_MAX_MTU. */
    public static final int MAX_MTU = 65535;
    /** The smallest VLAN ID accepted by {@link #addVlan}. */
    public static final int MIN_VLAN_ID = 1;
    /** The largest VLAN ID accepted by {@link #addVlan}. */
    public static final int MAX_VLAN_ID = 4094;
    /** Longest network namespace name accepted (a file name under {@code /run/netns}). */
    static final int MAX_NAMESPACE_LENGTH = 255;

    private final CommandRunner runner;
    private final String namespace;
    private final Set<Integer> tolerated;

    private IpCommand(CommandRunner runner, String namespace, Set<Integer> tolerated) {
        this.runner = runner;
        this.namespace = namespace;
        this.tolerated = tolerated;
    }

    /**
     * @param runner runs the commands
     * @return an {@code ip} wrapper for the host's (the caller's) network namespace
     */
    public static IpCommand on(CommandRunner runner) {
        return new IpCommand(Objects.requireNonNull(runner, "runner"), null, Set.of(0));
    }

    /**
     * @param name a network namespace made with {@code ip netns add}
     * @return a copy whose every command runs as {@code ip -netns NAME ...}
     * @throws IllegalArgumentException when the name is empty, {@code .} or {@code ..}, longer than 255
     *         bytes, or contains {@code '/'}, whitespace or characters outside printable ASCII
     */
    public IpCommand inNamespace(String name) {
        return new IpCommand(runner, checkNamespace(name), tolerated);
    }

    /**
     * A copy whose state-changing commands also accept these exit codes (0 always counts).
     * Upstream's {@code check_exit_code=[0, 2, 254]} is {@code tolerating(2, 254)}. With
     * {@code ip}, exit code 2 stands for any refusal of the kernel, so use it where upstream
     * does and nowhere else. Does not change {@link #exists} or {@link #delete}.
     *
     * @param exitCodes exit codes to accept besides 0
     * @return the copy
     */
    public IpCommand tolerating(int... exitCodes) {
        Set<Integer> codes = new LinkedHashSet<>();
        codes.add(0);
        for (int code : exitCodes) {
            codes.add(code);
        }
        return new IpCommand(runner, namespace, Set.copyOf(codes));
    }

    /**
     * @return an empty {@link IpBatch} on this wrapper's runner and namespace: several steps, one process
     */
    public IpBatch batch() {
        return new IpBatch(runner, namespace);
    }

    /** @return the network namespace the commands run in, or null for the caller's */
    public String namespace() {
        return namespace;
    }

    /**
     * Whether a device exists: {@code ip -o link show dev DEV}. Exit code 0 means it does;
     * exit code 1 ({@code Device "DEV" does not exist.}) means it does not. Any other exit code
     * (say 255 for a missing namespace) throws {@link CommandFailedException}.
     * Unprivileged unless bound to a namespace (entering one needs root).
     *
     * @param dev the device
     * @return whether it exists
     */
    public boolean exists(String dev) {
        InterfaceName.check(dev, "device");
        Command command = command(List.of("-o", "link", "show", "dev", dev), Set.of(0, 1));
        if (namespace == null) {
            command = command.unprivileged();
        }
        return runner.run(command).exitCode() == 0;
    }

    /**
     * Creates a veth pair: {@code ip link add name A type veth peer name B}.
     *
     * @param name the first end
     * @param peer the second end
     */
    public void addVethPair(String name, String peer) {
        InterfaceName.check(name, "veth");
        InterfaceName.check(peer, "veth peer");
        change("link", "add", "name", name, "type", "veth", "peer", "name", peer);
    }

    /**
     * Creates a bridge the way os-vif does (pyroute2 sets {@code IFLA_BR_FORWARD_DELAY},
     * {@code IFLA_BR_STP_STATE} and {@code IFLA_BR_MCAST_SNOOPING} to 0 for every bridge):
     * {@code ip link add name NAME type bridge forward_delay 0 stp_state 0 mcast_snooping 0}.
     * MAC ageing keeps the kernel's default (300 s), as upstream's Linux bridge plugin wants.
     *
     * @param name the bridge
     */
    public void addBridge(String name) {
        InterfaceName.check(name, "bridge");
        change(bridgeArgs(name));
    }

    /**
     * Creates a bridge with MAC ageing disabled, as upstream's OVS plugin does for its hybrid-plug
     * bridges ({@code ageing=0}, bugs 1715317 and 1414559: no packet loss during live migration):
     * {@code ip link add name NAME type bridge forward_delay 0 stp_state 0 mcast_snooping 0 ageing_time 0}.
     *
     * @param name the bridge
     */
    public void addBridgeWithoutMacAgeing(String name) {
        InterfaceName.check(name, "bridge");
        List<String> args = bridgeArgs(name);
        args.add("ageing_time");
        args.add("0");
        change(args);
    }

    static List<String> bridgeArgs(String name) {
        return new ArrayList<>(List.of("link", "add", "name", name, "type", "bridge",
                "forward_delay", "0", "stp_state", "0", "mcast_snooping", "0"));
    }

    /**
     * Creates a tap device: {@code ip tuntap add dev NAME mode tap}, with {@code multi_queue}
     * appended when asked.
     *
     * @param name the device
     * @param multiqueue whether the device gets several queues
     */
    public void addTap(String name, boolean multiqueue) {
        InterfaceName.check(name, "tap");
        List<String> args = new ArrayList<>(List.of("tuntap", "add", "dev", name, "mode", "tap"));
        if (multiqueue) {
            args.add("multi_queue");
        }
        change(args);
    }

    /**
     * Creates a VLAN interface on a parent device:
     * {@code ip link add link PARENT name DEV type vlan id VLAN}.
     *
     * @param dev the new interface, e.g. {@code vlan100}
     * @param parent the device it tags traffic on
     * @param vlanId 1..4094
     */
    public void addVlan(String dev, String parent, int vlanId) {
        InterfaceName.check(dev, "VLAN interface");
        InterfaceName.check(parent, "VLAN parent");
        if (vlanId < MIN_VLAN_ID || vlanId > MAX_VLAN_ID) {
            throw new IllegalArgumentException("Invalid VLAN ID " + vlanId + " for " + dev + ": must be "
                    + MIN_VLAN_ID + ".." + MAX_VLAN_ID);
        }
        change("link", "add", "link", parent, "name", dev, "type", "vlan", "id", Integer.toString(vlanId));
    }

    /**
     * Brings a device up: {@code ip link set dev DEV up}.
     *
     * @param dev the device
     */
    public void setUp(String dev) {
        InterfaceName.check(dev, "device");
        change("link", "set", "dev", dev, "up");
    }

    /**
     * Brings a device down: {@code ip link set dev DEV down}.
     *
     * @param dev the device
     */
    public void setDown(String dev) {
        InterfaceName.check(dev, "device");
        change("link", "set", "dev", dev, "down");
    }

    /**
     * Sets the MTU: {@code ip link set dev DEV mtu MTU}.
     *
     * @param dev the device
     * @param mtu 68..65535
     */
    public void setMtu(String dev, int mtu) {
        InterfaceName.check(dev, "device");
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("Invalid MTU " + mtu + " for " + dev + ": must be "
                    + MIN_MTU + ".." + MAX_MTU);
        }
        change("link", "set", "dev", dev, "mtu", Integer.toString(mtu));
    }

    /**
     * Attaches a device to a bridge (or bond): {@code ip link set dev DEV master MASTER}.
     *
     * @param dev the device
     * @param master the bridge
     */
    public void setMaster(String dev, String master) {
        InterfaceName.check(dev, "device");
        InterfaceName.check(master, "master");
        change("link", "set", "dev", dev, "master", master);
    }

    /**
     * Detaches a device from its bridge: {@code ip link set dev DEV nomaster}.
     *
     * @param dev the device
     */
    public void setNoMaster(String dev) {
        InterfaceName.check(dev, "device");
        change("link", "set", "dev", dev, "nomaster");
    }

    /**
     * Sets the MAC address: {@code ip link set dev DEV address fa:16:3e:00:00:01}.
     *
     * @param dev the device
     * @param address the address (already in normal form)
     */
    public void setAddress(String dev, MacAddress address) {
        InterfaceName.check(dev, "device");
        Objects.requireNonNull(address, "address");
        change("link", "set", "dev", dev, "address", address.toString());
    }

    /**
     * Turns promiscuous mode on or off: {@code ip link set dev DEV promisc on|off}.
     *
     * @param dev the device
     * @param on whether to turn it on
     */
    public void setPromisc(String dev, boolean on) {
        InterfaceName.check(dev, "device");
        change("link", "set", "dev", dev, "promisc", on ? "on" : "off");
    }

    /**
     * Deletes a device if it exists: {@code ip link del dev DEV}, one command, no
     * check-then-act race. A device that is not there is not an error: exit code 1 with
     * {@code Cannot find device "DEV"}, or exit code 2 or 254 with {@code No such device}
     * (it vanished while {@code ip} ran), counts as done, as upstream's
     * {@code delete_net_dev} (exists, then delete with {@code check_exit_code=[0, 2, 254]})
     * intends. Any other failure throws {@link CommandFailedException}.
     * Deleting one end of a veth pair deletes both; deleting a bridge detaches its ports.
     *
     * @param dev the device
     * @return whether a device was deleted (false: it was not there)
     */
    public boolean delete(String dev) {
        InterfaceName.check(dev, "device");
        CommandResult result = runner.run(command(List.of("link", "del", "dev", dev), Set.of(0, 1, 2, 254)));
        if (result.exitCode() == 0) {
            return true;
        }
        if (isMissingDevice(result)) {
            return false;
        }
        throw new CommandFailedException(result);
    }

    private static boolean isMissingDevice(CommandResult result) {
        String stderr = result.stderr();
        return switch (result.exitCode()) {
            case 1 -> stderr.contains("Cannot find device");
            case 2, 254 -> stderr.contains("No such device") || stderr.contains("Cannot find device");
            default -> false;
        };
    }

    /**
     * Runs any other {@code ip} command: {@code ip [-netns NS] ARGS...}, privileged, exit code 0
     * (or the {@linkplain #tolerating tolerated} ones). Nothing checks the arguments: validate
     * names with {@link InterfaceName} first, and put each after its keyword.
     *
     * @param args the arguments after {@code ip}, e.g. {@code "route", "show", "dev", "br0"}
     * @return standard output
     */
    public String run(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("ip needs arguments");
        }
        return change(Arrays.asList(args)).stdout();
    }

    private CommandResult change(String... args) {
        return change(Arrays.asList(args));
    }

    private CommandResult change(List<String> args) {
        return runner.run(command(args, tolerated));
    }

    private Command command(List<String> args, Set<Integer> exitCodes) {
        List<String> argv = new ArrayList<>(args.size() + 3);
        argv.add("ip");
        if (namespace != null) {
            argv.add("-netns");
            argv.add(namespace);
        }
        argv.addAll(args);
        return new Command(argv, true, null, exitCodes, null);
    }

    static String checkNamespace(String name) {
        String problem = null;
        if (name == null) {
            problem = "must not be null";
        } else if (name.isEmpty()) {
            problem = "must not be empty";
        } else if (name.length() > MAX_NAMESPACE_LENGTH) {
            problem = "must be at most " + MAX_NAMESPACE_LENGTH + " bytes long, not " + name.length();
        } else if (name.equals(".") || name.equals("..")) {
            problem = "must not be '.' or '..'";
        } else {
            for (int i = 0; i < name.length() && problem == null; i++) {
                char c = name.charAt(i);
                if (c == '/') {
                    problem = "must not contain '/' (at index " + i + ")";
                } else if (c <= 0x20 || c > 0x7e) {
                    problem = "must not contain whitespace or characters outside printable ASCII (U+"
                            + String.format("%04X", (int) c) + " at index " + i + ")";
                }
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("Invalid network namespace name "
                    + (name == null ? "null" : "'" + name + "'") + ": " + problem);
        }
        return name;
    }

    @Override
    public String toString() {
        return namespace == null ? "ip" : "ip -netns " + namespace;
    }
}
