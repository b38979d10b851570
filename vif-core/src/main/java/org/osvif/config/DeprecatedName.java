package org.osvif.config;

import java.util.Objects;

/**
 * A former location of an option: oslo.config's {@code DeprecatedOpt}. A value
 * found there is applied with a deprecation warning, unless the option's
 * current name is set in the same source.
 *
 * @param group the former group, e.g. {@code "DEFAULT"}, or null for the
 *              option's own group
 * @param name the former option name, e.g. {@code "network_device_mtu"}
 */
public record DeprecatedName(String group, String name) {

    /**
     * @param group the former group, or null for the option's own group
     * @param name the former option name
     */
    public DeprecatedName {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || (group != null && group.isBlank())) {
            throw new IllegalArgumentException("deprecated group and name must not be blank: [" + group + "] " + name);
        }
    }

    /**
     * The group this name lives in, the option's own group when {@link #group()} is null.
     *
     * @param ownGroup the group that declares the option
     * @return the group to look in
     */
    public String groupOr(String ownGroup) {
        return group == null ? ownGroup : group;
    }
}
