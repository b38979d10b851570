package org.osvif.ovsdb.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context of an ssl: connection as Open vSwitch does: our key and certificate, the CA
 * certificate as the only trust anchor, no host name verification (an SSLSocket checks none unless told to).
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /**
     * @param privateKey PEM private key
     * @param certificate PEM certificate (chain) of that key
     * @param caCertificate PEM CA certificate(s) to trust
     * @return the context
     * @throws IllegalArgumentException naming the file that cannot be used
     */
    public static SSLContext create(Path privateKey, Path certificate, Path caCertificate) {
        PrivateKey key = PemFiles.privateKey(privateKey);
        List<X509Certificate> chain = PemFiles.certificates(certificate);
        List<X509Certificate> cas = PemFiles.certificates(caCertificate);
        try {
            char[] password = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("key", key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                trust.setCertificateEntry("ca" + i, cas.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot use private key " + privateKey + " with certificate "
                    + certificate + ": " + e.getMessage(), e);
        }
    }
}
