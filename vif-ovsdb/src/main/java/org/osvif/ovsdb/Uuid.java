package org.osvif.ovsdb;

import java.util.Objects;
import java.util.UUID;

/**
 * A row's UUID, {@code ["uuid", "..."]} on the wire.
 *
 * @param value the UUID
 */
public record Uuid(UUID value) {
    /**
     * Checks the value.
     *
     * @param value see the record component
     */
    public Uuid {
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param text a UUID in its 36-character form
     * @return the UUID
     * @throws IllegalArgumentException when text is not a UUID
     */
    public static Uuid of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != 36) {
            throw new IllegalArgumentException("'" + text + "' is not a UUID");
        }
        return new Uuid(UUID.fromString(text));
    }

    /** @return the 36-character form */
    @Override
    public String toString() {
        return value.toString();
    }
}
