package org.osvif.objects.types;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address, parsed strictly and printed exactly as Python's
 * netaddr prints it (the form os-vif puts on the wire). Never resolves names.
 *
 * <p>Parsing accepts dotted-quad IPv4 (no leading zeros, which would be
 * ambiguous between octal and decimal) and every textual IPv6 form of RFC 4291
 * including an embedded IPv4 tail; zone ids are refused, as netaddr refuses them.
 */
public final class IpAddress {
    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Parses an address.
     *
     * @param text the address
     * @return the address
     * @throws IllegalArgumentException naming the text when it is not an address
     */
    public static IpAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("failed to detect a valid IP address from null");
        }
        byte[] b = text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text, 0, text.length());
        if (b == null) {
            throw new IllegalArgumentException("failed to detect a valid IP address from '" + text + "'");
        }
        return new IpAddress(b);
    }

    /**
     * An address from its bytes.
     *
     * @param bytes 4 or 16 bytes, network order
     * @return the address
     */
    public static IpAddress ofBytes(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
        }
        return new IpAddress(bytes.clone());
    }

    static byte[] parseV4(String s, int from, int to) {
        byte[] out = new byte[4];
        int part = 0;
        int i = from;
        while (part < 4) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || value > 255 || (len > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[part++] = (byte) value;
            if (part < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == to ? out : null;
    }

    private static byte[] parseV6(String s) {
        int n = s.length();
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = new int[8];
        int[] tail = new int[8];
        int headCount = 0;
        int tailCount = 0;
        boolean afterGap = false;
        int i = 0;
        if (gap == 0) {
            afterGap = true;
            i = 2;
        } else if (s.charAt(0) == ':') {
            return null;
        }
        byte[] v4 = null;
        while (i < n) {
            int start = i;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                v4 = parseV4(s, start, n);
                if (v4 == null) {
                    return null;
                }
                i = n;
                break;
            }
            int len = i - start;
            if (len == 0 || len > 4) {
                return null;
            }
            int value = Integer.parseInt(s, start, i, 16);
            if (afterGap) {
                if (tailCount == 8) {
                    return null;
                }
                tail[tailCount++] = value;
            } else {
                if (headCount == 8) {
                    return null;
                }
                head[headCount++] = value;
            }
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            if (i == gap) {
                afterGap = true;
                i += 2;
                if (i == n) {
                    break;
                }
            } else {
                i++;
                if (i == n) {
                    return null;
                }
            }
        }
        int groups = headCount + tailCount + (v4 != null ? 2 : 0);
        if (gap >= 0 ? groups > 7 : groups != 8) {
            return null;
        }
        byte[] out = new byte[16];
        for (int g = 0; g < headCount; g++) {
            out[2 * g] = (byte) (head[g] >> 8);
            out[2 * g + 1] = (byte) head[g];
        }
        int tailEnd = v4 != null ? 12 : 16;
        for (int g = 0; g < tailCount; g++) {
            int pos = tailEnd - 2 * (tailCount - g);
            out[pos] = (byte) (tail[g] >> 8);
            out[pos + 1] = (byte) tail[g];
        }
        if (v4 != null) {
            System.arraycopy(v4, 0, out, 12, 4);
        }
        return out;
    }

    /** @return 4 or 6 */
    public int version() {
        return bytes.length == 4 ? 4 : 6;
    }

    /** @return the address bytes in network order (a copy) */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** @return the number of bits of the address: 32 or 128 */
    public int bitLength() {
        return bytes.length * 8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /**
     * The address as netaddr writes it: dotted quad; for IPv6 lowercase hex with
     * the first longest run of two or more zero groups compressed, and IPv4-mapped
     * ({@code ::ffff:a.b.c.d}) and IPv4-compatible ({@code ::a.b.c.d}, above
     * {@code ::ffff}) addresses with a dotted tail.
     */
    @Override
    public String toString() {
        if (bytes.length == 4) {
            return dotted(0);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        boolean zero80 = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
        if (zero80 && g[5] == 0xffff) {
            return "::ffff:" + dotted(12);
        }
        if (zero80 && g[5] == 0 && g[6] != 0) {
            return "::" + dotted(12);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8;) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(Integer.toHexString(g[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    private String dotted(int from) {
        return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "."
                + (bytes[from + 3] & 0xff);
    }
}
