package org.osvif.ovsdb;

/** An operation names a table or column the server's schema lacks, or gives a value of the wrong type; thrown before anything is sent. */
public class OvsdbSchemaException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public OvsdbSchemaException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public OvsdbSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
