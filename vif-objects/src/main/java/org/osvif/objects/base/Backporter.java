package org.osvif.objects.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites the data of a primitive for an earlier version: o.vo's
 * {@code obj_make_compatible} chain, its relationship rules and its manifest
 * rules, applied to the data in place as o.vo applies them.
 */
final class Backporter {
    private Backporter() {
    }

    /** o.vo's {@code obj_make_compatible_from_manifest}: the object's class chain, then its children. */
    static void makeCompatible(VersionedObject obj, ObjectNode data, ObjectVersion target, VersionManifest manifest) {
        ObjectVersion v = target;
        for (ObjectType<?> t = obj.objectType(); t != null; t = t.parent()) {
            v = t.ownCompatStep(data, v);
        }
        children(obj, data, v, manifest);
    }

    /** o.vo's base {@code VersionedObject.obj_make_compatible}: backport every set object field. */
    private static void children(VersionedObject obj, ObjectNode data, ObjectVersion target,
            VersionManifest manifest) {
        for (Field<?> f : obj.objectType().fields()) {
            if (!f.type().holdsObjects() || !obj.isSetAt(f.index())) {
                continue;
            }
            List<ObjectVersion[]> rel = relationshipFor(obj, f, target, manifest);
            if (rel != null) {
                subobject(obj, f, data, target, rel, manifest);
            }
        }
    }

    /** o.vo's {@code _obj_relationship_for}; null means "the peer did not ask for this child: leave it". */
    private static List<ObjectVersion[]> relationshipFor(VersionedObject obj, Field<?> f, ObjectVersion target,
            VersionManifest manifest) {
        if (manifest == null) {
            List<ObjectVersion[]> rel = obj.objectType().relationship(f.name());
            if (rel == null) {
                throw new BackportException(BackportException.Kind.NO_RULE, obj.objectName(), f.name(),
                        f.type().objectName(), "Cannot write " + obj.objectName() + " as " + target
                        + ": no rule gives the version of its child field '" + f.name()
                        + "' (o.vo: No rule for " + f.name() + "); give a version manifest that names "
                        + f.type().objectName());
            }
            return rel;
        }
        Optional<ObjectVersion> child = Optional.empty();
        Object value = obj.valueAt(f.index());
        if (f.type() instanceof FieldTypes.ObjectFieldType<?> oft && oft.polymorphic()
                && value instanceof VersionedObject v) {
            // Upstream looks only at the declared class here; the concrete class's entry is what the peer meant.
            child = manifest.versionOf(v.objectName());
        }
        if (child.isEmpty()) {
            child = manifest.versionOf(f.type().objectName());
        }
        return child.map(c -> List.<ObjectVersion[]>of(new ObjectVersion[] {target, c})).orElse(null);
    }

    /** o.vo's {@code _get_subobject_version}. */
    private static void subobject(VersionedObject obj, Field<?> f, ObjectNode data, ObjectVersion target,
            List<ObjectVersion[]> rel, VersionManifest manifest) {
        for (int i = 0; i < rel.size(); i++) {
            ObjectVersion parent = rel.get(i)[0];
            if (target.isBefore(parent)) {
                if (i == 0) {
                    data.remove(f.name());
                } else {
                    backport(obj, f, data, rel.get(i - 1)[1], manifest);
                }
                return;
            }
            if (target.equals(parent)) {
                backport(obj, f, data, rel.get(i)[1], manifest);
                return;
            }
        }
    }

    /** o.vo's {@code _do_subobject_backport}: rewrites the child's data and stamps the new version. */
    private static void backport(VersionedObject obj, Field<?> f, ObjectNode data, ObjectVersion to,
            VersionManifest manifest) {
        Object value = obj.valueAt(f.index());
        JsonNode node = data.get(f.name());
        if (node == null) {
            // the class's own step dropped the field for this version (HostVIFInfo 1.0); o.vo fails with a KeyError
            return;
        }
        if (value instanceof VersionedObject child) {
            one(child, node, to, manifest);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                one((VersionedObject) list.get(i), node.get(i), to, manifest);
            }
        }
    }

    private static void one(VersionedObject child, JsonNode primitive, ObjectVersion to, VersionManifest manifest) {
        ObjectNode envelope = (ObjectNode) primitive;
        makeCompatible(child, (ObjectNode) envelope.get(Envelope.DATA), to, manifest);
        envelope.set(Envelope.VERSION, TextNode.valueOf(to.toString()));
    }
}
