package org.osvif.cli;

/**
 * Folds a message onto one line, so that each error is exactly one line of
 * standard error, and bounds its length, since messages can quote input values.
 */
final class OneLine {
    /** Longer than any message about a sane input, short enough for a terminal. */
    static final int MAX_LENGTH = 1000;

    private OneLine() {
    }

    /**
     * @param message any message, possibly null or spanning lines
     * @return the message with every line break (and the blanks around it) replaced by one space, cut
     *         to {@value #MAX_LENGTH} characters with {@code ...} at the end when longer
     */
    static String of(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }
}
