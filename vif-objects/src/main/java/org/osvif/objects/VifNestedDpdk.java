package org.osvif.objects;

import org.osvif.objects.base.Field;
import org.osvif.objects.base.FieldTypes;
import org.osvif.objects.base.ObjectType;

/**
 * A nested DPDK VIF, as Kuryr-Kubernetes uses for DPDK pods in a VM: the port is bound to a
 * userspace driver and consumed by the pod.
 */
public final class VifNestedDpdk extends VifBase {
    /** The wire name. */
    public static final String OBJ_NAME = "VIFNestedDPDK";
    /** PCI address of the device. */
    public static final Field<String> PCI_ADDRESS;
    /** Driver the device was bound to before. */
    public static final Field<String> DEV_DRIVER;
    /** The type: fields, version history and backport rules. */
    public static final ObjectType<VifNestedDpdk> TYPE;

    static {
        ObjectType.Builder<VifNestedDpdk> b = ObjectType.builder(OBJ_NAME, VifNestedDpdk.class, VifBase.TYPE, VifNestedDpdk::new)
                .version("1.0", "Initial release");
        PCI_ADDRESS = b.field("pci_address", FieldTypes.STRING);
        DEV_DRIVER = b.field("dev_driver", FieldTypes.STRING);
        TYPE = b.build();
    }

    private VifNestedDpdk(State state) {
        super(state);
    }

    /** @return pci_address */
    public String pciAddress() {
        return value(PCI_ADDRESS);
    }

    /** @return dev_driver */
    public String devDriver() {
        return value(DEV_DRIVER);
    }

    /**
     * Setters for the fields of VIFNestedDPDK, shared by the builders of its subclasses.
     *
     * @param <T> the class built
     * @param <B> the concrete builder
     */
    public abstract static class AbstractBuilder<T extends VifNestedDpdk, B extends AbstractBuilder<T, B>>
            extends VifBase.AbstractBuilder<T, B> {
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
         * @param value pci_address
         * @return this builder
         */
        public B pciAddress(String value) {
            return set(PCI_ADDRESS, value);
        }

        /**
         * @param value dev_driver
         * @return this builder
         */
        public B devDriver(String value) {
            return set(DEV_DRIVER, value);
        }
    }

    /** @return a builder for a new VIFNestedDPDK */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this object */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds VIFNestedDPDK objects. */
    public static final class Builder extends AbstractBuilder<VifNestedDpdk, Builder> {
        /** A builder for a new object. */
        public Builder() {
            super(TYPE);
        }

        /** @param from the object to copy */
        public Builder(VifNestedDpdk from) {
            super(TYPE, from);
        }
    }
}
