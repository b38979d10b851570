package org.osvif.plug.ovs.internal.ovsdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of an Open_vSwitch column (RFC 7047 section 5.1): an atom (string,
 * integer, boolean, a reference to a row), a set, or a map of strings. A
 * driver turns it into its own syntax; nothing here is ever shell text.
 */
public sealed interface OvsdbValue {

    /** @param value a string atom @return the value */
    static OvsdbValue of(String value) {
        return new Text(value);
    }

    /** @param value an integer atom @return the value */
    static OvsdbValue of(long value) {
        return new Integer(value);
    }

    /** @param value a boolean atom @return the value */
    static OvsdbValue of(boolean value) {
        return new Bool(value);
    }

    /** @param entries string keys to string values, in order @return the map value */
    static OvsdbValue map(Map<String, String> entries) {
        return new StringMap(entries);
    }

    /** @param members the members @return the set value */
    static OvsdbValue set(List<? extends OvsdbValue> members) {
        return new Set(List.<OvsdbValue>copyOf(members));
    }

    /** @param name the {@code --id=@name} / uuid-name of a row created in the same transaction @return a reference */
    static OvsdbValue ref(String name) {
        return new NamedRef(name);
    }

    /** @param uuid a row's UUID @return a reference */
    static OvsdbValue uuid(String uuid) {
        return new Uuid(uuid);
    }

    /** The empty set, which clears an optional column (e.g. {@code tag}). */
    OvsdbValue EMPTY = new Set(List.of());

    /** @param value the string */
    record Text(String value) implements OvsdbValue {
        /** Checks the value. */
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param value the integer */
    record Integer(long value) implements OvsdbValue {
    }

    /** @param value the boolean */
    record Bool(boolean value) implements OvsdbValue {
    }

    /** @param name the uuid-name of a row created in the same transaction */
    record NamedRef(String name) implements OvsdbValue {
        /** Checks the name. */
        public NamedRef {
            if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("invalid row name: " + name);
            }
        }
    }

    /** @param uuid the UUID of an existing row */
    record Uuid(String uuid) implements OvsdbValue {
        /** Checks the UUID. */
        public Uuid {
            java.util.UUID.fromString(Objects.requireNonNull(uuid, "uuid"));
        }
    }

    /** @param members the members (atoms) */
    record Set(List<OvsdbValue> members) implements OvsdbValue {
        /** Copies the members. */
        public Set {
            members = List.copyOf(members);
        }
    }

    /** @param entries string keys to string values */
    record StringMap(Map<String, String> entries) implements OvsdbValue {
        /** Copies the entries, keeping their order. */
        public StringMap {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }
}
