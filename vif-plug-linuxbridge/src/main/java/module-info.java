/**
 * The Linux bridge VIF plugin, upstream's {@code vif_plug_linux_bridge} (os-vif
 * 4.x): plugs VIFBridge VIFs into flat and VLAN Linux bridges and keeps the
 * iptables FORWARD rules for them.
 */
module org.osvif.plug.linuxbridge {
    requires transitive org.osvif.core;
    requires org.slf4j;

    exports org.osvif.plug.linuxbridge;

    provides org.osvif.spi.VifPluginProvider with org.osvif.plug.linuxbridge.LinuxBridgePluginProvider;
}
