package org.osvif.plug.ovs.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a plug has made so far, to be undone if a later step fails: a plug that
 * fails halfway leaves nothing behind. Undo steps run newest first; a step that
 * fails does not stop the others and is attached to the original failure as a
 * suppressed exception. Not thread-safe; one per plug.
 */
final class Rollback {
    private final Deque<Runnable> steps = new ArrayDeque<>();

    /** @param undo how to undo the step just done */
    void add(Runnable undo) {
        steps.push(undo);
    }

    /**
     * Undoes every step, newest first.
     *
     * @param failure why the plug failed
     * @return {@code failure}, with any failure of an undo step suppressed in it, to rethrow
     */
    RuntimeException undo(RuntimeException failure) {
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }
}
