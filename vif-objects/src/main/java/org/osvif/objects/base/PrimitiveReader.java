package org.osvif.objects.base;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Reads primitives into objects: the one place the envelope is parsed. */
final class PrimitiveReader {
    /** Far deeper than any os-vif object tree (6 levels), shallow enough that junk cannot exhaust the stack. */
    static final int MAX_DEPTH = 32;
    private final ObjectRegistry registry;
    private int depth;

    PrimitiveReader(ObjectRegistry registry) {
        this.registry = registry;
    }

    VersionedObject readObject(JsonNode node, String path) {
        if (++depth > MAX_DEPTH) {
            throw new InvalidPrimitiveException(path, "objects nest deeper than " + MAX_DEPTH + " levels");
        }
        try {
            return read(node, path);
        } finally {
            depth--;
        }
    }

    private VersionedObject read(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidPrimitiveException(path, "a primitive must be a JSON object, not "
                    + (node == null ? "nothing" : "a JSON " + FieldTypes.jsonType(node)));
        }
        String namespace = text(node, Envelope.NAMESPACE, path);
        String name = text(node, Envelope.NAME, path);
        String versionText = text(node, Envelope.VERSION, path);
        if (!ObjectType.NAMESPACE.equals(namespace)) {
            throw new UnsupportedObjectException(path, namespace + "." + name, "object " + namespace + "." + name
                    + " is not in the namespace '" + ObjectType.NAMESPACE + "'");
        }
        ObjectType<?> type = registry.find(name).orElseThrow(() -> new UnsupportedObjectException(path, name,
                "unknown object name '" + name + "'"));
        ObjectVersion version;
        try {
            version = ObjectVersion.parse(versionText);
        } catch (IllegalArgumentException e) {
            throw new InvalidPrimitiveException(path + "." + Envelope.VERSION, e.getMessage());
        }
        if (!type.version().canRead(version)) {
            throw new IncompatibleObjectVersionException(path, name, version, type.version());
        }
        JsonNode data = node.get(Envelope.DATA);
        if (data == null || !data.isObject()) {
            throw new InvalidPrimitiveException(path, data == null ? "'" + Envelope.DATA + "' is missing"
                    : "'" + Envelope.DATA + "' must be a JSON object, not a JSON " + FieldTypes.jsonType(data));
        }
        List<Field<?>> fields = type.fields();
        Object[] values = new Object[fields.size()];
        long set = 0;
        // o.vo builds the object with cls() first, so upstream's constructor defaults
        // (Network's subnets, multi_host, ...) are set, but not changed, unless the data says otherwise.
        for (Map.Entry<Field<?>, Object> e : type.initialValues().entrySet()) {
            values[e.getKey().index()] = e.getValue();
            set |= 1L << e.getKey().index();
        }
        String dataPath = path + "." + Envelope.DATA;
        for (Field<?> f : fields) {
            JsonNode value = data.get(f.name());
            if (value != null) {
                values[f.index()] = f.read(name, value, this, dataPath + "." + f.name());
                set |= 1L << f.index();
            }
        }
        long changed = changes(node.get(Envelope.CHANGES), type, path);
        return type.create(new VersionedObject.State(type, version, values, set, changed));
    }

    private static long changes(JsonNode changes, ObjectType<?> type, String path) {
        if (changes == null || changes.isNull()) {
            return 0;
        }
        if (!changes.isArray()) {
            throw new InvalidPrimitiveException(path + "." + Envelope.CHANGES, "must be a list of field names");
        }
        long bits = 0;
        for (JsonNode c : changes) {
            if (!c.isTextual()) {
                throw new InvalidPrimitiveException(path + "." + Envelope.CHANGES, "must be a list of field names, "
                        + "found a JSON " + FieldTypes.jsonType(c));
            }
            Field<?> f = type.field(c.textValue());
            if (f != null) {
                bits |= 1L << f.index();
            }
        }
        return bits;
    }

    private static String text(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw new InvalidPrimitiveException(path, "'" + key + "' is missing");
        }
        if (!v.isTextual()) {
            throw new InvalidPrimitiveException(path + "." + key, "must be a string, not a JSON "
                    + FieldTypes.jsonType(v));
        }
        return v.textValue();
    }
}
