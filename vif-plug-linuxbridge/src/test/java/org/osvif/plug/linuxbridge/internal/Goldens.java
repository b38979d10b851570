package org.osvif.plug.linuxbridge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files under {@code src/test/resources/org/osvif/plug/linuxbridge/internal/iptables}:
 * iptables-save inputs and what upstream's own IptablesManager feeds iptables-restore
 * for them (made by {@code generate.py} there, with binary name {@code nova-compute}).
 */
final class Goldens {
    private Goldens() {
    }

    /**
     * @param name a file name, e.g. {@code empty-flat.restore}
     * @return its text
     */
    static String read(String name) {
        try (InputStream in = Goldens.class.getResourceAsStream("iptables/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file iptables/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
