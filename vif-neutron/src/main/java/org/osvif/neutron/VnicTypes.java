package org.osvif.neutron;

import java.util.Set;

/** The {@code binding:vnic_type} values Nova knows (nova.network.model). */
public final class VnicTypes {
    /** A virtio (or emulated) device backed by a tap or socket. */
    public static final String NORMAL = "normal";
    /** An SR-IOV virtual function passed to the guest. */
    public static final String DIRECT = "direct";
    /** A macvtap on a virtual function. */
    public static final String MACVTAP = "macvtap";
    /** A whole physical function passed to the guest. */
    public static final String DIRECT_PHYSICAL = "direct-physical";
    /** A virtual function behind a virtio forwarder (vhost-user). */
    public static final String VIRTIO_FORWARDER = "virtio-forwarder";
    /** A vDPA device. */
    public static final String VDPA = "vdpa";
    /** A Cyborg-managed accelerator virtual function. */
    public static final String ACCELERATOR_DIRECT = "accelerator-direct";
    /** A Cyborg-managed accelerator physical function. */
    public static final String ACCELERATOR_DIRECT_PHYSICAL = "accelerator-direct-physical";
    /** A virtual function whose representor a smart NIC manages. */
    public static final String REMOTE_MANAGED = "remote-managed";

    /** Devices passed through to the guest: no emulated model, no virtio driver settings. */
    public static final Set<String> DIRECT_PASSTHROUGH = Set.of(DIRECT, DIRECT_PHYSICAL, ACCELERATOR_DIRECT,
            ACCELERATOR_DIRECT_PHYSICAL, REMOTE_MANAGED, VDPA);

    private VnicTypes() {
    }
}
