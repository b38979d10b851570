package org.osvif.internal;

import java.util.Objects;

import org.osvif.exec.HostFiles;

/**
 * The system runner's files when it has a root helper: this JVM reads and writes them
 * itself when it may, and a write it may not do (the JVM is not root) goes through the root
 * helper as one {@code tee} process, as a privileged command would.
 */
final class RootHelperHostFiles implements HostFiles {
    private final HostFiles direct;
    private final HostFiles privileged;

    RootHelperHostFiles(HostFiles direct, HostFiles privileged) {
        this.direct = Objects.requireNonNull(direct, "direct");
        this.privileged = Objects.requireNonNull(privileged, "privileged");
    }

    @Override
    public boolean exists(String path) {
        return direct.exists(path);
    }

    @Override
    public void write(String path, String value) {
        try {
            direct.write(path, value);
        } catch (DirectHostFiles.HostFileAccessDeniedException e) {
            privileged.write(path, value);
        }
    }
}
