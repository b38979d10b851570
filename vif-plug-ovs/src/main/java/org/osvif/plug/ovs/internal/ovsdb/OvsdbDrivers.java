package org.osvif.plug.ovs.internal.ovsdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osvif.config.ConfigException;
import org.osvif.config.GroupConfig;
import org.osvif.config.Option;
import org.osvif.exec.CommandRunner;
import org.osvif.ovsdb.OvsdbClientOptions;
import org.osvif.ovsdb.OvsdbEndpoint;
import org.osvif.plug.ovs.DryRunOvsdb;
import org.osvif.plug.ovs.OvsOptions;

/**
 * Makes the {@link Ovsdb} driver that {@code ovsdb_interface} names, from the plugin's options,
 * checking them first: the connection string, and for an {@code ssl:} connection the three TLS
 * files, each of which must be given and readable.
 */
public final class OvsdbDrivers {
    private OvsdbDrivers() {
    }

    /**
     * @param config the {@code [os_vif_ovs]} options
     * @param runner runs ovs-vsctl (vsctl driver only)
     * @param dryRun when present, the native driver prints its transactions there and connects to nothing
     * @return the driver; the native one connects on first use
     * @throws ConfigException naming the option and value that cannot work
     */
    public static Ovsdb create(GroupConfig config, CommandRunner runner, Optional<DryRunOvsdb> dryRun) {
        String connection = config.get(OvsOptions.OVSDB_CONNECTION);
        Duration timeout = Duration.ofSeconds(config.get(OvsOptions.OVS_VSCTL_TIMEOUT));
        OvsdbEndpoint endpoint = endpoint(connection);
        List<String> tls = tls(config, endpoint);
        if (OvsOptions.INTERFACE_VSCTL.equals(config.get(OvsOptions.OVSDB_INTERFACE))) {
            return new VsctlOvsdb(runner, connection, timeout, false, tls);
        }
        if (dryRun.isPresent()) {
            return DryRunSession.driver(dryRun.get().out());
        }
        if (endpoint == null) {
            throw new ConfigException(OvsOptions.GROUP.name(), OvsOptions.OVSDB_CONNECTION.name(), "",
                    "the native OVSDB driver needs a connection (unix:PATH, tcp:IP:PORT or ssl:IP:PORT)");
        }
        OvsdbClientOptions.Builder options = OvsdbClientOptions.builder(endpoint);
        if (endpoint.kind() == OvsdbEndpoint.Kind.SSL) {
            options.privateKey(Path.of(tls.get(0))).certificate(Path.of(tls.get(1)))
                    .caCertificate(Path.of(tls.get(2)));
        }
        return NativeOvsdb.connectingTo(options.build(), timeout, false);
    }

    private static OvsdbEndpoint endpoint(String connection) {
        if (connection == null || connection.isEmpty()) {
            return null;
        }
        try {
            return OvsdbEndpoint.parse(connection, OvsOptions.OVSDB_CONNECTION.name());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(OvsOptions.GROUP.name(), OvsOptions.OVSDB_CONNECTION.name(), connection,
                    e.getMessage());
        }
    }

    /** @return key, certificate and CA files of an ssl: connection, in that order; empty otherwise */
    private static List<String> tls(GroupConfig config, OvsdbEndpoint endpoint) {
        if (endpoint == null || endpoint.kind() != OvsdbEndpoint.Kind.SSL) {
            return List.of();
        }
        List<String> files = new ArrayList<>(3);
        for (Option<String> option : List.of(OvsOptions.SSL_KEY_FILE, OvsOptions.SSL_CERT_FILE,
                OvsOptions.SSL_CA_CERT_FILE)) {
            String file = config.get(option);
            if (file == null || file.isEmpty()) {
                throw new ConfigException(OvsOptions.GROUP.name(), option.name(), "",
                        "an ssl: ovsdb_connection (" + endpoint.text() + ") needs " + option.name());
            }
            if (!Files.isReadable(Path.of(file))) {
                throw new ConfigException(OvsOptions.GROUP.name(), option.name(), file,
                        "the file does not exist or is not readable");
            }
            files.add(file);
        }
        return files;
    }
}
