package org.osvif.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.osvif.exec.Command;

class RecordingCommandRunnerExtensionTest {

    @Nested
    @ExtendWith(RecordingCommandRunnerExtension.class)
    @DisplayName("injection")
    class Injection {
        private RecordingCommandRunner fromBeforeEach;

        @BeforeEach
        void setUp(RecordingCommandRunner runner) {
            fromBeforeEach = runner;
            runner.dispatch(RecordingCommandRunner.ok());
        }

        @Test
        @DisplayName("the test gets the same runner as its @BeforeEach, scripted there")
        void sameAsBeforeEach(RecordingCommandRunner runner) {
            assertThat(runner).isSameAs(fromBeforeEach);
            runner.run(Command.of("true"));
            assertThat(runner.commandCount()).isEqualTo(1);
        }

        @RepeatedTest(3)
        @DisplayName("every test gets a fresh runner")
        void fresh(RecordingCommandRunner runner) {
            assertThat(runner.commandCount()).isZero();
            runner.run(Command.of("true"));
        }

        @Test
        @DisplayName("two parameters of one test are the same runner")
        void sameWithinTest(RecordingCommandRunner a, RecordingCommandRunner b) {
            assertThat(a).isSameAs(b);
        }

        @AfterEach
        void tearDown(RecordingCommandRunner runner) {
            assertThat(runner).isSameAs(fromBeforeEach);
        }
    }

    // ---- run through the JUnit Platform test kit: misuse must fail the right way ----

    @Test
    @DisplayName("a test whose code swallowed an unscripted command still fails, naming the command")
    void unscriptedFailsAfterEach() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SwallowsUnscripted.class))
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .execute().testEvents();

        events.assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Commands ran that nothing scripted")
                .hasMessageContaining("[ip, link, show]");
    }

    @Test
    @DisplayName("asking for a runner in a constructor or @BeforeAll fails with ExtensionConfigurationException")
    void classLevelInjectionRefused() {
        for (Class<?> misuse : List.of(ConstructorInjection.class, BeforeAllInjection.class)) {
            Events events = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(misuse))
                    .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                    .execute().allEvents();
            List<Throwable> failures = new ArrayList<>();
            events.failed().stream().forEach(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).ifPresent(failures::add));
            assertThat(failures).as(misuse.getSimpleName()).isNotEmpty();
            assertThat(failures.get(0)).hasRootCauseInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("one runner per test");
        }
    }

    // Run only through the test kit above: @Disabled keeps them out of IDE runs (the test kit turns
    // that condition off) and the tag keeps them out of Surefire's report (<excludedGroups> in the pom).

    @ExtendWith(RecordingCommandRunnerExtension.class)
    @org.junit.jupiter.api.Disabled("run through EngineTestKit only")
    @org.junit.jupiter.api.Tag("testkit-only")
    static class SwallowsUnscripted {
        @Test
        void swallows(RecordingCommandRunner runner) {
            try {
                runner.run(Command.of("ip", "link", "show"));
            } catch (IllegalStateException expected) {
                // code under test that catches too much
            }
        }
    }

    @ExtendWith(RecordingCommandRunnerExtension.class)
    @org.junit.jupiter.api.Disabled("run through EngineTestKit only")
    @org.junit.jupiter.api.Tag("testkit-only")
    static class ConstructorInjection {
        ConstructorInjection(RecordingCommandRunner runner) {
        }

        @Test
        void test() {
        }
    }

    @ExtendWith(RecordingCommandRunnerExtension.class)
    @org.junit.jupiter.api.Disabled("run through EngineTestKit only")
    @org.junit.jupiter.api.Tag("testkit-only")
    static class BeforeAllInjection {
        @BeforeAll
        static void setUp(RecordingCommandRunner runner) {
        }

        @Test
        void test() {
        }
    }
}
