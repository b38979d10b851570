package org.osvif.plug.linuxbridge.internal;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.osvif.config.GroupConfig;
import org.osvif.config.Option;
import org.osvif.net.InterfaceName;
import org.osvif.net.IpCommand;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.HostVifInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.Network;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.plug.linuxbridge.LinuxBridgeOptions;
import org.osvif.plug.linuxbridge.LinuxBridgePluginProvider;
import org.osvif.spi.PluginContext;
import org.osvif.spi.VifPlugin;

/**
 * The Linux bridge plugin: upstream's {@code LinuxBridgePlugin}
 * (vif_plug_linux_bridge/linux_bridge.py).
 *
 * <p>{@link #plug} acts only when the VIF's network is not multi-host and asks
 * the host to provide the bridge ({@code should_provide_bridge}). Then, with
 * {@code should_provide_vlan}, it makes {@code vlan<N>} on
 * {@code vlan_interface} (else the network's {@code bridge_interface}) and the
 * bridge on it; otherwise it makes the bridge on {@code flat_interface} (else
 * the network's {@code bridge_interface}, else on nothing) and, unless the VIF
 * has traffic filtering, the bridge's gateway FORWARD rules. The MTU is the
 * network's, else {@code network_device_mtu}. The guest's tap device is
 * attached to the bridge by the hypervisor, not here.
 *
 * <p>Every value that reaches a command is checked before the first command
 * runs: the bridge and interface names ({@link InterfaceName}), the VLAN ID
 * (1..4094) and the MTU (68..65535). A bad value throws
 * {@link IllegalArgumentException} naming the field and the value.
 *
 * <p>{@link #unplug} does nothing, as upstream: the bridge is shared by every
 * VIF on the network and stays, with its rules.
 */
public final class LinuxBridgePlugin implements VifPlugin {
    private static final HostPluginInfo INFO = HostPluginInfo.builder()
            .pluginName(LinuxBridgePluginProvider.NAME)
            .vifInfo(List.of(HostVifInfo.builder()
                    .vifObjectName(VifBridge.OBJ_NAME)
                    .minVersion("1.0")
                    .maxVersion("1.0")
                    // Upstream: supported_port_profiles is only used by OVS.
                    .supportedPortProfiles(List.of())
                    .build()))
            .build();

    private final GroupConfig config;
    private final LinuxNet linuxNet;

    LinuxBridgePlugin(GroupConfig config, LinuxNet linuxNet) {
        this.config = Objects.requireNonNull(config, "config");
        this.linuxNet = Objects.requireNonNull(linuxNet, "linuxNet");
    }

    /**
     * Creates the plugin from its context, with the iptables binary name of this
     * process ({@link IptablesManager#binaryNameOfThisProcess()}).
     *
     * @param context the validated options, the runner and the locks
     * @return the plugin
     * @throws IllegalArgumentException naming the option when an iptables option is unusable
     */
    public static LinuxBridgePlugin create(PluginContext context) {
        return create(context, IptablesManager.binaryNameOfThisProcess(), millis -> Thread.sleep(millis));
    }

    static LinuxBridgePlugin create(PluginContext context, String binaryName, IptablesManager.Sleeper sleeper) {
        GroupConfig config = context.config();
        IptablesManager.Settings settings = iptablesSettings(config);
        IptablesManager iptables = new IptablesManager(context.runner(), context.locks(), binaryName, settings,
                sleeper);
        return new LinuxBridgePlugin(config, new LinuxNet(context.runner(), context.locks(), iptables,
                settings.useIpv6()));
    }

    /**
     * Reads and checks the options the iptables rules are built from. The rule text
     * goes into iptables-restore's line-based input, so nothing in it may break a line.
     */
    static IptablesManager.Settings iptablesSettings(GroupConfig config) {
        Pattern top = regex(config, LinuxBridgeOptions.IPTABLES_TOP_REGEX);
        Pattern bottom = regex(config, LinuxBridgeOptions.IPTABLES_BOTTOM_REGEX);
        String drop = config.get(LinuxBridgeOptions.IPTABLES_DROP_ACTION);
        if (drop == null || drop.isBlank() || drop.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("Invalid " + optionName(LinuxBridgeOptions.IPTABLES_DROP_ACTION)
                    + " '" + (drop == null ? "" : printable(drop)) + "': must be an iptables target (with its arguments) on one line, e.g. DROP");
        }
        List<String> forward = config.get(LinuxBridgeOptions.FORWARD_BRIDGE_INTERFACE);
        for (String iface : forward) {
            if (iface != null && !iface.isEmpty() && !iface.equals("all")) {
                String problem = InterfaceName.problem(iface);
                if (problem != null) {
                    throw new IllegalArgumentException("Invalid "
                            + optionName(LinuxBridgeOptions.FORWARD_BRIDGE_INTERFACE) + " '" + printable(iface) + "': "
                            + problem);
                }
            }
        }
        return new IptablesManager.Settings(config.get(LinuxBridgeOptions.USE_IPV6), top, bottom, drop, forward);
    }

    private static Pattern regex(GroupConfig config, Option<String> option) {
        String text = config.get(option);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid " + optionName(option) + " '" + text
                    + "': not a regular expression: " + e.getDescription(), e);
        }
    }

    private static String optionName(Option<?> option) {
        return LinuxBridgeOptions.GROUP.name() + "." + option.name();
    }

    @Override
    public HostPluginInfo describe() {
        return INFO;
    }

    /**
     * Ensures the bridge exists (and its VLAN interface, and its rules); see the class
     * documentation. Plugging again is harmless: existing devices are kept, the
     * interface is attached and its MTU set again, and rules already applied are not
     * applied again.
     *
     * @throws IllegalArgumentException when the VIF is not a VIFBridge, lacks its network
     *         or bridge name, or carries a value no command may get; nothing has run then
     */
    @Override
    public void plug(VifBase vif, InstanceInfo instance) {
        Objects.requireNonNull(vif, "vif");
        if (!(vif instanceof VifBridge bridgeVif)) {
            throw new IllegalArgumentException("Plugin " + LinuxBridgePluginProvider.NAME + " plugs "
                    + VifBridge.OBJ_NAME + " VIFs only, not " + vif.objectName());
        }
        Network network = vif.network().orElseThrow(() -> new IllegalArgumentException(
                VifBridge.OBJ_NAME + ".network is not set; plugin " + LinuxBridgePluginProvider.NAME
                        + " needs the network of VIF " + vifId(vif)));
        if (!bridgeVif.isSet(VifBridge.BRIDGE_NAME)) {
            throw new IllegalArgumentException(VifBridge.OBJ_NAME + ".bridge_name is not set on VIF " + vifId(vif));
        }
        String bridge = bridgeVif.bridgeName();
        if (Boolean.TRUE.equals(network.multiHost()) || !Boolean.TRUE.equals(network.shouldProvideBridge())) {
            return;
        }
        checkName(bridge, VifBridge.OBJ_NAME + ".bridge_name");
        int mtu = mtu(network);
        if (Boolean.TRUE.equals(network.shouldProvideVlan())) {
            String iface = interfaceFor(LinuxBridgeOptions.VLAN_INTERFACE, network);
            if (iface == null) {
                throw new IllegalArgumentException("Network.bridge_interface is not set and "
                        + optionName(LinuxBridgeOptions.VLAN_INTERFACE) + " is empty: the VLAN interface of bridge "
                        + bridge + " needs a parent device");
            }
            int vlan = network.vlan().orElseThrow(() -> new IllegalArgumentException(
                    "Network.vlan is not set, but Network.should_provide_vlan is true (bridge " + bridge + ")"));
            if (vlan < IpCommand.MIN_VLAN_ID || vlan > IpCommand.MAX_VLAN_ID) {
                throw new IllegalArgumentException("Invalid Network.vlan " + vlan + ": must be "
                        + IpCommand.MIN_VLAN_ID + ".." + IpCommand.MAX_VLAN_ID);
            }
            // Upstream passes no MAC address: the VLAN interface keeps the kernel's.
            linuxNet.ensureVlanBridge(vlan, bridge, iface, null, mtu);
        } else {
            String iface = interfaceFor(LinuxBridgeOptions.FLAT_INTERFACE, network);
            // Only put in iptables rules if the network service is not filtering.
            boolean installFilters = !Boolean.TRUE.equals(vif.hasTrafficFiltering());
            linuxNet.ensureBridge(bridge, iface, installFilters, mtu);
        }
    }

    /** Does nothing: a standard Linux bridge needs nothing undone per VIF (upstream's comment). */
    @Override
    public void unplug(VifBase vif, InstanceInfo instance) {
        // Nothing to do: the hypervisor removes the tap device; the bridge stays for the network's other VIFs.
    }

    /** Upstream's {@code network.mtu or network_device_mtu}, checked. */
    private int mtu(Network network) {
        Integer fromNetwork = network.mtu().orElse(null);
        if (fromNetwork != null && fromNetwork != 0) {
            return checkMtu(fromNetwork, "Network.mtu");
        }
        return checkMtu(config.get(LinuxBridgeOptions.NETWORK_DEVICE_MTU),
                optionName(LinuxBridgeOptions.NETWORK_DEVICE_MTU));
    }

    private static int checkMtu(Integer mtu, String field) {
        if (mtu == null || mtu < IpCommand.MIN_MTU || mtu > IpCommand.MAX_MTU) {
            throw new IllegalArgumentException("Invalid " + field + " " + mtu + ": must be " + IpCommand.MIN_MTU
                    + ".." + IpCommand.MAX_MTU);
        }
        return mtu;
    }

    /** Upstream's {@code config.<option> or network.bridge_interface}, checked; null when both are empty. */
    private String interfaceFor(Option<String> option, Network network) {
        String configured = config.get(option);
        if (configured != null && !configured.isEmpty()) {
            return checkName(configured, optionName(option));
        }
        String fromNetwork = network.bridgeInterface().orElse(null);
        if (fromNetwork != null && !fromNetwork.isEmpty()) {
            return checkName(fromNetwork, "Network.bridge_interface");
        }
        return null;
    }

    private static String checkName(String name, String field) {
        String problem = InterfaceName.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid " + field + " '" + printable(name) + "': " + problem);
        }
        return name;
    }

    /** The value with control and non-ASCII characters escaped, for messages. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            if (c >= 0x20 && c <= 0x7e) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    private static String vifId(VifBase vif) {
        return vif.isSet(VifBase.ID) ? vif.id() : "(no id)";
    }
}
