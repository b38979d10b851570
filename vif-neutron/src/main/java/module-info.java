/**
 * What a compute agent writes around os-vif, as Nova writes it: a Neutron port
 * binding turned into a VIF ({@code org.osvif.neutron}), a VIF turned into the
 * libvirt {@code <interface>} element ({@code org.osvif.neutron.libvirt}), and
 * the live-migration {@code os_vif_delegation} marker.
 */
module org.osvif.neutron {
    requires transitive org.osvif.objects;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.xml;

    exports org.osvif.neutron;
    exports org.osvif.neutron.libvirt;
}
