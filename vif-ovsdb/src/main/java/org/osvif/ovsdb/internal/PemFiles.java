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
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private PemFiles() {
    }

    /** One PEM block. */
    record Block(String type, byte[] der) {
    }

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
            blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return blocks;
    }

    /**
     * @param file a PEM file holding a private key
     * @return the key
     * @throws IllegalArgumentException naming the file when it holds no usable key
     */
    public static PrivateKey privateKey(Path file) {
        for (Block b : blocks(file)) {
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
                + "EC PRIVATE KEY (encrypted keys are not supported)");
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
