package org.osvif.plug.linuxbridge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osvif.exec.Command;
import org.osvif.exec.CommandRunner;
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

    private static final Logger LOG = LoggerFactory.getLogger(LinuxNet.class);

    private final CommandRunner runner;
    private final NamedLocks locks;
    private final IptablesManager iptables;
    private final boolean useIpv6;
    private final IpCommand ip;
    /** Upstream's {@code check_exit_code=[0, 2, 254]}. */
    private final IpCommand ipTolerant;

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
        this.ipTolerant = ip.tolerating(2, 254);
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
        if (!ip.exists(iface)) {
            LOG.debug("Starting VLAN interface {}", iface);
            ipTolerant.addVlan(iface, bridgeInterface, vlan);
            // The bridge inherits this address.
            if (macAddress != null) {
                ipTolerant.setAddress(iface, macAddress);
            }
            ipTolerant.setUp(iface);
            setDeviceMtu(iface, mtu);
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
     * Upstream's {@code _ensure_bridge_privileged}. A missing bridge is created
     * (forward delay 0, STP and multicast snooping off), its IPv6 disabled (unless
     * {@code use_ipv6}) and its ARP replies restricted, then brought up. An existing
     * {@code iface} is attached and brought up, gets the MTU, hands its IPv4 addresses
     * and gateway routes to the bridge, and then the bridge gets the MTU (not before:
     * Ubuntu bug 1399064).
     */
    void ensureBridgePrivileged(String bridge, String iface, Integer mtu) {
        if (!ip.exists(bridge)) {
            LOG.debug("Starting Bridge {}", bridge);
            ip.addBridge(bridge);
            configureNewBridge(bridge);
            ip.setUp(bridge);
        }
        if (iface != null && !iface.isEmpty() && ip.exists(iface)) {
            LOG.debug("Adding interface {} to bridge {}", iface, bridge);
            ipTolerant.run("link", "set", "dev", iface, "master", bridge, "up");
            setDeviceMtu(iface, mtu);
            updateBridgeRoutes(iface, bridge);
            setDeviceMtu(bridge, mtu);
        }
    }

    /**
     * Upstream's {@code _disable_ipv6} and {@code _arp_filtering}, in one {@code sysctl}:
     * {@code disable_ipv6=1} (bug 1302080: no IPv6 autoconfiguration or link-local address
     * on the bridge; skipped with {@code use_ipv6}), {@code arp_ignore=1} (answer ARP only
     * for addresses of the incoming interface) and {@code arp_announce=2} (always use the
     * best local address). {@code -e} skips a key the kernel lacks (IPv6 disabled at boot),
     * as upstream writes a file only if it exists. The keys use {@code /} as separator so
     * that a bridge name with dots stays one path element.
     */
    private void configureNewBridge(String bridge) {
        List<String> argv = new ArrayList<>(List.of("sysctl", "-e", "-q", "-w"));
        if (!useIpv6) {
            argv.add("net/ipv6/conf/" + bridge + "/disable_ipv6=1");
        }
        argv.add("net/ipv4/conf/" + bridge + "/arp_ignore=1");
        argv.add("net/ipv4/conf/" + bridge + "/arp_announce=2");
        runner.run(Command.of(argv));
    }

    /** Upstream's {@code _set_device_mtu}: {@code ip link set dev DEV mtu MTU}, exit codes 2 and 254 tolerated. */
    void setDeviceMtu(String dev, Integer mtu) {
        if (mtu != null && mtu != 0) {
            ipTolerant.setMtu(dev, mtu);
        } else {
            LOG.debug("MTU not set on {} interface", dev);
        }
    }

    /**
     * Moves the IPv4 addresses and gateway routes of {@code iface} to {@code bridge}:
     * upstream's {@code _update_bridge_routes}, kept as it is.
     * <ol>
     * <li>Every route of {@code ip route show dev IFACE} with a {@code via} is deleted
     *     ({@code ip route del <its words>}).</li>
     * <li>Every {@code inet} line of {@code ip addr show dev IFACE scope global} whose
     *     next-to-last word is neither {@code secondary} nor {@code dynamic} is moved:
     *     {@code ip addr del <words> dev <label>}, {@code ip addr add <words> dev BRIDGE}
     *     (exit codes 2 and 254 tolerated). Secondary and dynamic addresses are not
     *     moved, as upstream (since os-vif 1.x) does not move them either.</li>
     * <li>The deleted routes are added again with the same words; with the address now
     *     on the bridge, the kernel puts them on the bridge.</li>
     * </ol>
     */
    void updateBridgeRoutes(String iface, String bridge) {
        List<List<String>> oldRoutes = new ArrayList<>();
        String routes = runner.run(Command.of("ip", "route", "show", "dev", iface).unprivileged()).stdout();
        for (String line : routes.split("\n")) {
            List<String> fields = words(line);
            if (!fields.isEmpty() && fields.contains("via")) {
                oldRoutes.add(fields);
                runner.run(Command.of(prepend(List.of("ip", "route", "del"), fields)));
            }
        }

        String addresses = runner.run(
                Command.of("ip", "addr", "show", "dev", iface, "scope", "global").unprivileged()).stdout();
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
            ipTolerant.run(addrCommand("del", params, label));
            ipTolerant.run(addrCommand("add", params, bridge));
        }

        for (List<String> fields : oldRoutes) {
            runner.run(Command.of(prepend(List.of("ip", "route", "add"), fields)));
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
