package org.osvif.cli;

/**
 * Sets up slf4j-simple, vifctl's logging binding, before anything logs:
 * warnings only by default, so output stays what the command prints;
 * everything, every command run included, with {@code --verbose}.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }
}
