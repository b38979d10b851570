package org.osvif.objects.base;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The description of one versioned-object class: its wire name, current version
 * and version history, its fields (inherited ones first), its parent, and the
 * rules that write it as an earlier version (o.vo's {@code obj_make_compatible}
 * and {@code obj_relationships}).
 *
 * @param <T> the Java class of the objects
 */
public final class ObjectType<T extends VersionedObject> {
    /** The namespace of every os-vif object. */
    public static final String NAMESPACE = "os_vif";
    private static final int MAX_FIELDS = 64;

    private final String name;
    private final ObjectVersion version;
    private final Class<T> javaClass;
    private final ObjectType<?> parent;
    private final Function<VersionedObject.State, T> factory;
    private final List<Field<?>> fields;
    private final Map<String, Field<?>> byName;
    private final Map<ObjectVersion, String> history;
    private final List<Removal> removals;
    private final Function<ObjectVersion, ObjectVersion> parentTarget;
    private final Map<String, List<ObjectVersion[]>> relationships;
    private final Map<Field<?>, Object> initialValues;

    private ObjectType(Builder<T> b) {
        this.name = b.name;
        this.version = Objects.requireNonNull(b.version, "version of " + b.name);
        this.javaClass = b.javaClass;
        this.parent = b.parent;
        this.factory = b.factory;
        this.fields = List.copyOf(b.fields);
        Map<String, Field<?>> names = new LinkedHashMap<>();
        for (Field<?> f : fields) {
            names.put(f.name(), f);
        }
        this.byName = Collections.unmodifiableMap(names);
        this.history = Collections.unmodifiableMap(new LinkedHashMap<>(b.history));
        this.removals = List.copyOf(b.removals);
        this.parentTarget = b.parentTarget;
        Map<String, List<ObjectVersion[]>> rel = new LinkedHashMap<>(parent == null ? Map.of() : parent.relationships);
        rel.putAll(b.relationships);
        this.relationships = Collections.unmodifiableMap(rel);
        Map<Field<?>, Object> init = new LinkedHashMap<>(parent == null ? Map.of() : parent.initialValues);
        init.putAll(b.initialValues);
        this.initialValues = Collections.unmodifiableMap(init);
    }

    /**
     * Starts the description of a class.
     *
     * @param name the wire name, e.g. {@code VIFOpenVSwitch}
     * @param javaClass the Java class
     * @param parent the parent class's type, or null for a root class
     * @param factory makes an instance from its state (the class's private constructor)
     * @param <T> the Java class
     * @return a builder
     */
    public static <T extends VersionedObject> Builder<T> builder(String name, Class<T> javaClass,
            ObjectType<?> parent, Function<VersionedObject.State, T> factory) {
        return new Builder<>(name, javaClass, parent, factory);
    }

    /** @return the wire name */
    public String name() {
        return name;
    }

    /** @return the namespace, always {@code os_vif} */
    public String namespace() {
        return NAMESPACE;
    }

    /** @return the current version */
    public ObjectVersion version() {
        return version;
    }

    /** @return the Java class */
    public Class<T> javaClass() {
        return javaClass;
    }

    /** @return the parent type, or null */
    public ObjectType<?> parent() {
        return parent;
    }

    /** @return every field, inherited ones first, in declaration order */
    public List<Field<?>> fields() {
        return fields;
    }

    /**
     * @param fieldName a wire name
     * @return the field, or null when the class has no such field
     */
    public Field<?> field(String fieldName) {
        return byName.get(fieldName);
    }

    /** @return the version history: version to what changed, oldest first */
    public Map<ObjectVersion, String> history() {
        return history;
    }

    /**
     * Whether this type is {@code other} or one of its descendants.
     *
     * @param other the type to test against
     * @return true for the same type or a subclass
     */
    public boolean isSubtypeOf(ObjectType<?> other) {
        for (ObjectType<?> t = this; t != null; t = t.parent) {
            if (t == other) {
                return true;
            }
        }
        return false;
    }

    T create(VersionedObject.State state) {
        return factory.apply(state);
    }

    Map<Field<?>, Object> initialValues() {
        return initialValues;
    }

    /** o.vo {@code obj_relationships[field]}, inherited; null when none. */
    List<ObjectVersion[]> relationship(String fieldName) {
        return relationships.get(fieldName);
    }

    /**
     * This class's own {@code obj_make_compatible} step: drops the fields that
     * {@code target} lacks and tells the version to hand to the parent's step.
     */
    ObjectVersion ownCompatStep(ObjectNode data, ObjectVersion target) {
        for (Removal r : removals) {
            if (target.isBefore(r.since)) {
                data.remove(r.field);
            }
        }
        return parentTarget.apply(target);
    }

    /**
     * A stable fingerprint of everything that shapes the wire form of this class:
     * fields with types, nullability and defaults, backport rules. The versions
     * test pins it so that a change without a version bump fails.
     *
     * @return 16 hex digits
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder(name).append('\n');
        fields.stream().map(Field::describe).sorted().forEach(d -> sb.append(d).append('\n'));
        relationships.forEach((k, v) -> {
            sb.append("rel ").append(k);
            v.forEach(p -> sb.append(' ').append(p[0]).append('>').append(p[1]));
            sb.append('\n');
        });
        for (Removal r : removals) {
            sb.append("since ").append(r.since).append(' ').append(r.field).append('\n');
        }
        for (ObjectVersion v : history.keySet()) {
            sb.append("to-parent ").append(v).append('>').append(parentTarget.apply(v)).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return name + " " + version;
    }

    private record Removal(ObjectVersion since, String field) {
    }

    /**
     * Declares a class. Fields get their index in declaration order after the
     * parent's fields.
     *
     * @param <T> the Java class
     */
    public static final class Builder<T extends VersionedObject> {
        private final String name;
        private final Class<T> javaClass;
        private final ObjectType<?> parent;
        private final Function<VersionedObject.State, T> factory;
        private final List<Field<?>> fields = new ArrayList<>();
        private final Map<ObjectVersion, String> history = new LinkedHashMap<>();
        private final List<Removal> removals = new ArrayList<>();
        private final Map<String, List<ObjectVersion[]>> relationships = new LinkedHashMap<>();
        private final Map<Field<?>, Object> initialValues = new LinkedHashMap<>();
        private ObjectVersion version;
        private Function<ObjectVersion, ObjectVersion> parentTarget = Function.identity();

        private Builder(String name, Class<T> javaClass, ObjectType<?> parent,
                Function<VersionedObject.State, T> factory) {
            this.name = Objects.requireNonNull(name);
            this.javaClass = Objects.requireNonNull(javaClass);
            this.parent = parent;
            this.factory = Objects.requireNonNull(factory);
            if (parent != null) {
                fields.addAll(parent.fields);
            }
        }

        /**
         * Records one version of the class; the last one recorded is the current version.
         *
         * @param v the version, e.g. {@code "1.1"}
         * @param change what changed in it
         * @return this builder
         */
        public Builder<T> version(String v, String change) {
            ObjectVersion parsed = ObjectVersion.parse(v);
            if (version != null && !version.isBefore(parsed)) {
                throw new IllegalArgumentException(name + ": versions must be recorded oldest first");
            }
            history.put(parsed, change);
            version = parsed;
            return this;
        }

        /**
         * Declares a field without a default that may not be null.
         *
         * @param fieldName the wire name
         * @param type its type
         * @param <V> the value type
         * @return the field
         */
        public <V> Field<V> field(String fieldName, FieldType<V> type) {
            return add(new Field<>(fieldName, type, false, false, null, fields.size()));
        }

        /**
         * Declares a field that may be null.
         *
         * @param fieldName the wire name
         * @param type its type
         * @param <V> the value type
         * @return the field
         */
        public <V> Field<V> nullableField(String fieldName, FieldType<V> type) {
            return add(new Field<>(fieldName, type, true, false, null, fields.size()));
        }

        /**
         * Declares a field with a default (o.vo {@code default=}); a null read for it becomes the default.
         *
         * @param fieldName the wire name
         * @param type its type
         * @param defaultValue the default
         * @param <V> the value type
         * @return the field
         */
        public <V> Field<V> fieldWithDefault(String fieldName, FieldType<V> type, V defaultValue) {
            return add(new Field<>(fieldName, type, false, true, Objects.requireNonNull(defaultValue),
                    fields.size()));
        }

        private <V> Field<V> add(Field<V> f) {
            for (Field<?> existing : fields) {
                if (existing.name().equals(f.name())) {
                    throw new IllegalArgumentException(name + " already has a field " + f.name());
                }
            }
            if (fields.size() == MAX_FIELDS) {
                throw new IllegalArgumentException(name + ": at most " + MAX_FIELDS + " fields");
            }
            fields.add(f);
            return f;
        }

        /**
         * Writing a version before {@code since} drops the field, as an
         * {@code if target_version < since: del primitive[field]} line does.
         *
         * @param since the version that added the field
         * @param field the field
         * @return this builder
         */
        public Builder<T> addedIn(String since, Field<?> field) {
            removals.add(new Removal(ObjectVersion.parse(since), field.name()));
            return this;
        }

        /**
         * How this class's {@code obj_make_compatible} calls its parent's, e.g.
         * {@code super().obj_make_compatible(primitive, '1.0')}. Identity when not set.
         *
         * @param mapping from the target version of this class to the one passed to the parent
         * @return this builder
         */
        public Builder<T> parentVersion(Function<ObjectVersion, ObjectVersion> mapping) {
            this.parentTarget = Objects.requireNonNull(mapping);
            return this;
        }

        /**
         * An o.vo {@code obj_relationships} entry: pairs of (this class's version,
         * child's version), oldest first.
         *
         * @param field the object field
         * @param pairs alternating parent and child versions, e.g. {@code "1.1", "1.0"}
         * @return this builder
         */
        public Builder<T> relationship(Field<?> field, String... pairs) {
            if (pairs.length == 0 || pairs.length % 2 != 0) {
                throw new IllegalArgumentException("relationship pairs come two by two");
            }
            List<ObjectVersion[]> list = new ArrayList<>();
            for (int i = 0; i < pairs.length; i += 2) {
                list.add(new ObjectVersion[] {ObjectVersion.parse(pairs[i]), ObjectVersion.parse(pairs[i + 1])});
            }
            relationships.put(field.name(), List.copyOf(list));
            return this;
        }

        /**
         * A value a new builder starts with, as upstream constructors that call
         * {@code kwargs.setdefault(...)} do. The value counts as set and changed.
         *
         * @param field the field
         * @param value its starting value (may be null for a nullable field)
         * @param <V> the value type
         * @return this builder
         */
        public <V> Builder<T> initialValue(Field<V> field, V value) {
            initialValues.put(field, value);
            return this;
        }

        /** @return the finished type */
        public ObjectType<T> build() {
            return new ObjectType<>(this);
        }
    }
}
