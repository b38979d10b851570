/**
 * The os-vif runtime: {@link org.osvif.OsVif} (initialize, plug, unplug,
 * hostInfo), the plugin SPI, configuration, the command runner and the noop
 * plugin.
 */
module org.osvif.core {
    requires transitive org.osvif.objects;
    requires org.slf4j;
    requires org.apache.commons.exec;

    exports org.osvif;
    exports org.osvif.spi;
    exports org.osvif.config;
    exports org.osvif.exec;
    exports org.osvif.net;

    uses org.osvif.spi.VifPluginProvider;
    provides org.osvif.spi.VifPluginProvider with org.osvif.internal.NoopPluginProvider;
}
