package org.osvif.benchmarks;

import java.io.PrintStream;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The native OVSDB driver's targets: a plug (and an unplug) within 1.2x of the raw waited
 * transaction on an open socket, and at least 2.5x faster than Python os-vif's native driver
 * in a long-lived process. Medians of one run.
 */
final class NativeTargets {
    /** Native plug p50 at most this times the raw transaction's. */
    static final double FLOOR_RATIO = 1.2;
    /** Python native p50 at least this times the native plug's. */
    static final double PYTHON_SPEEDUP = 2.5;

    private NativeTargets() {
    }

    /**
     * @param targets where the figures go
     * @param java the native driver's latencies
     * @param raw the raw transaction's
     * @param python Python os-vif's native driver's, or null when Python was not measured
     */
    static void put(ObjectNode targets, PlugLatencyHarness.Stats java, PlugLatencyHarness.Stats raw,
            PlugLatencyHarness.Stats python) {
        ObjectNode nat = targets.putObject("native");
        double plugFloor = java.plug.medianMillis() / raw.plug.medianMillis();
        double unplugFloor = java.unplug.medianMillis() / raw.unplug.medianMillis();
        nat.put("plug_p50_ratio_to_raw", round(plugFloor));
        nat.put("unplug_p50_ratio_to_raw", round(unplugFloor));
        nat.put("plug_within_1_2x_of_raw", plugFloor <= FLOOR_RATIO);
        nat.put("unplug_within_1_2x_of_raw", unplugFloor <= FLOOR_RATIO);
        if (python != null) {
            double plugSpeedup = python.plug.medianMillis() / java.plug.medianMillis();
            double unplugSpeedup = python.unplug.medianMillis() / java.unplug.medianMillis();
            nat.put("plug_p50_speedup_over_python_native", round(plugSpeedup));
            nat.put("unplug_p50_speedup_over_python_native", round(unplugSpeedup));
            nat.put("plug_2_5x_faster_than_python_native", plugSpeedup >= PYTHON_SPEEDUP);
            nat.put("unplug_2_5x_faster_than_python_native", unplugSpeedup >= PYTHON_SPEEDUP);
        }
    }

    /**
     * @param targets what {@link #put} wrote
     * @param out where to print
     */
    static void print(ObjectNode targets, PrintStream out) {
        ObjectNode nat = (ObjectNode) targets.get("native");
        out.printf(Locale.ROOT, "target: native plug within %.1fx of the raw waited transaction: p50 %.2fx %s; "
                + "unplug %.2fx %s%n", FLOOR_RATIO, nat.get("plug_p50_ratio_to_raw").asDouble(),
                met(nat, "plug_within_1_2x_of_raw"), nat.get("unplug_p50_ratio_to_raw").asDouble(),
                met(nat, "unplug_within_1_2x_of_raw"));
        if (nat.has("plug_p50_speedup_over_python_native")) {
            out.printf(Locale.ROOT, "target: native %.1fx faster than Python os-vif native: plug %.2fx %s; "
                    + "unplug %.2fx %s%n", PYTHON_SPEEDUP, nat.get("plug_p50_speedup_over_python_native").asDouble(),
                    met(nat, "plug_2_5x_faster_than_python_native"),
                    nat.get("unplug_p50_speedup_over_python_native").asDouble(),
                    met(nat, "unplug_2_5x_faster_than_python_native"));
        }
    }

    private static String met(ObjectNode node, String field) {
        return node.get(field).asBoolean() ? "MET" : "NOT MET";
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
    }
}
