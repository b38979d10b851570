package org.osvif.objects;

import java.util.Arrays;
import java.util.List;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;

/**
 * A list of fixed IPs. Its items travel under data.objects.
 */
public final class FixedIpList extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "FixedIPList";
    /** The items. */
    public static final Field<List<FixedIp>> OBJECTS;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<FixedIpList> TYPE;

    static {
        ObjectType.Builder<FixedIpList> b = ObjectType.builder(OBJ_NAME, FixedIpList.class, null, FixedIpList::new)
                .version("1.0", "Initial version");
        OBJECTS = b.field("objects", FieldTypes.listOfObjects(() -> FixedIp.TYPE));
        TYPE = b.build();
    }

    private FixedIpList(State state) {
        super(state);
    }

    /** @return objects */
    public List<FixedIp> objects() {
        return value(OBJECTS);
    }

    /**
     * Setters for the fields of FixedIPList, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends FixedIpList, B extends AbstractBuilder<T, B>>
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
         * @param value objects
         * @return this builder
         */
        public B objects(List<FixedIp> value) {
            return set(OBJECTS, value);
        }

        /**
         * @param values objects
         * @return this builder
         */
        public B objects(FixedIp... values) {
            return set(OBJECTS, Arrays.asList(values));
        }
    }

    /** @return a builder for a new FixedIPList */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds FixedIPList objects. */
    public static final class Builder extends AbstractBuilder<FixedIpList, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(FixedIpList from) {
            super(TYPE, from);
        }
    }

    /**
     * A list holding these items, built as a fresh object (objects set and changed).
     *
     * @param items the items
     * @return the list object
     */
    public static FixedIpList of(FixedIp... items) {
        return builder().objects(items).build();
    }
}
