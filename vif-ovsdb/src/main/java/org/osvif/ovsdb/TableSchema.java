package org.osvif.ovsdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** One table of a {@link DatabaseSchema}. */
public final class TableSchema {
    private final String name;
    private final boolean root;
    private final List<List<String>> indexes;
    private final Map<String, ColumnSchema> columns;

    private TableSchema(String name, boolean root, List<List<String>> indexes, Map<String, ColumnSchema> columns) {
        this.name = name;
        this.root = root;
        this.indexes = indexes;
        this.columns = columns;
    }

    static TableSchema parse(String name, JsonNode json) {
        Map<String, ColumnSchema> columns = new LinkedHashMap<>();
        columns.put("_uuid", ColumnSchema.implicit("_uuid"));
        columns.put("_version", ColumnSchema.implicit("_version"));
        json.path("columns").fields().forEachRemaining(e ->
                columns.put(e.getKey(), ColumnSchema.parse(name, e.getKey(), e.getValue())));
        List<List<String>> indexes = new ArrayList<>();
        for (JsonNode index : json.path("indexes")) {
            List<String> cols = new ArrayList<>();
            index.forEach(c -> cols.add(c.asText()));
            indexes.add(List.copyOf(cols));
        }
        return new TableSchema(name, json.path("isRoot").asBoolean(false), List.copyOf(indexes),
                Collections.unmodifiableMap(columns));
    }

    /** @return the table's name */
    public String name() {
        return name;
    }

    /** @return whether rows live without being referenced */
    public boolean isRoot() {
        return root;
    }

    /** @return the sets of columns whose values are unique */
    public List<List<String>> indexes() {
        return indexes;
    }

    /**
     * @param name a column, including {@code _uuid} and {@code _version}
     * @return its schema, if the table has it
     */
    public Optional<ColumnSchema> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** @return every column's name, {@code _uuid} and {@code _version} included */
    public Set<String> columnNames() {
        return columns.keySet();
    }
}
