package org.osvif.exec;

import java.nio.file.Path;
import java.util.Objects;

import org.osvif.internal.DirectHostFiles;
import org.osvif.internal.ProcessHostFiles;

/**
 * The kernel settings and state that are files: {@code /sys/class/net/DEV} (does a device
 * exist?) and {@code /proc/sys/net/...} (sysctls). Reading or writing one costs no process,
 * where {@code ip link show} or {@code sysctl -w} costs one each.
 *
 * <p>Both trees belong to a network namespace: {@code /proc/sys/net} is that of the
 * process that opens the file, {@code /sys/class/net} that of the process that mounted
 * {@code /sys}. So every {@link CommandRunner} says which files go with its commands
 * ({@link CommandRunner#files()}): the system runner's are this JVM's own files, a runner
 * that runs every command inside another namespace reads and writes that namespace's
 * files through processes inside it ({@link #throughProcesses}), a recording runner
 * records them.
 *
 * <p>Paths are absolute and name the kernel's file as a host shows it
 * ({@code /proc/sys/net/ipv6/conf/qbr1/disable_ipv6}); implementations may put them under
 * another root. Implementations must be thread-safe.
 *
 * <pre>{@code
 * HostFiles files = runner.files();
 * if (!files.exists("/sys/class/net/qbr1")) { ... }
 * files.write("/proc/sys/net/ipv6/conf/qbr1/disable_ipv6", "1");
 * }</pre>
 */
public interface HostFiles {

    /**
     * @param path an absolute path, e.g. {@code /sys/class/net/qbr1}
     * @return whether it exists
     */
    boolean exists(String path);

    /**
     * Writes a value to a kernel file, as {@code echo VALUE > PATH} would (one write of the
     * value and a newline).
     *
     * @param path an absolute path, e.g. {@code /proc/sys/net/ipv6/conf/qbr1/disable_ipv6}
     * @param value the value, e.g. {@code 1}
     * @throws HostFileException when the kernel refuses it (naming the file, the value and the kernel's message)
     */
    void write(String path, String value);

    /**
     * Whether a network device exists: {@code /sys/class/net/DEV} is there.
     *
     * @param dev a device name, already checked
     * @return whether it exists
     */
    default boolean deviceExists(String dev) {
        return exists("/sys/class/net/" + dev);
    }

    /** @return this JVM's own files, under {@code /} */
    static HostFiles direct() {
        return DirectHostFiles.ROOT;
    }

    /**
     * @param root where the tree is, e.g. a temporary directory that holds {@code sys/class/net/...}
     * @return files read and written under that root, by this JVM
     */
    static HostFiles under(Path root) {
        return new DirectHostFiles(Objects.requireNonNull(root, "root"));
    }

    /**
     * Files reached through processes of a runner: {@code test -e PATH} (unprivileged, exit 0 or 1)
     * and {@code tee PATH} with the value on standard input (privileged: the root helper applies).
     * What a runner uses whose commands run in another network namespace, where this JVM's
     * own {@code /sys} and {@code /proc} would show the wrong one.
     *
     * @param runner runs the processes
     * @return the files
     */
    static HostFiles throughProcesses(CommandRunner runner) {
        return new ProcessHostFiles(Objects.requireNonNull(runner, "runner"));
    }
}
