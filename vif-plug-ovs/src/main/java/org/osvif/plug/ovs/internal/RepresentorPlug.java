package org.osvif.plug.ovs.internal;

import java.util.Objects;
import org.osvif.net.IpBatch;
import org.osvif.objects.VifHostDevice;
import org.osvif.objects.types.PciAddress;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.Transaction;

/**
 * The SR-IOV switchdev path, upstream's {@code _plug_vf} and {@code _unplug_vf}: the
 * VF is passed to the guest; its representor on the host goes on Open vSwitch.
 * On the kernel datapath the representor netdev is found in sysfs, brought up and
 * added; on the userspace datapath a DPDK port {@code vfr<id>} is added with
 * {@code options:dpdk-devargs=<PF PCI>,representor=[<VF>]}. Unplug removes the port
 * and never deletes the representor, which belongs to the VF.
 */
final class RepresentorPlug {
    /** Upstream's {@code OVS_DPDK_INTERFACE_TYPE}. */
    static final String TYPE_DPDK = "dpdk";

    private final Ovsdb ovsdb;
    private final LinuxNet net;
    private final PortPlanner planner;
    private final PortRemoval removal;
    private final Sysfs sysfs;

    RepresentorPlug(Ovsdb ovsdb, LinuxNet net, PortPlanner planner, PortRemoval removal, Sysfs sysfs) {
        this.ovsdb = Objects.requireNonNull(ovsdb, "ovsdb");
        this.net = Objects.requireNonNull(net, "net");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.removal = Objects.requireNonNull(removal, "removal");
        this.sysfs = Objects.requireNonNull(sysfs, "sysfs");
    }

    /**
     * Kernel datapath: brings the representor up and sets its MTU (one {@code ip -batch}
     * process), then one transaction ensures
     * the bridge and creates the port. Userspace datapath: one transaction with the DPDK port.
     *
     * @param vif the VIF, a VIFHostDevice
     */
    void plug(OvsVif vif) {
        PciAddress vf = devAddress(vif);
        String datapath = vif.datapath(OvsVif.DATAPATH_SYSTEM);
        String vfNumber = sysfs.vfNumber(vf);
        PortRequest request;
        if (OvsVif.DATAPATH_SYSTEM.equals(datapath)) {
            String representor = PortNames.checkDevice(sysfs.representor(sysfs.pfInterface(vf), vfNumber),
                    "representor");
            request = planner.plan(vif, vif.bridge(), representor, datapath, true)
                    .datapathType(datapath).build();
            IpBatch batch = net.batch();
            net.setState(batch, representor, true);
            net.setMtu(batch, representor, vif.mtu());
            batch.run();
        } else {
            String port = dpdkPortName(vif);
            String pfPci = sysfs.pfPciAddress(vf);
            request = planner.plan(vif, vif.bridge(), port, datapath, true)
                    .datapathType(datapath)
                    .interfaceType(TYPE_DPDK)
                    .option("dpdk-devargs", pfPci + ",representor=[" + vfNumber + "]")
                    .build();
        }
        request.commit(ovsdb);
    }

    /**
     * One transaction removes the port and a trunk bridge, then its QoS rows go; on the kernel
     * datapath the representor is then set down (never deleted), when {@code /sys/class/net} shows it.
     *
     * @param vif the VIF, a VIFHostDevice
     */
    void unplug(OvsVif vif) {
        String datapath = vif.datapath(OvsVif.DATAPATH_SYSTEM);
        boolean kernel = OvsVif.DATAPATH_SYSTEM.equals(datapath);
        String port;
        if (kernel) {
            PciAddress vf = devAddress(vif);
            port = PortNames.checkDevice(sysfs.representor(sysfs.pfInterface(vf), sysfs.vfNumber(vf)),
                    "representor");
        } else {
            port = dpdkPortName(vif);
        }
        Transaction txn = ovsdb.transaction();
        PortRemoval.addTo(txn, vif.bridge(), port);
        BridgeDeletion.deleteIfTrunk(txn, vif.bridge());
        txn.commit();
        removal.destroyQos(port, datapath);
        if (kernel && net.exists(port)) {
            IpBatch batch = net.batch();
            net.setState(batch, port, false);
            batch.run();
        }
    }

    private static PciAddress devAddress(OvsVif vif) {
        VifHostDevice dev = (VifHostDevice) vif.vif();
        PciAddress address = dev.isSet(VifHostDevice.DEV_ADDRESS) ? dev.get(VifHostDevice.DEV_ADDRESS) : null;
        if (address == null) {
            throw new IllegalArgumentException("VIF " + vif.id() + " has no dev_address");
        }
        return address;
    }

    private static String dpdkPortName(OvsVif vif) {
        return PortNames.checkDevice(PortNames.dpdkRepresentorPort(vif.id()), "DPDK representor port");
    }
}
