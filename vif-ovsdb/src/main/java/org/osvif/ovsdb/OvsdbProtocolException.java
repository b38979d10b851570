package org.osvif.ovsdb;

/** The peer broke the protocol: malformed JSON, an oversized message, a reply of the wrong shape. */
public class OvsdbProtocolException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public OvsdbProtocolException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public OvsdbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
