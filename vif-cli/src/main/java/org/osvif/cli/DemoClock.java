package org.osvif.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/** Prints each demo step with the time since the start and how long the step took. */
final class DemoClock {
    private final PrintStream out;
    private final long start = System.nanoTime();

    DemoClock(PrintStream out) {
        this.out = out;
    }

    <T> T step(String what, Supplier<T> action) {
        long begin = System.nanoTime();
        out.printf(Locale.ROOT, "[%7.3fs] %s%n", (begin - start) / 1e9, what);
        out.flush();
        T result = action.get();
        out.printf(Locale.ROOT, "           took %.1f ms%n", (System.nanoTime() - begin) / 1e6);
        return result;
    }

    void run(String what, Runnable action) {
        step(what, () -> {
            action.run();
            return null;
        });
    }

    String elapsed() {
        return String.format(Locale.ROOT, "%.3fs", (System.nanoTime() - start) / 1e9);
    }
}
