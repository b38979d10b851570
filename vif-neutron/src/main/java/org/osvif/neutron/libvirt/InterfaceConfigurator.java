package org.osvif.neutron.libvirt;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osvif.neutron.DeviceNames;
import org.osvif.neutron.VnicTypes;
import org.osvif.objects.Network;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifGeneric;
import org.osvif.objects.VifHostDevice;
import org.osvif.objects.VifHostDeviceDevType;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileBase;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifVHostUser;

/**
 * Nova's libvirt VIF driver for os-vif VIFs ({@code get_base_config} and
 * {@code _get_config_os_vif} of nova/virt/libvirt/vif.py, with designer.py).
 */
final class InterfaceConfigurator {
    private static final String VIRTIO = "virtio";
    private static final List<String> QEMU_KVM_COMMON = List.of(VIRTIO, "ne2k_pci", "pcnet", "rtl8139", "e1000",
            "e1000e", "spapr-vlan", "vmxnet3", "igb");
    /** {@code SUPPORTED_VIF_MODELS} of current Nova (release 26 lacks {@code igb}). */
    private static final Map<String, Set<String>> MODELS = Map.of(
            "qemu", Set.copyOf(concat(QEMU_KVM_COMMON, "lan9118")),
            "kvm", Set.copyOf(QEMU_KVM_COMMON),
            "lxc", Set.of(),
            "parallels", Set.of(VIRTIO, "rtl8139", "e1000"));

    private InterfaceConfigurator() {
    }

    private static List<String> concat(List<String> list, String extra) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(extra)).toList();
    }

    static InterfaceConfig configure(VifBase vif, InterfaceOptions o) {
        String vnic = o.vnicType() != null ? o.vnicType()
                : vif instanceof VifHostDevice ? VnicTypes.DIRECT : VnicTypes.NORMAL;
        InterfaceConfig conf = base(vif, o, vnic);
        if (vif instanceof VifGeneric g) {
            ethernet(conf, g.vifName());
        } else if (vif instanceof VifBridge b) {
            conf.netType = "bridge";
            conf.sourceDev = name("bridge_name", b.bridgeName());
            conf.targetDev = name("vif_name", b.vifName());
        } else if (vif instanceof VifOpenVSwitch ovs) {
            openVSwitch(conf, ovs);
        } else if (vif instanceof VifVHostUser vhu) {
            vhostUser(conf, vhu, o);
        } else if (vif instanceof VifHostDevice hd) {
            hostDevice(conf, hd, o, vnic);
        } else {
            throw new InterfaceDefinitionException("VIF class", vif.objectName(), "Unsupported VIF type");
        }
        if (!(vif instanceof VifVHostUser) && !(vif instanceof VifHostDevice)) {
            bandwidth(conf, o);
        }
        if (vif.isSet(VifBase.NETWORK) && vif.network().isPresent()) {
            Network net = vif.network().get();
            if (net.isSet(Network.MTU)) {
                conf.mtu = net.mtu().orElse(null);
            }
        }
        if (conf.macAddr == null) {
            // Nova fails deep inside on a VIF without a MAC; an <interface> without one is not what was asked for.
            throw new InterfaceDefinitionException("address", "(unset)", "a VIF needs a MAC address for its "
                    + "<interface>");
        }
        return conf;
    }

    /** {@code get_base_config}: MAC, model, driver, queues. */
    private static InterfaceConfig base(VifBase vif, InterfaceOptions o, String vnic) {
        InterfaceConfig conf = new InterfaceConfig();
        conf.macAddr = vif.address().map(Object::toString).orElse(null);
        if (VnicTypes.DIRECT_PASSTHROUGH.contains(vnic)) {
            return conf;
        }
        Integer rx = o.rxQueueSize();
        String model = o.model();
        if (model == null && Set.of("kvm", "qemu", "parallels").contains(o.virtType()) && o.useVirtioForBridges()) {
            model = VIRTIO;
        }
        if (model != null) {
            Set<String> valid = MODELS.get(o.virtType());
            if (valid == null) {
                throw new InterfaceDefinitionException("virt_type", o.virtType(), "not a supported virtualisation type");
            }
            if (!valid.contains(model)) {
                throw new InterfaceDefinitionException("model", model,
                        "not supported by the " + o.virtType() + " hypervisor");
            }
        }
        if (!VIRTIO.equals(model)) {
            frontend(conf, model, null, null, rx);
            return conf;
        }
        String driver = o.virtType().equals("qemu") ? "qemu" : null;
        Integer queues = null;
        if (o.virtType().equals("kvm") || o.virtType().equals("parallels")) {
            if (o.multiqueue() && o.vcpus() >= 2) {
                driver = "vhost";
                Integer max = o.maxQueues();
                queues = max != null && o.vcpus() > max ? max : o.vcpus();
            }
        }
        if ((driver == null || driver.equals("vhost")) && rx != null) {
            driver = "vhost";
        }
        frontend(conf, model, driver, queues, rx);
        return conf;
    }

    /** designer's {@code set_vif_guest_frontend_config}. */
    private static void frontend(InterfaceConfig conf, String model, String driver, Integer queues, Integer rx) {
        conf.model = model;
        conf.driverName = driver;
        conf.vhostQueues = queues;
        conf.rxQueueSize = rx;
    }

    private static void ethernet(InterfaceConfig conf, String tap) {
        conf.netType = "ethernet";
        conf.targetDev = name("vif_name", tap);
    }

    private static void openVSwitch(InterfaceConfig conf, VifOpenVSwitch vif) {
        VifPortProfileBase profile = vif.portProfile();
        VifPortProfileOpenVSwitch ovs = profile instanceof VifPortProfileOpenVSwitch p ? p : null;
        if (ovs != null && ovs.isSet(VifPortProfileOpenVSwitch.CREATE_TAP) && ovs.createTap()) {
            ethernet(conf, vif.vifName());
            conf.managed = "no";
        } else if (ovs != null && ovs.isSet(VifPortProfileOpenVSwitch.CREATE_PORT) && ovs.createPort()) {
            ethernet(conf, vif.vifName());
        } else {
            conf.netType = "bridge";
            conf.sourceDev = name("bridge_name", vif.bridgeName());
            conf.targetDev = name("vif_name", vif.vifName());
            if (!profile.objectName().equals(VifPortProfileOpenVSwitch.OBJ_NAME)) {
                throw new InterfaceDefinitionException("port_profile", profile.objectName(),
                        "Unsupported VIF port profile type " + profile.objectName());
            }
            conf.vportType = "openvswitch";
            conf.vportParams.put("interfaceid", ovs.interfaceId());
        }
    }

    private static void vhostUser(InterfaceConfig conf, VifVHostUser vif, InterfaceOptions o) {
        conf.driverName = null;
        conf.netType = "vhostuser";
        conf.vhostuserType = "unix";
        conf.vhostuserMode = vif.mode().wireValue();
        conf.vhostuserPath = vif.path();
        if (o.rxQueueSize() != null) {
            conf.rxQueueSize = o.rxQueueSize();
        }
        if (o.txQueueSize() != null) {
            conf.txQueueSize = o.txQueueSize();
        }
        if (vif.isSet(VifVHostUser.VIF_NAME) && !vif.vifName().isEmpty()) {
            conf.targetDev = name("vif_name", vif.vifName());
        }
    }

    private static void hostDevice(InterfaceConfig conf, VifHostDevice vif, InterfaceOptions o, String vnic) {
        if (vnic.equals(VnicTypes.VDPA)) {
            if (o.vdpaDevicePath() == null) {
                throw new InterfaceDefinitionException("vdpa device path", null,
                        "a vDPA VIF needs the host's device path for " + vif.devAddress());
            }
            conf.netType = "vdpa";
            conf.sourceDev = o.vdpaDevicePath();
            if (o.rxQueueSize() != null) {
                conf.rxQueueSize = o.rxQueueSize();
            }
            if (o.txQueueSize() != null) {
                conf.txQueueSize = o.txQueueSize();
            }
            return;
        }
        if (vif.devType() != VifHostDeviceDevType.ETHERNET) {
            throw new InterfaceDefinitionException("dev_type", vif.devType().wireValue(),
                    "Unsupported os-vif VIFHostDevice dev_type " + vif.devType().wireValue());
        }
        conf.netType = "hostdev";
        conf.sourceDev = vif.devAddress().toString();
        conf.model = null;
    }

    /** designer's {@code set_vif_bandwidth_config}. */
    private static void bandwidth(InterfaceConfig conf, InterfaceOptions o) {
        o.bandwidth().forEach((key, value) -> {
            if (!value.matches("[0-9]{1,18}")) {
                throw new InterfaceDefinitionException("quota:" + key, value, "not a non-negative integer");
            }
            conf.bandwidth.put(key, value);
        });
    }

    private static String name(String field, String value) {
        String problem = DeviceNames.problem(value);
        if (problem != null) {
            throw new InterfaceDefinitionException(field, value, problem);
        }
        return value;
    }
}
