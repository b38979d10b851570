package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osvif.cli.CliRun.vifctl;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The top-level command: help, version, and command-line errors before any subcommand runs. */
class VifctlCommandTest {

    @Test
    @DisplayName("--help lists the commands and exits 0")
    void help() {
        CliRun run = vifctl("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: vifctl [-hV] [--verbose] [COMMAND]")
                .contains("  demo  ", "  convert  ", "  plug  ", "  unplug  ", "  host-info  ", "  config-reference  ",
                        "  generate-completion  ", "Exit codes", "  4   a plug or unplug failed on the host");
    }

    @Test
    @DisplayName("convert --help shows the options and exit codes and exits 0")
    void convertHelp() {
        CliRun run = vifctl("convert", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: vifctl convert [-hV]")
                .contains("--target-version=V", "--manifest=NAME=VER[,NAME=VER...]", "[FILE]", "  3   invalid input");
    }

    @Test
    @DisplayName("'help convert' is the same as 'convert --help'")
    void helpSubcommand() {
        CliRun run = vifctl("help", "convert");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(vifctl("convert", "--help").out());
    }

    @Test
    @DisplayName("--version prints 'vifctl', the project version and every object version")
    void version() {
        CliRun run = vifctl("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .matches("vifctl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(os-vif for Java; objects of os-vif 5.1\\)");
        assertThat(run.out()).contains("objects: DatapathOffloadBase 1.0, ").contains("VIFPortProfileOpenVSwitch 1.4")
                .contains("VIFVHostUser 1.1\n");
        assertThat(VersionProvider.version()).isNotEqualTo("dev");
    }

    @Test
    @DisplayName("no command is a usage error")
    void noCommand() {
        CliRun run = vifctl();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("vifctl: missing command (e.g. 'convert')\n"
                + "Try 'vifctl --help' for more information.\n");
    }

    @Test
    @DisplayName("a misspelt command is a usage error with a suggestion")
    void unknownCommand() {
        CliRun run = vifctl("conver", "x.json");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("vifctl: Unmatched arguments from index 0: 'conver', 'x.json'\n")
                .contains("Did you mean: vifctl convert").endsWith("Try 'vifctl --help' for more information.\n");
    }

    @Test
    @DisplayName("generate-completion prints a bash completion script for every command")
    void completion() {
        CliRun run = vifctl("generate-completion");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("_complete_vifctl").contains("demo").contains("host-info");
    }
}
