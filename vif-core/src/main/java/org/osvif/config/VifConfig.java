package org.osvif.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw configuration handed to os-vif, gathered from several sources in
 * order: maps and properties keyed {@code group.option}, oslo.config INI files
 * such as an existing nova.conf, and single values. Immutable and thread-safe.
 *
 * <p>Values stay text until {@link #bind(OptionGroup)} types and validates
 * those of one group. As in oslo.config with several {@code --config-file}s,
 * the latest source that sets an option (under its current or a deprecated
 * name) wins as a whole; within one source the current name wins over
 * deprecated ones. Group names are case-insensitive except {@code DEFAULT}
 * (the INI {@code [DEFAULT]} section).
 *
 * <pre>{@code
 * VifConfig config = VifConfig.builder()
 *         .ini(Path.of("/etc/nova/nova.conf"))
 *         .set("os_vif_ovs", "isolate_vif", "true")
 *         .build();
 * GroupConfig ovs = config.bind(ovsGroup);
 * }</pre>
 */
public final class VifConfig {
    private static final Logger LOG = LoggerFactory.getLogger(VifConfig.class);
    private static final VifConfig EMPTY = new VifConfig(List.of());
    private static final String PLUGIN_GROUP_PREFIX = "os_vif_";

    private final List<ConfigLayer> layers;

    private VifConfig(List<ConfigLayer> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * @return a configuration without any value: every option at its default
     */
    public static VifConfig empty() {
        return EMPTY;
    }

    /**
     * @return a builder to which sources are added in increasing precedence
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Types and validates the values of one group. Keys of the group that no
     * option declares, values given under a deprecated name, and options
     * deprecated for removal that are set each produce a warning, logged at
     * WARN and kept in {@link GroupConfig#warnings()}.
     *
     * @param group the declared options
     * @return the typed values
     * @throws ConfigException naming group, option, value and reason when a value is invalid
     */
    public GroupConfig bind(OptionGroup group) {
        GroupConfig bound = GroupBinder.bind(layers, Objects.requireNonNull(group, "group"));
        bound.warnings().forEach(warning -> LOG.warn("{}", warning));
        return bound;
    }

    /**
     * @return the normalized names of every group some source mentions, sorted
     */
    public Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        layers.forEach(layer -> groups.addAll(layer.sections().keySet()));
        return Collections.unmodifiableSet(groups);
    }

    /**
     * Groups that look like plugin groups ({@code os_vif_*}) but match none of
     * the known ones, typically a plugin that is not installed or a misspelt
     * section. The caller decides whether to warn or fail.
     *
     * @param knownGroups the names of the groups the caller declares
     * @return the unmatched {@code os_vif_*} groups, sorted
     */
    public List<String> unknownGroups(Collection<String> knownGroups) {
        Set<String> known = new TreeSet<>();
        knownGroups.forEach(g -> known.add(ConfigLayer.normalizeGroup(g)));
        return groups().stream().filter(g -> g.startsWith(PLUGIN_GROUP_PREFIX) && !known.contains(g)).toList();
    }

    @Override
    public String toString() {
        return "VifConfig" + layers.stream().map(ConfigLayer::source).toList();
    }

    /** Adds sources; each one overrides the sources added before it. */
    public static final class Builder {
        private final List<ConfigLayer> layers = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds values keyed {@code group.option}, e.g. {@code "os_vif_ovs.network_device_mtu"}.
         * A multi-valued option reads its items comma-separated.
         *
         * @param values the values
         * @return this builder
         * @throws ConfigException for a key that is not {@code group.option} or a null value
         */
        public Builder map(Map<String, String> values) {
            layers.add(keyed(new TreeMap<>(values), "map"));
            return this;
        }

        /**
         * Adds properties keyed {@code group.option}, as {@link #map(Map)}.
         *
         * @param properties the properties, defaults included
         * @return this builder
         * @throws ConfigException for a key that is not {@code group.option}
         */
        public Builder properties(Properties properties) {
            Map<String, String> values = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
            layers.add(keyed(values, "properties"));
            return this;
        }

        /**
         * Adds an oslo.config INI file read as UTF-8, e.g. nova.conf.
         *
         * @param file the file
         * @return this builder
         * @throws ConfigException naming the file when it cannot be read or is malformed
         */
        public Builder ini(Path file) {
            String source = file.toString();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return ini(reader, source);
            } catch (IOException e) {
                throw ConfigException.unreadable(source, e);
            }
        }

        /**
         * Adds oslo.config INI text.
         *
         * @param reader the text; not closed
         * @param sourceName the name used in errors and warnings, e.g. a file name
         * @return this builder
         * @throws ConfigException naming the source and line when the text is malformed
         */
        public Builder ini(Reader reader, String sourceName) {
            layers.add(IniParser.parse(reader, Objects.requireNonNull(sourceName, "sourceName")));
            return this;
        }

        /**
         * Adds one value, as a source of its own.
         *
         * @param group the group, e.g. {@code "os_vif_ovs"}
         * @param option the option name
         * @param value the raw value; a multi-valued option reads its items comma-separated
         * @return this builder
         */
        public Builder set(String group, String option, String value) {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(value, "value");
            layers.add(new ConfigLayer("set", false,
                    Map.of(ConfigLayer.normalizeGroup(group), Map.of(option, List.of(value)))));
            return this;
        }

        /**
         * @return the configuration
         */
        public VifConfig build() {
            return layers.isEmpty() ? EMPTY : new VifConfig(layers);
        }

        private static ConfigLayer keyed(Map<String, String> values, String source) {
            Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
            values.forEach((key, value) -> {
                int dot = key == null ? -1 : key.indexOf('.');
                if (dot <= 0 || dot == key.length() - 1) {
                    throw ConfigException.badKey(source, key, "expected group.option");
                }
                if (value == null) {
                    throw ConfigException.badKey(source, key, "no value");
                }
                sections.computeIfAbsent(ConfigLayer.normalizeGroup(key.substring(0, dot)), g -> new LinkedHashMap<>())
                        .put(key.substring(dot + 1), List.of(value));
            });
            return new ConfigLayer(source, false, sections);
        }
    }
}
