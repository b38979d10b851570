package org.osvif.neutron.libvirt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Nova's libvirt driver takes from nova.conf, the flavor and the image
 * when it writes a VIF's {@code <interface>}. Immutable; {@link #DEFAULTS} are
 * nova.conf's defaults on KVM.
 */
public final class InterfaceOptions {
    /** The bandwidth keys Nova reads from flavor extra specs {@code quota:<key>}. */
    public static final List<String> BANDWIDTH_KEYS = List.of("vif_inbound_average", "vif_inbound_peak",
            "vif_inbound_burst", "vif_outbound_average", "vif_outbound_peak", "vif_outbound_burst");

    /** {@code virt_type=kvm}, virtio, no multiqueue, no queue sizes, no bandwidth limits. */
    public static final InterfaceOptions DEFAULTS = builder().build();

    private final String virtType;
    private final boolean useVirtioForBridges;
    private final String model;
    private final String vnicType;
    private final boolean multiqueue;
    private final int vcpus;
    private final Integer maxQueues;
    private final Integer rxQueueSize;
    private final Integer txQueueSize;
    private final Map<String, String> bandwidth;
    private final String vdpaDevicePath;

    private InterfaceOptions(Builder b) {
        this.virtType = b.virtType;
        this.useVirtioForBridges = b.useVirtioForBridges;
        this.model = b.model;
        this.vnicType = b.vnicType;
        this.multiqueue = b.multiqueue;
        this.vcpus = b.vcpus;
        this.maxQueues = b.maxQueues;
        this.rxQueueSize = b.rxQueueSize;
        this.txQueueSize = b.txQueueSize;
        this.bandwidth = Collections.unmodifiableMap(new LinkedHashMap<>(b.bandwidth));
        this.vdpaDevicePath = b.vdpaDevicePath;
    }

    /** @return a builder with nova.conf's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code [libvirt] virt_type} */
    public String virtType() {
        return virtType;
    }

    /** @return {@code [libvirt] use_virtio_for_bridges} */
    public boolean useVirtioForBridges() {
        return useVirtioForBridges;
    }

    /** @return the image's {@code hw_vif_model}, or null */
    public String model() {
        return model;
    }

    /** @return the port's {@code binding:vnic_type}, or null to infer it from the VIF class */
    public String vnicType() {
        return vnicType;
    }

    /** @return whether the flavor or image asks for multiqueue ({@code hw:vif_multiqueue_enabled}) */
    public boolean multiqueue() {
        return multiqueue;
    }

    /** @return the flavor's vCPUs */
    public int vcpus() {
        return vcpus;
    }

    /** @return {@code [libvirt] max_queues}, or null for no limit (a kernel of 5.x or later) */
    public Integer maxQueues() {
        return maxQueues;
    }

    /** @return {@code [libvirt] rx_queue_size}, or null */
    public Integer rxQueueSize() {
        return rxQueueSize;
    }

    /** @return {@code [libvirt] tx_queue_size}, or null */
    public Integer txQueueSize() {
        return txQueueSize;
    }

    /** @return the bandwidth limits by key ({@link #BANDWIDTH_KEYS}), in the order given */
    public Map<String, String> bandwidth() {
        return bandwidth;
    }

    /** @return the vDPA device's path ({@code /dev/vhost-vdpa-N}), or null */
    public String vdpaDevicePath() {
        return vdpaDevicePath;
    }

    /** Builds {@link InterfaceOptions}. */
    public static final class Builder {
        private String virtType = "kvm";
        private boolean useVirtioForBridges = true;
        private String model;
        private String vnicType;
        private boolean multiqueue;
        private int vcpus = 1;
        private Integer maxQueues;
        private Integer rxQueueSize;
        private Integer txQueueSize;
        private final Map<String, String> bandwidth = new LinkedHashMap<>();
        private String vdpaDevicePath;

        private Builder() {
        }

        /**
         * @param value {@code kvm}, {@code qemu}, {@code lxc} or {@code parallels}
         * @return this builder
         */
        public Builder virtType(String value) {
            this.virtType = value;
            return this;
        }

        /**
         * @param value {@code [libvirt] use_virtio_for_bridges}
         * @return this builder
         */
        public Builder useVirtioForBridges(boolean value) {
            this.useVirtioForBridges = value;
            return this;
        }

        /**
         * @param value the image's {@code hw_vif_model} ({@code virtio}, {@code e1000}, ...), or null
         * @return this builder
         */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /**
         * @param value the port's {@code binding:vnic_type}, or null to infer it (a VIFHostDevice is {@code direct})
         * @return this builder
         */
        public Builder vnicType(String value) {
            this.vnicType = value;
            return this;
        }

        /**
         * @param enabled whether the instance uses multiqueue
         * @param vcpus the flavor's vCPUs (multiqueue needs at least 2)
         * @param maxQueues {@code [libvirt] max_queues}, or null for no limit
         * @return this builder
         */
        public Builder multiqueue(boolean enabled, int vcpus, Integer maxQueues) {
            this.multiqueue = enabled;
            this.vcpus = vcpus;
            this.maxQueues = maxQueues;
            return this;
        }

        /**
         * @param rx {@code [libvirt] rx_queue_size} (256, 512 or 1024), or null
         * @param tx {@code [libvirt] tx_queue_size} (256, 512 or 1024), or null
         * @return this builder
         */
        public Builder queueSizes(Integer rx, Integer tx) {
            this.rxQueueSize = rx;
            this.txQueueSize = tx;
            return this;
        }

        /**
         * Adds a flavor extra spec; as Nova, only {@code quota:vif_*} bandwidth keys are kept.
         *
         * @param key e.g. {@code quota:vif_inbound_average}
         * @param value its value (kilobytes per second, or kilobytes for a burst)
         * @return this builder
         */
        public Builder extraSpec(String key, String value) {
            String[] scope = key.split(":");
            if (scope.length > 1 && scope[0].equals("quota") && BANDWIDTH_KEYS.contains(scope[1])) {
                bandwidth.put(scope[1], value);
            }
            return this;
        }

        /**
         * @param value the vDPA device path the host reports for the VIF's PCI address
         * @return this builder
         */
        public Builder vdpaDevicePath(String value) {
            this.vdpaDevicePath = value;
            return this;
        }

        /** @return the options */
        public InterfaceOptions build() {
            return new InterfaceOptions(this);
        }
    }
}
