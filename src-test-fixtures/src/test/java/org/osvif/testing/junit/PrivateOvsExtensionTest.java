package org.osvif.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.osvif.testing.ovs.PrivateOvs;

class PrivateOvsExtensionTest {
    static final String MISSING = "ovs-vswitchd not found on PATH: apt-get install -y openvswitch-switch";

    private static Events run(Class<?> testClass) {
        return execute(testClass).allEvents();
    }

    private static EngineExecutionResults execute(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
                .execute();
    }

    private static List<Throwable> failures(Events events) {
        List<Throwable> failures = new ArrayList<>();
        events.failed().stream().forEach(e -> e.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).ifPresent(failures::add));
        return failures;
    }

    @Nested
    @DisplayName("without the prerequisites")
    class WithoutPrerequisites {
        @Test
        @DisplayName("the test is skipped with what is missing and how to install it")
        void skipped() {
            Events events = run(SkippedWithoutCi.class);

            events.assertStatistics(stats -> stats.started(1).skipped(1).failed(0));
            Event skipped = events.skipped().stream().findFirst().orElseThrow();
            assertThat(skipped.getTestDescriptor().isContainer()).as("the class is skipped as a whole").isTrue();
            assertThat(skipped.getPayload(String.class)).get().asString()
                    .contains("A private Open vSwitch cannot run here: " + MISSING)
                    .contains("under CI=true this test would fail");
        }

        @Test
        @DisplayName("under CI=true the test runs and fails with the same message, never skipped")
        void failsUnderCi() {
            Events events = run(FailsUnderCi.class);

            assertThat(events.skipped().count()).isZero();
            events.assertStatistics(stats -> stats.failed(1));
            assertThat(failures(events)).singleElement().isInstanceOf(AssertionError.class).asString()
                    .contains(MISSING).contains("CI=true");
            assertThat(FailsUnderCi.ran).as("the test body ran").isFalse();
        }

        @Test
        @DisplayName("under CI=true a PrivateOvs parameter of @BeforeAll fails the class with the message")
        void failsUnderCiInBeforeAll() {
            Events events = run(FailsUnderCiInBeforeAll.class);

            assertThat(events.skipped().count()).isZero();
            assertThat(failures(events)).singleElement().isInstanceOf(ParameterResolutionException.class)
                    .asString().contains(MISSING).contains("CI=true");
        }
    }

    @Test
    @DisplayName("a sandbox that cannot start fails every test of the class with the reason, and is tried once")
    void startFailure() {
        FailsToStart.starts.set(0);

        EngineExecutionResults results = execute(FailsToStart.class);
        Events events = results.allEvents();

        results.testEvents().assertStatistics(stats -> stats.started(3).failed(2).succeeded(1));
        assertThat(failures(events)).hasSize(2).allSatisfy(t -> assertThat(t)
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage("Could not start a private Open vSwitch: no room"));
        assertThat(FailsToStart.starts).hasValue(1);
    }

    @Test
    @RequiresOvs
    @DisplayName("one sandbox per test class, shared with @BeforeAll and @Nested tests, closed when the class ends")
    void oneSandboxPerClass() {
        SharesSandbox.seen.clear();

        EngineExecutionResults results = execute(SharesSandbox.class);

        assertThat(failures(results.allEvents())).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        List<PrivateOvs> seen = List.copyOf(SharesSandbox.seen);
        assertThat(seen).hasSize(5);
        PrivateOvs ovs = seen.get(0);
        assertThat(seen).allSatisfy(o -> assertThat(o).isSameAs(ovs));
        assertThat(ovs.isClosed()).as("closed with the class").isTrue();
        assertThat(Path.of("/run/netns", ovs.namespace())).doesNotExist();
        assertThat(ovs.dir()).doesNotExist();
    }

    @Nested
    @DisplayName("waitUntil")
    class WaitUntil {
        @Test
        @DisplayName("returns at once when the condition holds")
        void atOnce() {
            long begin = System.nanoTime();
            PrivateOvsExtension.waitUntil(Duration.ofSeconds(10), () -> true);
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(1));
        }

        @Test
        @DisplayName("polls until the condition holds")
        void eventually() {
            AtomicInteger polls = new AtomicInteger();
            PrivateOvsExtension.waitUntil(Duration.ofSeconds(10), () -> polls.incrementAndGet() == 5);
            assertThat(polls).hasValue(5);
        }

        @Test
        @DisplayName("fails with the description after the timeout")
        void timesOut() {
            long begin = System.nanoTime();
            assertThatThrownBy(() -> PrivateOvsExtension.waitUntil(Duration.ofMillis(150), () -> false,
                    () -> "port tap1 in br-int"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Timed out after 150 ms waiting for port tap1 in br-int");
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isBetween(Duration.ofMillis(150),
                    Duration.ofSeconds(2));
        }
    }

    // ---- run only through the test kit (see RecordingCommandRunnerExtensionTest) ----

    @Disabled("run through EngineTestKit only")
    @Tag("testkit-only")
    static class SkippedWithoutCi {
        @RegisterExtension
        static final PrivateOvsExtension OVS = new PrivateOvsExtension(() -> List.of(MISSING), name -> null,
                () -> {
                    throw new AssertionError("must not start");
                });

        @Test
        void test(PrivateOvs ovs) {
        }
    }

    @Disabled("run through EngineTestKit only")
    @Tag("testkit-only")
    static class FailsUnderCi {
        static volatile boolean ran;

        @RegisterExtension
        static final PrivateOvsExtension OVS = new PrivateOvsExtension(() -> List.of(MISSING),
                name -> "CI".equals(name) ? "true" : null, () -> {
                    throw new AssertionError("must not start");
                });

        @Test
        void test() {
            ran = true;
        }
    }

    @Disabled("run through EngineTestKit only")
    @Tag("testkit-only")
    static class FailsUnderCiInBeforeAll {
        @RegisterExtension
        static final PrivateOvsExtension OVS = new PrivateOvsExtension(() -> List.of(MISSING),
                name -> "CI".equals(name) ? "true" : null, () -> {
                    throw new AssertionError("must not start");
                });

        @BeforeAll
        static void setUp(PrivateOvs ovs) {
        }

        @Test
        void test() {
        }
    }

    @Disabled("run through EngineTestKit only")
    @Tag("testkit-only")
    static class FailsToStart {
        static final AtomicInteger starts = new AtomicInteger();

        @RegisterExtension
        static final PrivateOvsExtension OVS = new PrivateOvsExtension(List::of, name -> null, () -> {
            starts.incrementAndGet();
            throw new IllegalStateException("no room");
        });

        @Test
        void first(PrivateOvs ovs) {
        }

        @Test
        void second(PrivateOvs ovs) {
        }

        @Test
        void withoutSandbox() {
        }
    }

    @RequiresOvs
    @Disabled("run through EngineTestKit only")
    @Tag("testkit-only")
    static class SharesSandbox {
        static final List<PrivateOvs> seen = Collections.synchronizedList(new ArrayList<>());

        @BeforeAll
        static void setUp(PrivateOvs ovs) {
            seen.add(ovs);
        }

        @BeforeEach
        void each(PrivateOvs ovs) {
            assertThat(Files.exists(ovs.dir())).isTrue();
        }

        @Test
        void first(PrivateOvs ovs) {
            seen.add(ovs);
            ovs.addBridge(ovs.uniqueBridgeName("br-s"));
        }

        @Test
        void second(PrivateOvs ovs) {
            seen.add(ovs);
            String bridge = ovs.addBridge(ovs.uniqueBridgeName("br-s"));
            assertThat(ovs.bridgeNames()).contains(bridge);
        }

        @Nested
        class Inner {
            @Test
            void nested(PrivateOvs ovs) {
                seen.add(ovs);
            }

            @Test
            void nestedAgain(PrivateOvs ovs) {
                seen.add(ovs);
            }
        }
    }
}
