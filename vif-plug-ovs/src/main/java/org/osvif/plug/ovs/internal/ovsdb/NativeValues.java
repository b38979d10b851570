package org.osvif.plug.ovs.internal.ovsdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osvif.ovsdb.NamedUuid;
import org.osvif.ovsdb.OvsdbMap;
import org.osvif.ovsdb.OvsdbSet;
import org.osvif.ovsdb.Uuid;

/**
 * Converts between the plugin's {@link OvsdbValue} and the values of the OVSDB client
 * ({@code String}, {@code Long}, {@code Boolean}, {@link Uuid}, {@link NamedUuid},
 * {@link OvsdbSet}, {@link OvsdbMap}).
 */
final class NativeValues {
    private NativeValues() {
    }

    /** @param value a plugin value @return the client's value */
    static Object toClient(OvsdbValue value) {
        if (value instanceof OvsdbValue.Text t) {
            return t.value();
        } else if (value instanceof OvsdbValue.Integer i) {
            return i.value();
        } else if (value instanceof OvsdbValue.Bool b) {
            return b.value();
        } else if (value instanceof OvsdbValue.NamedRef r) {
            return new NamedUuid(r.name());
        } else if (value instanceof OvsdbValue.Uuid u) {
            return Uuid.of(u.uuid());
        } else if (value instanceof OvsdbValue.Set s) {
            List<Object> members = new ArrayList<>(s.members().size());
            s.members().forEach(m -> members.add(toClient(m)));
            return new OvsdbSet(members);
        } else if (value instanceof OvsdbValue.StringMap m) {
            return new OvsdbMap(new LinkedHashMap<>(m.entries()));
        }
        throw new IllegalArgumentException("unknown OVSDB value " + value);
    }

    /**
     * A client value as the plugin reads it. As ovs-vsctl's JSON output does, a set of exactly one
     * member comes back as that member (so both drivers read {@code trunks=[4095]} alike).
     *
     * @param value the client's value, possibly null for a column not read
     * @return the plugin's value, {@link OvsdbValue#EMPTY} for null
     */
    static OvsdbValue fromClient(Object value) {
        if (value == null) {
            return OvsdbValue.EMPTY;
        } else if (value instanceof String s) {
            return OvsdbValue.of(s);
        } else if (value instanceof Long l) {
            return OvsdbValue.of(l);
        } else if (value instanceof Integer i) {
            return OvsdbValue.of(i.longValue());
        } else if (value instanceof Boolean b) {
            return OvsdbValue.of(b);
        } else if (value instanceof Double d) {
            return OvsdbValue.of(d.toString());
        } else if (value instanceof Uuid u) {
            return OvsdbValue.uuid(u.value().toString());
        } else if (value instanceof OvsdbSet s) {
            if (s.members().size() == 1) {
                return fromClient(s.members().get(0));
            }
            List<OvsdbValue> members = new ArrayList<>(s.members().size());
            s.members().forEach(m -> members.add(fromClient(m)));
            return OvsdbValue.set(members);
        } else if (value instanceof OvsdbMap m) {
            Map<String, String> entries = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> entries.put(String.valueOf(atomText(k)), String.valueOf(atomText(v))));
            return OvsdbValue.map(entries);
        }
        throw new IllegalArgumentException("unknown OVSDB client value " + value.getClass().getName());
    }

    private static Object atomText(Object atom) {
        return atom instanceof Uuid u ? u.value().toString() : atom;
    }
}
