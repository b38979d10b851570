package org.osvif.ovsdb;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an OVSDB client connects: a connection string in one of the active forms ovs-vsctl's
 * {@code --db} takes:
 * <ul>
 * <li>{@code unix:PATH}, e.g. {@code unix:/run/openvswitch/db.sock};</li>
 * <li>{@code tcp:HOST[:PORT]} and {@code ssl:HOST[:PORT]}, HOST an IPv4 address,
 *     a bracketed IPv6 address ({@code tcp:[::1]:6640}) or a DNS name, PORT 1 to 65535
 *     (Open vSwitch's default, 6640, when absent).</li>
 * </ul>
 * Passive forms ({@code punix:}, {@code ptcp:}, {@code pssl:}), lists of remotes and
 * anything else are refused with an {@link IllegalArgumentException} naming the value.
 * Checking never resolves a name.
 *
 * @param kind the transport
 * @param path the socket path of a {@code unix:} connection, else null
 * @param host the host of a {@code tcp:}/{@code ssl:} connection (an IPv6 address without brackets), else null
 * @param port the port of a {@code tcp:}/{@code ssl:} connection (6640 when not given), else 0
 * @param text the connection string exactly as given
 */
public record OvsdbEndpoint(Kind kind, String path, String host, int port, String text) {

    /** The port Open vSwitch uses when a tcp/ssl connection names none. */
    public static final int DEFAULT_PORT = 6640;

    private static final Pattern INET = Pattern.compile(
            "(?<host>\\[[^\\]]*\\]|[^:\\[\\]]+)(?::(?<port>[0-9]{1,5}))?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

    /** How the connection reaches the database. */
    public enum Kind {
        /** A Unix domain socket. */
        UNIX,
        /** Plain TCP. */
        TCP,
        /** TCP with TLS (ovs-vsctl then also needs its private key and certificates). */
        SSL
    }

    /**
     * Checks the parts.
     *
     * @param kind see the record component
     * @param path see the record component
     * @param host see the record component
     * @param port see the record component
     * @param text see the record component
     */
    public OvsdbEndpoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (kind == Kind.UNIX ? path == null : host == null) {
            throw new IllegalArgumentException("OVSDB endpoint " + text + ": a " + kind + " endpoint needs a "
                    + (kind == Kind.UNIX ? "path" : "host"));
        }
    }

    /**
     * Parses and checks a connection string.
     *
     * @param text e.g. {@code tcp:127.0.0.1:6640} or {@code unix:/run/openvswitch/db.sock}
     * @return the connection
     * @throws IllegalArgumentException when it is none of the accepted forms
     */
    public static OvsdbEndpoint parse(String text) {
        return parse(text, "OVSDB endpoint");
    }

    /**
     * Parses and checks a connection string, naming it in errors as the caller calls it.
     *
     * @param text e.g. {@code tcp:127.0.0.1:6640} or {@code unix:/run/openvswitch/db.sock}
     * @param what what the string is, for the error message, e.g. {@code ovsdb_connection}
     * @return the endpoint
     * @throws IllegalArgumentException when it is none of the accepted forms: "Invalid WHAT 'TEXT': why..."
     */
    public static OvsdbEndpoint parse(String text, String what) {
        if (text == null) {
            throw invalid(what, null, "it is missing");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw invalid(what, text, "it has no transport prefix");
        }
        String scheme = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw invalid(what, text, "it contains whitespace or a control character");
            }
        }
        switch (scheme) {
            case "unix":
                if (rest.isEmpty()) {
                    throw invalid(what, text, "the socket path is empty");
                }
                if (rest.indexOf(',') >= 0) {
                    throw invalid(what, text, "only one connection is supported");
                }
                return new OvsdbEndpoint(Kind.UNIX, rest, null, 0, text);
            case "tcp":
            case "ssl":
                return inet(scheme.equals("tcp") ? Kind.TCP : Kind.SSL, rest, text, what);
            default:
                throw invalid(what, text, "the transport must be unix:, tcp: or ssl:"
                        + (scheme.startsWith("p") ? " (passive connections are not supported)" : ""));
        }
    }

    private static OvsdbEndpoint inet(Kind kind, String rest, String text, String what) {
        Matcher m = INET.matcher(rest);
        if (rest.indexOf(',') >= 0) {
            throw invalid(what, text, "only one connection is supported");
        }
        if (!m.matches()) {
            throw invalid(what, text, "expected " + kind.name().toLowerCase(Locale.ROOT)
                    + ":HOST[:PORT] (an IPv6 address goes in brackets)");
        }
        String host = m.group("host");
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
            if (!isIpv6(host)) {
                throw invalid(what, text, "[" + host + "] is not an IPv6 address");
            }
        } else if (!IPV4.matcher(host).matches() && (!DNS_NAME.matcher(host).matches() || looksNumeric(host))) {
            throw invalid(what, text, host + " is neither an IPv4 address nor a host name");
        }
        int port = DEFAULT_PORT;
        if (m.group("port") != null) {
            port = Integer.parseInt(m.group("port"));
            if (port < 1 || port > 65535) {
                throw invalid(what, text, "the port must be between 1 and 65535");
            }
        }
        return new OvsdbEndpoint(kind, null, host, port, text);
    }

    /** A dotted all-digit name (e.g. {@code 300.1.1.1}) is a bad IPv4 address, not a host name. */
    private static boolean looksNumeric(String host) {
        return host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static boolean isIpv6(String literal) {
        if (literal.indexOf(':') < 0 || !IPV6_CHARS.matcher(literal).matches()) {
            return false;
        }
        try {
            // A literal with a colon is parsed as an IPv6 address, never looked up.
            InetAddress.getByName("[" + literal + "]");
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static IllegalArgumentException invalid(String what, String text, String why) {
        return new IllegalArgumentException("Invalid " + what + " " + (text == null ? "null" : "'" + text + "'")
                + ": " + why + "; expected unix:PATH, tcp:IP:PORT or ssl:IP:PORT");
    }

    /** @return the connection string as given, e.g. for ovs-vsctl's {@code --db=} */
    @Override
    public String toString() {
        return text;
    }
}
