package org.osvif.cli;

import java.time.Duration;
import java.util.List;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.objects.HostPluginInfo;
import org.osvif.objects.HostVifInfo;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;
import org.osvif.spi.PluginContext;
import org.osvif.spi.VifPlugin;
import org.osvif.spi.VifPluginProvider;

/** A test plugin, "failing", whose every plug and unplug fails as a refused host command would. */
public final class FailingPluginProvider implements VifPluginProvider {
    @Override
    public String name() {
        return "failing";
    }

    @Override
    public VifPlugin create(PluginContext context) {
        return new VifPlugin() {
            @Override
            public HostPluginInfo describe() {
                return HostPluginInfo.builder().pluginName("failing").vifInfo(List.of(HostVifInfo.builder()
                        .vifObjectName("VIFGeneric").minVersion("1.0").maxVersion("1.0")
                        .supportedPortProfiles(List.of()).build())).build();
            }

            @Override
            public void plug(VifBase vif, InstanceInfo instance) {
                Command c = Command.of("ip", "link", "add", "name", "tap0", "type", "veth");
                throw new CommandFailedException(new CommandResult(c, 2, "", "RTNETLINK answers: File exists\n",
                        Duration.ZERO));
            }

            @Override
            public void unplug(VifBase vif, InstanceInfo instance) {
                plug(vif, instance);
            }
        };
    }
}
