package org.osvif.objects;

import java.util.Arrays;
import java.util.List;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;

/**
 * A list of subnets. Its items travel under data.objects.
 */
public final class SubnetList extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "SubnetList";
    /** The items. */
    public static final Field<List<Subnet>> OBJECTS;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<SubnetList> TYPE;

    static {
        ObjectType.Builder<SubnetList> b = ObjectType.builder(OBJ_NAME, SubnetList.class, null, SubnetList::new)
                .version("1.0", "Initial version");
        OBJECTS = b.field("objects", FieldTypes.listOfObjects(() -> Subnet.TYPE));
        TYPE = b.build();
    }

    private SubnetList(State state) {
        super(state);
    }

    /** @return objects */
    public List<Subnet> objects() {
        return value(OBJECTS);
    }

    /**
     * Setters for the fields of SubnetList, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends SubnetList, B extends AbstractBuilder<T, B>>
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
        public B objects(List<Subnet> value) {
            return set(OBJECTS, value);
        }

        /**
         * @param values objects
         * @return this builder
         */
        public B objects(Subnet... values) {
            return set(OBJECTS, Arrays.asList(values));
        }
    }

    /** @return a builder for a new SubnetList */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds SubnetList objects. */
    public static final class Builder extends AbstractBuilder<SubnetList, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(SubnetList from) {
            super(TYPE, from);
        }
    }

    /**
     * A list holding these items, built as a fresh object (objects set and changed).
     *
     * @param items the items
     * @return the list object
     */
    public static SubnetList of(Subnet... items) {
        return builder().objects(items).build();
    }
}
