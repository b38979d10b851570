package org.osvif.testing.ovs;

/**
 * Run by {@link PrivateOvsLifecycleTest} in a child JVM: starts a sandbox, prints "NAMESPACE DIR" and sleeps
 * until it is killed; the shutdown hook must then remove the sandbox (what {@code vifctl demo} relies on when
 * the user presses Ctrl-C).
 */
public final class SandboxUntilKilled {
    private SandboxUntilKilled() {
    }

    /**
     * @param args none
     * @throws InterruptedException never, in practice
     */
    public static void main(String[] args) throws InterruptedException {
        PrivateOvs ovs = PrivateOvs.start();
        System.out.println(ovs.namespace() + " " + ovs.dir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
