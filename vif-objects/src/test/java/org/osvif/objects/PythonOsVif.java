package org.osvif.objects;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference implementation, Debian's python3-os-vif, driven through
 * tools/ovo/interop.py. Missing, it skips the interop tests on a laptop and
 * fails them under {@code CI=true}, so CI never passes by skipping.
 */
final class PythonOsVif {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Result of one run: exit code and everything it printed. */
    record Run(int exitCode, String output) {
    }

    private PythonOsVif() {
    }

    /** Aborts (laptop) or fails (CI) when Python os-vif cannot be run. */
    static void require() {
        String why = missing();
        if (why == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true requires the reference implementation: " + why
                    + " (install it with: apt-get install -y python3-os-vif)");
        }
        Assumptions.abort("Python os-vif interop skipped: " + why);
    }

    private static String missing() {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " is missing";
        }
        if (!Files.isRegularFile(interopScript())) {
            return interopScript() + " is missing";
        }
        try {
            Run r = run(List.of(PYTHON.toString(), "-c", "import os_vif, oslo_versionedobjects"));
            return r.exitCode() == 0 ? null : "python3 cannot import os_vif: " + r.output().strip();
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        }
    }

    static Path interopScript() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("tools/ovo/interop.py");
    }

    /**
     * Runs interop.py with arguments.
     *
     * @param args e.g. {@code roundtrip DIR --upstream 5.1}
     */
    static Run interop(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(PYTHON.toString(), interopScript().toString()));
        argv.addAll(List.of(args));
        return run(argv);
    }

    private static Run run(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + argv);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted: " + argv, e);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
