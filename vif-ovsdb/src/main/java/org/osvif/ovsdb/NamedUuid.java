package org.osvif.ovsdb;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The UUID of a row inserted earlier in the same transaction, {@code ["named-uuid", "name"]} on the wire;
 * the name is the insert operation's {@code uuid-name}.
 *
 * @param name an identifier: {@code [_a-zA-Z][_a-zA-Z0-9]*}
 */
public record NamedUuid(String name) {
    private static final Pattern ID = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]*");

    /**
     * Checks the name.
     *
     * @param name see the record component
     */
    public NamedUuid {
        Objects.requireNonNull(name, "name");
        if (!ID.matcher(name).matches()) {
            throw new IllegalArgumentException("named-uuid '" + name
                    + "' is not an identifier ([_a-zA-Z][_a-zA-Z0-9]*)");
        }
    }
}
