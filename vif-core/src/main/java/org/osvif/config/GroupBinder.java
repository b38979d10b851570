package org.osvif.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Looks up and types the values of one group in layered sources, as
 * oslo.config's {@code _Namespace._get_file_value} does: the latest source
 * that holds the option under any of its names wins; within that source the
 * current name wins over deprecated ones, which are tried in declaration
 * order.
 */
final class GroupBinder {
    private final List<ConfigLayer> layers;
    private final OptionGroup group;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private GroupBinder(List<ConfigLayer> layers, OptionGroup group) {
        this.layers = layers;
        this.group = group;
    }

    /** A place an option may be set: group (as declared) and key. */
    private record Location(String group, String key) {
        boolean sameAs(Location other) {
            return key.equals(other.key)
                    && ConfigLayer.normalizeGroup(group).equals(ConfigLayer.normalizeGroup(other.group));
        }
    }

    static GroupConfig bind(List<ConfigLayer> layers, OptionGroup group) {
        GroupBinder binder = new GroupBinder(layers, group);
        group.options().forEach(binder::bindOption);
        binder.warnUnknownKeys();
        return new GroupConfig(group, binder.values, binder.warnings);
    }

    private void bindOption(Option<?> option) {
        Location current = new Location(group.name(), option.name());
        List<Location> names = new ArrayList<>(List.of(current));
        option.deprecatedNames().forEach(d -> names.add(new Location(d.groupOr(group.name()), d.name())));

        ConfigLayer winnerLayer = null;
        Location winner = null;
        for (int i = layers.size() - 1; i >= 0 && winner == null; i--) {
            for (Location name : names) {
                if (layers.get(i).values(name.group(), name.key()) != null) {
                    winnerLayer = layers.get(i);
                    winner = name;
                    break;
                }
            }
        }
        if (winner == null) {
            return;
        }
        warnDeprecatedNames(names, current, winner);
        List<String> raws = winnerLayer.values(winner.group(), winner.key());
        String raw = raws.get(raws.size() - 1);
        try {
            values.put(option.name(), winnerLayer.repeatable() ? option.parse(raws) : option.parse(raw));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(winner.group(), winner.key(), raw, e.getMessage(), winnerLayer.source(), e);
        }
        if (option.deprecatedForRemoval()) {
            String reason = option.deprecatedReason() == null ? ""
                    : " (" + ConfigReference.oneLine(option.deprecatedReason()) + ")";
            warnings.add("Option \"" + option.name() + "\" from group \"" + group.name()
                    + "\" is deprecated for removal" + reason + ".  Its value may be silently ignored in the future.");
        }
    }

    /** oslo's {@code _check_deprecated} wording, plus a note when the value is overridden. */
    private void warnDeprecatedNames(List<Location> names, Location current, Location winner) {
        for (Location name : names.subList(1, names.size())) {
            if (layers.stream().noneMatch(l -> l.values(name.group(), name.key()) != null)
                    || name.sameAs(current)) {
                continue;
            }
            String message = "Option \"" + name.key() + "\" from group \"" + name.group() + "\" is deprecated. Use option \""
                    + current.key() + "\" from group \"" + current.group() + "\".";
            if (!name.sameAs(winner)) {
                message += " Its value is ignored: option \"" + winner.key() + "\" from group \"" + winner.group()
                        + "\" is set.";
            }
            warnings.add(message);
        }
    }

    private void warnUnknownKeys() {
        String own = ConfigLayer.normalizeGroup(group.name());
        Set<String> known = new HashSet<>();
        for (Option<?> option : group.options()) {
            known.add(option.name());
            option.deprecatedNames().stream()
                    .filter(d -> ConfigLayer.normalizeGroup(d.groupOr(group.name())).equals(own))
                    .forEach(d -> known.add(d.name()));
        }
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (ConfigLayer layer : layers) {
            layer.sections().getOrDefault(own, Map.of()).keySet().stream()
                    .filter(key -> !known.contains(key))
                    .forEach(key -> unknown.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(layer.source()));
        }
        unknown.forEach((key, sources) -> warnings.add("Unknown option \"" + key + "\" in group \"" + group.name()
                + "\" is ignored (from " + String.join(", ", sources) + ")."));
    }
}
