package org.osvif.cli;

import java.time.Duration;
import java.util.List;
import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;

/**
 * What {@code --dry-run} answers to the commands that only read, as a host where
 * nothing of the VIF exists yet would: no device, no bridge, no row.
 * Everything else succeeds with no output.
 */
final class DryRunAnswers {
    private static final String NO_ROWS = "{\"data\":[],\"headings\":[]}";

    private DryRunAnswers() {
    }

    static CommandResult answer(Command command) {
        List<String> argv = command.argv();
        String program = argv.get(0);
        if (program.equals("ip") && argv.contains("show")) {
            return result(command, 1, "", "Device does not exist.");
        }
        if (program.equals("ovs-vsctl")) {
            if (argv.contains("br-exists")) {
                return result(command, 2, "", "");
            }
            if (argv.contains("find") || argv.contains("list") || argv.contains("get")) {
                return result(command, 0, NO_ROWS, "");
            }
        }
        return result(command, 0, "", "");
    }

    private static CommandResult result(Command command, int code, String out, String err) {
        int chosen = command.exitCodes().contains(code) ? code : command.exitCodes().iterator().next();
        return new CommandResult(command, chosen, out, err, Duration.ZERO);
    }
}
