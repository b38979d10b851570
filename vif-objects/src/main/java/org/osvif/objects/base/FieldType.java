package org.osvif.objects.base;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The type of a field: how a value is checked when an object is built, read
 * from its primitive form and written back. The built-in types live in
 * {@link FieldTypes}; each mirrors one oslo.versionedobjects field type.
 *
 * <p>Methods report a refused value by throwing {@link IllegalArgumentException}
 * with the reason; {@link Field} turns that into an
 * {@link InvalidFieldValueException} naming the object and the field.
 *
 * @param <T> the Java type of the value
 */
public abstract class FieldType<T> {

    FieldType() {
    }

    /**
     * The o.vo name of the type, used in descriptions and fingerprints, e.g.
     * {@code String}, {@code MACAddress}, {@code Object<Network>}, {@code List<IPAddress>}.
     *
     * @return the description
     */
    public abstract String describe();

    /**
     * Checks a value set through a builder and returns the value to store.
     *
     * @param value the value, not null
     * @return the value to store (possibly normalised)
     * @throws IllegalArgumentException when the value is refused
     */
    abstract T accept(Object value);

    /**
     * Reads a value from its primitive form.
     *
     * @param node the JSON value, not a JSON null
     * @param reader the reader, for nested objects
     * @param path where in the primitive, for errors of nested objects
     * @return the value
     * @throws IllegalArgumentException when the value is refused
     */
    abstract T read(JsonNode node, PrimitiveReader reader, String path);

    /**
     * Writes a value in its primitive form.
     *
     * @param value the value, not null
     * @return the JSON value
     */
    abstract JsonNode write(T value);

    /**
     * A short text for {@code toString}, as o.vo's {@code stringify}.
     *
     * @param value the value, not null
     * @return the text
     */
    String stringify(T value) {
        return String.valueOf(value);
    }

    /** @return whether values of this type are versioned objects or lists of them */
    boolean holdsObjects() {
        return false;
    }

    /** @return the declared object name for object fields, else null */
    String objectName() {
        return null;
    }
}
