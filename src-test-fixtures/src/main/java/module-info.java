/**
 * Test fixtures for os-vif for Java and for agents built on it: a recording,
 * scripted {@link org.osvif.exec.CommandRunner}, a dry-run runner and a JUnit 5
 * extension that injects a fresh recording runner into each test.
 */
module org.osvif.testing {
    // CommandRunner is in the public signatures of this module.
    requires transitive org.osvif.core;
    // Only the JUnit extension needs JUnit; vifctl uses the runners at run time without it.
    requires static org.junit.jupiter.api;

    exports org.osvif.testing;
}
