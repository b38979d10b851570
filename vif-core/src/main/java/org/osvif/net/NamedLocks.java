package org.osvif.net;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Named in-process locks for the critical sections upstream guards with
 * {@code oslo_concurrency.lockutils.synchronized}: creating a bridge or a VLAN
 * interface must not race with another plug that creates the same one.
 *
 * <pre>{@code
 * locks.withLock("nova-lock_bridge", () -> {
 *     if (!ip.exists(bridge)) {
 *         ip.addBridge(bridge);
 *     }
 * });
 * }</pre>
 *
 * <p>Each name has its own {@link ReentrantLock} in fair mode, so a thread
 * may nest sections under the same name, and waiting threads get the lock
 * roughly in arrival order. A lock exists only while some thread holds or
 * waits for it: entries are reference-counted and removed when the last user
 * leaves, so any number of distinct names (one per bridge, per port) does not
 * grow memory.
 *
 * <p>These locks are per instance and per JVM. Upstream's {@code external=True}
 * file locks also exclude other processes on the host; that is out of scope
 * here (one agent process owns its plugs).
 *
 * <p>Thread-safe. There is no static instance; share one instance among the
 * code that must exclude each other (one per {@code OsVif}).
 */
public final class NamedLocks {
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** Creates an empty set of locks. */
    public NamedLocks() {
    }

    /**
     * Runs {@code body} while holding the lock called {@code name}.
     *
     * @param name the lock's name; non-null
     * @param body what to run
     * @param <T> what the body returns
     * @return what the body returned
     */
    public <T> T withLock(String name, Supplier<T> body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Entry entry = acquire(name);
        try {
            entry.lock.lock();
            try {
                return body.get();
            } finally {
                entry.lock.unlock();
            }
        } finally {
            release(name);
        }
    }

    /**
     * Runs {@code body} while holding the lock called {@code name}.
     *
     * @param name the lock's name; non-null
     * @param body what to run
     */
    public void withLock(String name, Runnable body) {
        Objects.requireNonNull(body, "body");
        withLock(name, () -> {
            body.run();
            return null;
        });
    }

    /**
     * @param name a lock's name
     * @return whether the current thread holds that lock (for assertions)
     */
    public boolean isHeldByCurrentThread(String name) {
        Entry entry = entries.get(Objects.requireNonNull(name, "name"));
        return entry != null && entry.lock.isHeldByCurrentThread();
    }

    /** @return how many names have a holder or a waiter right now */
    int activeNames() {
        return entries.size();
    }

    private Entry acquire(String name) {
        return entries.compute(name, (key, entry) -> {
            Entry result = entry == null ? new Entry() : entry;
            result.users++;
            return result;
        });
    }

    private void release(String name) {
        entries.computeIfPresent(name, (key, entry) -> --entry.users == 0 ? null : entry);
    }

    /** A lock and how many threads hold or wait for it; {@code users} changes only inside compute. */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }
}
