package org.osvif.objects.base;

/**
 * An object cannot be written at the requested version: the target is newer
 * than the object (o.vo's {@code InvalidTargetVersion}), or a child object's
 * version for the target is unknown because no rule and no manifest entry names
 * it (o.vo's {@code ObjectActionError: No rule for ...}).
 */
public final class BackportException extends ObjectException {
    private static final long serialVersionUID = 1L;

    /** Why the backport is impossible. */
    public enum Kind {
        /** The target version is newer than the object's own. */
        INVALID_TARGET_VERSION,
        /** A child's version is decided by no rule; a version manifest naming its class would decide it. */
        NO_RULE
    }

    /** The kind. */
    private final Kind kind;
    /** The object name. */
    private final String objectName;
    /** The field. */
    private final String field;
    /** The child object name. */
    private final String childObjectName;

    /**
     * @param kind why
     * @param objectName the object being written
     * @param field the child field without a rule, or null
     * @param childObjectName the declared class of that child, which a manifest should name, or null
     * @param message the whole message
     */
    public BackportException(Kind kind, String objectName, String field, String childObjectName, String message) {
        super(message);
        this.kind = kind;
        this.objectName = objectName;
        this.field = field;
        this.childObjectName = childObjectName;
    }

    /** @return why the backport is impossible */
    public Kind kind() {
        return kind;
    }

    /** @return the wire name of the object being written */
    public String objectName() {
        return objectName;
    }

    /** @return the child field that has no rule, or null */
    public String field() {
        return field;
    }

    /** @return the class a version manifest should name for that child, or null */
    public String childObjectName() {
        return childObjectName;
    }
}
