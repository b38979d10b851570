package org.osvif.objects.base;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object classes a reader knows, by wire name. Immutable: build one from
 * an explicit list of types (no class registers itself).
 */
public final class ObjectRegistry {
    private final Map<String, ObjectType<?>> types;

    private ObjectRegistry(Map<String, ObjectType<?>> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    /**
     * @param types the known types; names must be unique
     * @return the registry
     */
    public static ObjectRegistry of(List<ObjectType<?>> types) {
        Map<String, ObjectType<?>> map = new LinkedHashMap<>();
        for (ObjectType<?> t : types) {
            if (map.putIfAbsent(t.name(), t) != null) {
                throw new IllegalArgumentException("two object types are named " + t.name());
            }
        }
        return new ObjectRegistry(map);
    }

    /**
     * @param name a wire name
     * @return the type, if known
     */
    public Optional<ObjectType<?>> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** @return every known type, in registration order */
    public Collection<ObjectType<?>> types() {
        return types.values();
    }
}
