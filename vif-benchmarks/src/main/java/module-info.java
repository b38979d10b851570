/**
 * JMH benchmarks of the os-vif object codec. The annotation processor of JMH
 * generates the harness classes into {@code org.osvif.benchmarks.jmh_generated},
 * inside this module; the shaded {@code benchmarks.jar} runs on the class path.
 */
module org.osvif.benchmarks {
    requires org.osvif.objects;
    requires jmh.core;

    exports org.osvif.benchmarks;
}
