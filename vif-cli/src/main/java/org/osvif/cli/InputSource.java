package org.osvif.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.osvif.objects.base.InvalidPrimitiveException;

/**
 * Where a command reads its input: a file, or standard input for {@code -}.
 * The text must be UTF-8 (the JSON standard's encoding); nothing is replaced
 * silently.
 */
final class InputSource {
    /** The argument meaning standard input. */
    static final String STDIN = "-";

    private InputSource() {
    }

    /**
     * @param name a file name, or {@value #STDIN}
     * @param stdin standard input
     * @return the text
     * @throws UnreadableInputException when the file is missing or cannot be read
     * @throws InvalidPrimitiveException when the bytes are not UTF-8
     */
    static String read(String name, InputStream stdin) {
        byte[] bytes = STDIN.equals(name) ? readStdin(stdin) : readFile(name);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPrimitiveException("$", "the input is not UTF-8 text");
        }
    }

    private static byte[] readStdin(InputStream stdin) {
        try {
            return stdin.readAllBytes();
        } catch (IOException e) {
            throw new UnreadableInputException(STDIN, reason(e));
        }
    }

    private static byte[] readFile(String name) {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new UnreadableInputException(name, "not a valid file name");
        }
        if (Files.isDirectory(path)) {
            throw new UnreadableInputException(name, "is a directory");
        }
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableInputException(name, "permission denied");
        } catch (IOException e) {
            throw new UnreadableInputException(name, reason(e));
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : OneLine.of(e.getMessage());
    }

    /** The input could not be read at all: a usage error, not a bad object. */
    static final class UnreadableInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableInputException(String name, String reason) {
            super("cannot read " + (STDIN.equals(name) ? "standard input" : "'" + name + "'") + ": " + reason);
        }
    }
}
