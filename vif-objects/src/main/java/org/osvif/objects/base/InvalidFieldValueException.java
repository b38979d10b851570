package org.osvif.objects.base;

/**
 * A field refused a value: a malformed MAC, UUID, PCI address, IP address or
 * network, an enum value outside its set, a value of the wrong type, a null in a
 * field that is not nullable. The message names the object, the field, its path
 * inside the primitive when the value was read from one, and the value; it is
 * always one line and bounded in length, whatever the value.
 *
 * <p>Examples: {@code VIFOpenVSwitch.address: Malformed MAC zz (value: 'zz')} from a
 * builder; {@code at $.versioned_object.data.address (VIFOpenVSwitch.address):
 * Malformed MAC zz (value: 'zz')} from a primitive.
 */
public final class InvalidFieldValueException extends ObjectException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_REASON = 200;
    private static final int MAX_VALUE = 80;
    /** The object name. */
    private final String objectName;
    /** The field name. */
    private final String fieldName;
    /** The path. */
    private final String path;
    /** The value. */
    private final String value;
    /** The reason. */
    private final String reason;

    /**
     * @param objectName the wire name of the object, e.g. {@code VIFOpenVSwitch}
     * @param fieldName the field's wire name
     * @param path where the value was in a primitive, e.g. {@code $.versioned_object.data.address}, or null
     * @param value the refused value, as text ({@code null} for a null)
     * @param reason why it was refused
     */
    public InvalidFieldValueException(String objectName, String fieldName, String path, String value,
            String reason) {
        super((path == null ? "" : "at " + path + " (") + objectName + "." + fieldName + (path == null ? "" : ")")
                + ": " + shorten(reason, MAX_REASON) + " (value: " + quote(value) + ")");
        this.objectName = objectName;
        this.fieldName = fieldName;
        this.path = path;
        this.value = value;
        this.reason = reason;
    }

    private static String shorten(String text, int max) {
        String s = String.valueOf(text).replace("\r", "\\r").replace("\n", "\\n");
        return s.length() > max ? s.substring(0, max - 3) + "..." : s;
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + shorten(value, MAX_VALUE) + "'";
    }

    /** @return the wire name of the object */
    public String objectName() {
        return objectName;
    }

    /** @return the field's wire name */
    public String fieldName() {
        return fieldName;
    }

    /** @return where the value was in a primitive, or null when it came from a builder */
    public String path() {
        return path;
    }

    /** @return the refused value as text, null for a JSON null */
    public String value() {
        return value;
    }

    /** @return why the value was refused */
    public String reason() {
        return reason;
    }
}
