package org.osvif.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed, validated values of one {@link OptionGroup}, produced by
 * {@link VifConfig#bind(OptionGroup)}. Immutable and thread-safe.
 */
public final class GroupConfig {
    private final OptionGroup group;
    private final Map<String, Object> values;
    private final Set<String> explicit;
    private final List<String> warnings;

    GroupConfig(OptionGroup group, Map<String, Object> values, List<String> warnings) {
        this.group = group;
        this.values = Map.copyOf(values);
        this.explicit = Set.copyOf(values.keySet());
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The values of a group when no source sets anything: every option at its default.
     *
     * @param group the group
     * @return its defaults
     */
    public static GroupConfig defaults(OptionGroup group) {
        return new GroupConfig(group, Map.of(), List.of());
    }

    /**
     * @return the group these values belong to
     */
    public OptionGroup group() {
        return group;
    }

    /**
     * @param option an option of this group
     * @param <T> the option's value type
     * @return the value a source gave, else the option's default (null when it has none)
     * @throws IllegalArgumentException when the option is not declared in this group
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        requireMember(option);
        return values.containsKey(option.name()) ? (T) values.get(option.name()) : option.defaultValue();
    }

    /**
     * @param option an option of this group
     * @return true when a source gave the value (under its name or a deprecated
     *         one), false when {@link #get} returns the default
     * @throws IllegalArgumentException when the option is not declared in this group
     */
    public boolean isExplicit(Option<?> option) {
        requireMember(option);
        return explicit.contains(option.name());
    }

    /**
     * @return the warnings {@link VifConfig#bind} emitted for this group (also
     *         logged at WARN): unknown keys, deprecated names, options deprecated for removal
     */
    public List<String> warnings() {
        return warnings;
    }

    private void requireMember(Option<?> option) {
        if (!group.option(option.name()).filter(option::equals).isPresent()) {
            throw new IllegalArgumentException("option " + option.name() + " is not in group " + group.name());
        }
    }

    @Override
    public String toString() {
        return "GroupConfig[" + group.name() + ", explicit=" + values + "]";
    }
}
