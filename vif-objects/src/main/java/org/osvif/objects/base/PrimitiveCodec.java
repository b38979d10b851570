package org.osvif.objects.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Converts objects to and from o.vo primitives (JSON trees), the format Python
 * os-vif and oslo.versionedobjects exchange. Thread-safe and cheap to share.
 *
 * <pre>{@code
 * PrimitiveCodec codec = OsVifObjects.codec();
 * ObjectNode primitive = codec.toPrimitive(vif);                       // current version
 * ObjectNode forOldPeer = codec.toPrimitive(vif, ObjectVersion.of(1, 0), manifest);
 * VifOpenVSwitch back = codec.fromPrimitive(primitive, VifOpenVSwitch.TYPE);
 * }</pre>
 */
public final class PrimitiveCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ObjectRegistry registry;

    /**
     * @param registry the classes this codec reads
     */
    public PrimitiveCodec(ObjectRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /** @return the classes this codec reads */
    public ObjectRegistry registry() {
        return registry;
    }

    /**
     * Writes an object at its own version.
     *
     * @param obj the object
     * @return the primitive
     */
    public ObjectNode toPrimitive(VersionedObject obj) {
        return PrimitiveWriter.writeObject(obj, null, null);
    }

    /**
     * Writes an object at an earlier version (or its own), o.vo's
     * {@code obj_to_primitive(target_version=...)}.
     *
     * @param obj the object
     * @param target the version to write
     * @return the primitive
     * @throws BackportException when the target is newer than the object, or a child's version cannot be decided
     */
    public ObjectNode toPrimitive(VersionedObject obj, ObjectVersion target) {
        return PrimitiveWriter.writeObject(obj, target, null);
    }

    /**
     * Writes an object for a peer that knows the versions of a manifest, o.vo's
     * {@code obj_to_primitive(target_version=..., version_manifest=...)}.
     *
     * @param obj the object
     * @param target the version to write the object itself at, or null for its own
     * @param manifest the peer's versions of child objects
     * @return the primitive
     * @throws BackportException when the target is newer than the object
     */
    public ObjectNode toPrimitive(VersionedObject obj, ObjectVersion target, VersionManifest manifest) {
        return PrimitiveWriter.writeObject(obj, target, Objects.requireNonNull(manifest, "manifest"));
    }

    /**
     * Reads any known object.
     *
     * @param primitive the primitive
     * @return the object, at the version the primitive carries
     * @throws ObjectException naming the field, name or versions when the primitive cannot be read
     */
    public VersionedObject fromPrimitive(JsonNode primitive) {
        return new PrimitiveReader(registry).readObject(primitive, "$");
    }

    /**
     * Reads an object of an expected class (or a subclass of it).
     *
     * @param primitive the primitive
     * @param expected the class the caller wants
     * @param <T> the Java class
     * @return the object
     * @throws ObjectException when the primitive cannot be read or holds another class
     */
    public <T extends VersionedObject> T fromPrimitive(JsonNode primitive, ObjectType<T> expected) {
        VersionedObject o = fromPrimitive(primitive);
        if (!o.objectType().isSubtypeOf(expected)) {
            throw new UnsupportedObjectException("$", o.objectName(), "expected a " + expected.name()
                    + " but the primitive holds a " + o.objectName());
        }
        return expected.javaClass().cast(o);
    }

    /**
     * Parses JSON text and reads the object in it.
     *
     * @param json the text
     * @return the object
     * @throws InvalidPrimitiveException when the text is not JSON
     * @throws ObjectException when the primitive cannot be read
     */
    public VersionedObject fromJson(String json) {
        return fromPrimitive(parse(json));
    }

    /**
     * Parses JSON text, refusing anything that is not one JSON value.
     *
     * @param json the text
     * @return the tree
     * @throws InvalidPrimitiveException with the parser's reason
     */
    public static JsonNode parse(String json) {
        if (json == null) {
            throw new InvalidPrimitiveException("$", "no JSON value in the input");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidPrimitiveException("$", "no JSON value in the input");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidPrimitiveException("$", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Writes an object as canonical JSON text (see {@link CanonicalJson}).
     *
     * @param obj the object
     * @return the text
     */
    public String toJson(VersionedObject obj) {
        return CanonicalJson.write(toPrimitive(obj));
    }
}
