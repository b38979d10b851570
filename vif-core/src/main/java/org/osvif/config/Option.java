package org.osvif.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One declared configuration option: oslo.config's {@code Opt}. Immutable and
 * thread-safe; declare options as constants and collect them in an
 * {@link OptionGroup}.
 *
 * <pre>{@code
 * static final Option<Integer> NETWORK_DEVICE_MTU = Option.integer("network_device_mtu")
 *         .min(68).max(65535).defaultValue(1500)
 *         .help("MTU setting for network interface.")
 *         .deprecatedGroup("DEFAULT")
 *         .build();
 * }</pre>
 *
 * <p>Types follow oslo.config: {@code integer} ({@code IntOpt}), {@code boolean}
 * ({@code BoolOpt}: true/false, yes/no, on/off, 1/0, case-insensitive),
 * {@code string} ({@code StrOpt}), {@code choice} ({@code StrOpt(choices=…)},
 * case-sensitive), {@code list} ({@code ListOpt}: comma-separated in one value,
 * items stripped) and {@code multi-valued} ({@code MultiStrOpt}: the key
 * repeated in an INI file, or comma-separated in a map or properties value).
 * Integer, boolean and choice values are read with surrounding whitespace
 * ignored; string values are kept as given.
 *
 * @param <T> the Java type of the value
 */
public final class Option<T> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** The kinds of option, with their documentation names. */
    enum Kind {
        INTEGER("integer"), BOOLEAN("boolean"), STRING("string"), CHOICE("choice"), LIST("list"),
        MULTI("multi-valued");

        final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }
    }

    private final String name;
    private final Kind kind;
    private final T defaultValue;
    private final String help;
    private final Integer min;
    private final Integer max;
    private final List<String> choices;
    private final List<DeprecatedName> deprecatedNames;
    private final boolean deprecatedForRemoval;
    private final String deprecatedSince;
    private final String deprecatedReason;

    private Option(Builder<T> b) {
        this.name = b.name;
        this.kind = b.kind;
        this.defaultValue = b.defaultValue;
        this.help = b.help;
        this.min = b.min;
        this.max = b.max;
        this.choices = b.choices;
        this.deprecatedNames = List.copyOf(b.deprecatedNames);
        this.deprecatedForRemoval = b.deprecatedForRemoval;
        this.deprecatedSince = b.deprecatedSince;
        this.deprecatedReason = b.deprecatedReason;
    }

    /**
     * Starts an integer option ({@code IntOpt}).
     *
     * @param name the option name, e.g. {@code "network_device_mtu"}
     * @return a builder
     */
    public static Builder<Integer> integer(String name) {
        return new Builder<>(name, Kind.INTEGER, List.of());
    }

    /**
     * Starts a boolean option ({@code BoolOpt}).
     *
     * @param name the option name
     * @return a builder
     */
    public static Builder<Boolean> bool(String name) {
        return new Builder<>(name, Kind.BOOLEAN, List.of());
    }

    /**
     * Starts a free-text option ({@code StrOpt}).
     *
     * @param name the option name
     * @return a builder
     */
    public static Builder<String> string(String name) {
        return new Builder<>(name, Kind.STRING, List.of());
    }

    /**
     * Starts a string option restricted to the given values ({@code StrOpt(choices=…)}).
     *
     * @param name the option name
     * @param choices the accepted values, in the order the documentation lists them
     * @return a builder
     * @throws IllegalArgumentException when no choice is given or one is repeated
     */
    public static Builder<String> choice(String name, String... choices) {
        List<String> copy = List.of(choices);
        if (copy.isEmpty() || copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("option " + name + " needs distinct choices: " + copy);
        }
        return new Builder<>(name, Kind.CHOICE, copy);
    }

    /**
     * Starts a list option ({@code ListOpt}): one value, comma-separated.
     *
     * @param name the option name
     * @return a builder
     */
    public static Builder<List<String>> list(String name) {
        return new Builder<>(name, Kind.LIST, List.of());
    }

    /**
     * Starts a multi-valued option ({@code MultiStrOpt}): every occurrence of
     * the key in an INI section adds an item. Its default is the empty list
     * unless set.
     *
     * @param name the option name
     * @return a builder
     */
    public static Builder<List<String>> multi(String name) {
        return new Builder<>(name, Kind.MULTI, List.of());
    }

    /**
     * @return the option name, e.g. {@code "network_device_mtu"}
     */
    public String name() {
        return name;
    }

    /**
     * @return the type for documentation: {@code integer}, {@code boolean},
     *         {@code string}, {@code choice}, {@code list} or {@code multi-valued}
     */
    public String type() {
        return kind.typeName;
    }

    Kind kind() {
        return kind;
    }

    /**
     * @return true for a multi-valued option, which collects every occurrence of its key
     */
    public boolean isMulti() {
        return kind == Kind.MULTI;
    }

    /**
     * @return the value used when no source sets the option, or null when it has none
     */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * @return the help text, empty when none was given
     */
    public String help() {
        return help;
    }

    /**
     * @return the lowest accepted value of an integer option, if bounded
     */
    public OptionalInt min() {
        return min == null ? OptionalInt.empty() : OptionalInt.of(min);
    }

    /**
     * @return the highest accepted value of an integer option, if bounded
     */
    public OptionalInt max() {
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /**
     * @return the accepted values of a choice option, empty for other types
     */
    public List<String> choices() {
        return choices;
    }

    /**
     * @return the former locations of this option, in lookup order
     */
    public List<DeprecatedName> deprecatedNames() {
        return deprecatedNames;
    }

    /**
     * @return true when the option will be removed; setting it logs a warning
     */
    public boolean deprecatedForRemoval() {
        return deprecatedForRemoval;
    }

    /**
     * @return why the option will be removed, or null
     */
    public String deprecatedReason() {
        return deprecatedReason;
    }

    /**
     * @return the release that deprecated the option, e.g. {@code "2.2.0"}, or null
     */
    public String deprecatedSince() {
        return deprecatedSince;
    }

    /**
     * Reads one raw value. A list or multi-valued option splits it on commas.
     *
     * @param raw the text, e.g. {@code "1500"}
     * @return the typed value
     * @throws IllegalArgumentException with the bare reason, e.g.
     *         {@code "must be between 68 and 65535"} or {@code "must be one of: vsctl, native"}
     */
    public T parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        return cast(switch (kind) {
            case INTEGER -> ValueParser.integer(raw, min, max);
            case BOOLEAN -> ValueParser.bool(raw);
            case STRING -> raw;
            case CHOICE -> ValueParser.choice(raw, choices);
            case LIST, MULTI -> ValueParser.list(raw);
        });
    }

    /**
     * Reads every occurrence of the key in one source: a multi-valued option
     * takes each occurrence as one item, as given; any other option reads the
     * last occurrence.
     *
     * @param raws the occurrences, first to last
     * @return the typed value
     * @throws IllegalArgumentException when {@code raws} is empty or the value is invalid
     */
    public T parse(List<String> raws) {
        List<String> copy = List.copyOf(raws);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no value");
        }
        return kind == Kind.MULTI ? cast(copy) : parse(copy.get(copy.size() - 1));
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Option<?> other && name.equals(other.name) && kind == other.kind
                && Objects.equals(defaultValue, other.defaultValue) && help.equals(other.help)
                && Objects.equals(min, other.min) && Objects.equals(max, other.max)
                && choices.equals(other.choices) && deprecatedNames.equals(other.deprecatedNames)
                && deprecatedForRemoval == other.deprecatedForRemoval
                && Objects.equals(deprecatedSince, other.deprecatedSince)
                && Objects.equals(deprecatedReason, other.deprecatedReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, defaultValue);
    }

    @Override
    public String toString() {
        return "Option[" + name + " (" + kind.typeName + ")]";
    }

    /**
     * Declares an option step by step; {@link #build()} checks the declaration.
     *
     * @param <T> the Java type of the value
     */
    public static final class Builder<T> {
        private final String name;
        private final Kind kind;
        private final List<String> choices;
        private T defaultValue;
        private String help = "";
        private Integer min;
        private Integer max;
        private final List<DeprecatedName> deprecatedNames = new ArrayList<>();
        private boolean deprecatedForRemoval;
        private String deprecatedSince;
        private String deprecatedReason;

        @SuppressWarnings("unchecked")
        private Builder(String name, Kind kind, List<String> choices) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid option name '" + name + "': use letters, digits, _ and -");
            }
            this.name = name;
            this.kind = kind;
            this.choices = choices;
            if (kind == Kind.MULTI) {
                this.defaultValue = (T) List.of();
            }
        }

        /**
         * @param value the value used when no source sets the option; null for none
         * @return this builder
         */
        public Builder<T> defaultValue(T value) {
            this.defaultValue = value;
            return this;
        }

        /**
         * @param text what the option does, shown in the configuration reference
         * @return this builder
         */
        public Builder<T> help(String text) {
            this.help = Objects.requireNonNull(text, "text");
            return this;
        }

        /**
         * @param value the lowest accepted value (inclusive)
         * @return this builder
         * @throws IllegalStateException for an option that is not an integer
         */
        public Builder<T> min(int value) {
            requireInteger("min");
            this.min = value;
            return this;
        }

        /**
         * @param value the highest accepted value (inclusive)
         * @return this builder
         * @throws IllegalStateException for an option that is not an integer
         */
        public Builder<T> max(int value) {
            requireInteger("max");
            this.max = value;
            return this;
        }

        /**
         * Adds a former location of the option ({@code deprecated_name} /
         * {@code deprecated_opts}). Call several times for several locations;
         * they are looked up in the order added.
         *
         * @param group the former group, or null for the option's own group
         * @param name the former name
         * @return this builder
         */
        public Builder<T> deprecatedName(String group, String name) {
            deprecatedNames.add(new DeprecatedName(group, name));
            return this;
        }

        /**
         * Adds a former group under the same option name ({@code deprecated_group}).
         *
         * @param group the former group, e.g. {@code "DEFAULT"}
         * @return this builder
         */
        public Builder<T> deprecatedGroup(String group) {
            return deprecatedName(Objects.requireNonNull(group, "group"), name);
        }

        /**
         * Marks the option as going away ({@code deprecated_for_removal}); a
         * source that sets it gets a warning.
         *
         * @param since the release that deprecated it, e.g. {@code "2.2.0"}, or null
         * @param reason why, or null
         * @return this builder
         */
        public Builder<T> deprecatedForRemoval(String since, String reason) {
            this.deprecatedForRemoval = true;
            this.deprecatedSince = since;
            this.deprecatedReason = reason;
            return this;
        }

        /**
         * @return the option
         * @throws IllegalStateException when min exceeds max or the default is not a valid value
         */
        @SuppressWarnings("unchecked")
        public Option<T> build() {
            if (min != null && max != null && min > max) {
                throw new IllegalStateException("option " + name + ": min " + min + " is greater than max " + max);
            }
            if (defaultValue != null) {
                Object checked = switch (kind) {
                    case INTEGER -> checkDefault(() -> ValueParser.integer(String.valueOf(defaultValue), min, max));
                    case CHOICE -> checkDefault(() -> ValueParser.choice((String) defaultValue, choices));
                    case LIST, MULTI -> List.copyOf((List<String>) defaultValue);
                    case BOOLEAN, STRING -> defaultValue;
                };
                defaultValue = (T) checked;
            }
            return new Option<>(this);
        }

        private Object checkDefault(Supplier<Object> check) {
            try {
                return check.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("option " + name + ": invalid default '" + defaultValue + "': "
                        + e.getMessage(), e);
            }
        }

        private void requireInteger(String what) {
            if (kind != Kind.INTEGER) {
                throw new IllegalStateException(what + " applies to integer options only, not to " + kind.typeName
                        + " option " + name);
            }
        }
    }
}
