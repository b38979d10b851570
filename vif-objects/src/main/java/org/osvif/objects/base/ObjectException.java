package org.osvif.objects.base;

import org.osvif.exception.VifException;

/**
 * Root of the errors of the versioned-object layer: a value a field refuses, a
 * primitive that cannot be read, a version that cannot be written.
 */
public abstract class ObjectException extends VifException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the whole message
     */
    protected ObjectException(String message) {
        super(message);
    }

    /**
     * @param message the whole message
     * @param cause the underlying failure
     */
    protected ObjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
