package org.osvif.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The raw values of one source, by normalized group and key.
 *
 * @param source what the values came from, e.g. a file name or {@code "map"}
 * @param repeatable true when a key may occur several times (INI), each
 *                   occurrence being one item of a multi-valued option; false
 *                   when each key holds one value that a multi-valued option
 *                   splits on commas (maps, properties, {@code set})
 * @param sections group → key → occurrences, first to last
 */
record ConfigLayer(String source, boolean repeatable, Map<String, Map<String, List<String>>> sections) {

    ConfigLayer {
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        sections.forEach((group, keys) -> {
            Map<String, List<String>> values = new LinkedHashMap<>();
            keys.forEach((key, raws) -> values.put(key, List.copyOf(raws)));
            copy.put(group, Collections.unmodifiableMap(values));
        });
        sections = Collections.unmodifiableMap(copy);
    }

    /**
     * @return the occurrences of a key, or null when this source does not set it
     */
    List<String> values(String group, String key) {
        Map<String, List<String>> keys = sections.get(normalizeGroup(group));
        return keys == null ? null : keys.get(key);
    }

    /**
     * oslo.config's {@code _normalize_group_name}: group names are
     * case-insensitive, except that {@code DEFAULT} is spelled in capitals.
     */
    static String normalizeGroup(String group) {
        return "DEFAULT".equals(group) ? group : group.toLowerCase(Locale.ROOT);
    }
}
