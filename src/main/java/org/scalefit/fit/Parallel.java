package org.scalefit.fit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.scalefit.FitFailedException;

/**
 * Runs independent indexed tasks on a pool of a given size. Tasks write their results into slots by
 * index, so the outcome does not depend on the thread count or on scheduling; with one thread the
 * tasks run in order on the calling thread.
 *
 * <pre>{@code
 * double[] out = new double[1000];
 * Parallel.forEach(4, out.length, i -> out[i] = expensive(i));
 * }</pre>
 */
public final class Parallel {
    private Parallel() {
    }

    /**
     * @param threads pool size (1 = sequential on the caller's thread)
     * @param count   number of tasks
     * @param task    the task for index i
     */
    public static void forEach(int threads, int count, IntConsumer task) {
        if (threads <= 1 || count < 2) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(Math.min(threads, count));
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FitFailedException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new FitFailedException("parallel work failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
