package org.osvif.plug.ovs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.OsVif;
import org.osvif.exception.PlugException;
import org.osvif.exec.Command;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.plug.ovs.it.Vifs.Ids;
import org.osvif.testing.junit.RequiresOvs;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * ovsdb-server dies under a running agent and comes back: with either driver, a plug meanwhile
 * fails within its timeout and leaves nothing, and once the server is back the same plug succeeds,
 * isolated, without a new {@code OsVif} (the native driver reconnects by itself).
 */
@RequiresOvs
@DisplayName("When ovsdb-server is killed and restarted")
class DatabaseDownIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final PrivateOvs ovs;
    private final HostState host;
    private final OsVif osvif;

    DatabaseDownIT(PrivateOvs ovs) {
        this.ovs = ovs;
        this.host = new HostState(ovs);
        this.osvif = Vifs.osVif(ovs, "isolate_vif", "true", "ovs_vsctl_timeout", Long.toString(TIMEOUT.toSeconds()));
    }

    @AfterEach
    void close() {
        osvif.close();
    }

    private VifOpenVSwitch vif(Ids ids, String bridge) {
        return Vifs.openVSwitch(ids, Vifs.network(bridge), Vifs.profile(ids).createPort(true).build());
    }

    @Test
    @DisplayName("a plug fails within its timeout and leaves nothing; after the restart it succeeds, isolated")
    void killedAndRestarted() throws Exception {
        String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-d"));
        Ids first = Ids.fresh();
        osvif.plug(vif(first, bridge), Vifs.instance()); // the native driver is connected from here on
        Ids ids = Ids.fresh();
        VifOpenVSwitch vif = vif(ids, bridge);

        ProcessHandle server = ProcessHandle.of(ovs.daemonPids().get("ovsdb-server")).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(10, TimeUnit.SECONDS);

        long start = System.nanoTime();
        PlugException failure = catchThrowableOfType(PlugException.class, () -> osvif.plug(vif, Vifs.instance()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failure).as("plug with the database down").isNotNull();
        assertThat(took).as("bounded by ovs_vsctl_timeout, never a hang").isLessThan(TIMEOUT.plusSeconds(10));

        restartDatabase();

        assertThat(host.hasPort(ids.tap())).as("nothing half-made by the failed plug").isFalse();
        assertThat(HostState.waitUntil(Duration.ofSeconds(20), () -> plugs(vif)))
                .as("the same plug succeeds once the database is back").isTrue();
        assertThat(host.port(ids.tap())).containsEntry("tag", 4095L);
        assertThat(host.hasPort(first.tap())).as("what was committed before the kill").isTrue();
        osvif.unplug(vif, Vifs.instance());
        osvif.unplug(vif(first, bridge), Vifs.instance());
        assertThat(host.hasPort(ids.tap())).isFalse();
    }

    private boolean plugs(VifOpenVSwitch vif) {
        try {
            osvif.plug(vif, Vifs.instance());
            return true;
        } catch (PlugException e) {
            return false; // still reconnecting
        }
    }

    /** Starts ovsdb-server again on the same files, inside the sandbox (whose close stops it by namespace). */
    private void restartDatabase() {
        ovs.runner().run(Command.of("ovsdb-server", ovs.dir().resolve("conf.db").toString(),
                "--remote=punix:" + ovs.dir().resolve("db.sock"), "--pidfile=" + ovs.dir().resolve("ovsdb-server.pid"),
                "--detach", "--log-file=" + ovs.dir().resolve("ovsdb-server.log"),
                "--unixctl=" + ovs.dir().resolve("ovsdb-server.ctl")));
    }
}
