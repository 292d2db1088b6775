package org.scalefit.stats;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.scalefit.FitFailedException;
import org.scalefit.Progress;

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
     * Runs {@code task.accept(i)} for every i in [0, count).
     *
     * @param threads pool size (1 = sequential on the caller's thread)
     * @param count   number of tasks
     * @param task    the task for index i
     * @throws FitFailedException if the calling thread is interrupted while it waits
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

    /**
     * Runs {@code task.accept(i)} for every i in [0, count), reporting each completed task to
     * {@code progress} (from the worker that finished it). The results are the same as without a listener.
     *
     * <pre>{@code
     * Parallel.forEach(4, out.length, i -> out[i] = expensive(i), (done, total) -> bar.set(done, total));
     * }</pre>
     *
     * @param threads  pool size (1 = sequential on the caller's thread)
     * @param count    number of tasks
     * @param task     the task for index i
     * @param progress told {@code (completed, count)} after each task
     * @throws FitFailedException if the calling thread is interrupted while it waits
     */
    public static void forEach(int threads, int count, IntConsumer task, Progress progress) {
        if (progress == Progress.NONE) {
            forEach(threads, count, task);
            return;
        }
        AtomicLong done = new AtomicLong();
        progress.update(0, count);
        forEach(threads, count, i -> {
            task.accept(i);
            progress.update(done.incrementAndGet(), count);
        });
    }
}
