package org.osvif.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.osvif.testing.RecordingCommandRunner.argvContains;
import static org.osvif.testing.RecordingCommandRunner.argvEquals;
import static org.osvif.testing.RecordingCommandRunner.argvStartsWith;
import static org.osvif.testing.RecordingCommandRunner.exit;
import static org.osvif.testing.RecordingCommandRunner.fail;
import static org.osvif.testing.RecordingCommandRunner.ok;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandResult;
import org.osvif.exec.CommandTimeoutException;

class RecordingCommandRunnerTest {
    private final RecordingCommandRunner runner = new RecordingCommandRunner();

    @Nested
    @DisplayName("scripting")
    class Scripting {
        @Test
        @DisplayName("an unscripted command fails fast with IllegalStateException naming its argv, and is recorded")
        void unscriptedFailsFast() {
            assertThatThrownBy(() -> runner.run(Command.of("ip", "link", "show")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Unscripted command: [ip, link, show]");
            assertThat(runner.argvs()).containsExactly(List.of("ip", "link", "show"));
            assertThat(runner.unscriptedCommands()).containsExactly(Command.of("ip", "link", "show"));
        }

        @Test
        @DisplayName("enqueued answers are used first in, first out, one per command")
        void queue() {
            runner.enqueue(ok("one")).enqueue(ok("two"));

            assertThat(runner.run(Command.of("a")).stdout()).isEqualTo("one");
            assertThat(runner.run(Command.of("b")).stdout()).isEqualTo("two");
            assertThatThrownBy(() -> runner.run(Command.of("c"))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("an enqueued CommandResult is bound to the command actually run")
        void enqueueResultRebound() {
            CommandResult scripted = new CommandResult(Command.of("placeholder"), 0, "out", "err", Duration.ofMillis(5));
            runner.enqueue(scripted);

            CommandResult result = runner.run(Command.of("ip", "link"));

            assertThat(result.command()).isEqualTo(Command.of("ip", "link"));
            assertThat(result.stdout()).isEqualTo("out");
            assertThat(result.stderr()).isEqualTo("err");
            assertThat(result.duration()).isEqualTo(Duration.ofMillis(5));
        }

        @Test
        @DisplayName("an enqueued function sees the command")
        void enqueueFunction() {
            runner.enqueue(cmd -> exit(0, String.join(",", cmd.argv()), "").apply(cmd));

            assertThat(runner.run(Command.of("x", "y")).stdout()).isEqualTo("x,y");
        }

        @Test
        @DisplayName("dispatch answers everything nothing else answers")
        void dispatch() {
            runner.dispatch(ok("default")).enqueue(ok("queued"));

            assertThat(runner.run(Command.of("a")).stdout()).isEqualTo("queued");
            assertThat(runner.run(Command.of("b")).stdout()).isEqualTo("default");
            assertThat(runner.run(Command.of("c")).stdout()).isEqualTo("default");
            runner.dispatch(null);
            assertThatThrownBy(() -> runner.run(Command.of("d"))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("when-rules come first, in registration order, and answer every match")
        void rules() {
            runner.enqueue(ok("queued"));
            runner.when(argvStartsWith("ip", "link")).thenReturn("first");
            runner.when(argvStartsWith("ip")).thenReturn("second");

            assertThat(runner.run(Command.of("ip", "link", "show")).stdout()).isEqualTo("first");
            assertThat(runner.run(Command.of("ip", "link", "set")).stdout()).isEqualTo("first");
            assertThat(runner.run(Command.of("ip", "addr")).stdout()).isEqualTo("second");
            assertThat(runner.run(Command.of("ovs-vsctl")).stdout()).isEqualTo("queued");
        }

        @Test
        @DisplayName("thenFail gives an exit code and stderr, thenAnswer a function")
        void thenFailAndAnswer() {
            runner.when(argvEquals("false")).thenFail(1, "nope");
            runner.when(argvContains("echo")).thenAnswer(cmd -> ok(cmd.argv().get(cmd.argv().size() - 1)).apply(cmd));

            CommandFailedException e = catchThrowableOfType(CommandFailedException.class,
                    () -> runner.run(Command.of("false")));
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.stderr()).isEqualTo("nope");
            assertThat(e.command()).isEqualTo(Command.of("false"));
            assertThat(e).hasMessage("Command false exited with code 1: nope");
            assertThat(runner.run(Command.of("sh", "echo", "hi")).stdout()).isEqualTo("hi");
        }

        @Test
        @DisplayName("an exit code the command accepts is returned, like the real runner")
        void acceptedExitCode() {
            runner.when(argvEquals("false")).thenFail(1, "nope");

            CommandResult result = runner.run(Command.of("false").withExitCodes(0, 1));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.succeeded()).isTrue();
        }

        @Test
        @DisplayName("an exit code 0 the command does not accept fails, like the real runner")
        void zeroNotAccepted() {
            runner.dispatch(ok());

            assertThatThrownBy(() -> runner.run(Command.of("grep").withExitCodes(1)))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessage("Command grep exited with code 0");
        }

        @Test
        @DisplayName("answers may throw: timeout() and notStarted() mimic the real runner")
        void throwingAnswers() {
            runner.enqueue(RecordingCommandRunner.timeout()).enqueue(RecordingCommandRunner.notStarted());

            CommandTimeoutException timeout = catchThrowableOfType(CommandTimeoutException.class,
                    () -> runner.run(Command.of("sleep", "9").withTimeout(Duration.ofSeconds(2))));
            CommandFailedException notStarted = catchThrowableOfType(CommandFailedException.class,
                    () -> runner.run(Command.of("nope")));

            assertThat(timeout.timeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(notStarted.exitCode()).isEqualTo(CommandFailedException.NOT_STARTED);
            assertThat(notStarted.getMessage()).contains("could not be started");
            assertThat(runner.commandCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("an answer returning null is a script error")
        void nullAnswer() {
            runner.enqueue(cmd -> null);

            assertThatThrownBy(() -> runner.run(Command.of("x")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned null");
        }

        @Test
        @DisplayName("the matchers")
        void matchers() {
            Command cmd = Command.of("ip", "-netns", "ns", "link", "set", "dev", "tap0", "up");

            assertThat(argvEquals("ip", "-netns", "ns", "link", "set", "dev", "tap0", "up")).accepts(cmd);
            assertThat(argvEquals("ip")).rejects(cmd);
            assertThat(argvStartsWith("ip", "-netns")).accepts(cmd);
            assertThat(argvStartsWith("ip", "link")).rejects(cmd);
            assertThat(argvStartsWith(cmd.argv().toArray(String[]::new))).accepts(cmd);
            assertThat(argvStartsWith("ip", "-netns", "ns", "link", "set", "dev", "tap0", "up", "more")).rejects(cmd);
            assertThat(argvContains("dev", "tap0")).accepts(cmd);
            assertThat(argvContains("tap0", "dev")).rejects(cmd);
        }
    }

    @Nested
    @DisplayName("recording and assertions")
    class Recording {
        @Test
        @DisplayName("takeCommand returns the commands in order, then fails")
        void takeInOrder() {
            runner.dispatch(ok());
            runner.run(Command.of("a"));
            runner.run(Command.of("b", "1"));

            assertThat(runner.takeCommand()).isEqualTo(Command.of("a"));
            assertThat(runner.takeArgv()).containsExactly("b", "1");
            assertThatThrownBy(runner::takeCommand)
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Expected another command, but all 2 recorded commands were taken; the last was [b, 1]");
            runner.assertNoMoreCommands();
        }

        @Test
        @DisplayName("takeCommand(argv...) checks the argv")
        void takeWithArgv() {
            runner.dispatch(ok());
            runner.run(Command.of("ip", "link"));
            runner.run(Command.of("ip", "addr"));

            runner.takeCommand("ip", "link");
            assertThatThrownBy(() -> runner.takeCommand("ip", "route"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Expected command [ip, route] but the next one was [ip, addr]");
        }

        @Test
        @DisplayName("takeCommand fails when nothing ran")
        void takeNothing() {
            assertThatThrownBy(runner::takeCommand)
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Expected another command, but all 0 recorded commands were taken");
        }

        @Test
        @DisplayName("assertNoMoreCommands lists what was not taken")
        void noMore() {
            runner.dispatch(ok());
            runner.run(Command.of("a"));
            runner.run(Command.of("b"));
            runner.takeCommand();

            assertThatThrownBy(runner::assertNoMoreCommands)
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Expected no more commands, but 1 more ran: [[b]]");
        }

        @Test
        @DisplayName("commands, argvs and commandCount see everything, failed commands included")
        void everything() {
            runner.enqueue(ok()).enqueue(fail(2, "x"));
            runner.run(Command.of("a").unprivileged());
            assertThatThrownBy(() -> runner.run(Command.of("b"))).isInstanceOf(CommandFailedException.class);

            assertThat(runner.commands()).containsExactly(Command.of("a").unprivileged(), Command.of("b"));
            assertThat(runner.commands().get(0).privileged()).isFalse();
            assertThat(runner.argvs()).containsExactly(List.of("a"), List.of("b"));
            assertThat(runner.commandCount()).isEqualTo(2);
            assertThatThrownBy(() -> runner.commands().add(Command.of("c")))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("thread safety")
    class ThreadSafety {
        @Test
        @DisplayName("1,000 commands from 16 threads are all recorded, and each queued answer is used once")
        void concurrentRuns() throws Exception {
            for (int i = 0; i < 1000; i++) {
                runner.enqueue(ok(Integer.toString(i)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<String>> futures = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    String id = Integer.toString(i);
                    futures.add(pool.submit(() -> runner.run(Command.of("cmd", id)).stdout()));
                }
                Set<String> answers = new HashSet<>();
                for (Future<String> f : futures) {
                    answers.add(f.get(10, TimeUnit.SECONDS));
                }
                assertThat(answers).hasSize(1000);
            } finally {
                pool.shutdownNow();
            }
            assertThat(runner.commandCount()).isEqualTo(1000);
            assertThat(runner.argvs().stream().map(a -> a.get(1)).distinct().count()).isEqualTo(1000);
        }

        @Test
        @DisplayName("answers run outside the runner's lock, so a blocking answer does not stall other threads")
        void blockingAnswer() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            runner.when(argvEquals("slow")).thenAnswer(cmd -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ok("slow").apply(cmd);
            });
            runner.dispatch(ok("fast"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<String> slow = pool.submit(() -> runner.run(Command.of("slow")).stdout());
                while (runner.commandCount() == 0) {
                    Thread.sleep(1);
                }
                assertThat(pool.submit(() -> runner.run(Command.of("fast")).stdout()).get(5, TimeUnit.SECONDS))
                        .isEqualTo("fast");
                release.countDown();
                assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
