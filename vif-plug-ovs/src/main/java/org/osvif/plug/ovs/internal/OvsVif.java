package org.osvif.plug.ovs.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.osvif.net.IpCommand;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifPortProfileBase;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.types.MacAddress;
import org.osvif.plug.ovs.MissingPortProfileException;
import org.osvif.plug.ovs.WrongPortProfileException;

/**
 * A VIF as this plugin sees it: its Open vSwitch port profile, the Open vSwitch
 * bridge of its network, its MTU and the instance, each checked once before a
 * plug path runs anything.
 *
 * @param vif the VIF
 * @param profile its port profile, a VIFPortProfileOpenVSwitch or a subclass
 * @param instance the instance it belongs to
 * @param bridge the Open vSwitch bridge, {@code network.bridge}
 * @param mtu the MTU to give devices and ports: the network's, else {@code network_device_mtu}; 0 for none
 */
public record OvsVif(VifBase vif, VifPortProfileOpenVSwitch profile, InstanceInfo instance, String bridge, int mtu) {
    /** Upstream's {@code OVS_DATAPATH_SYSTEM}, the kernel datapath. */
    public static final String DATAPATH_SYSTEM = "system";
    /** Upstream's {@code OVS_DATAPATH_NETDEV}, the userspace datapath. */
    public static final String DATAPATH_NETDEV = "netdev";

    /** Checks the parts. */
    public OvsVif {
        Objects.requireNonNull(vif, "vif");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(instance, "instance");
        PortNames.checkDevice(bridge, "Open vSwitch bridge");
    }

    /**
     * Checks what every path needs: an Open vSwitch port profile (upstream's
     * {@code MissingPortProfile} / {@code WrongPortProfile}), a network with a bridge whose
     * name the kernel accepts, and a valid MTU.
     *
     * @param vif the VIF
     * @param instance its instance
     * @param settings the plugin's options
     * @return the view
     * @throws MissingPortProfileException when the VIF has no port profile
     * @throws WrongPortProfileException when the profile is not an Open vSwitch one
     * @throws IllegalArgumentException when the network, its bridge or the MTU is missing or invalid
     */
    public static OvsVif of(VifBase vif, InstanceInfo instance, OvsSettings settings) {
        Objects.requireNonNull(vif, "vif");
        Objects.requireNonNull(instance, "instance");
        VifPortProfileBase base = vif.isSet(VifBase.PORT_PROFILE) ? vif.get(VifBase.PORT_PROFILE) : null;
        if (base == null) {
            throw new MissingPortProfileException();
        }
        if (!(base instanceof VifPortProfileOpenVSwitch profile)) {
            throw new WrongPortProfileException(base.objectName());
        }
        Network network = vif.network().orElseThrow(() -> new IllegalArgumentException(
                "VIF " + vif.id() + " has no network; the Open vSwitch plugin needs network.bridge"));
        String bridge = network.isSet(Network.BRIDGE) ? network.get(Network.BRIDGE) : null;
        if (bridge == null) {
            throw new IllegalArgumentException("VIF " + vif.id()
                    + " has no network.bridge; the Open vSwitch plugin needs the Open vSwitch bridge's name");
        }
        int mtu = network.mtu().filter(m -> m != 0).orElse(settings.networkDeviceMtu());
        if (mtu != 0 && (mtu < IpCommand.MIN_MTU || mtu > IpCommand.MAX_MTU)) {
            throw new IllegalArgumentException("Invalid MTU " + mtu + " for VIF " + vif.id() + ": must be "
                    + IpCommand.MIN_MTU + ".." + IpCommand.MAX_MTU);
        }
        return new OvsVif(vif, profile, instance, bridge, mtu);
    }

    /** @return the VIF's id */
    public String id() {
        return vif.id();
    }

    /**
     * Upstream's {@code _get_vif_datapath_type}.
     *
     * @param fallback the datapath when the profile names none ({@code system}, or {@code netdev}
     *                 for vhost-user)
     * @return the profile's {@code datapath_type} when set and not empty, else the fallback
     */
    public String datapath(String fallback) {
        return profile.datapathType().filter(d -> !d.isEmpty()).orElse(fallback);
    }

    /** @return the guest MAC, or null when the VIF has none */
    public MacAddress address() {
        return vif.address().orElse(null);
    }

    /** @return whether the profile asks for a tap ({@code create_tap}, profile 1.4) */
    public boolean createTap() {
        return profile.isSet(VifPortProfileOpenVSwitch.CREATE_TAP) && profile.createTap();
    }

    /** @return whether the tap gets several queues ({@code multiqueue}, profile 1.4) */
    public boolean multiqueue() {
        return profile.isSet(VifPortProfileOpenVSwitch.MULTIQUEUE) && profile.multiqueue();
    }

    /** @return whether the profile asks for the port to be created ({@code create_port}, profile 1.3) */
    public boolean createPort() {
        return profile.isSet(VifPortProfileOpenVSwitch.CREATE_PORT) && profile.createPort();
    }

    /**
     * The {@code external_ids} of the port's Interface, in upstream's order: {@code iface-id}
     * (the profile's {@code interface_id}), {@code iface-status=active}, {@code attached-mac}
     * (left out when the VIF has no MAC) and {@code vm-uuid}.
     *
     * @param ifaceId the {@code iface-id}
     * @return the map
     * @throws IllegalArgumentException when the instance has no uuid
     */
    public Map<String, String> interfaceExternalIds(String ifaceId) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("iface-id", ifaceId);
        ids.put("iface-status", "active");
        MacAddress mac = address();
        if (mac != null) {
            ids.put("attached-mac", mac.toString());
        }
        ids.put("vm-uuid", instanceUuid());
        return ids;
    }

    /**
     * @return the profile's {@code interface_id}
     * @throws IllegalArgumentException when it is not set
     */
    public String interfaceId() {
        String id = profile.isSet(VifPortProfileOpenVSwitch.INTERFACE_ID)
                ? profile.get(VifPortProfileOpenVSwitch.INTERFACE_ID) : null;
        if (id == null) {
            throw new IllegalArgumentException("VIF " + vif.id() + ": port profile " + profile.objectName()
                    + " has no interface_id");
        }
        return id;
    }

    /**
     * @return the instance's uuid
     * @throws IllegalArgumentException when it is not set
     */
    public String instanceUuid() {
        String uuid = instance.isSet(InstanceInfo.UUID) ? instance.get(InstanceInfo.UUID) : null;
        if (uuid == null) {
            throw new IllegalArgumentException("VIF " + vif.id() + ": the instance has no uuid");
        }
        return uuid;
    }
}
