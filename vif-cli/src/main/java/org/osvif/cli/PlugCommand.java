package org.osvif.cli;

import org.osvif.OsVif;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;
import picocli.CommandLine.Command;

/** {@code vifctl plug}: plugs one VIF with the plugin it names. */
@Command(name = "plug", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Plug one VIF, given as an os-vif primitive, with the plugin its 'plugin' field names.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a vifctl bug)",
            "2:usage error: unknown option, missing or unreadable file",
            "3:invalid input: the VIF or instance primitive, a configuration value, or a plugin that is not loaded",
            "4:the plug failed on the host (the message carries the failing command and its stderr)"})
public final class PlugCommand extends VifActionCommand {
    /**
     * @param streams the streams of this run
     */
    public PlugCommand(CliStreams streams) {
        super(streams);
    }

    @Override
    String verb() {
        return "plug";
    }

    @Override
    void act(OsVif osvif, VifBase vif, InstanceInfo instanceInfo) {
        osvif.plug(vif, instanceInfo);
    }
}
