package org.osvif;

import java.util.List;
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

    private InitOptions(Builder b) {
        this.commandRunner = b.commandRunner;
        this.providers = b.providers == null ? null : List.copyOf(b.providers);
        this.classLoader = b.classLoader;
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

    /** Builds {@link InitOptions}. */
    public static final class Builder {
        private CommandRunner commandRunner;
        private List<VifPluginProvider> providers;
        private ClassLoader classLoader;

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

        /** @return the options */
        public InitOptions build() {
            return new InitOptions(this);
        }
    }
}
