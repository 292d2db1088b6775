package org.scalefit;

/**
 * A listener for long computations: bootstraps, multi-start grids, simulations. The library calls
 * {@link #update(long, long)} as units of work complete, possibly from several worker threads at
 * once and in any order of completion; {@code done} only grows. Library code never prints: a
 * command-line front end turns these calls into a progress bar, a GUI into a progress dialog, and
 * everything else passes {@link #NONE}.
 *
 * <p>Implementations must be thread-safe and cheap (they run on the workers): record the numbers
 * and draw elsewhere. Reporting progress never changes a result.
 *
 * <pre>{@code
 * AtomicLong seen = new AtomicLong();
 * BootstrapResult b = Bootstrap.run(fit, Resampler.rows(), 2000, 42, 4, (done, total) -> seen.set(done));
 * }</pre>
 */
@FunctionalInterface
public interface Progress {
    /** Ignores every update. */
    Progress NONE = (done, total) -> {
    };

    /**
     * Reports that {@code done} of {@code total} units are complete.
     *
     * @param done  units completed so far, 0 ≤ done ≤ total
     * @param total units in this computation (may grow between calls when a computation has stages)
     */
    void update(long done, long total);

    /**
     * A view of this listener for one stage of a larger computation: the stage's own fraction
     * {@code done / stageUnits} is reported as {@code offset + fraction · width} of {@code total}.
     *
     * <pre>{@code
     * Progress first = progress.stage(0, 1000, 2000);      // a bootstrap of the baseline
     * Progress second = progress.stage(1000, 1000, 2000);  // then of the improved runs
     * }</pre>
     *
     * @param offset units of the whole completed before this stage
     * @param width  units of the whole this stage accounts for
     * @param total  units in the whole computation
     * @return the listener for the stage ({@link #NONE} stays {@link #NONE})
     */
    default Progress stage(long offset, long width, long total) {
        if (this == NONE) {
            return NONE;
        }
        return (done, stageUnits) -> update(offset + (stageUnits <= 0 ? width
                : Math.round((double) width * Math.min(done, stageUnits) / stageUnits)), total);
    }
}
