package org.osvif.plug.ovs.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osvif.testing.RecordingCommandRunner;
import org.osvif.testing.RecordingCommandRunnerExtension;

/**
 * What every plug-path test holds: the recording command runner, a {@link RecordingOvsdb} beside it
 * (so {@code ovsdb.timeline()} interleaves host steps and OVSDB calls), and the plugin over both.
 */
@ExtendWith(RecordingCommandRunnerExtension.class)
abstract class PlugPathTest {
    RecordingCommandRunner runner;
    RecordingOvsdb ovsdb;

    @BeforeEach
    void recordHostAndOvsdb(RecordingCommandRunner recording) {
        this.runner = recording;
        this.ovsdb = RecordingOvsdb.alongside(recording);
        if (hostCommandsSucceed()) {
            recording.dispatch(RecordingCommandRunner.ok());
        }
    }

    /** @return whether every host command succeeds unless a test scripts otherwise (true) */
    boolean hostCommandsSucceed() {
        return true;
    }

    /** @return the plugin with the default options */
    OvsPlugin plugin() {
        return OvsFixtures.plugin(runner, ovsdb);
    }

    /** @param settings the options @return the plugin */
    OvsPlugin plugin(OvsSettings settings) {
        return OvsFixtures.plugin(runner, ovsdb, settings);
    }
}
