package org.osvif.plug.ovs.internal.ovsdb;

import org.osvif.exec.CommandFailedException;

/**
 * What a failed transaction says, in the driver's terms, so that callers need
 * not know a driver's wording. The vsctl driver reports failures as
 * {@link CommandFailedException} with ovs-vsctl's stderr; the native driver refuses
 * such a command with a {@link NativeCommandException} before sending anything.
 */
public final class OvsdbErrors {
    private OvsdbErrors() {
    }

    /**
     * Whether a transaction failed because it added a port (without {@code --may-exist}) that
     * already exists on a bridge; such a transaction changed nothing.
     *
     * @param failure what the transaction threw
     * @param port the port
     * @return true for that refusal
     */
    public static boolean portAlreadyExists(RuntimeException failure, String port) {
        if (failure instanceof NativeCommandException e) {
            return e.reason() == NativeCommandException.Reason.PORT_EXISTS
                    && e.command() instanceof OvsdbCommand.AddPort add && add.port().equals(port);
        }
        return failure instanceof CommandFailedException e
                && e.stderr().contains("because a port named " + port + " already exists on bridge");
    }
}
