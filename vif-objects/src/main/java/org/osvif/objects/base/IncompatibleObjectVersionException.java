package org.osvif.objects.base;

/**
 * A primitive carries a version of a known object that this library cannot read:
 * another major version, or a minor version newer than the one it knows
 * (o.vo's {@code IncompatibleObjectVersion}).
 */
public final class IncompatibleObjectVersionException extends InvalidPrimitiveException {
    private static final long serialVersionUID = 1L;
    /** The object name. */
    private final String objectName;
    /** The requested. */
    private final ObjectVersion requested;
    /** The supported. */
    private final ObjectVersion supported;

    /**
     * @param path where in the primitive
     * @param objectName the object's wire name
     * @param requested the version the primitive carries
     * @param supported the newest version known here
     */
    public IncompatibleObjectVersionException(String path, String objectName, ObjectVersion requested,
            ObjectVersion supported) {
        super(path, "version " + requested + " of " + objectName + " is not supported (this library knows "
                + objectName + " " + supported + " and reads " + supported.major() + ".0 to " + supported + ")");
        this.objectName = objectName;
        this.requested = requested;
        this.supported = supported;
    }

    /** @return the object's wire name */
    public String objectName() {
        return objectName;
    }

    /** @return the version the primitive carries */
    public ObjectVersion requested() {
        return requested;
    }

    /** @return the newest version this library knows */
    public ObjectVersion supported() {
        return supported;
    }
}
