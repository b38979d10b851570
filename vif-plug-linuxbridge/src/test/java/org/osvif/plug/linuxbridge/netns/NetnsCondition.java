package org.osvif.plug.linuxbridge.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.osvif.exec.Command;
import org.osvif.exec.CommandFailedException;
import org.osvif.exec.CommandRunner;
import org.osvif.exec.CommandRunners;

/**
 * Enables functional tests only where they can run: as root, with {@code ip netns},
 * {@code iptables-save}, {@code iptables-restore}, {@code ip6tables-save},
 * {@code ip6tables-restore} and {@code sysctl}. When one is missing the test is
 * <em>disabled</em> with the list of what is missing, unless the environment
 * variable {@code CI} is {@code true}: then the evaluation throws, so the test
 * fails and CI cannot pass by skipping it. The probe runs once per test run.
 */
public final class NetnsCondition implements ExecutionCondition {
    private static final Namespace NAMESPACE = Namespace.create(NetnsCondition.class);

    /** Used by JUnit. */
    public NetnsCondition() {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        List<String> missing = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("missing", key -> probe(), List.class);
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("root, ip netns, iptables and sysctl are available");
        }
        String what = "Functional test prerequisites missing: " + String.join("; ", missing);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException(what + " (CI=true: a functional test must run, not be skipped)");
        }
        return ConditionEvaluationResult.disabled(what);
    }

    static List<String> probe() {
        List<String> missing = new ArrayList<>();
        if (!"Linux".equals(System.getProperty("os.name"))) {
            missing.add("Linux (this is " + System.getProperty("os.name") + ")");
            return missing;
        }
        String uid = effectiveUid();
        if (!"0".equals(uid)) {
            missing.add("root (effective uid is " + uid + ")");
        }
        CommandRunner host = CommandRunners.system(List.of(), Duration.ofSeconds(20));
        for (List<String> argv : List.of(List.of("ip", "netns", "list"), List.of("iptables-save", "--version"),
                List.of("iptables-restore", "--version"), List.of("ip6tables-save", "--version"),
                List.of("ip6tables-restore", "--version"), List.of("sysctl", "--version"))) {
            try {
                host.run(Command.of(argv).unprivileged());
            } catch (CommandFailedException e) {
                missing.add(String.join(" ", argv) + " failed: " + e.getMessage());
            }
        }
        return missing;
    }

    private static String effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2];
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
