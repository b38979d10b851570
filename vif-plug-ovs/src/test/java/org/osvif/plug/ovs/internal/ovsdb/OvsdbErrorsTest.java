package org.osvif.plug.ovs.internal.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;

/**
 * The port-exists refusal in each driver's words: the plug paths' re-plug depends on it, and their
 * tests now script it at the OVSDB seam, so both forms are pinned here.
 */
@DisplayName("OvsdbErrors.portAlreadyExists")
class OvsdbErrorsTest {
    private static CommandFailedException vsctl(String stderr) {
        return new CommandFailedException(new CommandResult(Command.of("ovs-vsctl", "--", "add-port", "br-int",
                "tap1"), 1, "", stderr, Duration.ZERO));
    }

    private static NativeCommandException refused(String port, NativeCommandException.Reason reason) {
        return new NativeCommandException(new OvsdbCommand.AddPort("br-int", port, false), reason, "refused");
    }

    @Test
    @DisplayName("ovs-vsctl's check_conflicts message about that port, on whatever bridge")
    void vsctlForm() {
        assertThat(OvsdbErrors.portAlreadyExists(vsctl("ovs-vsctl: cannot create a port named tap1 because a port "
                + "named tap1 already exists on bridge br-ex\n"), "tap1")).isTrue();
        assertThat(OvsdbErrors.portAlreadyExists(vsctl("ovs-vsctl: cannot create a port named tap0 because a port "
                + "named tap0 already exists on bridge br-int\n"), "tap1")).isFalse();
        assertThat(OvsdbErrors.portAlreadyExists(vsctl("ovs-vsctl: cannot create a port named tap1 because an "
                + "interface named tap1 already exists on bridge br-ex\n"), "tap1")).isFalse();
    }

    @Test
    @DisplayName("the native driver's PORT_EXISTS refusal of an add-port of that port, and nothing else")
    void nativeForm() {
        assertThat(OvsdbErrors.portAlreadyExists(refused("tap1", NativeCommandException.Reason.PORT_EXISTS), "tap1"))
                .isTrue();
        assertThat(OvsdbErrors.portAlreadyExists(refused("tap0", NativeCommandException.Reason.PORT_EXISTS), "tap1"))
                .isFalse();
        assertThat(OvsdbErrors.portAlreadyExists(refused("tap1",
                NativeCommandException.Reason.PORT_ON_OTHER_BRIDGE), "tap1")).isFalse();
        assertThat(OvsdbErrors.portAlreadyExists(new IllegalStateException("cannot create a port named tap1 because "
                + "a port named tap1 already exists on bridge br-int"), "tap1")).isFalse();
    }
}
