package org.osvif.objects;

import java.util.Arrays;
import java.util.List;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.base.VersionedObject;

/**
 * A list of routes. Its items travel under data.objects.
 */
public final class RouteList extends VersionedObject {
    /** The wire name. */
    public static final String OBJ_NAME = "RouteList";
    /** The items. */
    public static final Field<List<Route>> OBJECTS;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<RouteList> TYPE;

    static {
        ObjectType.Builder<RouteList> b = ObjectType.builder(OBJ_NAME, RouteList.class, null, RouteList::new)
                .version("1.0", "Initial version");
        OBJECTS = b.field("objects", FieldTypes.listOfObjects(() -> Route.TYPE));
        TYPE = b.build();
    }

    private RouteList(State state) {
        super(state);
    }

    /** @return objects */
    public List<Route> objects() {
        return value(OBJECTS);
    }

    /**
     * Setters for the fields of RouteList, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends RouteList, B extends AbstractBuilder<T, B>>
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
        public B objects(List<Route> value) {
            return set(OBJECTS, value);
        }

        /**
         * @param values objects
         * @return this builder
         */
        public B objects(Route... values) {
            return set(OBJECTS, Arrays.asList(values));
        }
    }

    /** @return a builder for a new RouteList */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds RouteList objects. */
    public static final class Builder extends AbstractBuilder<RouteList, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(RouteList from) {
            super(TYPE, from);
        }
    }

    /**
     * A list holding these items, built as a fresh object (objects set and changed).
     *
     * @param items the items
     * @return the list object
     */
    public static RouteList of(Route... items) {
        return builder().objects(items).build();
    }
}
