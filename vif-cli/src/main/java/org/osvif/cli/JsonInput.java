package org.osvif.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;

/** Reads one JSON file (or standard input for {@code -}) for a command; an unreadable file is a usage error. */
final class JsonInput {
    private JsonInput() {
    }

    /**
     * @param spec the command, for usage errors
     * @param streams the run's streams
     * @param file the file name, or {@code -}
     * @return the one JSON value in it
     * @throws CommandLine.ParameterException when the file cannot be read
     * @throws org.osvif.objects.base.InvalidPrimitiveException when it is not one JSON value
     */
    static JsonNode read(CommandLine.Model.CommandSpec spec, CliStreams streams, String file) {
        String text;
        try {
            text = InputSource.read(file, streams.in());
        } catch (InputSource.UnreadableInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, file);
        }
        return StrictJson.parse(text);
    }
}
