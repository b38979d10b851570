package org.osvif.objects.types;

/**
 * An IP network in CIDR notation, as o.vo's {@code IPNetwork} field holds it:
 * the address keeps its host bits ({@code 10.0.0.1/24} stays as written) and a
 * bare address means a full-length prefix. An IPv4 prefix may also be given as
 * a dotted netmask ({@code 10.0.0.0/255.255.255.0}); it is printed as a length.
 */
public final class IpNetwork {
    private final IpAddress address;
    private final int prefixLength;

    private IpNetwork(IpAddress address, int prefixLength) {
        this.address = address;
        this.prefixLength = prefixLength;
    }

    /**
     * A network from an address and a prefix length.
     *
     * @param address the address, host bits kept
     * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
     * @return the network
     */
    public static IpNetwork of(IpAddress address, int prefixLength) {
        if (prefixLength < 0 || prefixLength > address.bitLength()) {
            throw new IllegalArgumentException("invalid IPNetwork " + address + "/" + prefixLength);
        }
        return new IpNetwork(address, prefixLength);
    }

    /**
     * Parses {@code ADDRESS[/PREFIX]}.
     *
     * @param text the network
     * @return the network
     * @throws IllegalArgumentException naming the text when it is not a network
     */
    public static IpNetwork parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid IPNetwork null");
        }
        int slash = text.indexOf('/');
        IpAddress address;
        try {
            address = IpAddress.parse(slash < 0 ? text : text.substring(0, slash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid IPNetwork " + text, e);
        }
        if (slash < 0) {
            return new IpNetwork(address, address.bitLength());
        }
        String prefix = text.substring(slash + 1);
        int length = prefixLength(prefix, address);
        if (length < 0) {
            throw new IllegalArgumentException("invalid IPNetwork " + text);
        }
        return new IpNetwork(address, length);
    }

    private static int prefixLength(String prefix, IpAddress address) {
        if (!prefix.isEmpty() && prefix.length() <= 3 && prefix.chars().allMatch(c -> c >= '0' && c <= '9')
                && (prefix.length() == 1 || prefix.charAt(0) != '0')) {
            int n = Integer.parseInt(prefix);
            return n <= address.bitLength() ? n : -1;
        }
        if (address.version() == 4) {
            byte[] mask = IpAddress.parseV4(prefix, 0, prefix.length());
            if (mask != null) {
                int bits = ((mask[0] & 0xff) << 24) | ((mask[1] & 0xff) << 16) | ((mask[2] & 0xff) << 8)
                        | (mask[3] & 0xff);
                int ones = Integer.bitCount(bits);
                int contiguous = ones == 0 ? 0 : -1 << (32 - ones);
                return bits == contiguous ? ones : -1;
            }
        }
        return -1;
    }

    /** @return the address as written, host bits kept */
    public IpAddress address() {
        return address;
    }

    /** @return the prefix length */
    public int prefixLength() {
        return prefixLength;
    }

    /** @return 4 or 6 */
    public int version() {
        return address.version();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpNetwork n && n.prefixLength == prefixLength && n.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + prefixLength;
    }

    /** @return {@code address/prefix}, as netaddr prints it */
    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
