package org.osvif.ovsdb;

import java.util.concurrent.ThreadFactory;

/** Names the client's threads ({@code ovsdb-ROLE ENDPOINT}) and makes them daemons, so none keeps a JVM alive. */
final class DaemonThreads implements ThreadFactory {
    private final String name;

    DaemonThreads(String role, OvsdbEndpoint endpoint) {
        this.name = "ovsdb-" + role + " " + endpoint;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
