package org.osvif.objects.types;

import java.util.regex.Pattern;

/**
 * A PCI address {@code DDDD:BB:SS.F} in lowercase, as o.vo's {@code PCIAddress}
 * field holds it. Unlike o.vo, whose pattern leaves the dot unescaped, the
 * separator before the function must be a real dot.
 */
public final class PciAddress {
    private static final Pattern NORMAL = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[0-1][0-9a-f]\\.[0-7]");
    private final String text;

    private PciAddress(String text) {
        this.text = text;
    }

    /**
     * Parses a PCI address such as {@code 0000:0A:00.1}.
     *
     * @param value the text
     * @return the lowercased address
     * @throws IllegalArgumentException with upstream's "Malformed PCI address" message
     */
    public static PciAddress parse(String value) {
        if (value != null) {
            String lowered = value.toLowerCase(java.util.Locale.ROOT);
            if (NORMAL.matcher(lowered).matches()) {
                return new PciAddress(lowered);
            }
        }
        throw new IllegalArgumentException("Malformed PCI address " + value);
    }

    /** @return the domain, e.g. {@code 0000} */
    public String domain() {
        return text.substring(0, 4);
    }

    /** @return the bus, e.g. {@code 0a} */
    public String bus() {
        return text.substring(5, 7);
    }

    /** @return the slot, e.g. {@code 00} */
    public String slot() {
        return text.substring(8, 10);
    }

    /** @return the function, e.g. {@code 1} */
    public String function() {
        return text.substring(11);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PciAddress p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @return the lowercased address */
    @Override
    public String toString() {
        return text;
    }
}
