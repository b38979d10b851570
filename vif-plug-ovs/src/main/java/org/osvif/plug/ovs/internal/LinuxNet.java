package org.osvif.plug.ovs.internal;

import java.util.Objects;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.HostFiles;
import org.osvif.net.InterfaceName;
import org.osvif.net.IpBatch;
import org.osvif.net.IpCommand;
import org.osvif.objects.types.MacAddress;

/**
 * The host-side (kernel) half of the plug paths, upstream's
 * {@code vif_plug_ovs/linux_net.py}: bridges, veth pairs, taps, MTUs and link
 * states. Upstream does this in-process through netlink (pyroute2); here the
 * steps of one plug go to the kernel in one {@code ip -batch -} process
 * ({@link IpBatch}), existence checks read {@code /sys/class/net} and the
 * sysctls are written to {@code /proc/sys} ({@link HostFiles}), both through
 * the plugin's {@link CommandRunner} and its {@link CommandRunner#files()
 * files}, so a runner that works in a network namespace moves all of it there.
 *
 * <p>Names are expected to be checked already; {@link IpBatch} checks them
 * again before it runs anything.
 */
public final class LinuxNet {
    private final IpCommand ip;
    private final HostFiles files;

    /** @param runner runs every command; its {@link CommandRunner#files() files} are read and written */
    public LinuxNet(CommandRunner runner) {
        Objects.requireNonNull(runner, "runner");
        this.ip = IpCommand.on(runner);
        this.files = runner.files();
    }

    /** @param dev a device @return whether it exists ({@code /sys/class/net/DEV}) */
    public boolean exists(String dev) {
        InterfaceName.check(dev, "device");
        return files.deviceExists(dev);
    }

    /** @return an empty batch of {@code ip} steps, run by one process */
    public IpBatch batch() {
        return ip.batch();
    }

    /**
     * Adds the creation of the hybrid plug's Linux bridge to a batch: MAC ageing off (upstream's
     * {@code ensure_bridge}, {@code ageing=0}: no packet loss during live migration, bugs
     * 1715317 and 1414559), and no IPv6 link-local address, since the batch may bring it up
     * before {@link #disableIpv6AndArpReplies} can run (upstream writes that before the bridge
     * is up; here the file is written right after the batch).
     *
     * @param batch the batch
     * @param bridge the bridge, {@code qbr<id>}
     */
    public void createHybridBridge(IpBatch batch, String bridge) {
        batch.addBridgeWithoutMacAgeing(bridge).noIpv6LinkLocal(bridge);
    }

    /**
     * Upstream's {@code _disable_ipv6} and {@code _arp_filtering}: writes
     * {@code /proc/sys/net/ipv6/conf/BR/disable_ipv6 = 1} (bug 1302080: no IPv6 address on the
     * bridge), {@code /proc/sys/net/ipv4/conf/BR/arp_ignore = 1} and {@code arp_announce = 2},
     * each only when its file exists (a kernel without IPv6 has no {@code ipv6/conf}), as
     * upstream does. No process.
     *
     * @param bridge the bridge
     */
    public void disableIpv6AndArpReplies(String bridge) {
        InterfaceName.check(bridge, "bridge");
        writeIfPresent("/proc/sys/net/ipv6/conf/" + bridge + "/disable_ipv6", "1");
        writeIfPresent("/proc/sys/net/ipv4/conf/" + bridge + "/arp_ignore", "1");
        writeIfPresent("/proc/sys/net/ipv4/conf/" + bridge + "/arp_announce", "2");
    }

    /**
     * Upstream's IPv6 switch-off of a tap: {@code /proc/sys/net/ipv6/conf/TAP/disable_ipv6 = 1}
     * when the file exists.
     *
     * @param dev the device
     */
    public void disableIpv6(String dev) {
        InterfaceName.check(dev, "device");
        writeIfPresent("/proc/sys/net/ipv6/conf/" + dev + "/disable_ipv6", "1");
    }

    private void writeIfPresent(String path, String value) {
        if (files.exists(path)) {
            files.write(path, value);
        }
    }

    /**
     * Adds upstream's {@code create_veth_pair} to a batch: the removal of a leftover device
     * named like the first end (only when {@code /sys/class/net} shows one), the pair, and for
     * each end up, promiscuous and the MTU (up and MTU tolerate a kernel refusal, as upstream's
     * {@code check_exit_code=[0, 2, 254]}). If a step fails the batch deletes the pair again.
     *
     * @param batch the batch
     * @param name the first end, {@code qvb<id>}
     * @param peer the second end, {@code qvo<id>}, known to be absent
     * @param mtu the MTU, 0 for none
     */
    public void createVethPair(IpBatch batch, String name, String peer, int mtu) {
        if (exists(name)) {
            batch.delete(name);
        }
        batch.addVethPair(name, peer);
        for (String dev : new String[] {name, peer}) {
            batch.setUp(dev).tolerateRefusal();
            batch.setPromisc(dev, true);
            setMtu(batch, dev, mtu);
        }
    }

    /**
     * Upstream's {@code create_tap} (4.3.0 and later): a tap the hypervisor uses unmanaged, with
     * the VIF's MAC, up, and the MTU, in one batch ({@code tuntap add dev TAP mode tap
     * [multi_queue]}, {@code link set dev TAP address MAC}, {@code up}, {@code mtu}; MAC, up and
     * MTU tolerate a kernel refusal, as upstream), then IPv6 off by its {@code /proc} file (the
     * tap has no carrier, hence no IPv6 address, until the hypervisor opens it). If a step
     * fails, the tap is deleted again.
     *
     * @param name the tap
     * @param address its MAC, or null
     * @param mtu its MTU, 0 for none
     * @param multiqueue whether it gets several queues
     */
    public void createTap(String name, MacAddress address, int mtu, boolean multiqueue) {
        IpBatch batch = batch().addTap(name, multiqueue);
        if (address != null) {
            batch.setAddress(name, address).tolerateRefusal();
        }
        batch.setUp(name).tolerateRefusal();
        setMtu(batch, name, mtu);
        batch.run();
        try {
            disableIpv6(name);
        } catch (RuntimeException e) {
            try {
                delete(name);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Adds an MTU change to a batch, tolerating a kernel refusal as upstream's
     * {@code set_device_mtu} does.
     *
     * @param batch the batch
     * @param dev the device
     * @param mtu the MTU; 0 adds nothing
     */
    public void setMtu(IpBatch batch, String dev, int mtu) {
        if (mtu > 0) {
            batch.setMtu(dev, mtu).tolerateRefusal();
        }
    }

    /**
     * Upstream's {@code set_device_mtu}: sets the MTU when the device exists; one process, none
     * when it does not exist.
     *
     * @param dev the device
     * @param mtu the MTU; 0 checks and sets nothing
     */
    public void setMtuIfExists(String dev, int mtu) {
        if (mtu > 0 && exists(dev)) {
            IpBatch batch = batch();
            setMtu(batch, dev, mtu);
            batch.run();
        }
    }

    /**
     * Upstream's {@code set_interface_state}, added to a batch, tolerating a kernel refusal.
     *
     * @param batch the batch
     * @param dev the device
     * @param up up or down
     */
    public void setState(IpBatch batch, String dev, boolean up) {
        if (up) {
            batch.setUp(dev).tolerateRefusal();
        } else {
            batch.setDown(dev).tolerateRefusal();
        }
    }

    /**
     * Upstream's {@code delete_net_dev} and {@code delete_bridge} for several devices: those
     * {@code /sys/class/net} shows are deleted by one process; none runs when none exists. A
     * device that vanishes in between counts as deleted.
     *
     * @param devs the devices
     * @return whether any existed
     */
    public boolean delete(String... devs) {
        IpBatch batch = batch();
        for (String dev : devs) {
            if (exists(dev)) {
                batch.delete(dev);
            }
        }
        batch.run();
        return !batch.isEmpty();
    }
}
