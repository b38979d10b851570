package org.osvif.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a fresh {@link RecordingCommandRunner} into each test: into the
 * test method and its {@code @BeforeEach}/{@code @AfterEach} methods, which
 * all get the same instance. Constructors and {@code @BeforeAll} methods
 * serve several tests, so asking for a runner there fails with an
 * {@link ExtensionConfigurationException} that says so.
 *
 * <pre>{@code
 * @ExtendWith(RecordingCommandRunnerExtension.class)
 * class OvsPluginTest {
 *     @Test void unplugRemovesPort(RecordingCommandRunner runner) {
 *         runner.dispatch(RecordingCommandRunner.ok());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The runner lives in the test's {@link ExtensionContext.Store} under
 * {@code Namespace.create(RecordingCommandRunnerExtension.class)}. After each
 * test the extension fails the test if a command ran that nothing scripted,
 * even if the code under test caught the runner's exception.
 */
public final class RecordingCommandRunnerExtension implements ParameterResolver, AfterEachCallback {
    private static final Namespace NAMESPACE = Namespace.create(RecordingCommandRunnerExtension.class);
    private static final String KEY = "runner";

    /** Used by JUnit. */
    public RecordingCommandRunnerExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RecordingCommandRunner.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (extensionContext.getTestMethod().isEmpty()) {
            throw new ExtensionConfigurationException("Cannot inject a RecordingCommandRunner into "
                    + parameterContext.getDeclaringExecutable() + ": there is one runner per test, so it can be a "
                    + "parameter of a @Test, @BeforeEach or @AfterEach method, not of a constructor or @BeforeAll "
                    + "method (which serve several tests)");
        }
        return runner(extensionContext);
    }

    /**
     * The runner of a test, created on first use.
     *
     * @param context a test's context
     * @return its runner
     */
    public static RecordingCommandRunner runner(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, key -> new RecordingCommandRunner(), RecordingCommandRunner.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RecordingCommandRunner runner = context.getStore(NAMESPACE).get(KEY, RecordingCommandRunner.class);
        if (runner != null && !runner.unscriptedCommands().isEmpty()) {
            throw new AssertionError("Commands ran that nothing scripted (use when(...), enqueue(...) or "
                    + "dispatch(...)): " + runner.unscriptedCommands().stream().map(c -> c.argv()).toList());
        }
    }
}
