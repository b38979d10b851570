package org.osvif;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osvif.exec.CommandRunner;
import org.osvif.spi.VifPluginProvider;

/**
 * How {@link OsVif#initialize(org.osvif.config.VifConfig, InitOptions)} wires
 * itself, for tests, dry runs and agents that wire things themselves.
 */
public final class InitOptions {
    private static final InitOptions DEFAULTS = builder().build();
    private final CommandRunner commandRunner;
    private final List<VifPluginProvider> providers;
    private final ClassLoader classLoader;
    private final Map<Class<?>, Object> extensions;

    private InitOptions(Builder b) {
        this.commandRunner = b.commandRunner;
        this.providers = b.providers == null ? null : List.copyOf(b.providers);
        this.classLoader = b.classLoader;
        this.extensions = Map.copyOf(b.extensions);
    }

    /** @return discovery with ServiceLoader and the system command runner */
    public static InitOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.commandRunner = commandRunner;
        b.providers = providers;
        b.classLoader = classLoader;
        b.extensions.putAll(extensions);
        return b;
    }

    /** @return the runner to use, or null for the system runner built from configuration */
    public CommandRunner commandRunner() {
        return commandRunner;
    }

    /** @return the providers to use instead of discovery, or null to discover */
    public List<VifPluginProvider> providers() {
        return providers;
    }

    /** @return the class loader for discovery, or null for the default */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * @param type the type a plugin asks for
     * @param <T> that type
     * @return the object of that type handed to the plugins, if one was given
     */
    public <T> Optional<T> extension(Class<T> type) {
        return Optional.ofNullable(type.cast(extensions.get(type)));
    }

    /** @return every extension, by type */
    public Map<Class<?>, Object> extensions() {
        return extensions;
    }

    /** Builds {@link InitOptions}. */
    public static final class Builder {
        private CommandRunner commandRunner;
        private List<VifPluginProvider> providers;
        private ClassLoader classLoader;
        private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param runner the runner every plugin command goes through (a recording or dry-run runner in tests)
         * @return this builder
         */
        public Builder commandRunner(CommandRunner runner) {
            this.commandRunner = runner;
            return this;
        }

        /**
         * @param list the providers to load instead of discovering them
         * @return this builder
         */
        public Builder providers(List<VifPluginProvider> list) {
            this.providers = list;
            return this;
        }

        /**
         * @param list the providers to load instead of discovering them
         * @return this builder
         */
        public Builder providers(VifPluginProvider... list) {
            return providers(List.of(list));
        }

        /**
         * @param loader the class loader to discover providers with
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /**
         * Hands a plugin an object of a type it documents, e.g. the Open vSwitch plugin's
         * {@code DryRunOvsdb}, which makes its native driver print transactions instead of sending them.
         *
         * @param type the type the plugin asks for ({@link org.osvif.spi.PluginContext#extension})
         * @param value the object
         * @param <T> that type
         * @return this builder
         */
        public <T> Builder extension(Class<T> type, T value) {
            extensions.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(value, "value")));
            return this;
        }

        /** @return the options */
        public InitOptions build() {
            return new InitOptions(this);
        }
    }
}
