package org.osvif.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns raw text into typed values, following oslo.config's {@code types}
 * module. Every refusal is an {@link IllegalArgumentException} whose message
 * is the bare reason, so callers can prefix where the value came from.
 */
final class ValueParser {
    private static final List<String> TRUE_VALUES = List.of("true", "1", "on", "yes");
    private static final List<String> FALSE_VALUES = List.of("false", "0", "off", "no");

    private ValueParser() {
    }

    /**
     * oslo {@code types.Integer}: surrounding whitespace ignored; bounds inclusive.
     * Unlike oslo, an empty value is refused rather than read as {@code None}.
     */
    static Integer integer(String raw, Integer min, Integer max) {
        String s = raw.strip();
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
        if ((min != null && value < min) || (max != null && value > max)) {
            throw new IllegalArgumentException(bounds(min, max));
        }
        return value;
    }

    /** The refusal text for bounds, e.g. "must be between 68 and 65535". */
    static String bounds(Integer min, Integer max) {
        if (min != null && max != null) {
            return "must be between " + min + " and " + max;
        }
        return min != null ? "must be at least " + min : "must be at most " + max;
    }

    /** oslo {@code types.Boolean}: true/false, yes/no, on/off, 1/0, case-insensitive. */
    static Boolean bool(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (TRUE_VALUES.contains(s)) {
            return Boolean.TRUE;
        }
        if (FALSE_VALUES.contains(s)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean (use true/false, yes/no, on/off or 1/0)");
    }

    /** oslo {@code types.String(choices=…)}: case-sensitive, surrounding whitespace ignored. */
    static String choice(String raw, List<String> choices) {
        String s = raw.strip();
        if (choices.contains(s)) {
            return s;
        }
        throw new IllegalArgumentException("must be one of: " + String.join(", ", choices));
    }

    /**
     * oslo {@code types.List}: trailing commas dropped, split on commas, items
     * stripped; an empty value is the empty list.
     */
    static List<String> list(String raw) {
        String s = raw.strip();
        while (s.endsWith(",")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : s.split(",", -1)) {
            items.add(item.strip());
        }
        return List.copyOf(items);
    }
}
