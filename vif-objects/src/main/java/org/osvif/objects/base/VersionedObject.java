package org.osvif.objects.base;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Base of every os-vif object: an immutable set of field values, each field in
 * one of three states (unset, null, value), plus the object's version and the
 * names of its changed fields, as oslo.versionedobjects keeps them.
 *
 * <p>Objects are built with their class's builder and read from primitives with
 * {@link PrimitiveCodec}. A freshly built object is at its class's current
 * version and every field set through the builder counts as changed; an object
 * read from a primitive keeps the primitive's version and {@code changes}, and,
 * as o.vo (which builds it with {@code cls()} first), starts from its class's
 * constructor defaults, set but not changed.
 *
 * <p>Accessors of subclasses follow one rule: a nullable field returns an
 * {@link Optional} (empty when null or unset); another field returns its value,
 * its default when unset and it has one, and otherwise throws
 * {@link IllegalStateException} naming the field. {@link #isSet(Field)} tells
 * the states apart.
 */
public abstract class VersionedObject {
    private final ObjectType<?> type;
    private final ObjectVersion version;
    private final Object[] values;
    private final long setBits;
    private final long changedBits;

    /**
     * Called by subclasses' private constructors with the state their type hands over.
     *
     * @param state the state
     */
    protected VersionedObject(State state) {
        this.type = state.type;
        this.version = state.version;
        this.values = state.values;
        this.setBits = state.setBits;
        this.changedBits = state.changedBits;
    }

    /** @return the type of this object */
    public final ObjectType<?> objectType() {
        return type;
    }

    /** @return the wire name, e.g. {@code VIFOpenVSwitch} */
    public final String objectName() {
        return type.name();
    }

    /** @return the version this object is at: its class's current one, or the one it was read at */
    public final ObjectVersion version() {
        return version;
    }

    /**
     * Whether a field has a value (possibly null), o.vo's {@code obj_attr_is_set}.
     *
     * @param field a field of this object's class
     * @return true when set
     */
    public final boolean isSet(Field<?> field) {
        return (setBits & (1L << indexOf(field))) != 0;
    }

    /**
     * Whether the field of that wire name is set.
     *
     * @param fieldName a wire name
     * @return true when set
     * @throws IllegalArgumentException when the class has no such field
     */
    public final boolean isSet(String fieldName) {
        return isSet(fieldNamed(fieldName));
    }

    /**
     * The raw value of a set field, null for a null value.
     *
     * @param field a field of this object's class
     * @param <V> the value type
     * @return the value
     * @throws IllegalStateException when the field is unset
     */
    @SuppressWarnings("unchecked")
    public final <V> V get(Field<V> field) {
        int i = indexOf(field);
        if ((setBits & (1L << i)) == 0) {
            throw new IllegalStateException(type.name() + "." + field.name() + " is not set");
        }
        return (V) values[i];
    }

    /**
     * The value of a field that may not be null: its value, else its default, else an error.
     *
     * @param field the field
     * @param <V> the value type
     * @return the value, never null
     */
    @SuppressWarnings("unchecked")
    protected final <V> V value(Field<V> field) {
        int i = indexOf(field);
        if ((setBits & (1L << i)) != 0 && values[i] != null) {
            return (V) values[i];
        }
        if (field.hasDefault()) {
            return field.defaultValue();
        }
        throw new IllegalStateException(type.name() + "." + field.name() + " is not set");
    }

    /**
     * The value of a nullable field: empty when null or unset.
     *
     * @param field the field
     * @param <V> the value type
     * @return the value, if any
     */
    @SuppressWarnings("unchecked")
    protected final <V> Optional<V> optional(Field<V> field) {
        int i = indexOf(field);
        return (setBits & (1L << i)) != 0 ? Optional.ofNullable((V) values[i]) : Optional.empty();
    }

    /**
     * The fields o.vo reports as changed ({@code obj_what_changed}): the changed
     * ones plus every object field whose object has changes.
     *
     * @return the names, in field order
     */
    public final Set<String> changedFields() {
        Set<String> out = new LinkedHashSet<>();
        List<Field<?>> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            boolean changed = (changedBits & (1L << i)) != 0;
            if (!changed && (setBits & (1L << i)) != 0 && values[i] instanceof VersionedObject child) {
                changed = !child.changedFields().isEmpty();
            }
            if (changed) {
                out.add(fields.get(i).name());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** @return the names of the set fields, in field order */
    public final Set<String> setFields() {
        Set<String> out = new LinkedHashSet<>();
        List<Field<?>> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            if ((setBits & (1L << i)) != 0) {
                out.add(fields.get(i).name());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    final boolean isSetAt(int i) {
        return (setBits & (1L << i)) != 0;
    }

    final Object valueAt(int i) {
        return values[i];
    }

    final boolean isChangedAt(int i) {
        return (changedBits & (1L << i)) != 0;
    }

    /** o.vo's {@code stringify} identity: {@code (uuid)} or {@code (id)} when the class has such a field. */
    final String identity() {
        for (String key : new String[] {"uuid", "id"}) {
            Field<?> f = type.field(key);
            if (f != null) {
                return "(" + (isSet(f) ? String.valueOf(values[f.index()]) : "UNKNOWN") + ")";
            }
        }
        return "";
    }

    private int indexOf(Field<?> field) {
        int i = field.index();
        List<Field<?>> fields = type.fields();
        if (i >= fields.size() || fields.get(i) != field) {
            throw new IllegalArgumentException(type.name() + " has no field " + field.name());
        }
        return i;
    }

    private Field<?> fieldNamed(String name) {
        Field<?> f = type.field(name);
        if (f == null) {
            throw new IllegalArgumentException(type.name() + " has no field " + name);
        }
        return f;
    }

    /** Value equality: same class, version, set fields and values. Changed-field bookkeeping is ignored. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof VersionedObject other && other.type == type && other.version.equals(version)
                && other.setBits == setBits && Arrays.equals(other.values, values);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(type.name(), version, setBits, Arrays.hashCode(values));
    }

    /** @return e.g. {@code VIFOpenVSwitch(1.0)(active=True,address=fa:16:3e:00:00:01,...,plugin=<?>)}, fields sorted */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        type.fields().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(f -> {
            int i = f.index();
            String shown = !isSetAt(i) ? "<?>" : values[i] == null ? "None" : stringify(f, values[i]);
            parts.add(f.name() + "=" + shown);
        });
        return type.name() + "(" + version + ")(" + String.join(",", parts) + ")";
    }

    @SuppressWarnings("unchecked")
    private static <V> String stringify(Field<V> f, Object v) {
        return f.type().stringify((V) v);
    }

    /** The state an object is made of; handed from a builder or reader to the class's constructor. */
    public static final class State {
        final ObjectType<?> type;
        final ObjectVersion version;
        final Object[] values;
        final long setBits;
        final long changedBits;

        State(ObjectType<?> type, ObjectVersion version, Object[] values, long setBits, long changedBits) {
            this.type = type;
            this.version = version;
            this.values = values;
            this.setBits = setBits;
            this.changedBits = changedBits;
        }
    }

    /**
     * Base of every object builder. Setting a field marks it set and changed;
     * {@link #unset(Field)} returns it to unset.
     *
     * @param <T> the object class
     * @param <B> the concrete builder, for chaining
     */
    public abstract static class Builder<T extends VersionedObject, B extends Builder<T, B>> {
        private final ObjectType<T> type;
        private ObjectVersion version;
        private final Object[] values;
        private long setBits;
        private long changedBits;

        /**
         * A builder with the type's initial values.
         *
         * @param type the type to build
         */
        protected Builder(ObjectType<T> type) {
            this.type = type;
            this.version = type.version();
            this.values = new Object[type.fields().size()];
            for (Map.Entry<Field<?>, Object> e : type.initialValues().entrySet()) {
                put(e.getKey(), e.getValue());
            }
        }

        /**
         * A builder holding a copy of an object, version and changes included.
         *
         * @param type the type to build
         * @param from the object to copy
         */
        protected Builder(ObjectType<T> type, T from) {
            this.type = type;
            this.version = from.version();
            this.values = from.objectTypeValues().clone();
            this.setBits = from.setBitsValue();
            this.changedBits = from.changedBitsValue();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Sets a field, checking the value as o.vo's {@code coerce} does.
         *
         * @param field the field
         * @param value the value; null means null for a nullable field and the default for a defaulted one
         * @param <V> the value type
         * @return this builder
         * @throws InvalidFieldValueException naming the field and value when refused
         */
        public final <V> B set(Field<V> field, V value) {
            put(field, value);
            return self();
        }

        /**
         * Sets a field from any value its type can take (for example a MAC address as text).
         *
         * @param fieldName the wire name
         * @param value the value
         * @return this builder
         * @throws InvalidFieldValueException naming the field and value when refused
         */
        public final B setAny(String fieldName, Object value) {
            Field<?> f = type.field(fieldName);
            if (f == null) {
                throw new IllegalArgumentException(type.name() + " has no field " + fieldName);
            }
            put(f, value);
            return self();
        }

        private void put(Field<?> field, Object value) {
            int i = checkedIndex(field);
            values[i] = field.accept(type.name(), value);
            setBits |= 1L << i;
            changedBits |= 1L << i;
        }

        /**
         * Returns a field to the unset state.
         *
         * @param field the field
         * @return this builder
         */
        public final B unset(Field<?> field) {
            int i = checkedIndex(field);
            values[i] = null;
            setBits &= ~(1L << i);
            return self();
        }

        /**
         * Forgets which fields changed (o.vo's {@code obj_reset_changes()}, not recursive).
         *
         * @return this builder
         */
        public final B resetChanges() {
            changedBits = 0;
            return self();
        }

        private int checkedIndex(Field<?> field) {
            int i = field.index();
            if (i >= type.fields().size() || type.fields().get(i) != field) {
                throw new IllegalArgumentException(type.name() + " has no field " + field.name());
            }
            return i;
        }

        /** @return the object */
        public final T build() {
            return type.create(new State(type, version, values.clone(), setBits, changedBits));
        }
    }

    final Object[] objectTypeValues() {
        return values;
    }

    final long setBitsValue() {
        return setBits;
    }

    final long changedBitsValue() {
        return changedBits;
    }
}
