package org.osvif.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamedLocksTest {
    private final NamedLocks locks = new NamedLocks();

    @Test
    @DisplayName("returns what the body returns and runs a Runnable")
    void returnsValue() {
        assertThat(locks.withLock("a", () -> 42)).isEqualTo(42);
        List<String> ran = new ArrayList<>();
        locks.withLock("a", () -> {
            ran.add("yes");
        });
        assertThat(ran).containsExactly("yes");
        assertThat(locks.activeNames()).isZero();
    }

    @Test
    @DisplayName("is reentrant, and knows who holds it")
    void reentrant() {
        String inner = locks.withLock("bridge", () -> {
            assertThat(locks.isHeldByCurrentThread("bridge")).isTrue();
            return locks.withLock("bridge", () -> locks.withLock("other", () -> "nested"));
        });
        assertThat(inner).isEqualTo("nested");
        assertThat(locks.isHeldByCurrentThread("bridge")).isFalse();
        assertThat(locks.activeNames()).isZero();
    }

    @Test
    @DisplayName("releases the lock and the entry when the body throws")
    void releasesOnException() {
        assertThatThrownBy(() -> locks.withLock("x", (Runnable) () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(locks.activeNames()).isZero();
        assertThat(locks.withLock("x", () -> "again")).isEqualTo("again");
    }

    @Test
    @DisplayName("after 10,000 distinct names the map is empty")
    void noGrowth() {
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            assertThat(locks.withLock("name-" + i, () -> n)).isEqualTo(n);
        }
        assertThat(locks.activeNames()).isZero();
    }

    @Test
    @DisplayName("after 10,000 distinct names used concurrently the map is empty")
    void noGrowthConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                String name = "name-" + (i % 100);
                futures.add(pool.submit(() -> locks.withLock(name, () -> { })));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(locks.activeNames()).isZero();
    }

    @Test
    @DisplayName("excludes threads under the same name: a non-atomic counter stays exact")
    void mutualExclusion() throws Exception {
        int threads = 16;
        int rounds = 2_000;
        int[] counter = {0};
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        locks.withLock("nova-lock_bridge", () -> {
                            int now = inside.incrementAndGet();
                            maxInside.accumulateAndGet(now, Math::max);
                            int read = counter[0];
                            Thread.onSpinWait();
                            counter[0] = read + 1;
                            inside.decrementAndGet();
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counter[0]).isEqualTo(threads * rounds);
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(locks.activeNames()).isZero();
    }

    @Test
    @DisplayName("different names do not exclude each other")
    void differentNamesRunInParallel() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> a = pool.submit(() -> locks.withLock("a", () -> await(bothInside)));
            Future<Boolean> b = pool.submit(() -> locks.withLock("b", () -> await(bothInside)));
            assertThat(a.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(b.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("waiters get the lock in arrival order (fair)")
    void fair() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> locks.withLock("q", () -> {
            holding.countDown();
            awaitOnly(release);
        }));
        holder.start();
        holding.await();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            Thread waiter = new Thread(() -> locks.withLock("q", () -> {
                order.add(n);
            }));
            waiters.add(waiter);
            waiter.start();
            // Wait until this waiter is parked on the lock before starting the next one.
            while (waiter.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
        release.countDown();
        holder.join(10_000);
        for (Thread waiter : waiters) {
            waiter.join(10_000);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(locks.activeNames()).isZero();
    }

    @Test
    @DisplayName("the entry stays while a thread waits and goes when the last one leaves")
    void entryLivesWhileWaited() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> locks.withLock("w", () -> {
            holding.countDown();
            awaitOnly(release);
        }));
        holder.start();
        holding.await();
        Thread waiter = new Thread(() -> locks.withLock("w", () -> { }));
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        assertThat(locks.activeNames()).isEqualTo(1);
        release.countDown();
        holder.join(10_000);
        waiter.join(10_000);
        assertThat(locks.activeNames()).isZero();
    }

    @Test
    @DisplayName("null name or body is refused")
    void nulls() {
        assertThatThrownBy(() -> locks.withLock(null, () -> 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> locks.withLock("a", (Runnable) null)).isInstanceOf(NullPointerException.class);
    }

    private static void awaitOnly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts down, then waits for the others. */
    private static boolean await(CountDownLatch latch) {
        latch.countDown();
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
