package org.osvif.ovsdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A set of atoms, {@code ["set", [...]]} on the wire. Members keep their order; duplicates are the
 * caller's business (the server refuses them).
 *
 * @param members the atoms (immutable)
 */
public record OvsdbSet(List<Object> members) {
    /** The empty set, e.g. to clear an optional column. */
    public static final OvsdbSet EMPTY = new OvsdbSet(List.of());

    /**
     * Copies the members.
     *
     * @param members see the record component
     */
    public OvsdbSet {
        Objects.requireNonNull(members, "members");
        List<Object> copy = new ArrayList<>(members.size());
        for (Object m : members) {
            copy.add(OvsdbValues.atom(m));
        }
        members = Collections.unmodifiableList(copy);
    }

    /**
     * @param members the atoms
     * @return the set
     */
    public static OvsdbSet of(Object... members) {
        return new OvsdbSet(List.of(members));
    }
}
