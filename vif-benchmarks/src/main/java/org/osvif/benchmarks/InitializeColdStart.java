package org.osvif.benchmarks;

import java.io.StringReader;
import org.osvif.InitOptions;
import org.osvif.OsVif;
import org.osvif.config.VifConfig;

/**
 * The first {@code OsVif.initialize()} of a fresh JVM, class loading included:
 * what an agent pays once at start. Run it several times in new JVMs
 * ({@code java -cp vif-benchmarks/target/benchmarks.jar org.osvif.benchmarks.InitializeColdStart});
 * it prints the milliseconds and the plugins loaded.
 */
public final class InitializeColdStart {
    private InitializeColdStart() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        long start = System.nanoTime();
        VifConfig config = VifConfig.builder().ini(new StringReader(InitializeBenchmark.NOVA_CONF), "nova.conf")
                .build();
        try (OsVif osvif = OsVif.initialize(config,
                InitOptions.builder().commandRunner(InitializeBenchmark.NO_COMMANDS).build())) {
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf("first initialize: %.1f ms, plugins: %s%n", ms, String.join(", ", osvif.pluginNames()));
        }
    }
}
