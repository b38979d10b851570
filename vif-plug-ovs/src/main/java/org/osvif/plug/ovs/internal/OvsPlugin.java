package org.osvif.plug.ovs.internal;

import java.util.List;
import java.util.Objects;
import org.osvif.exception.VifException;
import org.osvif.exec.CommandRunner;
import org.osvif.net.NamedLocks;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.HostPortProfileInfo;
import org.osvif.objects.HostVifInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifBridge;
import org.osvif.objects.VifHostDevice;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.objects.VifPortProfileOpenVSwitch;
import org.osvif.objects.VifPortProfileOvsRepresentor;
import org.osvif.objects.VifVHostUser;
import org.osvif.objects.base.ObjectType;
import org.osvif.plug.ovs.TapCreationNotSupportedException;
import org.osvif.plug.ovs.internal.ovsdb.Ovsdb;
import org.osvif.spi.VifPlugin;

/**
 * The Open vSwitch plugin, upstream's {@code vif_plug_ovs.ovs.OvsPlugin}: picks the
 * plug path from the VIF's class and the options. Each path checks every name it
 * will use before it runs anything. Thread-safe.
 *
 * <table>
 * <caption>Paths</caption>
 * <tr><th>VIF</th><th>path</th></tr>
 * <tr><td>VIFOpenVSwitch</td><td>{@link GenericPlug}, or {@link PerPortBridgePlug} with
 *     {@code per_port_bridge}; unplug takes the hybrid path when a {@code qbr<id>} is left over</td></tr>
 * <tr><td>VIFBridge</td><td>{@link HybridPlug}</td></tr>
 * <tr><td>VIFVHostUser</td><td>{@link VhostUserPlug}</td></tr>
 * <tr><td>VIFHostDevice</td><td>{@link RepresentorPlug}</td></tr>
 * </table>
 */
public final class OvsPlugin implements VifPlugin {
    /** The plugin's name, upstream's {@code PLUGIN_NAME}. */
    public static final String NAME = "ovs";

    private static final HostPluginInfo INFO = describeSupport();

    private final OvsSettings settings;
    private final Ovsdb ovsdb;
    private final LinuxNet net;
    private final GenericPlug generic;
    private final PerPortBridgePlug perPortBridge;
    private final HybridPlug hybrid;
    private final VhostUserPlug vhostUser;
    private final RepresentorPlug representor;

    /**
     * @param settings the options
     * @param ovsdb the OVSDB driver
     * @param runner runs every host command
     * @param locks the locks shared by the plugins of one {@code OsVif}
     */
    public OvsPlugin(OvsSettings settings, Ovsdb ovsdb, CommandRunner runner, NamedLocks locks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ovsdb = Objects.requireNonNull(ovsdb, "ovsdb");
        this.net = new LinuxNet(runner);
        PortRemoval removal = new PortRemoval(ovsdb, settings);
        PortPlanner planner = new PortPlanner(ovsdb, settings, removal);
        this.generic = new GenericPlug(ovsdb, net, planner, removal);
        this.perPortBridge = new PerPortBridgePlug(ovsdb, net, planner, removal);
        this.hybrid = new HybridPlug(ovsdb, net, planner, removal, Objects.requireNonNull(locks, "locks"));
        this.vhostUser = new VhostUserPlug(ovsdb, planner, removal);
        this.representor = new RepresentorPlug(ovsdb, net, planner, removal, new Sysfs(settings.sysfsRoot()));
    }

    /**
     * Upstream advertises version 1.0 of everything; this plugin advertises what it handles:
     * each VIF class up to its current version, VIFPortProfileOpenVSwitch 1.0 to 1.4 (1.3's
     * {@code create_port} and 1.4's {@code create_tap} / {@code multiqueue} are implemented),
     * and, where upstream lists it, VIFPortProfileOVSRepresentor 1.0 to 1.4.
     */
    @Override
    public HostPluginInfo describe() {
        return INFO;
    }

    @Override
    public void plug(VifBase vif, InstanceInfo instance) {
        OvsVif ovsVif = OvsVif.of(vif, instance, settings);
        if (ovsVif.createTap() && !(vif instanceof VifOpenVSwitch)) {
            throw new TapCreationNotSupportedException(vif.objectName());
        }
        if (vif instanceof VifOpenVSwitch) {
            if (settings.perPortBridge()) {
                perPortBridge.plug(ovsVif);
            } else {
                generic.plug(ovsVif);
            }
        } else if (vif instanceof VifBridge bridge) {
            hybrid.plug(ovsVif, HybridPlug.Names.of(ovsVif, linuxBridge(bridge)));
        } else if (vif instanceof VifVHostUser) {
            vhostUser.plug(ovsVif);
        } else if (vif instanceof VifHostDevice) {
            representor.plug(ovsVif);
        } else {
            throw unsupported(vif);
        }
    }

    @Override
    public void unplug(VifBase vif, InstanceInfo instance) {
        OvsVif ovsVif = OvsVif.of(vif, instance, settings);
        if (vif instanceof VifOpenVSwitch) {
            if (settings.perPortBridge()) {
                perPortBridge.unplug(ovsVif);
                return;
            }
            HybridPlug.Names leftover = HybridPlug.Names.of(ovsVif, PortNames.hybridBridge(vif.id()));
            if (((VifOpenVSwitch) vif).isSet(VifOpenVSwitch.VIF_NAME)) {
                GenericPlug.vifName(ovsVif);
            }
            if (net.exists(leftover.linuxBridge())) {
                hybrid.unplug(ovsVif, leftover);
            } else {
                generic.unplug(ovsVif);
            }
        } else if (vif instanceof VifBridge bridge) {
            hybrid.unplug(ovsVif, HybridPlug.Names.of(ovsVif, linuxBridge(bridge)));
        } else if (vif instanceof VifVHostUser) {
            vhostUser.unplug(ovsVif);
        } else if (vif instanceof VifHostDevice) {
            representor.unplug(ovsVif);
        } else {
            throw unsupported(vif);
        }
    }

    /** Closes the OVSDB connection of the native driver, if one was opened. */
    @Override
    public void close() {
        ovsdb.close();
    }

    private static String linuxBridge(VifBridge vif) {
        String name = vif.isSet(VifBridge.BRIDGE_NAME) ? vif.get(VifBridge.BRIDGE_NAME) : null;
        if (name == null) {
            throw new IllegalArgumentException("VIF " + vif.id() + " has no bridge_name (the hybrid plug's "
                    + "Linux bridge)");
        }
        return name;
    }

    private static VifException unsupported(VifBase vif) {
        return new VifException("This vif type is not supported by this plugin: " + vif.objectName()
                + " (the Open vSwitch plugin plugs VIFOpenVSwitch, VIFBridge, VIFVHostUser and VIFHostDevice)");
    }

    private static HostPluginInfo describeSupport() {
        HostPortProfileInfo ovs = profile(VifPortProfileOpenVSwitch.OBJ_NAME, VifPortProfileOpenVSwitch.TYPE);
        HostPortProfileInfo ovsRepresentor = profile(VifPortProfileOvsRepresentor.OBJ_NAME,
                VifPortProfileOvsRepresentor.TYPE);
        return HostPluginInfo.builder()
                .pluginName(NAME)
                .vifInfo(List.of(
                        vifInfo(VifBridge.OBJ_NAME, VifBridge.TYPE, List.of(ovs)),
                        vifInfo(VifOpenVSwitch.OBJ_NAME, VifOpenVSwitch.TYPE, List.of(ovs)),
                        vifInfo(VifVHostUser.OBJ_NAME, VifVHostUser.TYPE, List.of(ovs, ovsRepresentor)),
                        vifInfo(VifHostDevice.OBJ_NAME, VifHostDevice.TYPE, List.of(ovs, ovsRepresentor))))
                .build();
    }

    private static HostPortProfileInfo profile(String name, ObjectType<?> type) {
        return HostPortProfileInfo.builder()
                .profileObjectName(name)
                .minVersion("1.0")
                .maxVersion(type.version().toString())
                .build();
    }

    private static HostVifInfo vifInfo(String name, ObjectType<?> type, List<HostPortProfileInfo> profiles) {
        return HostVifInfo.builder()
                .vifObjectName(name)
                .minVersion("1.0")
                .maxVersion(type.version().toString())
                .supportedPortProfiles(profiles)
                .build();
    }
}
