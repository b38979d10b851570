package org.osvif.objects.base;

/**
 * An object cannot be written at the requested version: the target is newer
 * than the object (o.vo's {@code InvalidTargetVersion}), or a child object's
 * version for the target is unknown because no rule and no manifest entry names
 * it (o.vo's {@code ObjectActionError: No rule for ...}).
 */
public final class BackportException extends ObjectException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the whole message
     */
    public BackportException(String message) {
        super(message);
    }
}
