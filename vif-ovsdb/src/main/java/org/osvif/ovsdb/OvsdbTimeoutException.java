package org.osvif.ovsdb;

/** A call passed its deadline; the message names the method and the deadline. */
public class OvsdbTimeoutException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public OvsdbTimeoutException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public OvsdbTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
