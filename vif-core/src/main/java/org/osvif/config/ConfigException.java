package org.osvif.config;

import org.osvif.exception.VifException;

/**
 * The configuration cannot be used: a value is invalid for its option, a
 * source cannot be read, or an INI file is malformed. Names what is wrong so an
 * operator can find it: {@link #group()}, {@link #option()} and
 * {@link #value()} for a bad value, {@link #source()} and {@link #line()} for a
 * bad file.
 */
public final class ConfigException extends VifException {
    private static final long serialVersionUID = 1L;

    /** The group of an invalid value, or null. */
    private final String group;
    /** The option name of an invalid value, or null. */
    private final String option;
    /** The invalid raw value, or null. */
    private final String value;
    /** Where the error was found, or null. */
    private final String source;
    /** The 1-based line of a syntax error, or 0. */
    private final int line;

    private ConfigException(String message, String group, String option, String value, String source, int line,
            Throwable cause) {
        super(message, cause);
        this.group = group;
        this.option = option;
        this.value = value;
        this.source = source;
        this.line = line;
    }

    /**
     * An invalid value, with the message
     * {@code Invalid value 'abc' for option [os_vif_ovs] network_device_mtu: not an integer}.
     *
     * @param group the group the value was found in
     * @param option the option name the value was found under
     * @param value the raw value
     * @param reason why it is refused, e.g. {@code "not an integer"}
     */
    public ConfigException(String group, String option, String value, String reason) {
        this(group, option, value, reason, null, null);
    }

    /**
     * An invalid value read from a named source.
     *
     * @param group the group the value was found in
     * @param option the option name the value was found under
     * @param value the raw value
     * @param reason why it is refused
     * @param source where the value came from, e.g. a file name, or null
     * @param cause the parse failure, or null
     */
    public ConfigException(String group, String option, String value, String reason, String source,
            Throwable cause) {
        this("Invalid value '" + value + "' for option [" + group + "] " + option + ": " + reason,
                group, option, value, source, 0, cause);
    }

    /** oslo's {@code ConfigFileParseError}: "Failed to parse F: at line N, MSG: 'LINE'". */
    static ConfigException syntax(String source, int line, String message, String text) {
        return new ConfigException("Failed to parse " + source + ": at line " + line + ", " + message + ": '"
                + text + "'", null, null, null, source, line, null);
    }

    /** A source that could not be read at all. */
    static ConfigException unreadable(String source, Exception cause) {
        String detail = cause.getMessage() == null || cause.getMessage().equals(source)
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new ConfigException("Failed to read configuration file " + source + ": " + detail,
                null, null, null, source, 0, cause);
    }

    /** A map or properties key that is not {@code group.option}. */
    static ConfigException badKey(String source, String key, String reason) {
        return new ConfigException("Invalid key '" + key + "' in " + source + ": " + reason,
                null, null, null, source, 0, null);
    }

    /**
     * @return the group of the invalid value, or null when the error is not about a value
     */
    public String group() {
        return group;
    }

    /**
     * @return the option name of the invalid value, or null when the error is not about a value
     */
    public String option() {
        return option;
    }

    /**
     * @return the invalid raw value, or null when the error is not about a value
     */
    public String value() {
        return value;
    }

    /**
     * @return the source the error was found in (a file name, {@code "map"}, …), or null when unknown
     */
    public String source() {
        return source;
    }

    /**
     * @return the 1-based line of an INI syntax error, 0 otherwise
     */
    public int line() {
        return line;
    }
}
