package org.osvif.exec;

import org.osvif.exception.VifException;

/** The kernel refused a write to one of its files ({@link HostFiles#write}). */
public class HostFileException extends VifException {
    private static final long serialVersionUID = 1L;
    /** The file. */
    private final String path;
    /** The value. */
    private final String value;

    /**
     * @param path the file
     * @param value the value that was written
     * @param reason the kernel's message, e.g. {@code Invalid argument}
     * @param cause the underlying failure, or null
     */
    public HostFileException(String path, String value, String reason, Throwable cause) {
        super("Writing " + value + " to " + path + " failed: " + reason, cause);
        this.path = path;
        this.value = value;
    }

    /** @return the file */
    public String path() {
        return path;
    }

    /** @return the value */
    public String value() {
        return value;
    }
}
