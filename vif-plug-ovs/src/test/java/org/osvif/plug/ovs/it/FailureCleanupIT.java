package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.OsVif;
import org.osvif.exception.PlugException;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.net.IpBatch;
import org.osvif.net.IpBatchException;
import org.osvif.net.IpCommand;
import org.osvif.ovsdb.OvsdbException;
import org.osvif.plug.ovs.internal.ovsdb.NativeCommandException;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.plug.ovs.it.Vifs.Ids;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * A plug that fails halfway leaves nothing behind: whatever the plug made before the failing step (a tap, a
 * Linux bridge, a veth pair) is deleted again, the Open vSwitch transaction is all or nothing, and what the
 * plug did not make is left alone. The failures are ones a compute host meets: a port row left on another
 * bridge by an earlier life of the VIF, a bridge name that is already a port, an OVSDB server that is down, a
 * device in the way.
 */
@RequiresOvs
@DisplayName("A plug that fails halfway")
class FailureCleanupIT {
    private final PrivateOvs ovs;
    private final HostState host;
    private final OsVif osvif;

    FailureCleanupIT(PrivateOvs ovs) {
        this.ovs = ovs;
        this.host = new HostState(ovs);
        this.osvif = Vifs.osVif(ovs);
    }

    @AfterEach
    void close() {
        osvif.close();
    }

    /**
     * What made a plug fail: a command (ovs-vsctl with the vsctl driver, ip) with its argv and stderr, or the
     * native driver's OVSDB call with its message; the same assertions hold for both drivers.
     *
     * @param cause the failure
     * @param argv the failed command's argv, empty for the native driver
     * @param text the command's stderr, or the native driver's message
     */
    record Failure(Throwable cause, java.util.List<String> argv, String text) {
        /** @return whether the OVSDB transaction (not a device command) failed */
        boolean inOvsdb() {
            return argv.contains("ovs-vsctl") || cause instanceof NativeCommandException
                    || cause instanceof OvsdbException;
        }
    }

    /** Plugs, expecting a failure of an ovs-vsctl or ip command, or of the native driver's transaction. */
    private static Failure plugFails(OsVif osvif, VifBase vif) {
        PlugException failure = catchThrowableOfType(PlugException.class, () -> osvif.plug(vif, Vifs.instance()));
        assertThat(failure).as("plug of %s", vif.id()).isNotNull();
        assertThat(failure.vif()).isSameAs(vif);
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandFailedException command) {
                return new Failure(command, command.command().argv(), command.stderr());
            }
            if (cause instanceof NativeCommandException || cause instanceof OvsdbException) {
                return new Failure(cause, java.util.List.of(), cause.getMessage());
            }
        }
        throw new AssertionError("no failed command or OVSDB call in " + failure, failure);
    }

    /** Leaves a Port row named so on a bridge of its own, with no device behind it, as an earlier plug would. */
    private String leftoverPortRow(String port) {
        String elsewhere = ovs.addBridge(ovs.uniqueBridgeName("br-x"));
        ovs.vsctl("add-port", elsewhere, port);
        return elsewhere;
    }

    @Test
    @DisplayName("in the hybrid plug's transaction (qvo still a port of another bridge) deletes the qbr and veth "
            + "pair it made")
    void hybridTransactionFails() {
        Ids ids = Ids.fresh();
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-f"));
        String elsewhere = leftoverPortRow(ids.qvo());
        VifBridge vif = Vifs.hybrid(ids, Vifs.network(bridge), Vifs.profile(ids).build());

        Failure cause = plugFails(osvif, vif);

        assertThat(cause.inOvsdb()).as("%s", cause).isTrue();
        assertThat(cause.text()).contains(ids.qvo());
        assertThat(host.hasLink(ids.qbr())).isFalse();
        assertThat(host.hasLink(ids.qvb())).isFalse();
        assertThat(host.hasLink(ids.qvo())).isFalse();
        assertThat(ovs.portNames(bridge)).isEmpty();
        assertThat(ovs.portNames(elsewhere)).as("the other bridge's row is not ours to remove")
                .containsExactly(ids.qvo());
    }

    @Test
    @DisplayName("because the OVSDB server is unreachable after the Linux part deletes the qbr and veth pair it made")
    void hybridDatabaseDown() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-f");
        VifBridge vif = Vifs.hybrid(ids, Vifs.network(bridge), Vifs.profile(ids).build());

        try (OsVif down = Vifs.osVifAt(ovs, "unix:" + ovs.dir().resolve("no-such-db.sock"),
                "ovs_vsctl_timeout", "2")) {
            Failure cause = plugFails(down, vif);
            assertThat(cause.inOvsdb()).as("%s", cause).isTrue();
        }

        assertThat(host.hasLink(ids.qbr())).isFalse();
        assertThat(host.hasLink(ids.qvb())).isFalse();
        assertThat(host.hasLink(ids.qvo())).isFalse();
        assertThat(ovs.bridgeNames()).doesNotContain(bridge);
    }

    @Test
    @DisplayName("in the hybrid plug's transaction leaves a Linux bridge it did not make, and deletes the veth pair")
    void hybridKeepsForeignLinuxBridge() {
        Ids ids = Ids.fresh();
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-f"));
        leftoverPortRow(ids.qvo());
        ovs.runner().run(Command.of("ip", "link", "add", "name", ids.qbr(), "type", "bridge"));
        VifBridge vif = Vifs.hybrid(ids, Vifs.network(bridge), Vifs.profile(ids).build());

        plugFails(osvif, vif);

        assertThat(host.hasLink(ids.qbr())).as("a bridge that was there before").isTrue();
        assertThat(host.hasLink(ids.qvb())).isFalse();
        assertThat(host.hasLink(ids.qvo())).isFalse();
        ovs.runner().run(Command.of("ip", "link", "del", "dev", ids.qbr()));
    }

    @Test
    @DisplayName("when qvb cannot join qbr (a device named qbr that is not a bridge) deletes the veth pair and "
            + "leaves that device alone")
    void hybridEnslaveFails() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-f");
        ovs.runner().run(Command.of("ip", "tuntap", "add", "dev", ids.qbr(), "mode", "tap"));
        VifBridge vif = Vifs.hybrid(ids, Vifs.network(bridge), Vifs.profile(ids).build());

        Failure cause = plugFails(osvif, vif);

        // The attach is one line of the plug's ip batch; the error names it and its device.
        assertThat(cause.cause()).isInstanceOfSatisfying(IpBatchException.class, e -> {
            assertThat(e.step()).contains("link set dev " + ids.qvb() + " master " + ids.qbr());
            assertThat(e.device()).isEqualTo(ids.qvb());
            assertThat(e.line()).isPositive();
            assertThat(e.command().stdin()).contains("link set dev " + ids.qvb() + " master " + ids.qbr() + "\n");
        });
        assertThat(host.hasLink(ids.qvb())).isFalse();
        assertThat(host.hasLink(ids.qvo())).isFalse();
        assertThat(host.requireLink(ids.qbr()).path("linkinfo").path("info_kind").asText()).isEqualTo("tun");
        assertThat(host.hasPort(ids.qvo())).isFalse();
        ovs.runner().run(Command.of("ip", "link", "del", "dev", ids.qbr()));
    }

    @Test
    @DisplayName("a line failing in the middle of an ip batch leaves nothing behind: the bridge, veth pair made by "
            + "the lines before it are deleted, the lines after it never run, the error names line, step and device")
    void batchLineFailsInTheMiddle() {
        Ids ids = Ids.fresh();
        // A veth cannot be another device's master: the kernel refuses line 3 (EOPNOTSUPP).
        IpBatch batch = IpCommand.on(ovs.runner()).batch()
                .addBridgeWithoutMacAgeing(ids.qbr())
                .addVethPair(ids.qvb(), ids.qvo())
                .setMaster(ids.qvb(), ids.qvo())
                .addTap(ids.tap(), false);

        IpBatchException failure = catchThrowableOfType(IpBatchException.class, batch::run);

        assertThat(failure).as("the batch's failure").isNotNull();
        assertThat(failure.line()).isEqualTo(3);
        assertThat(failure.device()).isEqualTo(ids.qvb());
        assertThat(failure.step()).isEqualTo("attach " + ids.qvb() + " to " + ids.qvo() + " (ip link set dev "
                + ids.qvb() + " master " + ids.qvo() + ")");
        assertThat(failure.kernelMessage()).isEqualTo("RTNETLINK answers: Operation not supported");
        assertThat(failure.command().argv()).containsExactly("ip", "-batch", "-");
        for (String dev : List.of(ids.qbr(), ids.qvb(), ids.qvo(), ids.tap())) {
            assertThat(host.hasLink(dev)).as("%s after the failed batch", dev).isFalse();
        }
    }

    @Test
    @DisplayName("in a create_tap port's transaction (the port still on another bridge) deletes the tap it made")
    void createTapTransactionFails() {
        Ids ids = Ids.fresh();
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-f"));
        String elsewhere = leftoverPortRow(ids.tap());
        VifOpenVSwitch vif = Vifs.openVSwitch(ids, Vifs.network(bridge),
                Vifs.profile(ids).createPort(true).createTap(true).build());

        Failure cause = plugFails(osvif, vif);

        assertThat(cause.text()).contains(ids.tap());
        assertThat(host.hasLink(ids.tap())).isFalse();
        assertThat(ovs.portNames(bridge)).isEmpty();
        assertThat(ovs.portNames(elsewhere)).containsExactly(ids.tap());
    }

    @Test
    @DisplayName("with isolate_vif and the port still on another bridge (both the isolating attempt and the re-plug "
            + "fail) deletes the tap it made and isolates nothing")
    void createTapTransactionFailsIsolated() {
        Ids ids = Ids.fresh();
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-f"));
        String elsewhere = leftoverPortRow(ids.tap());
        VifOpenVSwitch vif = Vifs.openVSwitch(ids, Vifs.network(bridge),
                Vifs.profile(ids).createPort(true).createTap(true).build());

        try (OsVif isolating = Vifs.osVif(ovs, "isolate_vif", "true")) {
            Failure cause = plugFails(isolating, vif);
            assertThat(cause.text()).contains(ids.tap());
        }

        assertThat(host.hasLink(ids.tap())).isFalse();
        assertThat(ovs.portNames(bridge)).isEmpty();
        assertThat(host.port(ids.tap())).as("the other bridge's row, untouched")
                .isEqualTo(HostState.row("name", ids.tap(), "interfaces", ids.tap()));
        assertThat(ovs.portNames(elsewhere)).containsExactly(ids.tap());
    }

    @Test
    @DisplayName("on a bad bridge (named like an existing port) makes neither bridge nor port, isolated or not, and "
            + "deletes its tap")
    void badBridge() {
        Ids ids = Ids.fresh();
        String bad = "bad-" + ovs.uniqueBridgeName("p");
        leftoverPortRow(bad);
        VifOpenVSwitch vif = Vifs.openVSwitch(ids, Vifs.network(bad),
                Vifs.profile(ids).createPort(true).createTap(true).build());

        try (OsVif isolating = Vifs.osVif(ovs, "isolate_vif", "true")) {
            Failure cause = plugFails(isolating, vif);
            assertThat(cause.text()).contains(bad);
        }

        assertThat(ovs.bridgeNames()).doesNotContain(bad);
        host.assertNoTrace(ids.tap());
    }

    @Test
    @DisplayName("never deletes a device it did not make: the hypervisor's tap survives a failed create_tap plug")
    void keepsForeignTap() {
        Ids ids = Ids.fresh();
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-f"));
        leftoverPortRow(ids.tap());
        ovs.runner().run(Command.of("ip", "tuntap", "add", "dev", ids.tap(), "mode", "tap"));
        VifOpenVSwitch vif = Vifs.openVSwitch(ids, Vifs.network(bridge),
                Vifs.profile(ids).createPort(true).createTap(true).build());

        plugFails(osvif, vif);

        assertThat(host.hasLink(ids.tap())).isTrue();
        assertThat(ovs.portNames(bridge)).isEmpty();
        ovs.runner().run(Command.of("ip", "link", "del", "dev", ids.tap()));
    }

    @Test
    @DisplayName("in a per-port bridge's transaction makes no pb bridge and no patch ports, and deletes its tap")
    void perPortBridgeTransactionFails() {
        Ids ids = Ids.fresh();
        String bad = "bad-" + ovs.uniqueBridgeName("q");
        leftoverPortRow(bad);
        VifOpenVSwitch vif = Vifs.openVSwitch(ids, Vifs.network(bad), Vifs.profile(ids).createTap(true).build());

        try (OsVif perPort = Vifs.osVif(ovs, "per_port_bridge", "true")) {
            plugFails(perPort, vif);
        }

        assertThat(ovs.bridgeNames()).doesNotContain(bad);
        host.assertNoTrace(ids.tap(), ids.pb(), ids.pbp(), ids.ibp());
    }

    @Test
    @DisplayName("never starts with a name the kernel would refuse: a vif_name of 16 characters runs nothing")
    void invalidNameRefusedFirst() {
        Ids ids = Ids.fresh();
        String bridge = ovs.uniqueBridgeName("br-f");
        String tooLong = "tap" + ids.vifId().substring(0, 13);
        VifOpenVSwitch vif = VifOpenVSwitch.builder().id(ids.vifId()).address(ids.mac()).plugin("ovs")
                .network(Vifs.network(bridge)).vifName(tooLong).bridgeName(bridge)
                .portProfile(Vifs.profile(ids).createPort(true).createTap(true).build()).build();

        PlugException failure = catchThrowableOfType(PlugException.class, () -> osvif.plug(vif, Vifs.instance()));

        assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(tooLong);
        assertThat(ovs.bridgeNames()).doesNotContain(bridge);
        host.assertNoTrace(tooLong);
    }

    @Test
    @DisplayName("in a vhost-user transaction (bad bridge) makes no port")
    void vhostUserTransactionFails() {
        Ids ids = Ids.fresh();
        String bad = "bad-" + ovs.uniqueBridgeName("v");
        leftoverPortRow(bad);

        plugFails(osvif, Vifs.vhostUser(ids, Vifs.network(bad), Vifs.profile(ids).build(),
                VifVHostUserMode.SERVER));

        assertThat(ovs.bridgeNames()).doesNotContain(bad);
        host.assertNoTrace(ids.vhu());
    }
}
