package org.osvif.objects;

import java.util.Optional;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;

/**
 * Offload through a switchdev VF representor; a representor_name asks the plugin to rename
 * the representor when plugging.
 */
public final class DatapathOffloadRepresentor extends DatapathOffloadBase {
    /** The wire name. */
    public static final String OBJ_NAME = "DatapathOffloadRepresentor";
    /** Name to give the representor. */
    public static final Field<String> REPRESENTOR_NAME;
    /** PCI address of the virtual function. */
    public static final Field<String> REPRESENTOR_ADDRESS;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<DatapathOffloadRepresentor> TYPE;

    static {
        ObjectType.Builder<DatapathOffloadRepresentor> b = ObjectType.builder(OBJ_NAME, DatapathOffloadRepresentor.class, DatapathOffloadBase.TYPE, DatapathOffloadRepresentor::new)
                .version("1.0", "Initial release");
        REPRESENTOR_NAME = b.nullableField("representor_name", FieldTypes.STRING);
        REPRESENTOR_ADDRESS = b.nullableField("representor_address", FieldTypes.STRING);
        TYPE = b.build();
    }

    private DatapathOffloadRepresentor(State state) {
        super(state);
    }

    /** @return representor_name, empty when null or unset */
    public Optional<String> representorName() {
        return optional(REPRESENTOR_NAME);
    }

    /** @return representor_address, empty when null or unset */
    public Optional<String> representorAddress() {
        return optional(REPRESENTOR_ADDRESS);
    }

    /**
     * Setters for the fields of DatapathOffloadRepresentor, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends DatapathOffloadRepresentor, B extends AbstractBuilder<T, B>>
            extends DatapathOffloadBase.AbstractBuilder<T, B> {
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
         * @param value representor_name (null sets null)
         * @return this builder
         */
        public B representorName(String value) {
            return set(REPRESENTOR_NAME, value);
        }

        /**
         * @param value representor_address (null sets null)
         * @return this builder
         */
        public B representorAddress(String value) {
            return set(REPRESENTOR_ADDRESS, value);
        }
    }

    /** @return a builder for a new DatapathOffloadRepresentor */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds DatapathOffloadRepresentor objects. */
    public static final class Builder extends AbstractBuilder<DatapathOffloadRepresentor, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(DatapathOffloadRepresentor from) {
            super(TYPE, from);
        }
    }
}
