package org.osvif.objects.base;

/**
 * A primitive cannot be read: it is not a JSON object, an envelope key is
 * missing or of the wrong type, data nests too deep. The message carries the
 * path inside the primitive where the problem is.
 */
public class InvalidPrimitiveException extends ObjectException {
    private static final long serialVersionUID = 1L;
    /** The path. */
    private final String path;

    /**
     * @param path where in the primitive, e.g. {@code $.versioned_object.data.network}
     * @param reason what is wrong there
     */
    public InvalidPrimitiveException(String path, String reason) {
        super("invalid primitive at " + path + ": " + reason);
        this.path = path;
    }

    /** @return where in the primitive the problem is */
    public String path() {
        return path;
    }
}
