package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.plug.ovs.it.HostState.row;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.OsVif;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.plug.ovs.it.Vifs.Ids;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * Default QoS on the system (kernel) datapath, upstream 5.1's {@code default_qos_type}: a new port gets a QoS
 * row of that type, keyed by {@code external_ids:id = uuid5(QOS_UUID_NAMESPACE, port)} and {@code _type},
 * linked from {@code Port.qos}; unplug destroys it. The kernel here has no Open vSwitch module, so ovs-vswitchd
 * cannot open a system datapath, but the database rows are made all the same, and they are what this checks.
 */
@RequiresOvs
@DisplayName("A port on the system datapath")
class QosIT {
    private final PrivateOvs ovs;
    private final HostState host;
    private final OsVif osvif;

    QosIT(PrivateOvs ovs) {
        this.ovs = ovs;
        this.host = new HostState(ovs);
        this.osvif = Vifs.osVif(ovs);
    }

    @AfterEach
    void close() {
        osvif.close();
    }

    private static VifOpenVSwitch systemVif(Ids ids, String bridge) {
        return Vifs.openVSwitch(ids, Vifs.network(bridge),
                Vifs.profile(ids).datapathType("system").createPort(true).createTap(true).build());
    }

    private static Map<String, Object> qos(String port, String type) {
        return row("type", type, "external_ids", row("id", HostState.qosKey(port), "_type", type));
    }

    @Test
    @DisplayName("gets a linux-noop QoS row keyed by uuid5 of its name, linked from Port.qos in one plug")
    void defaultQos() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-s");

        osvif.plug(systemVif(ids, bridge), Vifs.instance());

        assertThat(host.bridge(bridge)).containsEntry("datapath_type", "system");
        assertThat(host.port(ids.tap())).isEqualTo(row("name", ids.tap(), "interfaces", ids.tap(),
                "qos", qos(ids.tap(), "linux-noop")));
        assertThat(host.qosRowsOf(ids.tap())).hasSize(1);
    }

    @Test
    @DisplayName("gets a QoS row of the configured default_qos_type")
    void configuredType() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-s");
        VifOpenVSwitch vif = systemVif(ids, bridge);

        try (OsVif htb = Vifs.osVif(ovs, "default_qos_type", "linux-htb")) {
            htb.plug(vif, Vifs.instance());
            assertThat(host.port(ids.tap())).containsEntry("qos", qos(ids.tap(), "linux-htb"));

            htb.unplug(vif, Vifs.instance());
        }
        host.assertNoTrace(ids.tap());
    }

    @Test
    @DisplayName("loses its QoS row when unplugged; unplugging again does nothing and does not fail")
    void unplugRemovesQos() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-s");
        VifOpenVSwitch vif = systemVif(ids, bridge);
        osvif.plug(vif, Vifs.instance());
        int rows = host.qosRowCount();

        osvif.unplug(vif, Vifs.instance());

        host.assertNoTrace(ids.tap());
        assertThat(host.qosRowCount()).isEqualTo(rows - 1);
        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.tap());
    }

    @Test
    @DisplayName("plugged again keeps its one QoS row")
    void replugKeepsOneQos() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-s");
        VifOpenVSwitch vif = systemVif(ids, bridge);
        osvif.plug(vif, Vifs.instance());
        var rows = host.snapshot(List.of(ids.tap()), List.of(bridge));

        osvif.plug(vif, Vifs.instance());

        assertThat(host.snapshot(List.of(ids.tap()), List.of(bridge))).isEqualTo(rows);
        assertThat(host.qosRowsOf(ids.tap())).hasSize(1);
    }

    @Test
    @DisplayName("deleted outside os-vif and plugged again has exactly one QoS row, not the stale one beside a new "
            + "one (upstream deletes the stale row first)")
    void staleQosReplaced() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-s");
        VifOpenVSwitch vif = systemVif(ids, bridge);
        osvif.plug(vif, Vifs.instance());
        ovs.vsctl("del-port", ids.tap()); // e.g. libvirt or an operator; the QoS row (a root row) stays
        assertThat(host.qosRowsOf(ids.tap())).hasSize(1);

        osvif.plug(vif, Vifs.instance());

        assertThat(host.port(ids.tap())).containsEntry("qos", qos(ids.tap(), "linux-noop"));
        assertThat(host.qosRowsOf(ids.tap())).as("QoS rows keyed by %s", ids.tap()).hasSize(1);
        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.tap());
    }

    @Test
    @DisplayName("of a hybrid plug (qvo) gets a QoS row, which unplug removes")
    void hybridQos() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-s");
        VifBridge vif = Vifs.hybrid(ids, Vifs.network(bridge), Vifs.profile(ids).datapathType("system").build());

        osvif.plug(vif, Vifs.instance());
        assertThat(host.port(ids.qvo())).isEqualTo(row("name", ids.qvo(), "interfaces", ids.qvo(),
                "qos", qos(ids.qvo(), "linux-noop")));

        osvif.unplug(vif, Vifs.instance());
        host.assertNoTrace(ids.qbr(), ids.qvb(), ids.qvo());
    }

    @Test
    @DisplayName("of a per-port bridge gets a QoS row for the VIF's port only, which unplug removes")
    void perPortBridgeQos() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-s");
        VifOpenVSwitch vif = systemVif(ids, bridge);

        try (OsVif perPort = Vifs.osVif(ovs, "per_port_bridge", "true")) {
            perPort.plug(vif, Vifs.instance());
            assertThat(host.port(ids.tap())).containsEntry("qos", qos(ids.tap(), "linux-noop"));
            assertThat(host.port(ids.ibp())).doesNotContainKey("qos");
            assertThat(host.port(ids.pbp())).doesNotContainKey("qos");
            assertThat(host.bridge(ids.pb())).containsEntry("datapath_type", "system");

            perPort.unplug(vif, Vifs.instance());
        }
        host.assertNoTrace(ids.tap(), ids.pb(), ids.pbp(), ids.ibp());
    }

    @Test
    @DisplayName("of a per-port bridge plugged again keeps its one QoS row")
    void perPortBridgeReplug() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-s");
        VifOpenVSwitch vif = systemVif(ids, bridge);

        try (OsVif perPort = Vifs.osVif(ovs, "per_port_bridge", "true")) {
            perPort.plug(vif, Vifs.instance());
            var rows = host.snapshot(List.of(ids.tap(), ids.pbp(), ids.ibp()), List.of(ids.pb(), bridge));

            perPort.plug(vif, Vifs.instance());

            assertThat(host.snapshot(List.of(ids.tap(), ids.pbp(), ids.ibp()), List.of(ids.pb(), bridge)))
                    .isEqualTo(rows);
            assertThat(host.qosRowsOf(ids.tap())).hasSize(1);
            perPort.unplug(vif, Vifs.instance());
        }
        host.assertNoTrace(ids.tap(), ids.pb(), ids.pbp(), ids.ibp());
    }

    @Test
    @DisplayName("is the only kind that gets one: a port on the netdev datapath gets no QoS")
    void noQosOnNetdev() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-s");
        int before = host.qosRowCount();

        osvif.plug(Vifs.openVSwitch(ids, Vifs.network(bridge), Vifs.profile(ids).createPort(true).build()),
                Vifs.instance());

        assertThat(host.port(ids.tap())).doesNotContainKey("qos");
        assertThat(host.qosRowCount()).isEqualTo(before);
    }
}
