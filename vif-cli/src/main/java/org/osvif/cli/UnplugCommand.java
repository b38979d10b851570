package org.osvif.cli;

import org.osvif.OsVif;
import org.osvif.objects.InstanceInfo;
import org.osvif.objects.VifBase;
import picocli.CommandLine.Command;

/** {@code vifctl unplug}: unplugs one VIF with the plugin it names. */
@Command(name = "unplug", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Unplug one VIF, given as an os-vif primitive, with the plugin its 'plugin' field names.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:internal error (a vifctl bug)",
            "2:usage error: unknown option, missing or unreadable file",
            "3:invalid input: the VIF or instance primitive, a configuration value, or a plugin that is not loaded",
            "4:the unplug failed on the host (the message carries the failing command and its stderr)"})
public final class UnplugCommand extends VifActionCommand {
    /**
     * @param streams the streams of this run
     */
    public UnplugCommand(CliStreams streams) {
        super(streams);
    }

    @Override
    String verb() {
        return "unplug";
    }

    @Override
    void act(OsVif osvif, VifBase vif, InstanceInfo instanceInfo) {
        osvif.unplug(vif, instanceInfo);
    }
}
