package org.osvif.plug.ovs.internal.ovsdb;

import java.util.Objects;

/**
 * A command of a transaction that the native driver refused before sending anything, for the
 * reason ovs-vsctl would have refused it (a bridge that does not exist, a port that already
 * exists, a record that is not there). Nothing was changed.
 */
public final class NativeCommandException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Why a command was refused. */
    public enum Reason {
        /** A bridge named by the command does not exist. */
        NO_BRIDGE,
        /** A port named by the command does not exist. */
        NO_PORT,
        /** A record named by the command does not exist. */
        NO_ROW,
        /** The bridge to be created exists already. */
        BRIDGE_EXISTS,
        /** The port to be created exists already (on this or another bridge). */
        PORT_EXISTS,
        /** The port exists, but on another bridge than the one named. */
        PORT_ON_OTHER_BRIDGE
    }

    private final transient OvsdbCommand command;
    private final Reason reason;

    /**
     * @param command the refused command
     * @param reason why
     * @param message what ovs-vsctl would have said, in words
     */
    public NativeCommandException(OvsdbCommand command, Reason reason, String message) {
        super(message);
        this.command = Objects.requireNonNull(command, "command");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the refused command */
    public OvsdbCommand command() {
        return command;
    }

    /** @return why it was refused */
    public Reason reason() {
        return reason;
    }
}
