package org.osvif.objects.types;

import java.util.regex.Pattern;

/**
 * An Ethernet MAC address in os-vif's normal form: six lowercase hex pairs
 * joined by colons. Parsing accepts upper case and dashes, as o.vo's
 * {@code MACAddress} field does, and normalises them.
 */
public final class MacAddress {
    private static final Pattern NORMAL = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private final String text;

    private MacAddress(String text) {
        this.text = text;
    }

    /**
     * Parses a MAC address such as {@code fa:16:3e:00:00:01} or {@code FA-16-3E-00-00-01}.
     *
     * @param value the text
     * @return the normalised address
     * @throws IllegalArgumentException with upstream's "Malformed MAC" message
     */
    public static MacAddress parse(String value) {
        if (value != null) {
            String lowered = value.toLowerCase(java.util.Locale.ROOT).replace('-', ':');
            if (NORMAL.matcher(lowered).matches()) {
                return new MacAddress(lowered);
            }
        }
        throw new IllegalArgumentException("Malformed MAC " + value);
    }

    /**
     * The six bytes of the address.
     *
     * @return a new array of six bytes
     */
    public byte[] toBytes() {
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) Integer.parseInt(text, i * 3, i * 3 + 2, 16);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && m.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** @return the normal form, e.g. {@code fa:16:3e:00:00:01} */
    @Override
    public String toString() {
        return text;
    }
}
