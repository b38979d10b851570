package org.osvif.plug.ovs.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osvif.objects.types.PciAddress;
import org.osvif.plug.ovs.PciDeviceNotFoundByIdException;
import org.osvif.plug.ovs.RepresentorNotFoundException;

/**
 * Finds the representor of an SR-IOV virtual function in sysfs, as upstream's
 * {@code linux_net} does ({@code get_vf_num_by_pci_address},
 * {@code get_ifname_by_pci_address}, {@code get_representor_port},
 * {@code get_pf_pci_from_vf}). Reads files only; runs no command.
 *
 * <p>Both kernel layouts work. Before Linux 5.8 (mlx5 and others) the PF's
 * PCI device lists only the PF netdev under {@code physfn/net}, and a VF
 * representor's {@code phys_port_name} is the bare VF number ({@code 1}).
 * Since 5.8 that directory also lists the uplink representor
 * ({@code phys_port_name} {@code p0}) and the VF representors, whose
 * {@code phys_port_name} is {@code pf0vf1}; the PF number must then equal the
 * PCI function of the PF.
 *
 * <p>Directory listings are sorted by name, so that the answer does not depend
 * on the order the file system returns them in.
 */
public final class Sysfs {
    private static final Pattern VIRTFN = Pattern.compile("virtfn(\\d+)");
    /** phys_port_name holding only the VF number (before Linux 5.8). */
    private static final Pattern INT = Pattern.compile("^(\\d+)$");
    /** phys_port_name holding vf## or VF## (pf0vf1, since Linux 5.8). */
    private static final Pattern VF = Pattern.compile("vf(\\d+)", Pattern.CASE_INSENSITIVE);
    /** phys_port_name holding pf## or PF##. */
    private static final Pattern PF = Pattern.compile("pf(\\d+)", Pattern.CASE_INSENSITIVE);
    /** The function number of a PCI address, {@code <bus>:<dev>.<func>}. */
    private static final Pattern PF_FUNC = Pattern.compile("\\.(\\d+)");
    /** phys_port_name of an uplink representor, p##. */
    private static final Pattern UPLINK_PORT = Pattern.compile("p(\\d+)", Pattern.CASE_INSENSITIVE);

    private final Path root;

    /** @param root where sysfs is mounted, normally {@code /sys} */
    public Sysfs(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Upstream's {@code get_vf_num_by_pci_address}: the number {@code N} of the
     * {@code physfn/virtfnN} link that points back at the VF.
     *
     * @param vf the VF's PCI address
     * @return its VF number, e.g. {@code "3"}
     * @throws PciDeviceNotFoundByIdException when no link points at it
     */
    public String vfNumber(PciAddress vf) {
        Path physfn = pciDevice(vf).resolve("physfn");
        for (Path link : list(physfn)) {
            String name = link.getFileName().toString();
            if (!name.startsWith("virtfn")) {
                continue;
            }
            try {
                if (Files.readSymbolicLink(link).toString().contains(vf.toString())) {
                    Matcher m = VIRTFN.matcher(name);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            } catch (IOException | UnsupportedOperationException e) {
                // Not a link: not a VF entry.
            }
        }
        throw new PciDeviceNotFoundByIdException(vf.toString());
    }

    /**
     * Upstream's {@code get_ifname_by_pci_address(pci, pf_interface=True, switchdev=True)}: the
     * PF's netdev in switchdev mode, preferring the uplink representor ({@code phys_port_name}
     * {@code p<N>}) over the first netdev that has a switch id.
     *
     * @param vf the VF's PCI address
     * @return the PF's interface name
     * @throws PciDeviceNotFoundByIdException when the PF has no switchdev netdev
     */
    public String pfInterface(PciAddress vf) {
        Path netDir = pciDevice(vf).resolve("physfn").resolve("net");
        if (!Files.isDirectory(netDir)) {
            throw new PciDeviceNotFoundByIdException(vf.toString());
        }
        String fallback = null;
        for (Path entry : list(netDir)) {
            String netdev = entry.getFileName().toString();
            if (!isSwitchdev(netdev)) {
                continue;
            }
            if (fallback == null) {
                fallback = netdev;
            }
            String portName = physPortName(netdev);
            if (portName != null && UPLINK_PORT.matcher(portName).find()) {
                return netdev;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw new PciDeviceNotFoundByIdException(vf.toString());
    }

    /**
     * Upstream's {@code get_representor_port}: among the netdevs on the PF's switch (same
     * {@code phys_switch_id}), the one whose {@code phys_port_name} names the VF (and the PF's
     * function, when it names a PF).
     *
     * @param pfInterface the PF's interface
     * @param vfNumber the VF number
     * @return the representor's interface name
     * @throws RepresentorNotFoundException when none matches
     */
    public String representor(String pfInterface, String vfNumber) {
        String pfSwitchId;
        try {
            pfSwitchId = readLine(netdev(pfInterface).resolve("phys_switch_id"));
        } catch (IOException e) {
            throw new RepresentorNotFoundException(pfInterface, vfNumber);
        }
        Path subsystem = netdev(pfInterface).resolve("subsystem");
        if (!Files.isDirectory(subsystem)) {
            throw new RepresentorNotFoundException(pfInterface, vfNumber);
        }
        String pfFunction = pfFunction(pfInterface);
        if (pfFunction == null) {
            throw new RepresentorNotFoundException(pfInterface, vfNumber);
        }
        for (Path entry : list(subsystem)) {
            String device = entry.getFileName().toString();
            String portName;
            try {
                String switchId = readLine(netdev(device).resolve("phys_switch_id"));
                if (switchId == null || switchId.isEmpty() || !switchId.equals(pfSwitchId)) {
                    continue;
                }
                portName = readLine(netdev(device).resolve("phys_port_name"));
            } catch (IOException e) {
                continue;
            }
            if (portName == null) {
                continue;
            }
            Matcher pf = PF.matcher(portName);
            if (pf.find() && !sameNumber(pf.group(1), pfFunction)) {
                continue;
            }
            String number = vfNumberOf(portName);
            if (number != null && sameNumber(number, vfNumber)) {
                return device;
            }
        }
        throw new RepresentorNotFoundException(pfInterface, vfNumber);
    }

    /**
     * Upstream's {@code get_pf_pci_from_vf}.
     *
     * @param vf the VF's PCI address
     * @return the PF's PCI address, the name {@code physfn} links to
     * @throws PciDeviceNotFoundByIdException when the VF has no {@code physfn} link
     */
    public String pfPciAddress(PciAddress vf) {
        try {
            return Files.readSymbolicLink(pciDevice(vf).resolve("physfn")).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            throw new PciDeviceNotFoundByIdException(vf.toString());
        }
    }

    private static String vfNumberOf(String physPortName) {
        Matcher m = INT.matcher(physPortName);
        if (m.find()) {
            return m.group(1);
        }
        m = VF.matcher(physPortName);
        return m.find() ? m.group(1) : null;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return Long.parseLong(a) == Long.parseLong(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The PCI function of the PF, from the {@code device} link of its netdev. */
    private String pfFunction(String pfInterface) {
        Path device = netdev(pfInterface).resolve("device");
        if (!Files.isDirectory(device)) {
            return null;
        }
        String address;
        try {
            address = Files.readSymbolicLink(device).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        Matcher m = PF_FUNC.matcher(stripDotsAndSlashes(address));
        return m.find() ? m.group(1) : null;
    }

    /** Python's {@code str.strip("./")}. */
    private static String stripDotsAndSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == '/')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '/')) {
            end--;
        }
        return s.substring(start, end);
    }

    private boolean isSwitchdev(String netdev) {
        try {
            String id = readLine(netdev(netdev).resolve("phys_switch_id"));
            return id != null && !id.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private String physPortName(String netdev) {
        try {
            return readLine(netdev(netdev).resolve("phys_port_name"));
        } catch (IOException e) {
            return null;
        }
    }

    private Path pciDevice(PciAddress address) {
        return root.resolve("bus").resolve("pci").resolve("devices").resolve(address.toString());
    }

    private Path netdev(String name) {
        return root.resolve("class").resolve("net").resolve(name);
    }

    /** The first line of a file, stripped; null when it is not a regular file. */
    private static String readLine(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "" : lines.get(0).strip();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
