package org.osvif.neutron.libvirt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * XML in a form where equal documents are equal strings: one element per line,
 * attributes sorted, white-space-only text dropped (lxml and the JDK order
 * attributes and indent differently).
 */
public final class CanonicalXml {
    private CanonicalXml() {
    }

    /**
     * @param xml an XML document
     * @return its canonical form
     */
    public static String of(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            StringBuilder sb = new StringBuilder();
            write(root, 0, sb);
            return sb.toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + xml, e);
        }
    }

    private static void write(Element e, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append('<').append(e.getTagName());
        NamedNodeMap attrs = e.getAttributes();
        List<String> sorted = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            sorted.add(attrs.item(i).getNodeName() + "=\"" + attrs.item(i).getNodeValue() + "\"");
        }
        sorted.sort(null);
        sorted.forEach(a -> sb.append(' ').append(a));
        sb.append(">\n");
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                write(child, depth + 1, sb);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                sb.append("  ".repeat(depth + 1)).append("text:").append(n.getNodeValue().strip()).append('\n');
            }
        }
    }
}
