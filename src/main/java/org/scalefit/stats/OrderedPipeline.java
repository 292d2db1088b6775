package org.scalefit.stats;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.scalefit.FitFailedException;

/**
 * A producer, workers and an ordered consumer: the producer (on a thread of its own) hands over numbered
 * items, {@code threads} workers map them in parallel, and the consumer receives the results on the calling
 * thread in number order, 0, 1, 2, …, whatever order they were produced or finished in. So a stream of work
 * is spread over the cores while its output stays in input order and does not depend on the thread count.
 *
 * <p>Memory is bounded by {@code window}: the producer waits while {@code window} items are produced but not
 * yet consumed — unless the item the consumer waits for has not been produced yet (items produced out of
 * order, e.g. groups of an unsorted file completed in another order), since waiting then could never end;
 * in that case the items ahead of it are held until it comes.
 *
 * <p>The first exception of the producer, a worker or the consumer stops every thread and is rethrown to the
 * caller (an unchecked exception or error as it is).
 *
 * <pre>{@code
 * OrderedPipeline.run(4, 64,
 *         emit -> { for (int i = 0; i < 1000; i++) emit.emit(i, "item " + i); },
 *         item -> item.length(),
 *         length -> System.out.println(length));         // in order 0, 1, 2, …
 * }</pre>
 */
public final class OrderedPipeline {
    private OrderedPipeline() {
    }

    /**
     * The producer's side of the pipeline.
     *
     * @param <T> the items
     */
    @FunctionalInterface
    public interface Emitter<T> {
        /**
         * Hands over an item; may wait (see the class comment).
         *
         * @param index the item's number: every number from 0 up exactly once, in any order
         * @param item  the item
         */
        void emit(int index, T item);
    }

    /**
     * Runs the pipeline to the end.
     *
     * @param threads  workers, at least 1
     * @param window   the most items produced but not consumed while the next one to consume is already produced
     * @param producer hands over every item through its emitter, then returns (it runs on its own thread)
     * @param work     maps an item to its result (on a worker)
     * @param consumer receives every result, in number order, on the calling thread
     * @param <T>      the items
     * @param <R>      the results
     * @return the number of items
     * @throws FitFailedException when the calling thread is interrupted
     */
    public static <T, R> int run(int threads, int window, Consumer<Emitter<T>> producer, Function<T, R> work,
                                 Consumer<R> consumer) {
        if (threads < 1 || window < 1) {
            throw new IllegalArgumentException("threads and window must be ≥ 1, got " + threads + " and " + window);
        }
        State<T, R> s = new State<>(window);
        Thread reader = new Thread(() -> s.produce(producer), "scalefit-producer");
        reader.setDaemon(true);
        Thread[] workers = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Thread(() -> s.work(Objects.requireNonNull(work)), "scalefit-worker-" + w);
            workers[w].setDaemon(true);
        }
        reader.start();
        for (Thread w : workers) {
            w.start();
        }
        try {
            s.consume(consumer);
        } catch (RuntimeException | Error e) {
            s.fail(e);
        } finally {
            s.stop();
            try {
                reader.join();
                for (Thread w : workers) {
                    w.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FitFailedException("interrupted");
            }
        }
        s.rethrow();
        return s.consumed;
    }

    /** The shared state, guarded by its own monitor. */
    private static final class State<T, R> {
        private final int window;
        private final ArrayDeque<Object[]> queue = new ArrayDeque<>();
        private final Map<Integer, R> done = new HashMap<>();
        private final BitSet produced = new BitSet();
        private int producedCount;
        private int consumed;
        private boolean producerDone;
        private boolean stopped;
        private Throwable failure;

        State(int window) {
            this.window = window;
        }

        void produce(Consumer<Emitter<T>> producer) {
            try {
                producer.accept(this::emit);
                synchronized (this) {
                    producerDone = true;
                    if (failure == null && (produced.nextClearBit(0) != producedCount)) {
                        failure = new IllegalStateException("items were not numbered 0 to " + (producedCount - 1));
                        stopped = true;
                    }
                    notifyAll();
                }
            } catch (Stopped e) {
                // another thread failed or the consumer stopped: nothing more to do
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        private synchronized void emit(int index, T item) {
            while (!stopped && producedCount - consumed >= window && produced.nextClearBit(consumed) > consumed) {
                await();
            }
            if (stopped) {
                throw new Stopped();
            }
            if (index < 0 || produced.get(index)) {
                throw new IllegalArgumentException("item " + index + " handed over twice or negative");
            }
            produced.set(index);
            producedCount++;
            queue.add(new Object[] {index, item});
            notifyAll();
        }

        @SuppressWarnings("unchecked")
        void work(Function<T, R> work) {
            try {
                while (true) {
                    Object[] next;
                    synchronized (this) {
                        while (!stopped && queue.isEmpty() && !producerDone) {
                            await();
                        }
                        if (stopped || queue.isEmpty()) {
                            return;
                        }
                        next = queue.poll();
                    }
                    R result = work.apply((T) next[1]);
                    synchronized (this) {
                        done.put((Integer) next[0], result);
                        notifyAll();
                    }
                }
            } catch (Stopped e) {
                // stopped while waiting
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        void consume(Consumer<R> consumer) {
            while (true) {
                R result;
                synchronized (this) {
                    while (!stopped && !done.containsKey(consumed) && !(producerDone && consumed == producedCount)) {
                        await();
                    }
                    if (stopped || !done.containsKey(consumed)) {
                        return;
                    }
                    result = done.remove(consumed);
                }
                consumer.accept(result);
                synchronized (this) {
                    consumed++;
                    notifyAll();
                }
            }
        }

        private void await() {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
                if (failure == null) {
                    failure = new FitFailedException("interrupted");
                }
                notifyAll();
                throw new Stopped();
            }
        }

        synchronized void fail(Throwable t) {
            if (failure == null) {
                failure = t;
            }
            stopped = true;
            notifyAll();
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        void rethrow() {
            Throwable t;
            synchronized (this) {
                t = failure;
            }
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) {
                throw new FitFailedException("parallel work failed: " + t, t);
            }
        }
    }

    /** Unwinds a thread whose pipeline has stopped. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }
}
