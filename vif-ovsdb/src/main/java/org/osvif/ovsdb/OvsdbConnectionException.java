package org.osvif.ovsdb;

/** The client cannot connect, or lost its connection; the message names the endpoint and, for a transaction that was in flight, says it may or may not have committed. */
public class OvsdbConnectionException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public OvsdbConnectionException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public OvsdbConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
