package org.osvif.ovsdb.internal;

import java.io.ByteArrayOutputStream;

/** Just enough DER to wrap a PKCS#1 or SEC1 private key into PKCS#8, which the JDK's KeyFactory reads. */
final class Der {
    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;

    /** rsaEncryption, 1.2.840.113549.1.1.1 */
    static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
        0x01};
    /** id-ecPublicKey, 1.2.840.10045.2.1 */
    static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Der() {
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        byte[] content = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** PKCS#8 PrivateKeyInfo: version 0, the algorithm, the key in an OCTET STRING. */
    static byte[] pkcs8(byte[] algorithm, byte[] key) {
        return tlv(SEQUENCE, new byte[] {INTEGER, 1, 0}, algorithm, tlv(OCTET_STRING, key));
    }

    /** A cursor over one DER encoding. */
    static final class Reader {
        private final byte[] der;
        private int pos;

        Reader(byte[] der, int pos) {
            this.der = der;
            this.pos = pos;
        }

        /** @return the tag at the cursor, or -1 at the end */
        int peek() {
            return pos < der.length ? der[pos] & 0xff : -1;
        }

        /** @return the start of the next element's content; the cursor moves past the element */
        int[] next() {
            int tag = der[pos++] & 0xff;
            int len = der[pos++] & 0xff;
            if (len >= 0x80) {
                int n = len & 0x7f;
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (der[pos++] & 0xff);
                }
            }
            int start = pos;
            pos += len;
            if (pos > der.length) {
                throw new IllegalArgumentException("truncated DER");
            }
            return new int[] {tag, start, len};
        }

        /** @return the element at the cursor, with tag and length; the cursor moves past it */
        byte[] nextWhole() {
            int from = pos;
            next();
            return java.util.Arrays.copyOfRange(der, from, pos);
        }
    }
}
