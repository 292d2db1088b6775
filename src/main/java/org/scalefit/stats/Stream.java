package org.scalefit.stats;

/**
 * Every use of randomness in scalefit, each with its own stream id: a replicate of one use never draws
 * the numbers of another, and the ids are fixed forever so that a seed gives the same answer in every
 * version (they are the numbers the classes used before this enum gathered them).
 *
 * <pre>{@code
 * SplittableRandom rng = Seeds.random(seed, Stream.RANDOM_STARTS, s);   // start s of a fit
 * }</pre>
 */
public enum Stream {
    /** Seeded random starts of a fit ({@code Starts.random(n)}). */
    RANDOM_STARTS(0),
    /** The random starts a fit falls back to when its data-driven start does not converge. */
    FALLBACK_STARTS(1),
    /** The random starts a fit retries from when its best answer leaves strongly systematic residuals. */
    SYSTEMATIC_RETRY(15),
    /** Points of a fit's basin scan when its grid would be too large (five or more nonlinear parameters). */
    BASIN_SCAN(9),
    /** Bootstrap resamples of a fit. */
    BOOTSTRAP(2),
    /** A bootstrap replicate's extra draws (e.g. the noise of a prediction band), apart from its resample. */
    BOOTSTRAP_EXTRA(102),
    /** Resamples of the METR horizon bootstrap. */
    HORIZON_BOOTSTRAP(3),
    /** Parametric draws of published horizon intervals when trends are refitted. */
    HORIZON_PARAMETRIC(4),
    /** Null simulations of the trend-break test's p-value. */
    BREAK_NULL(7),
    /** Simulations of the trend-break test's detection threshold (the holdout gap). */
    BREAK_GAP(8),
    /** Run resamples of the two-step downstream bootstrap (loss law and link refitted on each). */
    DOWNSTREAM_BOOTSTRAP(11),
    /** A downstream replicate's new-run scatter, apart from its resample. */
    DOWNSTREAM_SCATTER(12),
    /** Resamples of the runs within each budget of an IsoFLOP fit (Hoffmann et al.'s Approach 2). */
    ISOFLOP_BOOTSTRAP(13),
    /** Resamples of the models of a trend whose points carry no intervals (a pairs bootstrap). */
    TREND_MODEL_BOOTSTRAP(14);

    private final int id;

    Stream(int id) {
        this.id = id;
    }

    /** @return the stream id {@link Seeds#random(long, int, long)} mixes in */
    public int id() {
        return id;
    }
}
