package org.pluralstats.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the workers of a parallel block scan (a delimited file's line-aligned blocks, a Stata file's
 * row ranges): the same task on n daemon threads, or in the calling thread when n is 1, joined before
 * returning, with a worker's failure rethrown in the caller.
 */
public final class BlockWorkers {
    private BlockWorkers() {
    }

    /**
     * @param threads how many workers (at least 1)
     * @param name the threads' name prefix
     * @param work what each worker runs (it claims blocks until none are left)
     * @return false when the calling thread was interrupted while waiting (the scan is then incomplete)
     */
    public static boolean run(int threads, String name, Runnable work) {
        if (threads <= 1) {
            work.run();
            return true;
        }
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(work, name + "-" + t);
            th.setDaemon(true);
            pool.add(th);
            th.start();
        }
        boolean whole = true;
        for (Thread th : pool) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                whole = false;
            }
        }
        return whole;
    }

    /**
     * Rethrows what a worker caught, unchanged when unchecked.
     *
     * @param error a worker's failure, or null
     */
    public static void rethrow(Throwable error) {
        if (error == null) {
            return;
        }
        if (error instanceof RuntimeException r) {
            throw r;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(error);
    }
}
