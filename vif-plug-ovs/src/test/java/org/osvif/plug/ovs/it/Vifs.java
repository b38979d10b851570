package org.osvif.plug.ovs.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.VifVHostUserMode;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * What the functional tests plug, built only with the public API: the library configured for a
 * {@link PrivateOvs} (group {@code os_vif_ovs}, the sandbox's command runner, plugins found by
 * {@link java.util.ServiceLoader}), and VIF objects whose ids are fresh for every test, so that tests sharing
 * one sandbox never share a port or a device.
 *
 * <p>The device names are derived here independently of the plugin, as upstream's
 * {@code gen_port_name} does: prefix + VIF id, cut to 14 characters (64 for patch ports).
 */
final class Vifs {
    /** The instance every VIF belongs to. */
    static final String INSTANCE_UUID = "7f3c2a1b-0000-4000-8000-000000000001";
    /** The MTU of the networks the tests build, unless a test says otherwise. */
    static final int NETWORK_MTU = 1450;
    /** The plugin's ovs_vsctl_timeout in the tests: long enough for a busy machine, short enough to fail fast. */
    static final String VSCTL_TIMEOUT_SECONDS = "20";
    private static final String GROUP = "os_vif_ovs";
    private static final int NIC_NAME_LEN = 14;
    private static final int PATCH_NAME_LEN = 64;

    private Vifs() {
    }

    /**
     * One VIF's identity: the VIF id, the Neutron port id ({@code iface-id}) and the guest MAC, all fresh.
     *
     * @param vifId the VIF's id
     * @param ifaceId the port profile's interface_id
     * @param mac the VIF's address
     */
    record Ids(String vifId, String ifaceId, String mac) {
        static Ids fresh() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String mac = String.format("fa:16:3e:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256),
                    random.nextInt(256));
            return new Ids(UUID.randomUUID().toString(), UUID.randomUUID().toString(), mac);
        }

        /** @return the VIFOpenVSwitch's vif_name, {@code tap<id>} */
        String tap() {
            return name("tap", NIC_NAME_LEN);
        }

        /** @return the hybrid plug's Linux bridge, {@code qbr<id>} */
        String qbr() {
            return name("qbr", NIC_NAME_LEN);
        }

        /** @return the veth end on the Linux bridge, {@code qvb<id>} */
        String qvb() {
            return name("qvb", NIC_NAME_LEN);
        }

        /** @return the veth end on Open vSwitch, {@code qvo<id>} */
        String qvo() {
            return name("qvo", NIC_NAME_LEN);
        }

        /** @return the vhost-user port, {@code vhu<id>} */
        String vhu() {
            return name("vhu", NIC_NAME_LEN);
        }

        /** @return the per-port bridge, {@code pb<id>} */
        String pb() {
            return name("pb", NIC_NAME_LEN);
        }

        /** @return the per-port bridge's patch port, {@code pbp<id>} */
        String pbp() {
            return name("pbp", PATCH_NAME_LEN);
        }

        /** @return the integration bridge's patch port, {@code ibp<id>} */
        String ibp() {
            return name("ibp", PATCH_NAME_LEN);
        }

        private String name(String prefix, int max) {
            String name = prefix + vifId;
            return name.length() > max ? name.substring(0, max) : name;
        }
    }

    /**
     * The library as an agent would initialize it, against the sandbox.
     *
     * @param ovs the sandbox
     * @param options further {@code os_vif_ovs} options, as name/value pairs
     * @return the library; close it
     */
    static OsVif osVif(PrivateOvs ovs, String... options) {
        return osVifAt(ovs, ovs.dbConnection(), options);
    }

    /**
     * @param ovs the sandbox, whose runner runs every command
     * @param connection the {@code ovsdb_connection}
     * @param options further {@code os_vif_ovs} options, as name/value pairs (they win over the defaults here)
     * @return the library; close it
     */
    static OsVif osVifAt(PrivateOvs ovs, String connection, String... options) {
        if (options.length % 2 != 0) {
            throw new IllegalArgumentException("options come in name/value pairs");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ovsdb_interface", driver());
        values.put("ovsdb_connection", connection);
        values.put("ovs_vsctl_timeout", VSCTL_TIMEOUT_SECONDS);
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], options[i + 1]);
        }
        VifConfig.Builder config = VifConfig.builder();
        values.forEach((name, value) -> config.set(GROUP, name, value));
        return OsVif.initialize(config.build(), InitOptions.builder().commandRunner(ovs.runner()).build());
    }

    /**
     * @return the OVSDB driver this run of the functional suite uses: the build runs the suite once per
     *         driver ({@code -Dosvif.it.ovsdb_interface=native|vsctl}); native, the default, otherwise
     */
    static String driver() {
        return System.getProperty("osvif.it.ovsdb_interface", "native");
    }

    static InstanceInfo instance() {
        return InstanceInfo.builder().uuid(INSTANCE_UUID).name("vm-functional").projectId("project-functional")
                .build();
    }

    /**
     * @param bridge the Open vSwitch bridge
     * @param mtu the MTU, or null for none (then {@code network_device_mtu} applies)
     * @return the network
     */
    static Network network(String bridge, Integer mtu) {
        Network.Builder network = Network.builder().id(UUID.randomUUID().toString()).bridge(bridge);
        if (mtu != null) {
            network.mtu(mtu);
        }
        return network.build();
    }

    /** @return a network on the bridge with {@link #NETWORK_MTU} */
    static Network network(String bridge) {
        return network(bridge, NETWORK_MTU);
    }

    /**
     * @param ids the VIF's ids
     * @return an Open vSwitch profile with the interface_id and {@code datapath_type=netdev} (the kernel here
     *         has no Open vSwitch module)
     */
    static VifPortProfileOpenVSwitch.Builder profile(Ids ids) {
        return new VifPortProfileOpenVSwitch.Builder().interfaceId(ids.ifaceId()).datapathType("netdev");
    }

    static VifOpenVSwitch openVSwitch(Ids ids, Network network, VifPortProfileOpenVSwitch profile) {
        return VifOpenVSwitch.builder().id(ids.vifId()).address(ids.mac()).plugin("ovs").network(network)
                .vifName(ids.tap()).bridgeName(network.bridge()).portProfile(profile).build();
    }

    static VifBridge hybrid(Ids ids, Network network, VifPortProfileOpenVSwitch profile) {
        return VifBridge.builder().id(ids.vifId()).address(ids.mac()).plugin("ovs").network(network)
                .vifName(ids.tap()).bridgeName(ids.qbr()).portProfile(profile).build();
    }

    static VifVHostUser vhostUser(Ids ids, Network network, VifPortProfileOpenVSwitch profile,
            VifVHostUserMode mode) {
        return VifVHostUser.builder().id(ids.vifId()).address(ids.mac()).plugin("ovs").network(network)
                .mode(mode).path(socketPath(ids)).vifName(ids.vhu()).portProfile(profile).build();
    }

    /** @return where the vhost-user socket of the VIF lives */
    static String socketPath(Ids ids) {
        return "/var/lib/vhost_sockets/" + ids.vhu();
    }
}
