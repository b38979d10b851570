package org.osvif.plug.ovs.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osvif.exec.Command;
import org.osvif.exec.CommandResult;
import org.osvif.testing.ovs.PrivateOvs;

/**
 * The reference implementation, Debian's python3-os-vif, driven through
 * {@code tools/ovs/plug_python.py} inside a {@link PrivateOvs}'s namespace.
 *
 * <p>As a JUnit extension it is a condition like {@code @RequiresOvs}: without
 * {@code /usr/bin/python3}, the script, or the Python modules the script needs,
 * the test is disabled with a message saying what to install; under
 * {@code CI=true} it runs and fails instead, so CI never passes by skipping.
 */
final class PythonOsVif implements ExecutionCondition, BeforeEachCallback {
    /** Debian's interpreter, the one that sees python3-os-vif (a pyenv python3 on PATH does not). */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("tools", "ovs", "plug_python.py");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static volatile String missing;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String why = missing();
        if (why.isEmpty()) {
            return ConditionEvaluationResult.enabled("Python os-vif can run here");
        }
        if (ci()) {
            return ConditionEvaluationResult.enabled("CI=true, so this test runs and fails: " + why);
        }
        return ConditionEvaluationResult.disabled("Python os-vif cannot run here: " + why
                + " (under CI=true this test would fail)");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String why = missing();
        if (!why.isEmpty()) {
            throw new AssertionError("Python os-vif cannot run here: " + why + ". This comparison fails rather "
                    + "than being skipped because CI=true.");
        }
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** @return why Python os-vif cannot run, or empty */
    private static String missing() {
        String result = missing;
        if (result == null) {
            result = check();
            missing = result;
        }
        return result;
    }

    private static String check() {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is missing (apt-get install -y python3 python3-os-vif)";
        }
        Path script = script();
        if (script == null) {
            return SCRIPT + " was not found above " + Path.of(System.getProperty("user.dir"));
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c",
                    "import os_vif, vif_plug_ovs.ovs, oslo_privsep, oslo_config, pyroute2")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return PYTHON + " did not import os_vif within 60 s";
            }
            if (p.exitValue() != 0) {
                return PYTHON + " cannot import os_vif (apt-get install -y python3-os-vif): "
                        + new String(out, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking " + PYTHON;
        }
        return "";
    }

    /**
     * @return the absolute path of {@code tools/ovs/plug_python.py}, looked for from the working
     *         directory (the module, under Maven) upwards; null when not found
     */
    static Path script() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve(SCRIPT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Runs {@code plug_python.py} inside the sandbox's namespace, as root.
     *
     * @param ovs the sandbox; its {@code ovsdb_connection} is passed
     * @param options plug_python.py options beyond {@code --connection}, e.g. {@code --isolate-vif}
     * @param vif the VIF primitive file
     * @param instance the InstanceInfo primitive file
     * @param action {@code plug} or {@code unplug}
     * @return the result
     * @throws org.osvif.exec.CommandFailedException with Python's traceback when os-vif failed
     */
    static CommandResult run(PrivateOvs ovs, List<String> options, Path vif, Path instance, String action) {
        Objects.requireNonNull(action, "action");
        List<String> argv = new ArrayList<>(List.of(PYTHON.toString(), Objects.requireNonNull(script(),
                "plug_python.py not found").toString(), "--connection", ovs.dbConnection()));
        argv.addAll(options);
        argv.addAll(List.of(vif.toAbsolutePath().toString(), instance.toAbsolutePath().toString(), action));
        return ovs.runner().run(Command.of(argv).withTimeout(TIMEOUT));
    }
}
