package org.osvif.ovsdb;

/** The root of every error of the OVSDB client (unchecked). */
public class OvsdbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public OvsdbException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public OvsdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
