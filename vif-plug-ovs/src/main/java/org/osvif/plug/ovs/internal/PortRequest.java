package org.osvif.plug.ovs.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbErrors;
import org.osvif.plug.ovs.internal.ovsdb.OvsdbValue;
import org.osvif.plug.ovs.internal.ovsdb.Transaction;

/**
 * What goes into the transaction that creates one port: upstream's
 * {@code create_ovs_vif_port}, but with the bridge, the isolation, the QoS row
 * and the MTU request all in the same transaction, so that the port never
 * exists half-configured (never un-isolated, never without its QoS).
 *
 * <p>Commands, in order: {@code --may-exist add-br} (when a datapath is
 * given), {@code add-port} ({@code --may-exist} unless the port is to be new: isolated or with
 * a QoS row, see {@link #commit}), {@code destroy QoS} of stale rows and {@code create QoS} (when a QoS type is
 * given), {@code set Port} ({@code tag=4095 vlan_mode=trunk trunks=[4095]}
 * when isolated, {@code qos}), {@code set Interface} ({@code external_ids},
 * {@code type}, {@code options}, {@code mtu_request}).
 *
 * @param bridge the Open vSwitch bridge
 * @param port the port and interface name
 * @param datapathType the bridge's datapath type to ensure, or null to leave the bridge alone
 * @param externalIds the Interface's external_ids to set, empty for none
 * @param interfaceType the Interface's type, or null
 * @param options the Interface's options to set, empty for none
 * @param mtuRequest the Interface's mtu_request, or null
 * @param isolated whether the port starts in the dead VLAN
 * @param qosType the type of a new QoS row for the port, or null for none
 * @param staleQos UUIDs of QoS rows keyed to the port but left without it (its Port row was
 *        deleted outside os-vif, as libvirt does when a guest stops), destroyed before the new
 *        row is created, as upstream's {@code delete_qos_if_exists}
 */
public record PortRequest(String bridge, String port, String datapathType, Map<String, String> externalIds,
        String interfaceType, Map<String, String> options, Integer mtuRequest, boolean isolated, String qosType,
        List<String> staleQos) {
    /** Neutron's dead VLAN, upstream's {@code DEAD_VLAN}: traffic on it is dropped. */
    public static final int DEAD_VLAN = 4095;
    /** The uuid-name of the QoS row within its transaction. */
    static final String QOS_ROW = "qos";

    /** Checks and copies the parts. */
    public PortRequest {
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(port, "port");
        externalIds = new LinkedHashMap<>(externalIds);
        options = new LinkedHashMap<>(options);
        staleQos = staleQos == null ? List.of() : List.copyOf(staleQos);
    }

    /**
     * @param bridge the bridge
     * @param port the port
     * @return a builder of a plain port: no datapath, ids, type, options, MTU, isolation or QoS
     */
    public static Builder builder(String bridge, String port) {
        return new Builder(bridge, port);
    }

    /**
     * Adds the port's commands to a transaction.
     *
     * @param txn the transaction
     */
    public void addTo(Transaction txn) {
        if (datapathType != null) {
            txn.addBridge(bridge, true, datapathType);
        }
        // A port that is to start isolated (or with a new QoS row) must be new: a plain add-port
        // fails the whole transaction, atomically, when it exists; commit() then re-plugs it.
        txn.addPort(bridge, port, !requiresNewPort());
        Map<String, OvsdbValue> portColumns = new LinkedHashMap<>();
        if (isolated) {
            portColumns.put("tag", OvsdbValue.of(DEAD_VLAN));
            portColumns.put("vlan_mode", OvsdbValue.of("trunk"));
            portColumns.put("trunks", OvsdbValue.set(List.of(OvsdbValue.of(DEAD_VLAN))));
        }
        if (qosType != null) {
            staleQos.forEach(uuid -> txn.destroy("QoS", uuid, true));
            Map<String, OvsdbValue> qos = new LinkedHashMap<>();
            qos.put("type", OvsdbValue.of(qosType));
            qos.put("external_ids", OvsdbValue.map(QosKeys.externalIds(port, qosType)));
            txn.create("QoS", QOS_ROW, qos);
            portColumns.put("qos", OvsdbValue.ref(QOS_ROW));
        }
        if (!portColumns.isEmpty()) {
            txn.set("Port", port, portColumns);
        }
        Map<String, OvsdbValue> interfaceColumns = new LinkedHashMap<>();
        if (!externalIds.isEmpty()) {
            interfaceColumns.put("external_ids", OvsdbValue.map(externalIds));
        }
        if (interfaceType != null) {
            interfaceColumns.put("type", OvsdbValue.of(interfaceType));
        }
        if (!options.isEmpty()) {
            interfaceColumns.put("options", OvsdbValue.map(options));
        }
        if (mtuRequest != null) {
            interfaceColumns.put("mtu_request", OvsdbValue.of(mtuRequest.longValue()));
        }
        if (!interfaceColumns.isEmpty()) {
            txn.set("Interface", port, interfaceColumns);
        }
    }

    /** @return whether a transaction with this request may only create the port (isolation or a new QoS row) */
    public boolean requiresNewPort() {
        return isolated || qosType != null;
    }

    /** @return the same request for a port that already exists: no isolation, no new QoS row */
    public PortRequest asExisting() {
        return new PortRequest(bridge, port, datapathType, externalIds, interfaceType, options, mtuRequest, false,
                null, List.of());
    }

    /**
     * Commits the port in one transaction. When the port is to start isolated or with a new QoS
     * row and turns out to exist already (the transaction then changed nothing), commits it
     * again as a re-plug, without isolation or a new QoS row, so that a wired port keeps its
     * traffic. One {@code ovs-vsctl} run for a new port (plus, on the system datapath, the read
     * of stale QoS rows the planner made), where upstream reads whether the port exists first;
     * one more for a re-plug.
     *
     * @param ovsdb the database
     */
    public void commit(Ovsdb ovsdb) {
        commitOrReplug(this, request -> {
            Transaction txn = ovsdb.transaction();
            request.addTo(txn);
            return txn;
        });
    }

    /**
     * Commits a transaction built around a port request; when it fails because that port
     * already exists, builds it again around {@link #asExisting()} and commits that. If that
     * fails too, the first failure is attached to the second as suppressed.
     *
     * @param request the port request
     * @param build makes the whole transaction for a request
     */
    public static void commitOrReplug(PortRequest request, Function<PortRequest, Transaction> build) {
        try {
            build.apply(request).commit();
        } catch (RuntimeException first) {
            if (!request.requiresNewPort() || !OvsdbErrors.portAlreadyExists(first, request.port())) {
                throw first;
            }
            try {
                build.apply(request.asExisting()).commit();
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    /** Builds a {@link PortRequest}. */
    public static final class Builder {
        private final String bridge;
        private final String port;
        private String datapathType;
        private Map<String, String> externalIds = Map.of();
        private String interfaceType;
        private final Map<String, String> options = new LinkedHashMap<>();
        private Integer mtuRequest;
        private boolean isolated;
        private String qosType;
        private List<String> staleQos = List.of();

        private Builder(String bridge, String port) {
            this.bridge = bridge;
            this.port = port;
        }

        /** @param value datapath type to ensure on the bridge, or null @return this builder */
        public Builder datapathType(String value) {
            this.datapathType = value;
            return this;
        }

        /** @param value the Interface's external_ids @return this builder */
        public Builder externalIds(Map<String, String> value) {
            this.externalIds = new LinkedHashMap<>(value);
            return this;
        }

        /** @param value the Interface's type, or null @return this builder */
        public Builder interfaceType(String value) {
            this.interfaceType = value;
            return this;
        }

        /** @param key an options key @param value its value @return this builder */
        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        /** @param value the mtu_request, or null @return this builder */
        public Builder mtuRequest(Integer value) {
            this.mtuRequest = value;
            return this;
        }

        /** @param value whether the port starts in the dead VLAN @return this builder */
        public Builder isolated(boolean value) {
            this.isolated = value;
            return this;
        }

        /** @param value the QoS type of a new QoS row, or null @return this builder */
        public Builder qosType(String value) {
            this.qosType = value;
            return this;
        }

        /** @param value UUIDs of stale QoS rows to destroy before the new one @return this builder */
        public Builder staleQos(List<String> value) {
            this.staleQos = List.copyOf(value);
            return this;
        }

        /** @return the request */
        public PortRequest build() {
            return new PortRequest(bridge, port, datapathType, externalIds, interfaceType, options, mtuRequest,
                    isolated, qosType, staleQos);
        }
    }
}
