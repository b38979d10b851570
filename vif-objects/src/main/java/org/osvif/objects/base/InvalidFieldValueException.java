package org.osvif.objects.base;

/**
 * A field refused a value: a malformed MAC, UUID, PCI address, IP address or
 * network, an enum value outside its set, a value of the wrong type, a null in a
 * field that is not nullable. The message names the object, the field (with its
 * path inside a primitive when read from one) and the value.
 */
public final class InvalidFieldValueException extends ObjectException {
    private static final long serialVersionUID = 1L;
    private final String objectName;
    private final String fieldName;
    private final String value;
    private final String reason;

    /**
     * @param objectName the wire name of the object, e.g. {@code VIFOpenVSwitch}
     * @param fieldName the field, or its path within a primitive
     * @param value the refused value, as text ({@code null} for a null)
     * @param reason why it was refused
     */
    public InvalidFieldValueException(String objectName, String fieldName, String value, String reason) {
        super(objectName + "." + fieldName + ": " + reason + " (value: " + quote(value) + ")");
        this.objectName = objectName;
        this.fieldName = fieldName;
        this.value = value;
        this.reason = reason;
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
        return "'" + shown.replace("\n", "\\n") + "'";
    }

    /** @return the wire name of the object */
    public String objectName() {
        return objectName;
    }

    /** @return the field name, or its path within a primitive */
    public String fieldName() {
        return fieldName;
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
