package org.osvif.config;

import java.util.List;

/**
 * The options of the library itself, in group {@code os_vif}.
 */
public final class CoreOptions {

    /**
     * The command put in front of privileged commands, e.g. {@code sudo} or
     * {@code sudo nova-rootwrap /etc/nova/rootwrap.conf}; split on whitespace
     * and never run through a shell. Empty (the default): commands run as the
     * current user.
     */
    public static final Option<String> ROOT_HELPER = Option.string("root_helper")
            .defaultValue("")
            .help("Command put in front of privileged commands, e.g. \"sudo\" or "
                    + "\"sudo nova-rootwrap /etc/nova/rootwrap.conf\". It is split on whitespace and never run "
                    + "through a shell. When empty, commands run as the current user.")
            .build();

    /** Seconds a command may run when its plugin sets no timeout; default 300, at least 1. */
    public static final Option<Integer> COMMAND_TIMEOUT = Option.integer("command_timeout")
            .min(1)
            .defaultValue(300)
            .help("Seconds a command may run when its plugin sets no timeout.")
            .build();

    /** The group {@code os_vif} with {@link #ROOT_HELPER} and {@link #COMMAND_TIMEOUT}. */
    public static final OptionGroup GROUP = OptionGroup.builder("os_vif")
            .title("os-vif library")
            .add(ROOT_HELPER, COMMAND_TIMEOUT)
            .build();

    private CoreOptions() {
    }

    /**
     * The root helper as an argv prefix.
     *
     * @param core the values of {@link #GROUP}
     * @return the words of {@link #ROOT_HELPER}, e.g. {@code [sudo, nova-rootwrap, /etc/nova/rootwrap.conf]};
     *         empty when unset or blank
     * @throws IllegalArgumentException when {@code core} is not bound from {@link #GROUP}
     */
    public static List<String> rootHelperArgv(GroupConfig core) {
        String helper = core.get(ROOT_HELPER).strip();
        return helper.isEmpty() ? List.of() : List.of(helper.split("\\s+"));
    }
}
