package org.osvif.ovsdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private keys in every PEM form OVS users have, made by the host's openssl in the test, read back and
 * compared with openssl's own PKCS#8 and public key; and the files that must be refused, named.
 */
@Timeout(60)
class PemFilesTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenssl() {
        boolean found = false;
        for (String d : (System.getenv("PATH") + ":/usr/bin").split(":")) {
            found |= !d.isEmpty() && Files.isExecutable(Path.of(d, "openssl"));
        }
        if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and openssl is not installed (apt-get install -y openssl)");
        }
        Assumptions.assumeTrue(found, "openssl is not installed");
    }

    /** Runs openssl in the test's directory, within 30 s. */
    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("openssl"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException(String.join(" ", argv) + " did not finish within 30 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + out).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Reads {@code pem} with PemFiles and checks it is the key openssl sees in it: the same numbers as
     * openssl's PKCS#8 export, and a signature that openssl's public key verifies.
     */
    private PrivateKey readAndCompare(String pem, String algorithm) throws Exception {
        Path file = dir.resolve(pem);
        openssl("pkcs8", "-topk8", "-nocrypt", "-in", pem, "-outform", "DER", "-out", pem + ".p8");
        openssl("pkey", "-in", pem, "-pubout", "-outform", "DER", "-out", pem + ".pub");
        KeyFactory kf = KeyFactory.getInstance(algorithm);
        PrivateKey expected = kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve(pem + ".p8"))));
        PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(dir.resolve(pem + ".pub"))));

        PrivateKey key = PemFiles.privateKey(file);

        assertThat(key.getAlgorithm()).isEqualTo(algorithm);
        if (key instanceof RSAPrivateKey rsa) {
            assertThat(rsa.getModulus()).isEqualTo(((RSAPrivateKey) expected).getModulus());
            assertThat(rsa.getPrivateExponent()).isEqualTo(((RSAPrivateKey) expected).getPrivateExponent());
        } else {
            ECPrivateKey ec = (ECPrivateKey) key;
            assertThat(ec.getS()).isEqualTo(((ECPrivateKey) expected).getS());
            assertThat(ec.getParams().getCurve()).isEqualTo(((ECPrivateKey) expected).getParams().getCurve());
        }
        assertThat(verifies(key, pub)).as("a signature by the key read verifies with openssl's public key").isTrue();
        return key;
    }

    private static boolean verifies(PrivateKey key, PublicKey pub) throws GeneralSecurityException {
        String alg = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] data = "os-vif".getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance(alg);
        s.initSign(key);
        s.update(data);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(alg);
        v.initVerify(pub);
        v.update(data);
        return v.verify(sig);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("PKCS#1 RSA (BEGIN RSA PRIVATE KEY) from openssl genrsa -traditional")
    void pkcs1Rsa() throws Exception {
        openssl("genrsa", "-traditional", "-out", "rsa.pem", "1024");
        assertThat(read("rsa.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        readAndCompare("rsa.pem", "RSA");
    }

    @Test
    @DisplayName("SEC1 EC (BEGIN EC PRIVATE KEY) from openssl ecparam -genkey -noout, and with EC PARAMETERS first")
    void sec1Ec() throws Exception {
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec.pem");
        assertThat(read("ec.pem")).startsWith("-----BEGIN EC PRIVATE KEY-----");
        readAndCompare("ec.pem", "EC");
        openssl("ecparam", "-genkey", "-name", "secp384r1", "-out", "ec-params.pem");
        assertThat(read("ec-params.pem")).startsWith("-----BEGIN EC PARAMETERS-----");
        readAndCompare("ec-params.pem", "EC");
    }

    @Test
    @DisplayName("PKCS#8 (BEGIN PRIVATE KEY), RSA and EC, from openssl genpkey")
    void pkcs8() throws Exception {
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "rsa8.pem");
        assertThat(read("rsa8.pem")).startsWith("-----BEGIN PRIVATE KEY-----");
        readAndCompare("rsa8.pem", "RSA");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec8.pem");
        assertThat(read("ec8.pem")).startsWith("-----BEGIN PRIVATE KEY-----");
        readAndCompare("ec8.pem", "EC");
    }

    @Test
    @DisplayName("a file with no key (a certificate, or nothing) is refused, naming the file")
    void noKey() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> PemFiles.privateKey(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("holds no PEM PRIVATE KEY");
        openssl("req", "-x509", "-newkey", "rsa:1024", "-nodes", "-keyout", "k.pem", "-out", "cert.pem",
                "-days", "1", "-subj", "/CN=test");
        Path cert = dir.resolve("cert.pem");
        assertThatThrownBy(() -> PemFiles.privateKey(cert)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cert.toString()).hasMessageContaining("holds no PEM PRIVATE KEY");
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> PemFiles.privateKey(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read " + missing);
    }

    @Test
    @DisplayName("a key whose base64 body is garbled is refused, naming the file and the block")
    void garbled() throws Exception {
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec.pem");
        List<String> lines = new ArrayList<>(List.of(read("ec.pem").split("\n")));
        lines.set(1, "MHcCAQEEI*garbled!!" + lines.get(1).substring(19));
        Path bad = Files.writeString(dir.resolve("garbled.pem"), String.join("\n", lines) + "\n");
        assertThatThrownBy(() -> PemFiles.privateKey(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("EC PRIVATE KEY block is not valid base64");
        // Valid base64, but not a key.
        Path notDer = Files.writeString(dir.resolve("notder.pem"),
                "-----BEGIN RSA PRIVATE KEY-----\naGVsbG8gd29ybGQ=\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.privateKey(notDer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private key " + notDer + ": cannot read its RSA PRIVATE KEY");
    }

    @Test
    @DisplayName("encrypted keys (Proc-Type: 4,ENCRYPTED and ENCRYPTED PRIVATE KEY) are refused as not supported")
    void encrypted() throws Exception {
        openssl("genrsa", "-traditional", "-aes128", "-passout", "pass:secret", "-out", "enc1.pem", "1024");
        assertThat(read("enc1.pem")).contains("Proc-Type: 4,ENCRYPTED");
        Path enc1 = dir.resolve("enc1.pem");
        assertThatThrownBy(() -> PemFiles.privateKey(enc1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private key " + enc1 + " is encrypted (RSA PRIVATE KEY with Proc-Type")
                .hasMessageContaining("encrypted keys are not supported");
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec.pem");
        openssl("pkcs8", "-topk8", "-v2", "aes-128-cbc", "-passout", "pass:secret", "-in", "ec.pem",
                "-out", "enc8.pem");
        assertThat(read("enc8.pem")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        Path enc8 = dir.resolve("enc8.pem");
        assertThatThrownBy(() -> PemFiles.privateKey(enc8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private key " + enc8 + " is encrypted (ENCRYPTED PRIVATE KEY)")
                .hasMessageContaining("encrypted keys are not supported");
    }
}
