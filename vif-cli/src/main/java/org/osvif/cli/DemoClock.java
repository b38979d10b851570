package org.osvif.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/** Prints each demo step with the time since the start and how long the step took. */
final class DemoClock {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final java.util.List<java.util.Map<String, Object>> steps = new java.util.ArrayList<>();

    DemoClock(PrintStream out) {
        this.out = out;
    }

    <T> T step(String what, Supplier<T> action) {
        long begin = System.nanoTime();
        out.printf(Locale.ROOT, "[%7.3fs] %s%n", (begin - start) / 1e9, what);
        out.flush();
        T result = action.get();
        double ms = (System.nanoTime() - begin) / 1e6;
        out.printf(Locale.ROOT, "           took %.1f ms%n", ms);
        java.util.Map<String, Object> step = new java.util.LinkedHashMap<>();
        step.put("step", what);
        step.put("at_s", Math.round((begin - start) / 1e6) / 1e3);
        step.put("took_ms", Math.round(ms * 10) / 10.0);
        steps.add(step);
        return result;
    }

    void run(String what, Runnable action) {
        step(what, () -> {
            action.run();
            return null;
        });
    }

    /** @return each step: its name, when it started (s) and how long it took (ms) */
    java.util.List<java.util.Map<String, Object>> steps() {
        return steps;
    }

    String elapsed() {
        return String.format(Locale.ROOT, "%.3fs", (System.nanoTime() - start) / 1e9);
    }
}
