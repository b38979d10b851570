package org.osvif;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osvif.config.GroupConfig;
import org.osvif.config.Option;
import org.osvif.config.OptionGroup;
import org.osvif.exec.Command;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.HostVifInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;
import org.osvif.objects.VifGeneric;
import org.osvif.objects.VifOpenVSwitch;
import org.osvif.spi.PluginContext;
import org.osvif.spi.VifPlugin;
import org.osvif.spi.VifPluginProvider;

/**
 * A test plugin found through META-INF/services in test resources. It runs one
 * command per plug/unplug through the context's runner and records the calls.
 * A VIF whose vif_name is "explode" makes it fail.
 */
public final class FakePluginProvider implements VifPluginProvider {
    static final Option<Integer> MTU = Option.integer("network_device_mtu").min(68).max(65535).defaultValue(1500)
            .help("MTU for test devices.").deprecatedGroup("DEFAULT").build();
    static final Option<Boolean> FLAG = Option.bool("flag").defaultValue(false).help("A test flag.").build();
    static final List<FakePlugin> CREATED = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public OptionGroup options() {
        return OptionGroup.builder("os_vif_fake").title("fake plugin").add(MTU, FLAG).build();
    }

    @Override
    public VifPlugin create(PluginContext context) {
        FakePlugin plugin = new FakePlugin(context);
        CREATED.add(plugin);
        return plugin;
    }

    /** The plugin. */
    static final class FakePlugin implements VifPlugin {
        final PluginContext context;
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        FakePlugin(PluginContext context) {
            this.context = context;
        }

        GroupConfig config() {
            return context.config();
        }

        @Override
        public HostPluginInfo describe() {
            return HostPluginInfo.builder().pluginName("fake").vifInfo(List.of(
                    HostVifInfo.builder().vifObjectName(VifOpenVSwitch.OBJ_NAME).minVersion("1.0").maxVersion("1.0")
                            .supportedPortProfiles(List.of()).build(),
                    HostVifInfo.builder().vifObjectName(VifGeneric.OBJ_NAME).minVersion("1.0").maxVersion("1.0")
                            .supportedPortProfiles(List.of()).build())).build();
        }

        @Override
        public void plug(VifBase vif, InstanceInfo instance) {
            act("plug", vif);
        }

        @Override
        public void unplug(VifBase vif, InstanceInfo instance) {
            act("unplug", vif);
        }

        private void act(String what, VifBase vif) {
            String name = ((VifOpenVSwitch) vif).vifName();
            calls.add(what + " " + name);
            context.runner().run(Command.of("fake-" + what, name));
            if ("explode".equals(name)) {
                throw new IllegalStateException("boom while " + what + "ging " + name);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
