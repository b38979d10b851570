package org.osvif.neutron;

/** Makes a value from the API safe to put into a one-line message. */
final class Printable {
    private static final int MAX = 200;

    private Printable() {
    }

    /**
     * @param value any text
     * @return the text with control characters escaped, cut at 200 characters
     */
    static String of(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < MAX; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return value.length() > MAX ? sb + "..." : sb.toString();
    }
}
