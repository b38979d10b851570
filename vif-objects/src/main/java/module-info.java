/**
 * The os-vif object model and the oslo.versionedobjects wire format: VIFs,
 * networks, port profiles, host information, their primitives and backports.
 */
module org.osvif.objects {
    requires transitive com.fasterxml.jackson.databind;

    exports org.osvif.exception;
    exports org.osvif.objects;
    exports org.osvif.objects.base;
    exports org.osvif.objects.types;
}
