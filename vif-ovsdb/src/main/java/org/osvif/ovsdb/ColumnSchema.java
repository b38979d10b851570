package org.osvif.ovsdb;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** One column of a {@link TableSchema}: its type as RFC 7047 3.2 describes it. */
public final class ColumnSchema {
    private final String name;
    private final String keyType;
    private final String valueType;
    private final long min;
    private final long max;
    private final boolean mutable;
    private final String refTable;

    ColumnSchema(String name, String keyType, String valueType, long min, long max, boolean mutable,
            String refTable) {
        this.name = name;
        this.keyType = keyType;
        this.valueType = valueType;
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
        return new ColumnSchema(name, atomic(key), value == null ? null : atomic(value), min, max, mutable, ref);
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
