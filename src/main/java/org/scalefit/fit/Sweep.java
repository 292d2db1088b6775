package org.scalefit.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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
 * <p>Memory: the groups in flight, at most about {@code 4 × threads} of them (the reader waits beyond that),
 * plus the group being read; in a file not sorted by the keys also every group still waiting for its last row
 * and the results waiting for an earlier group (see {@link GroupedReader}). Without {@code full} each group's
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
    /** Groups in flight per worker thread: enough to keep every worker busy while results wait their turn. */
    static final int WINDOW_PER_THREAD = 4;

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
        FitOptions single = GroupFit.singleThreaded(options);
        GroupedReader.Summary[] summary = new GroupedReader.Summary[1];
        int workers = Math.max(1, threads);
        OrderedPipeline.<org.scalefit.data.Group, GroupFit>run(workers, WINDOW_PER_THREAD * workers,
                emit -> summary[0] = reader.read(file, index, g -> emit.emit(g.index(), g)),
                g -> GroupFit.of(g, law, single, parameters, full),
                sink);
        return summary[0];
    }
}
