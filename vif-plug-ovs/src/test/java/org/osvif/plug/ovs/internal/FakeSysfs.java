package org.osvif.plug.ovs.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sysfs tree in a temporary directory, shaped like the kernel's for an SR-IOV NIC
 * in switchdev mode: PCI devices under {@code bus/pci/devices} (VFs with a
 * {@code physfn} link, PFs with {@code virtfnN} links and a {@code net} directory)
 * and netdevs under {@code class/net} with {@code phys_switch_id},
 * {@code phys_port_name}, {@code device} and {@code subsystem}.
 */
final class FakeSysfs {
    static final String SWITCH_ID = "a1b2c3d4e5f60708";
    static final String PF0 = "0000:03:00.0";
    static final String PF1 = "0000:03:00.1";
    /** VF 0 of PF0. */
    static final String PF0_VF0 = "0000:03:00.2";
    /** VF 1 of PF0: the VF the tests plug. */
    static final String PF0_VF1 = "0000:03:00.3";
    /** VF 1 of PF1. */
    static final String PF1_VF1 = "0000:03:00.5";

    private final Path root;

    FakeSysfs(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * Linux before 5.8: the PF's {@code net} directory lists the PF netdev only, whose
     * {@code phys_port_name} is absent; VF representors are named by the bare VF number.
     * A netdev on another switch also claims VF 1.
     */
    static FakeSysfs pre58(Path root) {
        FakeSysfs fs = new FakeSysfs(root);
        fs.pciFunction(PF0, PF0_VF0, PF0_VF1);
        fs.netdev("enp3s0f0", SWITCH_ID, null, PF0);
        fs.pfNet(PF0, "enp3s0f0");
        fs.netdev("eth0", SWITCH_ID, "0", null);
        fs.netdev("eth1", SWITCH_ID, "1", null);
        fs.netdev("eno1", "ffff000000000000", "1", null);
        fs.netdev("lo", null, null, null);
        return fs;
    }

    /**
     * Linux 5.8 and later: the PF's {@code net} directory lists the uplink representor
     * ({@code p0}) and the VF representors ({@code pf0vf0}, {@code pf0vf1}); the second PF's
     * representors share the switch, so only the PF number tells them apart.
     */
    static FakeSysfs post58(Path root) {
        FakeSysfs fs = new FakeSysfs(root);
        fs.pciFunction(PF0, PF0_VF0, PF0_VF1);
        fs.pciFunction(PF1, "0000:03:00.4", PF1_VF1);
        fs.netdev("enp3s0f0np0", SWITCH_ID, "p0", PF0);
        fs.netdev("enp3s0f0_0", SWITCH_ID, "pf0vf0", PF0);
        fs.netdev("enp3s0f0_1", SWITCH_ID, "pf0vf1", PF0);
        fs.pfNet(PF0, "enp3s0f0np0", "enp3s0f0_0", "enp3s0f0_1");
        fs.netdev("enp3s0f1np1", SWITCH_ID, "p1", PF1);
        fs.netdev("enp3s0f1_1", SWITCH_ID, "pf1vf1", PF1);
        fs.pfNet(PF1, "enp3s0f1np1", "enp3s0f1_1");
        return fs;
    }

    /** A PF with its VFs: {@code virtfnN} on the PF, {@code physfn} on each VF. */
    void pciFunction(String pf, String... vfs) {
        Path pfDir = dir(pci(pf));
        for (int i = 0; i < vfs.length; i++) {
            Path vfDir = dir(pci(vfs[i]));
            link(pfDir.resolve("virtfn" + i), Path.of("..", vfs[i]));
            link(vfDir.resolve("physfn"), Path.of("..", pf));
        }
    }

    /** The netdevs the PF's PCI device lists under {@code net}. */
    void pfNet(String pf, String... netdevs) {
        Path net = dir(pci(pf).resolve("net"));
        for (String netdev : netdevs) {
            dir(net.resolve(netdev));
        }
    }

    /** A netdev under {@code class/net}; null attributes are absent. */
    void netdev(String name, String switchId, String portName, String pciDevice) {
        Path dir = dir(root.resolve("class/net").resolve(name));
        if (switchId != null) {
            write(dir.resolve("phys_switch_id"), switchId + "\n");
        }
        if (portName != null) {
            write(dir.resolve("phys_port_name"), portName + "\n");
        }
        if (pciDevice != null) {
            link(dir.resolve("device"), Path.of("../../../bus/pci/devices", pciDevice));
        }
        link(dir.resolve("subsystem"), Path.of(".."));
    }

    private Path pci(String address) {
        return root.resolve("bus/pci/devices").resolve(address);
    }

    private static Path dir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
