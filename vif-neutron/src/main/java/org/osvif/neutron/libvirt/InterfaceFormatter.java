package org.osvif.neutron.libvirt;

import java.util.Map;
import org.osvif.objects.types.PciAddress;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes an {@link InterfaceConfig} as the {@code <interface>} element, in the
 * order and with the attributes of Nova's
 * {@code LibvirtConfigGuestInterface.format_dom}. Values go in through the DOM,
 * so the serializer escapes them.
 */
final class InterfaceFormatter {
    private InterfaceFormatter() {
    }

    static Element format(Document doc, InterfaceConfig c) {
        Element dev = doc.createElement("interface");
        dev.setAttribute("type", c.netType);
        if ("hostdev".equals(c.netType)) {
            dev.setAttribute("managed", "yes");
        }
        Element mac = child(doc, dev, "mac");
        if (c.macAddr != null) {
            mac.setAttribute("address", c.macAddr);
        }
        if (c.model != null) {
            child(doc, dev, "model").setAttribute("type", c.model);
        }
        driver(doc, dev, c);
        source(doc, dev, c);
        if (c.targetDev != null) {
            Element target = child(doc, dev, "target");
            target.setAttribute("dev", c.targetDev);
            if (c.managed != null) {
                target.setAttribute("managed", c.managed);
            }
        }
        if (c.vportType != null) {
            Element vport = child(doc, dev, "virtualport");
            vport.setAttribute("type", c.vportType);
            for (Map.Entry<String, String> p : c.vportParams.entrySet()) {
                child(doc, vport, "parameters").setAttribute(p.getKey(), p.getValue());
            }
        }
        bandwidth(doc, dev, c.bandwidth);
        return dev;
    }

    private static void driver(Document doc, Element dev, InterfaceConfig c) {
        boolean vhostuser = "vhostuser".equals(c.netType);
        if (c.driverName == null && !vhostuser) {
            return;
        }
        Element drv = doc.createElement("driver");
        if (c.driverName != null && !vhostuser) {
            drv.setAttribute("name", c.driverName);
        }
        if (c.vhostQueues != null) {
            drv.setAttribute("queues", c.vhostQueues.toString());
        }
        if (c.rxQueueSize != null) {
            drv.setAttribute("rx_queue_size", c.rxQueueSize.toString());
        }
        if (c.txQueueSize != null) {
            drv.setAttribute("tx_queue_size", c.txQueueSize.toString());
        }
        if (drv.hasAttributes()) {
            dev.appendChild(drv);
        }
    }

    private static void source(Document doc, Element dev, InterfaceConfig c) {
        switch (c.netType) {
            case "ethernet" -> mtu(doc, dev, c);
            case "vdpa" -> child(doc, dev, "source").setAttribute("dev", c.sourceDev);
            case "hostdev" -> {
                PciAddress pci = PciAddress.parse(c.sourceDev);
                Element addr = child(doc, child(doc, dev, "source"), "address");
                addr.setAttribute("type", "pci");
                addr.setAttribute("domain", "0x" + pci.domain());
                addr.setAttribute("bus", "0x" + pci.bus());
                addr.setAttribute("slot", "0x" + pci.slot());
                addr.setAttribute("function", "0x" + pci.function());
            }
            case "vhostuser" -> {
                Element src = child(doc, dev, "source");
                src.setAttribute("type", c.vhostuserType);
                src.setAttribute("mode", c.vhostuserMode);
                src.setAttribute("path", c.vhostuserPath);
            }
            default -> {
                child(doc, dev, "source").setAttribute("bridge", c.sourceDev);
                mtu(doc, dev, c);
            }
        }
    }

    private static void mtu(Document doc, Element dev, InterfaceConfig c) {
        if (c.mtu != null) {
            child(doc, dev, "mtu").setAttribute("size", c.mtu.toString());
        }
    }

    private static void bandwidth(Document doc, Element dev, Map<String, String> b) {
        String in = b.get("vif_inbound_average");
        String out = b.get("vif_outbound_average");
        if (!positive(in) && !positive(out)) {
            return;
        }
        Element bw = child(doc, dev, "bandwidth");
        direction(doc, bw, "inbound", in, b.get("vif_inbound_peak"), b.get("vif_inbound_burst"));
        direction(doc, bw, "outbound", out, b.get("vif_outbound_peak"), b.get("vif_outbound_burst"));
    }

    /** Nova tests the averages for truth: as strings from extra specs, any non-empty value is true. */
    private static boolean positive(String v) {
        return v != null && !v.isEmpty();
    }

    private static void direction(Document doc, Element bw, String name, String average, String peak, String burst) {
        if (average == null) {
            return;
        }
        Element e = child(doc, bw, name);
        e.setAttribute("average", average);
        if (peak != null) {
            e.setAttribute("peak", peak);
        }
        if (burst != null) {
            e.setAttribute("burst", burst);
        }
    }

    private static Element child(Document doc, Element parent, String name) {
        Element e = doc.createElement(name);
        parent.appendChild(e);
        return e;
    }
}
