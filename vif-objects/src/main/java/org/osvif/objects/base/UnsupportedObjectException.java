package org.osvif.objects.base;

/**
 * A primitive names an object this library does not know, or a namespace other
 * than {@code os_vif} (o.vo's {@code UnsupportedObjectError}).
 */
public final class UnsupportedObjectException extends InvalidPrimitiveException {
    private static final long serialVersionUID = 1L;
    /** The object type. */
    private final String objectType;

    /**
     * @param path where in the primitive
     * @param objectType the unknown type, {@code namespace.name} for a foreign namespace
     * @param reason the explanation
     */
    public UnsupportedObjectException(String path, String objectType, String reason) {
        super(path, reason);
        this.objectType = objectType;
    }

    /** @return the type that is not supported */
    public String objectType() {
        return objectType;
    }
}
