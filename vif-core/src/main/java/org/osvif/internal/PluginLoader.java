package org.osvif.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.osvif.exception.VifException;
import org.osvif.spi.VifPluginProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugin providers: an explicit list when one is given, otherwise
 * {@link ServiceLoader}. A provider that fails to load is reported and skipped,
 * so one broken jar cannot stop the others; two providers with one name fail.
 */
public final class PluginLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    /**
     * What was found.
     *
     * @param providers by name, sorted by name
     * @param failures one line per provider that failed to load
     */
    public record Result(Map<String, VifPluginProvider> providers, List<String> failures) {
    }

    private PluginLoader() {
    }

    /**
     * @param explicit providers to use instead of discovery, or null to discover
     * @param loader the class loader for discovery (module layer's when null)
     * @return the providers by name
     * @throws VifException when two providers share a name or a name is invalid
     */
    public static Result load(List<VifPluginProvider> explicit, ClassLoader loader) {
        List<VifPluginProvider> found = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (explicit != null) {
            found.addAll(explicit);
        } else {
            ServiceLoader<VifPluginProvider> sl = loader == null ? ServiceLoader.load(VifPluginProvider.class)
                    : ServiceLoader.load(VifPluginProvider.class, loader);
            Iterator<VifPluginProvider> it = sl.iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found.add(it.next());
                } catch (ServiceConfigurationError e) {
                    String line = "a VIF plugin provider failed to load: " + e.getMessage();
                    LOG.warn(line, e);
                    failures.add(line);
                }
            }
        }
        Map<String, VifPluginProvider> byName = new LinkedHashMap<>();
        for (VifPluginProvider p : found.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
            String name = p.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new VifException("VIF plugin provider " + p.getClass().getName() + " has an invalid name '"
                        + name + "': use lowercase letters, digits and underscores");
            }
            VifPluginProvider earlier = byName.putIfAbsent(name, p);
            if (earlier != null) {
                throw new VifException("Two VIF plugin providers are named '" + name + "': "
                        + earlier.getClass().getName() + " and " + p.getClass().getName()
                        + "; remove one of them from the class path or pass an explicit provider list");
            }
        }
        return new Result(Collections.unmodifiableMap(byName), List.copyOf(failures));
    }
}
