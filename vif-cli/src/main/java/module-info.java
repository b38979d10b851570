/**
 * vifctl, the command line over os-vif for Java. Its interface is the command
 * line itself (see the module's README); no package is exported.
 */
module org.osvif.cli {
    requires info.picocli;
    requires org.osvif.objects;
    requires com.fasterxml.jackson.databind;
    requires org.osvif.core;
    requires org.osvif.neutron;
    requires org.osvif.plug.ovs;
    requires org.osvif.testing;

    uses org.osvif.spi.VifPluginProvider;

    // picocli sets the @Option and @Parameters fields of the commands reflectively.
    opens org.osvif.cli to info.picocli;
}
