package org.osvif.testing.junit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * Runs functional tests against a {@link PrivateOvs}; usually registered through {@link RequiresOvs}.
 *
 * <ul>
 * <li><b>Condition.</b> When {@link PrivateOvs#missingPrerequisites()} is not empty the test is disabled with
 *     a message listing what is missing and how to install it &mdash; unless the environment variable
 *     {@code CI} is {@code true} (any case): then the test runs and fails in {@code beforeEach} (or when a
 *     {@code PrivateOvs} parameter is resolved, e.g. in {@code @BeforeAll}) with that message, so CI can
 *     never pass by skipping.</li>
 * <li><b>Injection.</b> A parameter of type {@link PrivateOvs} (of a test, lifecycle method or constructor)
 *     gets the sandbox of the test class, started on first use and closed when the class is done. It lives in
 *     the class's {@link ExtensionContext.Store} under {@code Namespace.create(PrivateOvsExtension.class)}; a
 *     {@code @Nested} class shares its enclosing class's sandbox if that one has started one. Tests sharing a
 *     sandbox should each use their own bridge ({@link PrivateOvs#uniqueBridgeName}). If the sandbox cannot
 *     start, every test of the class fails with the reason (it is tried once).</li>
 * <li><b>Polling.</b> {@link #waitUntil(Duration, BooleanSupplier)}, like os-vif's {@code wait_until_true}.</li>
 * </ul>
 */
public final class PrivateOvsExtension implements ExecutionCondition, BeforeEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(PrivateOvsExtension.class);
    private static final String SANDBOX = "sandbox";

    private final Supplier<List<String>> prerequisites;
    private final Function<String, String> environment;
    private final Supplier<PrivateOvs> starter;
    private volatile List<String> missing;

    /** Used by JUnit: checks this host and reads the real environment. */
    public PrivateOvsExtension() {
        this(PrivateOvs::missingPrerequisites, System::getenv, PrivateOvs::start);
    }

    /**
     * For tests of the extension itself (register it with {@code @RegisterExtension}).
     *
     * @param prerequisites says what is missing, like {@link PrivateOvs#missingPrerequisites()}
     * @param environment reads an environment variable, like {@link System#getenv(String)}
     * @param starter starts a sandbox, like {@link PrivateOvs#start()}
     */
    PrivateOvsExtension(Supplier<List<String>> prerequisites, Function<String, String> environment,
            Supplier<PrivateOvs> starter) {
        this.prerequisites = Objects.requireNonNull(prerequisites, "prerequisites");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> lacking = missing();
        if (lacking.isEmpty()) {
            return ConditionEvaluationResult.enabled("a private Open vSwitch can run here");
        }
        if (ci()) {
            return ConditionEvaluationResult.enabled("CI=true, so this test runs and fails: " + describe(lacking));
        }
        return ConditionEvaluationResult.disabled(describe(lacking) + " (under CI=true this test would fail)");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<String> lacking = missing();
        if (!lacking.isEmpty()) {
            throw new AssertionError(failure(lacking));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PrivateOvs.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        List<String> lacking = missing();
        if (!lacking.isEmpty()) {
            throw new ParameterResolutionException(failure(lacking));
        }
        return sandbox(extensionContext, starter);
    }

    /**
     * The sandbox of the test class of a context, started on first use (for other extensions).
     *
     * @param context any context within a test class
     * @return the running sandbox
     * @throws ParameterResolutionException when it could not start
     */
    public static PrivateOvs sandbox(ExtensionContext context) {
        return sandbox(context, PrivateOvs::start);
    }

    private static PrivateOvs sandbox(ExtensionContext context, Supplier<PrivateOvs> starter) {
        ExtensionContext scope = context;
        while (scope.getTestMethod().isPresent() && scope.getParent().isPresent()) {
            scope = scope.getParent().get();
        }
        return scope.getStore(NAMESPACE)
                .getOrComputeIfAbsent(SANDBOX, key -> new Sandbox(starter), Sandbox.class)
                .get();
    }

    /**
     * Polls until a condition holds, like os-vif's {@code wait_until_true}: first at once, then every few
     * milliseconds, backing off to every 100 ms.
     *
     * @param timeout how long to try
     * @param condition what must become true
     * @throws AssertionError when it did not within the timeout
     */
    public static void waitUntil(Duration timeout, BooleanSupplier condition) {
        waitUntil(timeout, condition, () -> "condition");
    }

    /**
     * Polls until a condition holds.
     *
     * @param timeout how long to try
     * @param condition what must become true
     * @param description names the condition in the failure message
     * @throws AssertionError when it did not within the timeout
     */
    public static void waitUntil(Duration timeout, BooleanSupplier condition, Supplier<String> description) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 2;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for "
                        + description.get());
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + description.get(), e);
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    private List<String> missing() {
        List<String> result = missing;
        if (result == null) {
            result = List.copyOf(prerequisites.get());
            missing = result;
        }
        return result;
    }

    private boolean ci() {
        return "true".equalsIgnoreCase(environment.apply("CI"));
    }

    private static String describe(List<String> lacking) {
        return "A private Open vSwitch cannot run here: " + String.join("; ", lacking);
    }

    private static String failure(List<String> lacking) {
        return describe(lacking) + ". This functional test fails rather than being skipped because CI=true "
                + "(or its condition was deactivated).";
    }

    /**
     * The Store's value: starts the sandbox once, remembers a failure to start, closes it with the class.
     * JUnit 5.11 closes only {@link ExtensionContext.Store.CloseableResource}s; later versions close
     * {@link AutoCloseable}s instead. It is both, and closing twice is harmless.
     */
    @SuppressWarnings("deprecation")
    private static final class Sandbox implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Supplier<PrivateOvs> starter;
        private PrivateOvs ovs;
        private RuntimeException failure;

        Sandbox(Supplier<PrivateOvs> starter) {
            this.starter = starter;
        }

        synchronized PrivateOvs get() {
            if (ovs == null && failure == null) {
                try {
                    ovs = starter.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new ParameterResolutionException("Could not start a private Open vSwitch: "
                        + failure.getMessage(), failure);
            }
            return ovs;
        }

        @Override
        public synchronized void close() {
            if (ovs != null) {
                ovs.close();
            }
        }
    }
}
