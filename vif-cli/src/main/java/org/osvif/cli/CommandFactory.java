package org.osvif.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates vifctl's commands for picocli: a command class with a constructor
 * taking {@link CliStreams} gets the run's streams; anything else is made by
 * picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final CliStreams streams;

    CommandFactory(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length == 1 && params[0] == CliStreams.class) {
                return cls.cast(c.newInstance(streams));
            }
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
