package org.osvif.plug.linuxbridge.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules and chains this process keeps in one iptables table (filter, nat,
 * mangle): upstream's {@code IptablesTable}. A table is <em>dirty</em> from its
 * creation and whenever a chain or a new rule is added, until
 * {@link IptablesManager} has applied it.
 *
 * <p>Thread-safe: every method synchronizes on the table; the manager holds the
 * same monitor while it renders the table, so a rule added meanwhile leaves the
 * table dirty for the next apply.
 */
final class IptablesTable {
    private final String binaryName;
    private final List<IptablesRule> rules = new ArrayList<>();
    private final Set<String> chains = new TreeSet<>();
    private final Set<String> unwrappedChains = new LinkedHashSet<>();
    private boolean dirty = true;

    /** @param binaryName the prefix of wrapped chains, for {@code $chain} jump targets */
    IptablesTable(String binaryName) {
        this.binaryName = binaryName;
    }

    /**
     * @param name a chain name
     * @param wrap whether it is a wrapped chain
     * @return whether the table has the chain
     */
    synchronized boolean hasChain(String name, boolean wrap) {
        return wrap ? chains.contains(name) : unwrappedChains.contains(name);
    }

    /**
     * Adds a chain. A wrapped chain {@code X} is named {@code <binary>-X} on the host,
     * so that components with different binary names do not share chains.
     *
     * @param name the chain name
     * @param wrap whether to wrap it
     */
    synchronized void addChain(String name, boolean wrap) {
        (wrap ? chains : unwrappedChains).add(name);
        dirty = true;
    }

    /**
     * Adds a rule unless the table already has it. In the rule text, a word
     * starting with {@code $} names a wrapped chain: {@code -j $local} becomes
     * {@code -j <binary>-local}.
     *
     * @param chain the chain
     * @param rule the rule text after {@code -A <chain>}
     * @param wrap whether the chain is wrapped
     * @param top whether the rule goes to the top
     * @throws IllegalArgumentException when the chain is wrapped and unknown
     */
    synchronized void addRule(String chain, String rule, boolean wrap, boolean top) {
        if (wrap && !chains.contains(chain)) {
            throw new IllegalArgumentException("Unknown chain: '" + chain + "'");
        }
        String text = rule.contains("$") ? wrapTargets(rule) : rule;
        IptablesRule added = new IptablesRule(chain, text, wrap, top);
        if (!rules.contains(added)) {
            rules.add(added);
            dirty = true;
        }
    }

    /** Adds a wrapped rule at the bottom: {@code addRule(chain, rule, true, false)}. */
    void addRule(String chain, String rule) {
        addRule(chain, rule, true, false);
    }

    private String wrapTargets(String rule) {
        // Upstream splits on single spaces and keeps empty words, so spacing survives.
        String[] words = rule.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            if (words[i].startsWith("$")) {
                words[i] = binaryName + "-" + words[i].substring(1);
            }
        }
        return String.join(" ", words);
    }

    /** @return whether the table has changes not yet applied */
    synchronized boolean isDirty() {
        return dirty;
    }

    synchronized void setDirty(boolean value) {
        dirty = value;
    }

    /** @return the rules, in the order they were added */
    synchronized List<IptablesRule> rules() {
        return List.copyOf(rules);
    }

    /** @return the wrapped chains, sorted (the order they are declared in) */
    synchronized List<String> chains() {
        return List.copyOf(chains);
    }

    /** @return the unwrapped chains, in the order they were added */
    synchronized List<String> unwrappedChains() {
        return List.copyOf(unwrappedChains);
    }
}
