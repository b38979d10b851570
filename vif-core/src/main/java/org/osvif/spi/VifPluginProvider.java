package org.osvif.spi;

import org.osvif.config.OptionGroup;

/**
 * Makes one VIF plugin. Found with {@link java.util.ServiceLoader} (declare it with
 * {@code provides org.osvif.spi.VifPluginProvider with ...} in module-info and in
 * {@code META-INF/services/org.osvif.spi.VifPluginProvider}), or handed to
 * {@code OsVif.initialize} explicitly.
 *
 * <p>The constructor must be public, take no arguments and be cheap: the heavy
 * work belongs in {@link #create(PluginContext)}, which each {@code OsVif}
 * instance calls once.
 */
public interface VifPluginProvider {

    /**
     * The plugin's name, as VIFs name it in their {@code plugin} field and as its
     * configuration group is named ({@code os_vif_<name>}), e.g. {@code ovs},
     * {@code linux_bridge}, {@code noop}. Lowercase letters, digits and underscores.
     *
     * @return the name
     */
    String name();

    /**
     * The plugin's options, in group {@code os_vif_<name>}. The library validates
     * the configuration against them before {@link #create(PluginContext)}.
     *
     * @return the options (an empty group when the plugin has none)
     */
    default OptionGroup options() {
        return OptionGroup.builder("os_vif_" + name()).title("os-vif plugin " + name() + " options").build();
    }

    /**
     * Creates the plugin.
     *
     * @param context its validated configuration, the command runner and the locks
     * @return the plugin; it must be thread-safe
     */
    VifPlugin create(PluginContext context);
}
