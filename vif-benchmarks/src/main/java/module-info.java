/**
 * JMH benchmarks of the os-vif object codec and of {@code OsVif.initialize},
 * and the plug latency harness (a plain main class). The annotation processor
 * of JMH generates the harness classes into
 * {@code org.osvif.benchmarks.jmh_generated}, inside this module; the shaded
 * {@code benchmarks.jar} runs on the class path.
 */
module org.osvif.benchmarks {
    requires org.osvif.objects;
    requires org.osvif.core;
    // PrivateOvs, for PlugLatencyHarness.
    requires org.osvif.testing;
    requires jmh.core;

    exports org.osvif.benchmarks;
}
