package org.osvif.plug.linuxbridge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osvif.exec.Command;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.HostFiles;
import org.osvif.net.IpBatch;
import org.osvif.net.IpCommand;
import org.osvif.net.NamedLocks;
import org.osvif.objects.types.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges, VLAN interfaces and their FORWARD rules, made with {@code ip},
 * {@code sysctl} and the {@link IptablesManager}: upstream's
 * {@code vif_plug_linux_bridge/linux_net.py}. Every command goes through the
 * plugin's {@link CommandRunner}; names and numbers are checked by the caller
 * ({@link LinuxBridgePlugin}) and again by {@link IpCommand}.
 *
 * <p>Privileges: commands that change links, addresses, routes, sysctls or
 * iptables are privileged (the root helper applies); the reads
 * ({@code ip -o link show}, {@code ip route show}, {@code ip addr show}) are
 * not. {@code iptables-save} needs root too, so it is privileged.
 *
 * <p>Thread-safe: bridge and VLAN creation run under the named locks
 * {@value #BRIDGE_LOCK} and {@value #VLAN_LOCK} (upstream's lock names).
 */
final class LinuxNet {
    /** Held while a bridge is created, an interface attached to it and its rules added. */
    static final String BRIDGE_LOCK = "nova-lock_bridge";
    /** Held while a VLAN interface is created. */
    static final String VLAN_LOCK = "nova-lock_vlan";

    /** The first line of {@code ip addr show}'s listing of a device. */
    private static final Pattern LINK_HEADER = Pattern.compile("(?m)^\\d+: \\S+: <");

    private static final Logger LOG = LoggerFactory.getLogger(LinuxNet.class);

    private final CommandRunner runner;
    private final NamedLocks locks;
    private final IptablesManager iptables;
    private final boolean useIpv6;
    private final IpCommand ip;
    private final HostFiles files;

    /**
     * @param runner runs every command
     * @param locks the plugin's named locks
     * @param iptables the rules of this process
     * @param useIpv6 {@code use_ipv6}: when true, new bridges keep IPv6
     */
    LinuxNet(CommandRunner runner, NamedLocks locks, IptablesManager iptables, boolean useIpv6) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.iptables = Objects.requireNonNull(iptables, "iptables");
        this.useIpv6 = useIpv6;
        this.ip = IpCommand.on(runner);
        this.files = runner.files();
    }

    /**
     * Creates {@code vlan<N>} on {@code bridgeInterface} and a bridge on it, unless they
     * exist, and adds the bridge's dropping FORWARD rules: upstream's
     * {@code ensure_vlan_bridge}. The VLAN interface gets the MTU (and the MAC, when
     * given) only when it is created; the bridge's MTU is not set, so it follows its
     * ports. The rules are the non-gateway ones: drop what is forwarded in and out
     * of the bridge.
     *
     * @param vlan the VLAN ID, 1..4094
     * @param bridge the bridge
     * @param bridgeInterface the VLAN's parent device
     * @param macAddress the VLAN interface's MAC, or null to keep the kernel's
     * @param mtu the VLAN interface's MTU, or null to keep the kernel's
     * @return the VLAN interface's name
     */
    String ensureVlanBridge(int vlan, String bridge, String bridgeInterface, MacAddress macAddress, Integer mtu) {
        String iface = locks.withLock(VLAN_LOCK, () -> ensureVlan(vlan, bridgeInterface, macAddress, mtu));
        // Upstream calls _ensure_bridge_privileged here without its 'gateway' argument,
        // a TypeError in os-vif 3.0.0/4.x; this is what that call means (mtu=None).
        // Upstream takes no lock here; the bridge lock keeps concurrent plugs from
        // both trying to create the bridge.
        locks.withLock(BRIDGE_LOCK, () -> ensureBridgePrivileged(bridge, iface, null));
        ensureBridgeFiltering(bridge, false);
        return iface;
    }

    /**
     * Creates {@code vlan<N>} unless it exists: upstream's {@code _ensure_vlan_privileged}
     * (lock held by the caller).
     */
    String ensureVlan(int vlan, String bridgeInterface, MacAddress macAddress, Integer mtu) {
        String iface = "vlan" + vlan;
        if (!files.deviceExists(iface)) {
            LOG.debug("Starting VLAN interface {}", iface);
            IpBatch batch = ip.batch().addVlan(iface, bridgeInterface, vlan).tolerateRefusal();
            // The bridge inherits this address.
            if (macAddress != null) {
                batch.setAddress(iface, macAddress).tolerateRefusal();
            }
            batch.setUp(iface).tolerateRefusal();
            setDeviceMtu(batch, iface, mtu);
            batch.run();
        }
        return iface;
    }

    /**
     * Creates a bridge on {@code iface} unless it exists, and (with {@code filtering})
     * adds its gateway FORWARD rules: upstream's {@code ensure_bridge} with
     * {@code gateway=True}, under the bridge lock.
     *
     * @param bridge the bridge
     * @param iface the interface to attach, or null/empty for none
     * @param filtering whether to add the FORWARD rules
     * @param mtu the MTU of the interface and the bridge, or null to keep theirs
     */
    void ensureBridge(String bridge, String iface, boolean filtering, Integer mtu) {
        locks.withLock(BRIDGE_LOCK, () -> {
            ensureBridgePrivileged(bridge, iface, mtu);
            if (filtering) {
                ensureBridgeFiltering(bridge, true);
            }
        });
    }

    /**
     * Upstream's {@code _ensure_bridge_privileged}, in one {@code ip -batch} process (none
     * when there is nothing to do) plus file writes. A missing bridge is created (forward delay
     * 0, STP and multicast snooping off), brought up, its IPv6 disabled (unless
     * {@code use_ipv6}) and its ARP replies restricted. An existing {@code iface} is attached
     * and brought up, gets the MTU, hands its IPv4 addresses and gateway routes to the bridge,
     * and then the bridge gets the MTU (not before: Ubuntu bug 1399064). Existence is read
     * from {@code /sys/class/net}; what the interface holds is read with {@code ip route show}
     * and {@code ip addr show} (one unprivileged process), only when it exists.
     */
    void ensureBridgePrivileged(String bridge, String iface, Integer mtu) {
        IpBatch batch = ip.batch();
        boolean newBridge = !files.deviceExists(bridge);
        if (newBridge) {
            LOG.debug("Starting Bridge {}", bridge);
            batch.addBridge(bridge);
            if (!useIpv6) {
                // disable_ipv6 is written after the batch, which brings the bridge up.
                batch.noIpv6LinkLocal(bridge);
            }
            batch.setUp(bridge);
        }
        if (iface != null && !iface.isEmpty() && files.deviceExists(iface)) {
            LOG.debug("Adding interface {} to bridge {}", iface, bridge);
            batch.step("attach " + iface + " to " + bridge + " and bring it up", iface, null,
                    "link", "set", "dev", iface, "master", bridge, "up").tolerateRefusal();
            setDeviceMtu(batch, iface, mtu);
            updateBridgeRoutes(batch, iface, bridge);
            setDeviceMtu(batch, bridge, mtu);
        }
        batch.run();
        if (newBridge) {
            try {
                configureNewBridge(bridge);
            } catch (RuntimeException e) {
                // A half-configured new bridge would stay forever (plug never makes it again).
                try {
                    ip.batch().delete(bridge).run();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }

    /**
     * Upstream's {@code _disable_ipv6} and {@code _arp_filtering}, written to {@code /proc/sys}
     * as upstream does, each only if its file exists (a kernel without IPv6):
     * {@code disable_ipv6=1} (bug 1302080: no IPv6 autoconfiguration or link-local address
     * on the bridge; skipped with {@code use_ipv6}), {@code arp_ignore=1} (answer ARP only
     * for addresses of the incoming interface) and {@code arp_announce=2} (always use the
     * best local address).
     */
    private void configureNewBridge(String bridge) {
        if (!useIpv6) {
            writeIfPresent("/proc/sys/net/ipv6/conf/" + bridge + "/disable_ipv6", "1");
        }
        writeIfPresent("/proc/sys/net/ipv4/conf/" + bridge + "/arp_ignore", "1");
        writeIfPresent("/proc/sys/net/ipv4/conf/" + bridge + "/arp_announce", "2");
    }

    private void writeIfPresent(String path, String value) {
        if (files.exists(path)) {
            files.write(path, value);
        }
    }

    /** Upstream's {@code _set_device_mtu}: {@code link set dev DEV mtu MTU}, a kernel refusal tolerated. */
    private static void setDeviceMtu(IpBatch batch, String dev, Integer mtu) {
        if (mtu != null && mtu != 0) {
            batch.setMtu(dev, mtu).tolerateRefusal();
        } else {
            LOG.debug("MTU not set on {} interface", dev);
        }
    }

    /**
     * Adds to a batch the moving of the IPv4 addresses and gateway routes of {@code iface} to
     * {@code bridge}: upstream's {@code _update_bridge_routes}, kept as it is.
     * <ol>
     * <li>Every route of {@code ip route show dev IFACE} with a {@code via} is deleted
     *     ({@code route del <its words>}).</li>
     * <li>Every {@code inet} line of {@code ip addr show dev IFACE scope global} whose
     *     next-to-last word is neither {@code secondary} nor {@code dynamic} is moved:
     *     {@code addr del <words> dev <label>}, {@code addr add <words> dev BRIDGE}
     *     (kernel refusals tolerated). Secondary and dynamic addresses are not
     *     moved, as upstream (since os-vif 1.x) does not move them either.</li>
     * <li>The deleted routes are added again with the same words; with the address now
     *     on the bridge, the kernel puts them on the bridge.</li>
     * </ol>
     * Both reads run now, as one unprivileged {@code ip -batch -} process (there is no file
     * that lists a device's addresses and routes in {@code ip}'s words); the changes go in the batch.
     */
    void updateBridgeRoutes(IpBatch batch, String iface, String bridge) {
        List<List<String>> oldRoutes = new ArrayList<>();
        String both = runner.run(Command.of("ip", "-batch", "-")
                .withStdin("route show dev " + iface + "\naddr show dev " + iface + " scope global\n")
                .unprivileged()).stdout();
        // The address listing starts with the device's own line, "3: phys0@if2: <BROADCAST,...>".
        Matcher header = LINK_HEADER.matcher(both);
        int split = header.find() ? header.start() : both.length();
        String routes = both.substring(0, split);
        String addresses = both.substring(split);
        for (String line : routes.split("\n")) {
            List<String> fields = words(line);
            if (!fields.isEmpty() && fields.contains("via")) {
                oldRoutes.add(fields);
                batch.step("delete gateway route " + String.join(" ", fields), iface, null,
                        prepend(List.of("route", "del"), fields).toArray(String[]::new));
            }
        }

        for (String line : addresses.split("\n")) {
            List<String> fields = words(line);
            if (fields.size() < 3 || !fields.get(0).equals("inet")) {
                continue;
            }
            String nextToLast = fields.get(fields.size() - 2);
            if (nextToLast.equals("secondary") || nextToLast.equals("dynamic")) {
                continue;
            }
            List<String> params = fields.subList(1, fields.size() - 1);
            String label = fields.get(fields.size() - 1);
            batch.step("remove address " + params.get(0) + " from " + label, label, null,
                    addrCommand("del", params, label)).tolerateRefusal();
            batch.step("add address " + params.get(0) + " to " + bridge, bridge, null,
                    addrCommand("add", params, bridge)).tolerateRefusal();
        }

        for (List<String> fields : oldRoutes) {
            batch.step("add gateway route " + String.join(" ", fields) + " again", bridge, null,
                    prepend(List.of("route", "add"), fields).toArray(String[]::new));
        }
    }

    /** Upstream's {@code _ip_bridge_cmd} without the leading {@code ip}: {@code addr ACTION PARAMS dev DEVICE}. */
    private static String[] addrCommand(String action, List<String> params, String device) {
        List<String> args = new ArrayList<>();
        args.add("addr");
        args.add(action);
        args.addAll(params);
        args.add("dev");
        args.add(device);
        return args.toArray(String[]::new);
    }

    /**
     * Adds the FORWARD rules of a bridge and applies them: upstream's
     * {@code _ensure_bridge_filtering}. A gateway bridge gets
     * {@link IptablesManager#gatewayRules}; any other gets
     * {@code --in-interface BRIDGE -j DROP}. Both get {@code --out-interface BRIDGE -j DROP}
     * (the drop action is {@code iptables_drop_action}).
     */
    void ensureBridgeFiltering(String bridge, boolean gateway) {
        LOG.debug("Ensuring filtering {} to {}", bridge, gateway);
        IptablesTable filter = iptables.ipv4Filter();
        String drop = iptables.settings().dropAction();
        if (gateway) {
            for (String[] rule : iptables.gatewayRules(bridge)) {
                filter.addRule(rule[0], rule[1]);
            }
        } else {
            filter.addRule("FORWARD", "--in-interface " + bridge + " -j " + drop);
        }
        filter.addRule("FORWARD", "--out-interface " + bridge + " -j " + drop);
        iptables.apply();
    }

    /** Python's {@code str.split()}: words separated by runs of whitespace. */
    private static List<String> words(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    private static List<String> prepend(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }
}
