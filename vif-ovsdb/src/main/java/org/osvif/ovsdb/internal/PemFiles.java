package org.osvif.ovsdb.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files ovs-vsctl takes ({@code --private-key}, {@code --certificate}, {@code --ca-cert}) with
 * the JDK alone: private keys in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1
 * ({@code EC PRIVATE KEY}); X.509 certificates.
 */
public final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** RFC 1421 headers, as in "Proc-Type: 4,ENCRYPTED" and "DEK-Info: ..." of an encrypted OpenSSL key. */
    private static final Pattern HEADER = Pattern.compile("^[A-Za-z0-9-]+:.*$", Pattern.MULTILINE);
    private static final List<String> KEY_TYPES = List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY");

    private PemFiles() {
    }

    /** One PEM block; {@code der} is null when the body is not base64 ({@code garbled} says why). */
    record Block(String type, byte[] der, boolean encrypted, String garbled) {
    }

    /** Every PEM block of the file, in order; a body that is not base64 is reported, not thrown. */
    static List<Block> blocks(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            String body = m.group(2);
            boolean encrypted = type.startsWith("ENCRYPTED ") || body.contains("Proc-Type: 4,ENCRYPTED");
            String base64 = HEADER.matcher(body).replaceAll("").replaceAll("\\s", "");
            try {
                blocks.add(new Block(type, Base64.getDecoder().decode(base64), encrypted, null));
            } catch (IllegalArgumentException e) {
                blocks.add(new Block(type, null, encrypted, e.getMessage()));
            }
        }
        return blocks;
    }

    /**
     * @param file a PEM file holding a private key
     * @return the key (of the first private key block; other blocks, such as EC PARAMETERS, are skipped)
     * @throws IllegalArgumentException naming the file when it holds no usable key: none, an encrypted one, a
     *         body that is not base64, or a key the JDK cannot read
     */
    public static PrivateKey privateKey(Path file) {
        for (Block b : blocks(file)) {
            if (b.encrypted() && (b.type().equals("ENCRYPTED PRIVATE KEY") || KEY_TYPES.contains(b.type()))) {
                throw new IllegalArgumentException("private key " + file + " is encrypted (" + (b.type()
                        .startsWith("ENCRYPTED") ? b.type() : b.type() + " with Proc-Type: 4,ENCRYPTED")
                        + "); encrypted keys are not supported, as in Open vSwitch: decrypt it first, e.g. "
                        + "openssl pkey -in " + file + " -out PLAIN.pem");
            }
            if (KEY_TYPES.contains(b.type()) && b.der() == null) {
                throw new IllegalArgumentException("private key " + file + ": the body of its " + b.type()
                        + " block is not valid base64 (" + b.garbled() + ")");
            }
            try {
                switch (b.type()) {
                    case "PRIVATE KEY":
                        return pkcs8(b.der());
                    case "RSA PRIVATE KEY":
                        return KeyFactory.getInstance("RSA").generatePrivate(
                                new PKCS8EncodedKeySpec(Der.pkcs8(Der.tlv(Der.SEQUENCE, Der.RSA_OID,
                                        new byte[] {Der.NULL, 0}), b.der())));
                    case "EC PRIVATE KEY":
                        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(sec1(b.der())));
                    default:
                        break;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new IllegalArgumentException("private key " + file + ": cannot read its " + b.type()
                        + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("private key " + file + " holds no PEM PRIVATE KEY, RSA PRIVATE KEY or "
                + "EC PRIVATE KEY block");
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** SEC1 ECPrivateKey {version, key, [0] curve OID, [1] public key} → PKCS#8 with the curve moved out. */
    private static byte[] sec1(byte[] der) {
        Der.Reader outer = new Der.Reader(der, 0);
        int[] seq = outer.next();
        Der.Reader r = new Der.Reader(der, seq[1]);
        r.next(); // version
        r.next(); // private key
        byte[] curve = null;
        while (r.peek() >= 0 && curve == null) {
            int[] e = r.next();
            if (e[0] == 0xa0) {
                curve = java.util.Arrays.copyOfRange(der, e[1], e[1] + e[2]);
            }
        }
        if (curve == null) {
            throw new IllegalArgumentException("the EC key does not name its curve");
        }
        return Der.pkcs8(Der.tlv(Der.SEQUENCE, Der.EC_OID, curve), der);
    }

    /**
     * @param file a PEM file with one or more certificates
     * @return the certificates, in file order
     * @throws IllegalArgumentException naming the file when it holds none
     */
    public static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(file)) {
                if (b.type().equals("CERTIFICATE")) {
                    if (b.der() == null) {
                        throw new IllegalArgumentException("certificate file " + file + ": the body of a "
                                + "CERTIFICATE block is not valid base64 (" + b.garbled() + ")");
                    }
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificate " + file + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("certificate file " + file + " holds no PEM CERTIFICATE");
        }
        return certs;
    }
}
