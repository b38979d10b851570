package org.osvif.neutron;

import java.nio.charset.StandardCharsets;

/**
 * Host device names as Nova makes them ({@code tap}/{@code qbr}/{@code vhu}
 * plus the port id, cut at 14 characters) and the kernel's rule for them.
 */
public final class DeviceNames {
    /** Nova's {@code NIC_NAME_LEN}: names are cut to this many characters. */
    public static final int NOVA_LENGTH = 14;
    /** The kernel's limit, {@code IFNAMSIZ - 1} bytes. */
    public static final int KERNEL_LIMIT = 15;

    private DeviceNames() {
    }

    /**
     * @param prefix {@code tap}, {@code qbr}, {@code vhu}, {@code brq}, ...
     * @param id the port or network id
     * @return the prefix and id, cut at {@value #NOVA_LENGTH} characters
     */
    public static String of(String prefix, String id) {
        return truncate(prefix + id);
    }

    /**
     * @param name a name
     * @return its first {@value #NOVA_LENGTH} characters, as Nova cuts bridge names
     */
    public static String truncate(String name) {
        return name.length() <= NOVA_LENGTH ? name : name.substring(0, NOVA_LENGTH);
    }

    /**
     * Why the kernel would refuse a device name, as its {@code dev_valid_name} does.
     *
     * @param name a name
     * @return the reason, or null when the name is valid
     */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "empty device name";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > KERNEL_LIMIT) {
            return "a device name longer than the kernel's limit of " + KERNEL_LIMIT + " bytes";
        }
        if (name.equals(".") || name.equals("..")) {
            return "not a device name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c) || c < 0x20 || c == 0x7f) {
                return "a device name may not contain '/', ':', white space or control characters";
            }
        }
        return null;
    }

    /**
     * @param field where the name came from, for the message
     * @param original the value as given (before Nova's cut)
     * @param name the name to check
     * @return the name
     * @throws InvalidNeutronValueException when the kernel would refuse it
     */
    static String require(String field, String original, String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new InvalidNeutronValueException(field, original, problem);
        }
        return name;
    }
}
