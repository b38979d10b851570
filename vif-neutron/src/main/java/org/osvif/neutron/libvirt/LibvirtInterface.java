package org.osvif.neutron.libvirt;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.osvif.objects.VifBase;
import org.w3c.dom.Document;

/**
 * The libvirt {@code <interface>} element Nova's libvirt driver writes for an
 * os-vif VIF: {@code type='ethernet'} for a port os-vif creates
 * ({@code create_port}; with {@code managed='no'} on the target for
 * {@code create_tap}), {@code type='bridge'} with an {@code openvswitch}
 * virtualport or a Linux bridge, {@code vhostuser} with its socket,
 * {@code hostdev} for a representor's virtual function, {@code vdpa}; with the
 * MAC, model, driver queues, MTU and bandwidth. Thread-safe and stateless.
 */
public final class LibvirtInterface {
    private LibvirtInterface() {
    }

    /**
     * @param vif the VIF (as converted from the port binding, or read from a primitive)
     * @param options the hypervisor, flavor and image settings
     * @return a new document whose root is the {@code <interface>} element
     * @throws InterfaceDefinitionException when no interface can be written for this VIF
     */
    public static Document toDocument(VifBase vif, InterfaceOptions options) {
        InterfaceConfig conf = InterfaceConfigurator.configure(vif, options);
        Document doc = newDocument();
        doc.appendChild(InterfaceFormatter.format(doc, conf));
        return doc;
    }

    /**
     * @param vif the VIF
     * @param options the hypervisor, flavor and image settings
     * @return the {@code <interface>} element as XML text, indented by two spaces, without an XML declaration,
     *     ending with a newline
     * @throws InterfaceDefinitionException when no interface can be written for this VIF
     */
    public static String toXml(VifBase vif, InterfaceOptions options) {
        Document doc = toDocument(vif, options);
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            String text = out.toString().strip();
            return text + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML serializer failed", e);
        }
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not available", e);
        }
    }
}
