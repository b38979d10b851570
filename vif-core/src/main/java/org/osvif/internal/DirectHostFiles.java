package org.osvif.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import org.osvif.exec.HostFileException;
import org.osvif.exec.HostFiles;

/**
 * {@link HostFiles} this JVM reads and writes itself, under a root ({@code /} in production, a
 * temporary directory in tests). A write opens the existing file without creating or
 * truncating it, as {@code echo 1 > FILE} does on sysfs and procfs.
 */
public final class DirectHostFiles implements HostFiles {
    /** The real files. */
    public static final DirectHostFiles ROOT = new DirectHostFiles(Path.of("/"));

    private final Path root;

    /** @param root the root every absolute path is resolved under */
    public DirectHostFiles(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    @Override
    public void write(String path, String value) {
        try {
            Files.writeString(resolve(path), value + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw new HostFileException(path, value, "No such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new HostFileAccessDeniedException(path, value, e);
        } catch (IOException e) {
            // The kernel's errno text, e.g. "Invalid argument".
            throw new HostFileException(path, value, String.valueOf(e.getMessage()), e);
        }
    }

    private Path resolve(String path) {
        if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException("Not an absolute path without '..': " + path);
        }
        return root.resolve(path.substring(1));
    }

    @Override
    public String toString() {
        return "files under " + root;
    }

    /** This JVM may not write the file (not root): a root helper may. */
    static final class HostFileAccessDeniedException extends HostFileException {
        private static final long serialVersionUID = 1L;

        HostFileAccessDeniedException(String path, String value, Throwable cause) {
            super(path, value, "Permission denied", cause);
        }
    }
}
