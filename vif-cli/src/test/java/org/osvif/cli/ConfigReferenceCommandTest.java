package org.osvif.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("vifctl config-reference and docs/configuration.md")
class ConfigReferenceCommandTest {
    static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    @DisplayName("docs/configuration.md is what the declared options generate (regenerate: "
            + "./vifctl config-reference > docs/configuration.md)")
    void docIsFresh() {
        CliRun run = CliRun.vifctl("config-reference");
        assertThat(run.exitCode()).isZero();
        assertThat(CliRun.text(DOC))
                .as("docs/configuration.md is stale; regenerate it with ./vifctl config-reference > "
                        + "docs/configuration.md")
                .isEqualTo(run.out());
    }

    @Test
    @DisplayName("lists the library's own group first")
    void coreGroupFirst() {
        assertThat(ConfigReferenceCommand.text()).contains("## [os_vif]").contains("root_helper")
                .contains("command_timeout");
    }
}
