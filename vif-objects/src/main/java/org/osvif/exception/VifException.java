package org.osvif.exception;

import java.util.Map;

/**
 * Root of every exception this library throws: the Java counterpart of
 * os-vif's {@code ExceptionBase}. Unchecked, so callers catch it where they can
 * act on it. Each subclass keeps upstream's message text so that log searches
 * written for Python os-vif still match.
 */
public class VifException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a finished message.
     *
     * @param message the message
     */
    public VifException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a finished message and a cause.
     *
     * @param message the message
     * @param cause the underlying failure
     */
    public VifException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The message without any cause appended, as upstream's {@code format_message()}.
     *
     * @return the message
     */
    public String formatMessage() {
        return getMessage();
    }

    /**
     * Fills a Python-style {@code %(name)s} template from named values, so that
     * messages can be written with upstream's exact wording.
     *
     * @param template the template, e.g. {@code "No VIF plugin was found with the name %(plugin_name)s"}
     * @param values the values by name
     * @return the filled template
     */
    protected static String format(String template, Map<String, ?> values) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("%(", i);
            int end = start < 0 ? -1 : template.indexOf(")s", start);
            if (start < 0 || end < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, start);
            String key = template.substring(start + 2, end);
            out.append(values.containsKey(key) ? String.valueOf(values.get(key)) : template.substring(start, end + 2));
            i = end + 2;
        }
        return out.toString();
    }
}
