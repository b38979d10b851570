package org.osvif.plug.ovs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osvif.exec.Command;
import org.osvif.exec.CommandRunner;
import org.osvif.net.InterfaceName;
import org.osvif.net.IpCommand;
import org.osvif.objects.types.MacAddress;

/**
 * The host-side (kernel) half of the plug paths, upstream's
 * {@code vif_plug_ovs/linux_net.py}: bridges, veth pairs, taps, MTUs and link
 * states, through {@link IpCommand} and one {@code sysctl} command, all run by
 * the plugin's {@link CommandRunner} (so a runner that enters a network
 * namespace moves every one of them there).
 *
 * <p>Names are expected to be checked already; {@link IpCommand} checks them
 * again before it runs anything.
 */
public final class LinuxNet {
    private final CommandRunner runner;
    private final IpCommand ip;
    /** Upstream's {@code check_exit_code=[0, 2, 254]} for link state and MTU changes. */
    private final IpCommand ipTolerant;

    /** @param runner runs every command */
    public LinuxNet(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.ip = IpCommand.on(runner);
        this.ipTolerant = ip.tolerating(2, 254);
    }

    /** @param dev a device @return whether it exists ({@code ip -o link show dev DEV}) */
    public boolean exists(String dev) {
        return ip.exists(dev);
    }

    /**
     * Creates the hybrid plug's Linux bridge with MAC ageing off (upstream's {@code ensure_bridge},
     * {@code ageing=0}: no packet loss during live migration, bugs 1715317 and 1414559).
     *
     * @param bridge the bridge, {@code qbr<id>}
     */
    public void createHybridBridge(String bridge) {
        ip.addBridgeWithoutMacAgeing(bridge);
    }

    /**
     * Upstream's {@code _disable_ipv6} and {@code _arp_filtering}, which write
     * {@code /proc/sys/net/ipv6/conf/BR/disable_ipv6 = 1} (bug 1302080: no IPv6 address on the
     * bridge), {@code /proc/sys/net/ipv4/conf/BR/arp_ignore = 1} and {@code arp_announce = 2}
     * when those files exist. Here it is one command,
     * {@code sysctl -q -e -w net.ipv6.conf.BR.disable_ipv6=1 net.ipv4.conf.BR.arp_ignore=1
     * net.ipv4.conf.BR.arp_announce=2}: {@code -e} ignores keys that do not exist (a kernel
     * without IPv6), as upstream's existence check does, and going through the runner makes it
     * work in a network namespace too. A dot in the bridge name is written as {@code /}, which
     * sysctl reads back as a dot.
     *
     * @param bridge the bridge
     */
    public void disableIpv6AndArpReplies(String bridge) {
        sysctl(bridge, "net.ipv6.conf.%s.disable_ipv6=1", "net.ipv4.conf.%s.arp_ignore=1",
                "net.ipv4.conf.%s.arp_announce=2");
    }

    /** Runs {@code sysctl -q -e -w} with the settings, {@code %s} standing for the device. */
    private void sysctl(String dev, String... settings) {
        InterfaceName.check(dev, "device");
        String key = dev.replace('.', '/');
        List<String> argv = new ArrayList<>(List.of("sysctl", "-q", "-e", "-w"));
        for (String setting : settings) {
            argv.add(String.format(setting, key));
        }
        runner.run(Command.of(argv));
    }

    /**
     * Upstream's {@code create_veth_pair}: removes a leftover device named like the first end,
     * creates the pair and brings each end up, promiscuous, with the MTU. If setting it up
     * fails, the pair is deleted again.
     *
     * @param name the first end, {@code qvb<id>}
     * @param peer the second end, {@code qvo<id>}, known to be absent
     * @param mtu the MTU, 0 for none
     */
    public void createVethPair(String name, String peer, int mtu) {
        ip.delete(name);
        ip.addVethPair(name, peer);
        deleteOnFailure(name, () -> {
            for (String dev : List.of(name, peer)) {
                ip.setUp(dev);
                ip.setPromisc(dev, true);
                setMtu(dev, mtu);
            }
        });
    }

    /**
     * Upstream's {@code create_tap} (4.3.0 and later): a tap the hypervisor uses unmanaged
     * ({@code ip tuntap add dev TAP mode tap [multi_queue]}), with IPv6 off (newest upstream:
     * no link-local address on the host side), the VIF's MAC, up, and the MTU. The MAC is
     * skipped when the VIF has none. If setting it up fails, the tap is deleted again.
     *
     * @param name the tap
     * @param address its MAC, or null
     * @param mtu its MTU, 0 for none
     * @param multiqueue whether it gets several queues
     */
    public void createTap(String name, MacAddress address, int mtu, boolean multiqueue) {
        ip.addTap(name, multiqueue);
        deleteOnFailure(name, () -> {
            sysctl(name, "net.ipv6.conf.%s.disable_ipv6=1");
            if (address != null) {
                ipTolerant.setAddress(name, address);
            }
            ipTolerant.setUp(name);
            setMtu(name, mtu);
        });
    }

    /** Runs the steps that set up a device just created; if one fails, deletes the device again. */
    private void deleteOnFailure(String dev, Runnable setup) {
        try {
            setup.run();
        } catch (RuntimeException e) {
            try {
                ip.delete(dev);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Sets an MTU, tolerating exit codes 2 and 254 as upstream's {@code set_device_mtu} does.
     *
     * @param dev the device
     * @param mtu the MTU; 0 sets nothing
     */
    public void setMtu(String dev, int mtu) {
        if (mtu > 0) {
            ipTolerant.setMtu(dev, mtu);
        }
    }

    /**
     * Upstream's {@code set_device_mtu}: sets the MTU when the device exists.
     *
     * @param dev the device
     * @param mtu the MTU; 0 checks and sets nothing
     */
    public void setMtuIfExists(String dev, int mtu) {
        if (mtu > 0 && ip.exists(dev)) {
            ipTolerant.setMtu(dev, mtu);
        }
    }

    /**
     * @param dev a device
     * @param bridge the Linux bridge to attach it to
     */
    public void setMaster(String dev, String bridge) {
        ip.setMaster(dev, bridge);
    }

    /**
     * Upstream's {@code set_interface_state}.
     *
     * @param dev the device
     * @param up up or down
     */
    public void setState(String dev, boolean up) {
        if (up) {
            ipTolerant.setUp(dev);
        } else {
            ipTolerant.setDown(dev);
        }
    }

    /**
     * Upstream's {@code delete_net_dev} and {@code delete_bridge}: deletes a device if it exists,
     * in one command.
     *
     * @param dev the device
     * @return whether it existed
     */
    public boolean delete(String dev) {
        return ip.delete(dev);
    }
}
