package org.osvif.objects;

import java.util.Optional;
import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;
import org.osvif.objects.types.PciAddress;

/**
 * Port profile for Open vSwitch with a VF representor. Kept for compatibility: upstream
 * deprecates it in favour of a DatapathOffloadRepresentor in datapath_offload.
 */
public final class VifPortProfileOvsRepresentor extends VifPortProfileOpenVSwitch {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFPortProfileOVSRepresentor";
    /** Name to give the representor. */
    public static final Field<String> REPRESENTOR_NAME;
    /** PCI address of the virtual function. */
    public static final Field<PciAddress> REPRESENTOR_ADDRESS;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifPortProfileOvsRepresentor> TYPE;

    static {
        ObjectType.Builder<VifPortProfileOvsRepresentor> b = ObjectType.builder(OBJ_NAME, VifPortProfileOvsRepresentor.class, VifPortProfileOpenVSwitch.TYPE, VifPortProfileOvsRepresentor::new)
                .version("1.0", "Initial release")
                .version("1.1", "VIFPortProfileOpenVSwitch updated to 1.1 from 1.0")
                .version("1.2", "VIFPortProfileOpenVSwitch updated to 1.2 from 1.1")
                .version("1.3", "VIFPortProfileOpenVSwitch updated to 1.3 from 1.2")
                .version("1.4", "VIFPortProfileOpenVSwitch updated to 1.4 from 1.3");
        REPRESENTOR_NAME = b.nullableField("representor_name", FieldTypes.STRING);
        REPRESENTOR_ADDRESS = b.nullableField("representor_address", FieldTypes.PCI_ADDRESS);
        b.parentVersion(v -> v);
        TYPE = b.build();
    }

    private VifPortProfileOvsRepresentor(State state) {
        super(state);
    }

    /** @return representor_name, empty when null or unset */
    public Optional<String> representorName() {
        return optional(REPRESENTOR_NAME);
    }

    /** @return representor_address, empty when null or unset */
    public Optional<PciAddress> representorAddress() {
        return optional(REPRESENTOR_ADDRESS);
    }

    /**
     * Setters for the fields of VIFPortProfileOVSRepresentor, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifPortProfileOvsRepresentor, B extends AbstractBuilder<T, B>>
            extends VifPortProfileOpenVSwitch.AbstractBuilder<T, B> {
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
        public B representorAddress(PciAddress value) {
            return set(REPRESENTOR_ADDRESS, value);
        }

        /**
         * @param value representor_address as text, checked and normalised
         * @return this builder
         */
        public B representorAddress(String value) {
            return setAny("representor_address", value);
        }
    }

    /** @return a builder for a new VIFPortProfileOVSRepresentor */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    @Override
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFPortProfileOVSRepresentor objects. */
    public static final class Builder extends AbstractBuilder<VifPortProfileOvsRepresentor, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifPortProfileOvsRepresentor from) {
            super(TYPE, from);
        }
    }
}
