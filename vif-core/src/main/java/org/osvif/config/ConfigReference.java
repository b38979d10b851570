package org.osvif.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the configuration reference ({@code docs/configuration.md}) of
 * option groups as Markdown. The output is deterministic: the same groups
 * always give the same text, byte for byte.
 *
 * <p>For each group, in the order given, separated by one blank line:
 * <pre>
 * ## [os_vif_ovs] Open vSwitch plugin
 *
 * | option | type | default | description |
 * |---|---|---|---|
 * | `network_device_mtu` | integer | `1500` | MTU setting for network interface.&lt;br&gt;between 68 and 65535&lt;br&gt;deprecated: [DEFAULT] network_device_mtu |
 * </pre>
 * <ul>
 * <li>The heading is {@code ## [name]}, followed by a space and the title when the group has one.</li>
 * <li>One row per option, in declaration order; a group without options gets
 *     the line {@code No options.} instead of a table.</li>
 * <li><b>type</b> is {@link Option#type()}.</li>
 * <li><b>default</b> is the default in a code span: booleans in lower case,
 *     lists joined with {@code ,}, an empty string or list as {@code ""};
 *     the cell is empty when the option has no default.</li>
 * <li><b>description</b> joins with {@code <br>}, skipping absent parts: the
 *     help text; the bounds ({@code between 68 and 65535}, {@code at least 1},
 *     {@code at most 10}) or choices ({@code one of: vsctl, native});
 *     {@code deprecated: [DEFAULT] network_device_mtu} listing former
 *     locations separated by {@code , }; and
 *     {@code deprecated for removal since 2.2.0: reason} (without
 *     {@code  since …} or {@code : reason} when unknown).</li>
 * <li>Runs of whitespace (including line breaks) in help texts and reasons
 *     become one space; {@code |} is escaped as {@code \|}.</li>
 * </ul>
 * The text ends with a single line break.
 */
public final class ConfigReference {

    private ConfigReference() {
    }

    /**
     * @param groups the groups to document, in order
     * @return the Markdown text
     */
    public static String markdown(List<OptionGroup> groups) {
        return groups.stream().map(ConfigReference::group).collect(Collectors.joining("\n"));
    }

    private static String group(OptionGroup group) {
        StringBuilder out = new StringBuilder("## [").append(group.name()).append(']');
        if (!group.title().isBlank()) {
            out.append(' ').append(oneLine(group.title()));
        }
        out.append("\n\n");
        if (group.options().isEmpty()) {
            return out.append("No options.\n").toString();
        }
        out.append("| option | type | default | description |\n|---|---|---|---|\n");
        for (Option<?> option : group.options()) {
            out.append("| ").append(code(option.name()))
                    .append(" | ").append(option.type())
                    .append(" | ").append(defaultValue(option))
                    .append(" | ").append(description(option, group.name()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String defaultValue(Option<?> option) {
        Object value = option.defaultValue();
        if (value == null) {
            return "";
        }
        String text = value instanceof List<?> items
                ? items.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
        return text.isEmpty() ? "`\"\"`" : code(oneLine(text));
    }

    private static String description(Option<?> option, String ownGroup) {
        List<String> parts = new ArrayList<>();
        if (!option.help().isBlank()) {
            parts.add(escape(oneLine(option.help())));
        }
        if (option.min().isPresent() || option.max().isPresent()) {
            parts.add(ValueParser.bounds(
                    option.min().isPresent() ? option.min().getAsInt() : null,
                    option.max().isPresent() ? option.max().getAsInt() : null).replaceFirst("^must be ", ""));
        }
        if (!option.choices().isEmpty()) {
            parts.add(escape("one of: " + String.join(", ", option.choices())));
        }
        if (!option.deprecatedNames().isEmpty()) {
            parts.add("deprecated: " + option.deprecatedNames().stream()
                    .map(d -> "[" + d.groupOr(ownGroup) + "] " + d.name())
                    .collect(Collectors.joining(", ")));
        }
        if (option.deprecatedForRemoval()) {
            String removal = "deprecated for removal";
            if (option.deprecatedSince() != null) {
                removal += " since " + oneLine(option.deprecatedSince());
            }
            if (option.deprecatedReason() != null && !option.deprecatedReason().isBlank()) {
                removal += ": " + oneLine(option.deprecatedReason());
            }
            parts.add(escape(removal));
        }
        return String.join("<br>", parts);
    }

    private static String code(String text) {
        String escaped = escape(text);
        return escaped.contains("`") ? "`` " + escaped + " ``" : "`" + escaped + "`";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    /** Collapses every run of whitespace, line breaks included, into one space. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
