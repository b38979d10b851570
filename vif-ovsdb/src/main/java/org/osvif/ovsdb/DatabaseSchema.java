package org.osvif.ovsdb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** A database's schema as {@code get_schema} returns it (RFC 7047 3.2). */
public final class DatabaseSchema {
    private final String name;
    private final String version;
    private final Map<String, TableSchema> tables;
    private final JsonNode json;

    private DatabaseSchema(String name, String version, Map<String, TableSchema> tables, JsonNode json) {
        this.name = name;
        this.version = version;
        this.tables = tables;
        this.json = json;
    }

    /**
     * @param json a schema object
     * @return the schema
     * @throws OvsdbProtocolException when json is not a schema
     */
    public static DatabaseSchema parse(JsonNode json) {
        if (json == null || !json.isObject() || !json.path("name").isTextual() || !json.path("tables").isObject()) {
            throw new OvsdbProtocolException("not a database schema: " + abbreviate(json));
        }
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        json.get("tables").fields().forEachRemaining(e ->
                tables.put(e.getKey(), TableSchema.parse(e.getKey(), e.getValue())));
        return new DatabaseSchema(json.get("name").textValue(), json.path("version").asText(""),
                Collections.unmodifiableMap(tables), json.deepCopy());
    }

    private static String abbreviate(JsonNode json) {
        String text = String.valueOf(json);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** @return the database's name, e.g. {@code Open_vSwitch} */
    public String name() {
        return name;
    }

    /** @return the schema's version, e.g. {@code 8.3.1}; empty when the schema has none */
    public String version() {
        return version;
    }

    /**
     * @param name a table
     * @return its schema, if the database has it
     */
    public Optional<TableSchema> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** @return every table's name */
    public Set<String> tableNames() {
        return tables.keySet();
    }

    /** @return the schema as the server sent it */
    public JsonNode json() {
        return json.deepCopy();
    }
}
