package org.osvif.net;

/**
 * The rules for Linux network interface names, checked before any name
 * reaches a command. They are the kernel's {@code dev_valid_name()}
 * ({@code net/core/dev.c}) plus two of this library's own:
 * <ol>
 * <li>not empty;</li>
 * <li>only printable ASCII, {@code '!'} to {@code '~'} (own rule: the kernel
 *     takes any byte, but names with control characters or UTF-8 are
 *     unreadable in logs and break tools that parse {@code ip} output);</li>
 * <li>at most {@value #MAX_LENGTH} bytes ({@code IFNAMSIZ} is 16 with the
 *     terminating NUL);</li>
 * <li>not {@code "."} or {@code ".."};</li>
 * <li>no {@code '/'}, {@code ':'} or whitespace;</li>
 * <li>no {@code '%'} (own rule: the kernel accepts it but treats the name as
 *     a template, so {@code ip link add name tap%d} creates {@code tap0}, a
 *     device nobody asked for).</li>
 * </ol>
 *
 * <pre>{@code
 * InterfaceName.check("tapf1e2d3c4-b5");          // returns the name
 * InterfaceName.check("qbr" + portId, "bridge");   // IllegalArgumentException naming the bridge and the rule
 * }</pre>
 */
public final class InterfaceName {
    /** The longest valid name, in bytes (and, since only ASCII is allowed, in characters). */
    public static final int MAX_LENGTH = 15;

    private InterfaceName() {
    }

    /**
     * @param name a candidate name, possibly null
     * @return whether it follows every rule
     */
    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    /**
     * Checks a name.
     *
     * @param name the name
     * @return the name, unchanged
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public static String check(String name) {
        return check(name, "interface");
    }

    /**
     * Checks a name, saying what it names in the message.
     *
     * @param name the name
     * @param what what it names, e.g. {@code "bridge"} or {@code "veth peer"}
     * @return the name, unchanged
     * @throws IllegalArgumentException naming the value and the rule it breaks, e.g.
     *         {@code Invalid bridge name 'qbr 1': must not contain whitespace (' ' at index 3)}
     */
    public static String check(String name, String what) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(
                    "Invalid " + what + " name " + (name == null ? "null" : "'" + printable(name) + "'") + ": "
                            + problem);
        }
        return name;
    }

    /**
     * @param name a candidate name, possibly null
     * @return the first rule it breaks, in words, or null when it is valid
     */
    public static String problem(String name) {
        if (name == null) {
            return "must not be null";
        }
        if (name.isEmpty()) {
            return "must not be empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ') {
                return "must not contain whitespace (' ' at index " + i + ")";
            }
            if (c < 0x21 || c > 0x7e) {
                String kind = Character.isWhitespace(c) ? "whitespace" : "characters outside printable ASCII";
                return "must not contain " + kind + " (U+" + String.format("%04X", (int) c) + " at index " + i + ")";
            }
        }
        if (name.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " bytes long, not " + name.length();
        }
        if (name.equals(".") || name.equals("..")) {
            return "must not be '.' or '..'";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':') {
                return "must not contain '" + c + "' (at index " + i + ")";
            }
            if (c == '%') {
                return "must not contain '%' (at index " + i + "; the kernel would treat the name as a template)";
            }
        }
        return null;
    }

    /** The name with control and non-ASCII characters escaped, for messages. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
