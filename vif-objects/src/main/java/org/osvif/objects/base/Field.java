package org.osvif.objects.base;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One field of a versioned object: its wire name, type, whether it may be null,
 * and its default. Fields are declared once per class through
 * {@link ObjectType.Builder}; subclasses inherit their parent's fields with the
 * same index, as o.vo subclasses inherit {@code fields}.
 *
 * @param <T> the Java type of the value
 */
public final class Field<T> {
    private final String name;
    private final FieldType<T> type;
    private final boolean nullable;
    private final boolean hasDefault;
    private final T defaultValue;
    private final int index;

    Field(String name, FieldType<T> type, boolean nullable, boolean hasDefault, T defaultValue, int index) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.nullable = nullable;
        this.hasDefault = hasDefault;
        this.defaultValue = defaultValue;
        this.index = index;
    }

    /** @return the wire name, e.g. {@code vif_name} */
    public String name() {
        return name;
    }

    /** @return the field type */
    public FieldType<T> type() {
        return type;
    }

    /** @return whether null is a valid value */
    public boolean nullable() {
        return nullable;
    }

    /** @return whether the field declares a default (o.vo {@code default=}) */
    public boolean hasDefault() {
        return hasDefault;
    }

    /** @return the default, or null when there is none */
    public T defaultValue() {
        return defaultValue;
    }

    int index() {
        return index;
    }

    /**
     * o.vo's {@code Field.coerce}: null becomes null for a nullable field, the
     * default for a field that has one, and is refused otherwise.
     */
    T accept(String objectName, Object value) {
        if (value == null) {
            return nullValue(objectName, null);
        }
        try {
            return type.accept(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldValueException(objectName, name, null, String.valueOf(value), e.getMessage());
        }
    }

    T read(String objectName, JsonNode node, PrimitiveReader reader, String path) {
        if (node.isNull()) {
            return nullValue(objectName, path);
        }
        try {
            return type.read(node, reader, path);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldValueException(objectName, name, path,
                    node.isTextual() ? node.textValue() : FieldTypes.preview(node), e.getMessage());
        }
    }

    private T nullValue(String objectName, String where) {
        if (nullable) {
            return null;
        }
        if (hasDefault) {
            return defaultValue;
        }
        throw new InvalidFieldValueException(objectName, name, where, null, "Field `" + name + "' cannot be None");
    }

    /** @return a one-line description, e.g. {@code address: MACAddress nullable} */
    public String describe() {
        return name + ": " + type.describe() + (nullable ? " nullable" : "")
                + (hasDefault ? " default=" + (defaultValue == null ? "None" : type.stringify(defaultValue)) : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
