package org.osvif.internal;

import java.util.List;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.HostVifInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifVHostUser;
import org.osvif.spi.PluginContext;
import org.osvif.spi.VifPlugin;
import org.osvif.spi.VifPluginProvider;

/**
 * Upstream's {@code vif_plug_noop}: for VIF types whose backend needs nothing
 * done when a VIF is plugged, such as generic vhost-user without Open vSwitch.
 * It supports VIFVHostUser 1.0 only, as upstream does.
 */
public final class NoopPluginProvider implements VifPluginProvider {
    /** The plugin's name. */
    public static final String NAME = "noop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public VifPlugin create(PluginContext context) {
        return new NoopPlugin();
    }

    /** Plugs and unplugs nothing. */
    static final class NoopPlugin implements VifPlugin {
        private static final HostPluginInfo INFO = HostPluginInfo.builder()
                .pluginName(NAME)
                .vifInfo(List.of(HostVifInfo.builder()
                        .vifObjectName(VifVHostUser.OBJ_NAME)
                        .minVersion("1.0")
                        .maxVersion("1.0")
                        .supportedPortProfiles(List.of())
                        .build()))
                .build();

        @Override
        public HostPluginInfo describe() {
            return INFO;
        }

        @Override
        public void plug(VifBase vif, InstanceInfo instance) {
            // Nothing to do by design: the backend wires the VIF itself.
        }

        @Override
        public void unplug(VifBase vif, InstanceInfo instance) {
            // Nothing to do by design, as for plug.
        }
    }
}
