package org.osvif.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of one configuration group, e.g. {@code os_vif_ovs}: oslo.config's
 * {@code OptGroup} with its registered options. Immutable; options keep the
 * order they were added in.
 */
public final class OptionGroup {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final String name;
    private final String title;
    private final List<Option<?>> options;
    private final Map<String, Option<?>> byName;

    private OptionGroup(String name, String title, Map<String, Option<?>> byName) {
        this.name = name;
        this.title = title;
        this.options = List.copyOf(byName.values());
        this.byName = Map.copyOf(byName);
    }

    /**
     * Starts a group.
     *
     * @param name the group name as written in nova.conf, e.g. {@code "os_vif_ovs"}
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * @return the group name, e.g. {@code "os_vif_ovs"}
     */
    public String name() {
        return name;
    }

    /**
     * @return a one-line title for documentation, empty when none was given
     */
    public String title() {
        return title;
    }

    /**
     * @return the options, in the order they were added
     */
    public List<Option<?>> options() {
        return options;
    }

    /**
     * @param optionName an option name
     * @return the option of that name, if the group has one
     */
    public Optional<Option<?>> option(String optionName) {
        return Optional.ofNullable(byName.get(optionName));
    }

    @Override
    public String toString() {
        return "OptionGroup[" + name + ", " + byName.keySet() + "]";
    }

    /** Collects the options of a group. */
    public static final class Builder {
        private final String name;
        private String title = "";
        private final Map<String, Option<?>> options = new LinkedHashMap<>();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid group name '" + name + "': use letters, digits, _ and -");
            }
            this.name = name;
        }

        /**
         * @param text a one-line title for documentation, e.g. "Open vSwitch plugin"
         * @return this builder
         */
        public Builder title(String text) {
            this.title = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * @param added options to add, in documentation order
         * @return this builder
         * @throws IllegalArgumentException when an option name is already in the group
         */
        public Builder add(Option<?>... added) {
            for (Option<?> option : added) {
                Objects.requireNonNull(option, "option");
                if (options.containsKey(option.name())) {
                    throw new IllegalArgumentException("duplicate option " + option.name() + " in group " + name);
                }
                options.put(option.name(), option);
            }
            return this;
        }

        /**
         * @return the group
         */
        public OptionGroup build() {
            return new OptionGroup(name, title, options);
        }
    }
}
