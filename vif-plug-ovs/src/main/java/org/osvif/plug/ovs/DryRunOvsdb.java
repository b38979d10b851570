package org.osvif.plug.ovs;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Makes the native OVSDB driver print each transaction instead of sending it, for
 * {@code vifctl plug --dry-run}: hand one to the library with
 * {@code InitOptions.builder().extension(DryRunOvsdb.class, new DryRunOvsdb(System.out))}.
 * The driver then connects to nothing and answers as a database in which nothing of the
 * VIF exists (no bridge, no port, no QoS row). Each transaction is printed as one line,
 * the JSON-RPC request the driver would send:
 * <pre>{"method":"transact","params":["Open_vSwitch",{"op":"insert",...},...]}</pre>
 * The {@code vsctl} driver ignores it: its ovs-vsctl runs go through the command runner,
 * which a dry run replaces.
 */
public final class DryRunOvsdb {
    private final PrintStream out;

    /** @param out where each transaction is printed */
    public DryRunOvsdb(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** @return where each transaction is printed */
    public PrintStream out() {
        return out;
    }
}
