package org.osvif.plug.ovs.internal.ovsdb;

import java.io.PrintStream;

/**
 * Test access to the native driver over its dry-run session, for tests outside this package:
 * a real {@link NativeOvsdb} (translation, replica, refusals) whose database starts empty but
 * for the Open_vSwitch row and takes in each transaction it prints.
 */
public final class DryRunDrivers {
    private DryRunDrivers() {
    }

    /**
     * @param out where each transaction is printed, one JSON-RPC request a line
     * @return the native driver, as {@code vifctl plug --dry-run} uses it
     */
    public static Ovsdb nativeDriver(PrintStream out) {
        return DryRunSession.driver(out);
    }
}
