package org.osvif.ovsdb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How an {@link OvsdbClient} connects and how long it waits; immutable. */
public final class OvsdbClientOptions {
    private final OvsdbEndpoint endpoint;
    private final Path privateKey;
    private final Path certificate;
    private final Path caCertificate;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration probeInterval;
    private final Duration reconnectMinBackoff;
    private final Duration reconnectMaxBackoff;
    private final int maxMessageBytes;

    private OvsdbClientOptions(Builder b) {
        this.endpoint = b.endpoint;
        this.privateKey = b.privateKey;
        this.certificate = b.certificate;
        this.caCertificate = b.caCertificate;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.probeInterval = b.probeInterval;
        this.reconnectMinBackoff = b.reconnectMinBackoff;
        this.reconnectMaxBackoff = b.reconnectMaxBackoff;
        this.maxMessageBytes = b.maxMessageBytes;
    }

    /**
     * @param endpoint where to connect
     * @return a builder with the defaults
     */
    public static Builder builder(OvsdbEndpoint endpoint) {
        return new Builder(endpoint);
    }

    /** @return where to connect */
    public OvsdbEndpoint endpoint() {
        return endpoint;
    }

    /** @return the PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC) for ssl */
    public Optional<Path> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** @return the PEM certificate of the private key for ssl */
    public Optional<Path> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** @return the PEM CA certificate, the only trust anchor for ssl (no host name check, as OVS does) */
    public Optional<Path> caCertificate() {
        return Optional.ofNullable(caCertificate);
    }

    /** @return how long connecting (and the TLS handshake) may take; default 10 s */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the deadline of calls that take none; default 120 s */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return the idle time after which the client sends an echo; zero disables probes; default 5 s */
    public Duration probeInterval() {
        return probeInterval;
    }

    /**
     * @return the first delay before reconnecting; it doubles after each failure (an attempt that fails, or a
     *         connection lost sooner than the delay before it) up to {@link #reconnectMaxBackoff()}, and comes
     *         back to this after a connection that stayed up longer; default 100 ms
     */
    public Duration reconnectMinBackoff() {
        return reconnectMinBackoff;
    }

    /** @return the longest delay between reconnection attempts; default 5 s */
    public Duration reconnectMaxBackoff() {
        return reconnectMaxBackoff;
    }

    /** @return the largest message the client accepts; default 64 MiB */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Builds {@link OvsdbClientOptions}. */
    public static final class Builder {
        private final OvsdbEndpoint endpoint;
        private Path privateKey;
        private Path certificate;
        private Path caCertificate;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(120);
        private Duration probeInterval = Duration.ofSeconds(5);
        private Duration reconnectMinBackoff = Duration.ofMillis(100);
        private Duration reconnectMaxBackoff = Duration.ofSeconds(5);
        private int maxMessageBytes = 64 << 20;

        private Builder(OvsdbEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /**
         * @param p the PEM private key (ovs-vsctl's {@code --private-key})
         * @return this
         */
        public Builder privateKey(Path p) {
            this.privateKey = p;
            return this;
        }

        /**
         * @param p the PEM certificate (ovs-vsctl's {@code --certificate})
         * @return this
         */
        public Builder certificate(Path p) {
            this.certificate = p;
            return this;
        }

        /**
         * @param p the PEM CA certificate (ovs-vsctl's {@code --ca-cert})
         * @return this
         */
        public Builder caCertificate(Path p) {
            this.caCertificate = p;
            return this;
        }

        /**
         * @param d how long connecting may take (positive)
         * @return this
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive("connectTimeout", d);
            return this;
        }

        /**
         * @param d the deadline of calls that take none (positive)
         * @return this
         */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive("requestTimeout", d);
            return this;
        }

        /**
         * @param d idle time before an echo is sent; zero disables probes
         * @return this
         */
        public Builder probeInterval(Duration d) {
            Objects.requireNonNull(d, "probeInterval");
            if (d.isNegative()) {
                throw new IllegalArgumentException("probeInterval must not be negative: " + d);
            }
            this.probeInterval = d;
            return this;
        }

        /**
         * @param min the first delay (positive)
         * @param max the longest delay (at least min)
         * @return this
         */
        public Builder reconnectBackoff(Duration min, Duration max) {
            positive("reconnect min backoff", min);
            positive("reconnect max backoff", max);
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("reconnect max backoff " + max + " is less than min " + min);
            }
            this.reconnectMinBackoff = min;
            this.reconnectMaxBackoff = max;
            return this;
        }

        /**
         * @param n the largest message accepted, in bytes (at least 1024)
         * @return this
         */
        public Builder maxMessageBytes(int n) {
            if (n < 1024) {
                throw new IllegalArgumentException("maxMessageBytes must be at least 1024: " + n);
            }
            this.maxMessageBytes = n;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException for an ssl endpoint without private key, certificate or CA certificate
         */
        public OvsdbClientOptions build() {
            if (endpoint.kind() == OvsdbEndpoint.Kind.SSL) {
                require(privateKey, "privateKey (--private-key)");
                require(certificate, "certificate (--certificate)");
                require(caCertificate, "caCertificate (--ca-cert)");
            }
            return new OvsdbClientOptions(this);
        }

        private void require(Path p, String option) {
            if (p == null) {
                throw new IllegalArgumentException("ssl endpoint " + endpoint + " needs the option " + option);
            }
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
