package org.osvif.objects.base;

/**
 * A versioned-object version, {@code MAJOR.MINOR}, ordered as oslo.versionedobjects
 * orders them (numerically, major first).
 *
 * @param major the major version; a change of it breaks compatibility
 * @param minor the minor version; a reader of minor N reads every minor up to N
 */
public record ObjectVersion(int major, int minor) implements Comparable<ObjectVersion> {

    /**
     * Checks the parts.
     *
     * @param major the major version, not negative
     * @param minor the minor version, not negative
     */
    public ObjectVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("version parts must not be negative: " + major + "." + minor);
        }
    }

    /**
     * Creates a version from its parts.
     *
     * @param major the major version
     * @param minor the minor version
     * @return the version
     */
    public static ObjectVersion of(int major, int minor) {
        return new ObjectVersion(major, minor);
    }

    /**
     * Parses {@code "1.3"}. Anything else (missing minor, signs, spaces, a third
     * part) is refused, since no peer writes it.
     *
     * @param text the version text
     * @return the version
     * @throws IllegalArgumentException naming the text when it is not a version
     */
    public static ObjectVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("version is missing");
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0
                || !digits(text, 0, dot) || !digits(text, dot + 1, text.length())) {
            throw new IllegalArgumentException("'" + text + "' is not a version of the form MAJOR.MINOR");
        }
        try {
            return new ObjectVersion(Integer.parseInt(text, 0, dot, 10),
                    Integer.parseInt(text, dot + 1, text.length(), 10));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a version of the form MAJOR.MINOR", e);
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return to > from;
    }

    /**
     * Whether this version is older than {@code major.minor}.
     *
     * @param major major version to compare with
     * @param minor minor version to compare with
     * @return true when this version sorts before the other
     */
    public boolean isBefore(int major, int minor) {
        return compareTo(new ObjectVersion(major, minor)) < 0;
    }

    /**
     * Whether this version is older than another.
     *
     * @param other the version to compare with
     * @return true when this version sorts before the other
     */
    public boolean isBefore(ObjectVersion other) {
        return compareTo(other) < 0;
    }

    /**
     * Whether a reader that knows this version can read {@code requested}: same major,
     * minor not newer (o.vo's {@code is_compatible}).
     *
     * @param requested the version a primitive carries
     * @return true when it can be read
     */
    public boolean canRead(ObjectVersion requested) {
        return requested.major == major && requested.minor <= minor;
    }

    @Override
    public int compareTo(ObjectVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
