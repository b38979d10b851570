package org.osvif.objects.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Writes objects as primitives: the one place the envelope is made (o.vo's {@code obj_to_primitive}). */
final class PrimitiveWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PrimitiveWriter() {
    }

    /**
     * @param obj the object
     * @param target the version to write, null for the object's own
     * @param manifest the peer's versions, or null
     */
    static ObjectNode writeObject(VersionedObject obj, ObjectVersion target, VersionManifest manifest) {
        ObjectVersion version = target == null ? obj.version() : target;
        if (obj.version().isBefore(version)) {
            throw new BackportException(BackportException.Kind.INVALID_TARGET_VERSION, obj.objectName(), null, null,
                    "Invalid target version " + version + " for " + obj.objectName() + " "
                    + obj.version() + ": an object can only be written at its own version or an earlier one");
        }
        ObjectNode data = JSON.objectNode();
        List<Field<?>> fields = obj.objectType().fields();
        for (Field<?> f : fields) {
            int i = f.index();
            if (obj.isSetAt(i)) {
                Object v = obj.valueAt(i);
                data.set(f.name(), v == null ? JSON.nullNode() : write(f, v));
            }
        }
        if (!version.equals(obj.version()) || manifest != null) {
            Backporter.makeCompatible(obj, data, version, manifest);
        }
        ObjectNode out = JSON.objectNode();
        out.put(Envelope.NAME, obj.objectName());
        out.put(Envelope.NAMESPACE, obj.objectType().namespace());
        out.put(Envelope.VERSION, version.toString());
        out.set(Envelope.DATA, data);
        List<String> changes = new ArrayList<>();
        for (String name : obj.changedFields()) {
            if (data.has(name)) {
                changes.add(name);
            }
        }
        if (!changes.isEmpty()) {
            // o.vo writes a set, in no stable order; sorted is one of its orders and reproducible.
            Collections.sort(changes);
            ArrayNode list = out.putArray(Envelope.CHANGES);
            changes.forEach(list::add);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <V> JsonNode write(Field<V> field, Object value) {
        return field.type().write((V) value);
    }
}
