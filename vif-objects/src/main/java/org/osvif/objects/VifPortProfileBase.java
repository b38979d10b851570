package org.osvif.objects;

import java.util.Optional;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;

/**
 * A port profile: backend metadata that travels with a VIF. Abstract: use a subclass.
 */
public abstract class VifPortProfileBase extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFPortProfileBase";
    /** Datapath offload of the port (since 1.1). */
    public static final Field<DatapathOffloadBase> DATAPATH_OFFLOAD;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifPortProfileBase> TYPE;

    static {
        ObjectType.Builder<VifPortProfileBase> b = ObjectType.builder(OBJ_NAME, VifPortProfileBase.class, null, Plain::new)
                .version("1.0", "Initial release")
                .version("1.1", "Added 'datapath_offload'");
        DATAPATH_OFFLOAD = b.nullableField("datapath_offload", FieldTypes.object(() -> DatapathOffloadBase.TYPE, true));
        b.relationship(DATAPATH_OFFLOAD, "1.1", "1.0");
        TYPE = b.build();
    }

    /** @param state the state the type hands over */
    protected VifPortProfileBase(State state) {
        super(state);
    }

    /** @return datapath_offload, empty when null or unset */
    public Optional<DatapathOffloadBase> datapathOffload() {
        return optional(DATAPATH_OFFLOAD);
    }

    /** A bare VIFPortProfileBase, as Python can make one; read from primitives only. */
    private static final class Plain extends VifPortProfileBase {
        private Plain(State state) {
            super(state);
        }
    }

    /**
     * Setters for the fields of VIFPortProfileBase, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifPortProfileBase, B extends AbstractBuilder<T, B>>
            extends VersionedObject.Builder<T, B> {
        /** @param type the type built */
        protected AbstractBuilder(ObjectType<T> type) {
            super(type);
        }

        /**
         * @param type the type built
         * @param from the object to copy
         */
        protected AbstractBuilder(ObjectType<T> type, T from) {
            super(type, from);
        }

        /**
         * @param value datapath_offload (null sets null)
         * @return this builder
         */
        public B datapathOffload(DatapathOffloadBase value) {
            return set(DATAPATH_OFFLOAD, value);
        }
    }
}
