package org.osvif.plug.linuxbridge.internal;

import java.util.Objects;

/**
 * One rule of an {@link IptablesTable}: upstream's {@code IptablesRule}. Equal
 * rules (same chain, text, wrapping and placement) are one rule, so adding a
 * rule twice keeps one copy.
 *
 * @param chain the chain, unwrapped (e.g. {@code FORWARD})
 * @param rule the rule text after {@code -A <chain>}, e.g. {@code -i br100 -j ACCEPT}
 * @param wrap whether the chain is this process's wrapped chain ({@code <binary>-FORWARD})
 * @param top whether the rule belongs at the top of the table's rules
 */
record IptablesRule(String chain, String rule, boolean wrap, boolean top) {

    IptablesRule {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * The line iptables-restore reads: {@code [0:0] -A <chain> <rule>}, with
     * zero packet and byte counters and the chain wrapped if {@link #wrap}.
     *
     * @param binaryName the prefix of wrapped chains
     * @return the line
     */
    String render(String binaryName) {
        return "[0:0] -A " + (wrap ? binaryName + "-" + chain : chain) + " " + rule;
    }
}
