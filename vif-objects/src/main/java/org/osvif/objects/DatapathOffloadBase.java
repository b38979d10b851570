package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;

/**
 * A kind of datapath offload. Abstract: use a subclass.
 */
public abstract class DatapathOffloadBase extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "DatapathOffloadBase";
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<DatapathOffloadBase> TYPE;

    static {
        ObjectType.Builder<DatapathOffloadBase> b = ObjectType.builder(OBJ_NAME, DatapathOffloadBase.class, null, Plain::new)
                .version("1.0", "Initial release");
        TYPE = b.build();
    }

    /** @param state the state the type hands over */
    protected DatapathOffloadBase(State state) {
        super(state);
    }

    /** A bare DatapathOffloadBase, as Python can make one; read from primitives only. */
    private static final class Plain extends DatapathOffloadBase {
        private Plain(State state) {
            super(state);
        }
    }

    /**
     * Setters for the fields of DatapathOffloadBase, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends DatapathOffloadBase, B extends AbstractBuilder<T, B>>
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
    }
}
