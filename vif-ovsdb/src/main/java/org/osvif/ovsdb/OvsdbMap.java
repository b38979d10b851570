package org.osvif.ovsdb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A map of atoms to atoms, {@code ["map", [[k, v], ...]]} on the wire; insertion order is kept.
 *
 * @param entries the pairs (immutable)
 */
public record OvsdbMap(Map<Object, Object> entries) {
    /** The empty map. */
    public static final OvsdbMap EMPTY = new OvsdbMap(Map.of());

    /**
     * Copies the entries.
     *
     * @param entries see the record component
     */
    public OvsdbMap {
        Objects.requireNonNull(entries, "entries");
        Map<Object, Object> copy = new LinkedHashMap<>();
        entries.forEach((k, v) -> copy.put(OvsdbValues.atom(k), OvsdbValues.atom(v)));
        entries = Collections.unmodifiableMap(copy);
    }

    /**
     * @param entries the pairs, e.g. {@code Map.of("iface-id", "...")}
     * @return the map
     */
    public static OvsdbMap of(Map<?, ?> entries) {
        return new OvsdbMap(new LinkedHashMap<Object, Object>(entries));
    }
}
