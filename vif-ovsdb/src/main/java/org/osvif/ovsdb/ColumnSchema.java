package org.osvif.ovsdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** One column of a {@link TableSchema}: its type as RFC 7047 3.2 describes it. */
public final class ColumnSchema {
    /**
     * A base type's constraints (RFC 7047 3.2 {@code <base-type>}): the allowed atoms ({@code enum}), the
     * range of an integer or real, the length of a string in characters. Null: no such constraint.
     */
    record Constraints(List<Object> enumeration, Long minInteger, Long maxInteger, Double minReal, Double maxReal,
            Long minLength, Long maxLength) {
        static final Constraints NONE = new Constraints(null, null, null, null, null, null, null);

        static Constraints parse(JsonNode base) {
            if (base == null || !base.isObject()) {
                return NONE;
            }
            List<Object> enumeration = null;
            if (base.has("enum")) {
                Object e = OvsdbValues.fromJson(base.get("enum"));
                enumeration = e instanceof OvsdbSet set ? List.copyOf(set.members()) : List.of(e);
            }
            return new Constraints(enumeration, longOrNull(base, "minInteger"), longOrNull(base, "maxInteger"),
                    base.has("minReal") ? base.get("minReal").asDouble() : null,
                    base.has("maxReal") ? base.get("maxReal").asDouble() : null,
                    longOrNull(base, "minLength"), longOrNull(base, "maxLength"));
        }

        private static Long longOrNull(JsonNode base, String field) {
            return base.has(field) ? base.get(field).asLong() : null;
        }

        /** @return why the atom breaks a constraint (e.g. "must be between 0 and 4095, not 5000"), or null */
        String violation(Object atom) {
            if (enumeration != null && !enumeration.contains(atom)) {
                List<String> allowed = new ArrayList<>();
                enumeration.forEach(a -> allowed.add(show(a)));
                return "must be one of " + String.join(", ", allowed) + ", not " + show(atom);
            }
            if (atom instanceof Long n && (minInteger != null || maxInteger != null)) {
                if ((minInteger != null && n < minInteger) || (maxInteger != null && n > maxInteger)) {
                    return range(minInteger, maxInteger) + ", not " + n;
                }
            }
            if (atom instanceof Number n && (minReal != null || maxReal != null)) {
                double d = n.doubleValue();
                if ((minReal != null && d < minReal) || (maxReal != null && d > maxReal)) {
                    return range(minReal, maxReal) + ", not " + atom;
                }
            }
            if (atom instanceof String str && (minLength != null || maxLength != null)) {
                long length = str.codePointCount(0, str.length());
                if ((minLength != null && length < minLength) || (maxLength != null && length > maxLength)) {
                    String limit = minLength == null ? "at most " + maxLength
                            : maxLength == null ? "at least " + minLength
                            : minLength.equals(maxLength) ? "exactly " + minLength
                            : minLength + " to " + maxLength;
                    return "must be " + limit + " characters long, not " + length + " (" + show(atom) + ")";
                }
            }
            return null;
        }

        private static String range(Object min, Object max) {
            if (min == null) {
                return "must be at most " + max;
            }
            return max == null ? "must be at least " + min : "must be between " + min + " and " + max;
        }

        private static String show(Object atom) {
            return atom instanceof String ? "\"" + atom + "\"" : String.valueOf(atom);
        }
    }

    private final String name;
    private final String keyType;
    private final String valueType;
    private final Constraints keyConstraints;
    private final Constraints valueConstraints;
    private final long min;
    private final long max;
    private final boolean mutable;
    private final String refTable;

    ColumnSchema(String name, String keyType, String valueType, long min, long max, boolean mutable,
            String refTable) {
        this(name, keyType, valueType, min, max, mutable, refTable, Constraints.NONE, Constraints.NONE);
    }

    ColumnSchema(String name, String keyType, String valueType, long min, long max, boolean mutable,
            String refTable, Constraints keyConstraints, Constraints valueConstraints) {
        this.name = name;
        this.keyType = keyType;
        this.valueType = valueType;
        this.keyConstraints = keyConstraints;
        this.valueConstraints = valueConstraints;
        this.min = min;
        this.max = max;
        this.mutable = mutable;
        this.refTable = refTable;
    }

    /** The implicit {@code _uuid} and {@code _version} columns. */
    static ColumnSchema implicit(String name) {
        return new ColumnSchema(name, "uuid", null, 1, 1, false, null);
    }

    static ColumnSchema parse(String table, String name, JsonNode json) {
        JsonNode type = json.get("type");
        if (type == null) {
            throw new OvsdbProtocolException("schema: column " + table + "." + name + " has no type");
        }
        boolean mutable = !json.has("mutable") || json.get("mutable").asBoolean(true);
        if (type.isTextual()) {
            return new ColumnSchema(name, type.textValue(), null, 1, 1, mutable, null);
        }
        JsonNode key = type.get("key");
        if (key == null) {
            throw new OvsdbProtocolException("schema: column " + table + "." + name + " has a type without key");
        }
        JsonNode value = type.get("value");
        long min = type.has("min") ? type.get("min").asLong() : 1;
        JsonNode maxJson = type.get("max");
        long max = maxJson == null ? 1 : "unlimited".equals(maxJson.asText()) ? Long.MAX_VALUE : maxJson.asLong();
        String ref = key.isObject() && key.has("refTable") ? key.get("refTable").asText() : null;
        return new ColumnSchema(name, atomic(key), value == null ? null : atomic(value), min, max, mutable, ref,
                Constraints.parse(key), Constraints.parse(value));
    }

    private static String atomic(JsonNode base) {
        return base.isTextual() ? base.textValue() : base.path("type").asText();
    }

    /** @return the column's name */
    public String name() {
        return name;
    }

    /** @return the atomic type of the atoms (or of the map's keys): integer, real, boolean, string, uuid */
    public String keyType() {
        return keyType;
    }

    /** The constraints on the atoms (or on the map's keys). */
    Constraints keyConstraints() {
        return keyConstraints;
    }

    /** The constraints on a map's values. */
    Constraints valueConstraints() {
        return valueConstraints;
    }

    /** @return the atomic type of a map's values; empty for atoms and sets */
    public Optional<String> valueType() {
        return Optional.ofNullable(valueType);
    }

    /** @return the least number of elements */
    public long min() {
        return min;
    }

    /** @return the greatest number of elements; {@link Long#MAX_VALUE} for "unlimited" */
    public long max() {
        return max;
    }

    /** @return whether the column holds a map */
    public boolean isMap() {
        return valueType != null;
    }

    /** @return whether the column holds a set (including an optional atom: min 0, max 1) */
    public boolean isSet() {
        return !isMap() && (min != 1 || max != 1);
    }

    /** @return whether update and mutate may change it */
    public boolean isMutable() {
        return mutable;
    }

    /** @return the table a uuid column refers to */
    public Optional<String> refTable() {
        return Optional.ofNullable(refTable);
    }

    @Override
    public String toString() {
        return name + ":" + keyType + (valueType == null ? "" : "->" + valueType) + "[" + min + ".."
                + (max == Long.MAX_VALUE ? "*" : String.valueOf(max)) + "]";
    }
}
