/**
 * The Open vSwitch VIF plugin, upstream's {@code vif_plug_ovs}: plugs
 * VIFOpenVSwitch, VIFBridge (hybrid), VIFVHostUser and VIFHostDevice VIFs into
 * Open vSwitch through an OVSDB API with two drivers: {@code native} (an OVSDB
 * connection, the default) and {@code vsctl} (runs {@code ovs-vsctl}).
 */
module org.osvif.plug.ovs {
    requires org.osvif.core;
    requires org.osvif.ovsdb;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports org.osvif.plug.ovs;

    provides org.osvif.spi.VifPluginProvider with org.osvif.plug.ovs.OvsPluginProvider;
}
