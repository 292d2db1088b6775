package org.scalefit.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.scalefit.data.Group;
import org.scalefit.data.GroupIndex;
import org.scalefit.data.GroupedReader;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;
import org.scalefit.stats.OrderedPipeline;

/**
 * Fits one law to every group of a file as a stream ({@code scalefit fit FILE --by COLUMN}): the groups are
 * read one at a time ({@link GroupedReader}, on a thread of its own), fitted in parallel on {@code threads}
 * workers, each group on one thread, and handed to the sink in the order the groups first appear in the file,
 * whatever the thread count — so the results, and their order, never depend on it.
 *
 * <p>The reader hands the groups to the workers in batches of consecutive groups (up to {@value #BATCH_ROWS}
 * rows or {@value #BATCH_GROUPS} groups, and few enough groups that every worker gets at least
 * {@value #BATCHES_PER_THREAD} batches; a larger group is a batch of its own): a fit of a small group takes tens
 * of microseconds, and handing each group over on its own cost as much again in thread wake-ups.
 *
 * <p>Memory: the batches in flight, at most {@code 4 × threads} of them (the reader waits beyond that), plus
 * the batch being read; in a file not sorted by the keys also every group still waiting for its last row and
 * the results waiting for an earlier group (see {@link GroupedReader}). Without {@code full} each group's
 * result is its {@link GroupRow} alone, computed by the lean path (the same numbers as its {@link Fit}, bit for
 * bit); with it, its {@link Fit} too.
 *
 * <pre>{@code
 * GroupedReader reader = GroupedReader.of(DataSpec.builder().predictor("x").response("y").build(), List.of("set"));
 * GroupIndex index = reader.index(file);
 * Sweep.run(reader, file, index, data -> new PowerLaw(), FitOptions.defaults(), List.of("a", "alpha"), 4, false,
 *         g -> System.out.println(g.group() + " " + g.row().value(1)));
 * }</pre>
 */
public final class Sweep {
    /** Batches in flight per worker thread: enough to keep every worker busy while results wait their turn. */
    static final int WINDOW_PER_THREAD = 4;
    /** A batch is handed over once it holds this many rows… */
    static final int BATCH_ROWS = 1024;
    /** …or this many groups… */
    static final int BATCH_GROUPS = 64;
    /** …or fewer, so that each worker gets at least this many batches. */
    static final int BATCHES_PER_THREAD = 8;

    private Sweep() {
    }

    /**
     * Reads, fits and hands over every group.
     *
     * @param reader     the grouped reader (data columns, filters, key columns)
     * @param file       the file
     * @param index      the reader's first pass over the file
     * @param law        the law for a group's observations (a law may depend on its data, e.g. a reference date)
     * @param options    the fit options for every group (their thread count is ignored: groups are the parallel work)
     * @param parameters the law's parameter names (for the row of a group whose data cannot be read)
     * @param threads    worker threads
     * @param full       whether each group's {@link Fit} is built (else its row alone)
     * @param sink       receives each group's result, in order of first appearance, on the calling thread
     * @return what the reader skipped and excluded
     * @throws org.scalefit.InvalidDataException for a bad file (as {@link GroupedReader#read})
     */
    public static GroupedReader.Summary run(GroupedReader reader, Path file, GroupIndex index,
                                            Function<Observations, Law> law, FitOptions options, List<String> parameters,
                                            int threads, boolean full, Consumer<GroupFit> sink) {
        return run(reader, file, index, law, options, parameters, threads, full, g -> g, sink, BATCH_ROWS, BATCH_GROUPS);
    }

    /**
     * Reads, fits and hands over every group, each result first mapped on the worker that fitted it — so that work
     * done for each result before it is written (rendering it, say) runs in parallel too, not on the calling thread.
     *
     * <pre>{@code
     * Sweep.run(reader, file, index, data -> new PowerLaw(), FitOptions.defaults(), List.of("a", "alpha"), 4, false,
     *         g -> g.group() + " " + g.row().value(1),        // on the workers
     *         System.out::println);                            // on the calling thread, in order
     * }</pre>
     *
     * @param reader     the grouped reader (data columns, filters, key columns)
     * @param file       the file
     * @param index      the reader's first pass over the file
     * @param law        the law for a group's observations
     * @param options    the fit options for every group (their thread count is ignored: groups are the parallel work)
     * @param parameters the law's parameter names (for the row of a group whose data cannot be read)
     * @param threads    worker threads
     * @param full       whether each group's {@link Fit} is built (else its row alone)
     * @param prepare    maps a group's result, on a worker (it must be safe to call from several threads at once)
     * @param sink       receives each mapped result, in order of first appearance, on the calling thread
     * @param <T>        the mapped results
     * @return what the reader skipped and excluded
     * @throws org.scalefit.InvalidDataException for a bad file (as {@link GroupedReader#read})
     * @see #run(GroupedReader, Path, GroupIndex, Function, FitOptions, List, int, boolean, Consumer)
     */
    public static <T> GroupedReader.Summary run(GroupedReader reader, Path file, GroupIndex index,
                                                Function<Observations, Law> law, FitOptions options,
                                                List<String> parameters, int threads, boolean full,
                                                Function<GroupFit, T> prepare, Consumer<T> sink) {
        return run(reader, file, index, law, options, parameters, threads, full, prepare, sink, BATCH_ROWS, BATCH_GROUPS);
    }

    /** As the public {@code run}, with the batch limits given (a test makes them small, or 1 for one group a batch). */
    static <T> GroupedReader.Summary run(GroupedReader reader, Path file, GroupIndex index, Function<Observations, Law> law,
                                         FitOptions options, List<String> parameters, int threads, boolean full,
                                         Function<GroupFit, T> prepare, Consumer<T> sink, int batchRows, int batchGroups) {
        FitOptions single = GroupFit.singleThreaded(options);
        GroupedReader.Summary[] summary = new GroupedReader.Summary[1];
        int workers = Math.max(1, threads);
        InOrder<T> inOrder = new InOrder<>(sink);
        // A few groups whose fits are slow (many starts, a joint law) must still spread over the workers: at least
        // BATCHES_PER_THREAD batches each whenever there are groups enough.
        int groupsPerBatch = Math.max(1, Math.min(batchGroups, index.groups() / (BATCHES_PER_THREAD * workers)));
        OrderedPipeline.<List<Group>, Fitted<T>>run(workers, WINDOW_PER_THREAD * workers,
                emit -> {
                    Batcher batcher = new Batcher(emit, batchRows, groupsPerBatch);
                    summary[0] = reader.read(file, index, batcher::add);
                    batcher.flush();
                },
                batch -> {
                    int[] indices = new int[batch.size()];
                    List<T> results = new ArrayList<>(batch.size());
                    for (int i = 0; i < indices.length; i++) {
                        Group g = batch.get(i);
                        indices[i] = g.index();
                        results.add(prepare.apply(GroupFit.of(g, law, single, parameters, full)));
                    }
                    return new Fitted<>(indices, results);
                },
                inOrder);
        inOrder.finish();
        return summary[0];
    }

    /**
     * Gathers the groups, in the order the reader completes them, into batches numbered 0, 1, 2, … (so the
     * pipeline hands them back in reading order; {@link InOrder} restores the order of first appearance).
     */
    private static final class Batcher {
        private final OrderedPipeline.Emitter<List<Group>> emit;
        private final int maxRows;
        private final int maxGroups;
        private List<Group> batch = new ArrayList<>();
        private int rows;
        private int batches;

        Batcher(OrderedPipeline.Emitter<List<Group>> emit, int maxRows, int maxGroups) {
            this.emit = emit;
            this.maxRows = maxRows;
            this.maxGroups = maxGroups;
        }

        void add(Group g) {
            batch.add(g);
            rows += g.rows();
            if (rows >= maxRows || batch.size() >= maxGroups) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Group> full = batch;
            batch = new ArrayList<>();
            rows = 0;
            emit.emit(batches++, full);
        }
    }

    /** A batch's results, with each group's place in the order of first appearance. */
    private record Fitted<T>(int[] indices, List<T> results) {
    }

    /**
     * Hands the results to the sink in the order of first appearance. The batches arrive in reading order; in a
     * sorted file that is the order of first appearance and every result passes straight through, in an unsorted
     * one a group completed before an earlier one waits here for it.
     */
    private static final class InOrder<T> implements Consumer<Fitted<T>> {
        private final Consumer<T> sink;
        private final Map<Integer, T> waiting = new HashMap<>();
        private int next;

        InOrder(Consumer<T> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(Fitted<T> batch) {
            for (int i = 0; i < batch.indices.length; i++) {
                int index = batch.indices[i];
                T r = batch.results.get(i);
                if (index != next) {
                    waiting.put(index, r);
                    continue;
                }
                sink.accept(r);
                next++;
                for (T w; !waiting.isEmpty() && (w = waiting.remove(next)) != null; next++) {
                    sink.accept(w);
                }
            }
        }

        void finish() {
            if (!waiting.isEmpty()) {
                throw new IllegalStateException("groups were not numbered 0 to " + (next + waiting.size() - 1));
            }
        }
    }
}
