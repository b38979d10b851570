/**
 * Test fixtures for os-vif for Java and for agents built on it: a recording,
 * scripted {@link org.osvif.exec.CommandRunner}, a dry-run runner, a JUnit 5
 * extension that injects a fresh recording runner into each test, and a private
 * Open vSwitch in a network namespace ({@code org.osvif.testing.ovs}) with its
 * JUnit 5 side ({@code org.osvif.testing.junit}).
 */
// The JUnit extensions expose JUnit types; only tests, which have JUnit, use them.
@SuppressWarnings("exports")
module org.osvif.testing {
    // CommandRunner is in the public signatures of this module.
    requires transitive org.osvif.core;
    // Only the JUnit extensions need JUnit; vifctl uses the runners and PrivateOvs at run time without it
    // (static: optional at run time). Transitive because the extensions' public signatures use its types.
    requires static org.junit.jupiter.api;
    // PrivateOvs reads ovs-vsctl's and ovsdb-client's JSON output.
    requires com.fasterxml.jackson.databind;

    exports org.osvif.testing;
    // PrivateOvs: no JUnit; vifctl demo and the benchmarks use it at run time.
    exports org.osvif.testing.ovs;
    // @RequiresOvs and PrivateOvsExtension: need JUnit, so only tests may load them.
    exports org.osvif.testing.junit;
}
