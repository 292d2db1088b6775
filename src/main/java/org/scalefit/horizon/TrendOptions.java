package org.scalefit.horizon;

import java.util.EnumSet;
import java.util.Set;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.fit.FitOptions;

/**
 * What a trend fit uses and how it measures its uncertainty. Immutable; start from
 * {@link #defaults()}: all models, no date filter, all three trend shapes with the break date
 * estimated, 1,000 replicates, 95% intervals, horizons clipped at 10⁻³ minutes (as METR) before
 * taking logarithms.
 *
 * <pre>{@code
 * TrendOptions o = TrendOptions.defaults().withFrontier(true)
 *         .withSince(Dates.toEpochDay("2019-01-01"))
 *         .withBreakDate(Dates.toEpochDay("2024-01-01"));
 * }</pre>
 *
 * @param frontier         keep only the frontier models ({@link Frontier})
 * @param since            keep models released on or after this day (NaN: no limit)
 * @param until            keep models released on or before this day (NaN: no limit)
 * @param breakDate        break date of the piecewise trend (NaN: estimated)
 * @param kinds            the trend shapes to fit (exponential is always fitted)
 * @param replicates       replicates drawn from published intervals when no bootstrap replicates are given
 * @param intervalLevel    the level of the published per-model intervals (METR: 0.95)
 * @param seed             seed of those draws ({@code Seeds} stream 4)
 * @param threads          threads for refitting replicates; results do not depend on it
 * @param confidenceLevel  level of the reported intervals
 * @param clipMinutes      horizons below this are raised to it before taking logarithms
 */
public record TrendOptions(boolean frontier, double since, double until, double breakDate, Set<TrendKind> kinds,
                           int replicates, double intervalLevel, long seed, int threads, double confidenceLevel,
                           double clipMinutes) {
    /** METR's clip of p50 before the log: 10⁻³ minutes. */
    public static final double METR_CLIP = 1e-3;

    /**
     * Validates and copies.
     *
     * @param frontier        keep only the frontier models ({@link Frontier})
     * @param since           keep models released on or after this day (NaN: no limit)
     * @param until           keep models released on or before this day (NaN: no limit)
     * @param breakDate       break date of the piecewise trend (NaN: estimated)
     * @param kinds           the trend shapes to fit (exponential is always fitted)
     * @param replicates      replicates drawn from published intervals when no bootstrap replicates are given
     * @param intervalLevel   the level of the published per-model intervals (METR: 0.95)
     * @param seed            seed of those draws ({@code Seeds} stream 4)
     * @param threads         threads for refitting replicates; results do not depend on it
     * @param confidenceLevel level of the reported intervals
     * @param clipMinutes     horizons below this are raised to it before taking logarithms
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     */
    public TrendOptions {
        kinds = kinds.isEmpty() ? Set.of(TrendKind.EXPONENTIAL) : Set.copyOf(kinds);
        if (!Double.isNaN(since) && !Double.isNaN(until) && until < since) {
            throw new InvalidOptionException("the date range is empty: " + OptionKey.UNTIL.label() + " is before " + OptionKey.SINCE.label());
        }
        if (replicates < 0) {
            throw new InvalidDataException("replicates must be ≥ 0, got " + replicates);
        }
        if (threads < 1) {
            throw new InvalidDataException("threads must be ≥ 1, got " + threads);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1) || !(intervalLevel > 0 && intervalLevel < 1)) {
            throw new InvalidDataException("confidence levels must lie in (0, 1)");
        }
        if (!(clipMinutes > 0)) {
            throw new InvalidDataException("the clip must be > 0 minutes, got " + clipMinutes);
        }
    }

    /** @return all models, all shapes, 1,000 replicates, 95% intervals */
    public static TrendOptions defaults() {
        return new TrendOptions(false, Double.NaN, Double.NaN, Double.NaN, EnumSet.allOf(TrendKind.class), 1000, 0.95,
                FitOptions.DEFAULT_SEED, Runtime.getRuntime().availableProcessors(), 0.95, METR_CLIP);
    }

    /**
     * @param on keep only frontier models
     * @return a copy
     */
    public TrendOptions withFrontier(boolean on) {
        return new TrendOptions(on, since, until, breakDate, kinds, replicates, intervalLevel, seed, threads, confidenceLevel, clipMinutes);
    }

    /**
     * @param day first release day kept (NaN: none)
     * @return a copy
     */
    public TrendOptions withSince(double day) {
        return new TrendOptions(frontier, day, until, breakDate, kinds, replicates, intervalLevel, seed, threads, confidenceLevel, clipMinutes);
    }

    /**
     * @param day last release day kept (NaN: none)
     * @return a copy
     */
    public TrendOptions withUntil(double day) {
        return new TrendOptions(frontier, since, day, breakDate, kinds, replicates, intervalLevel, seed, threads, confidenceLevel, clipMinutes);
    }

    /**
     * @param day the piecewise trend's break date (NaN: estimate it)
     * @return a copy
     */
    public TrendOptions withBreakDate(double day) {
        return new TrendOptions(frontier, since, until, day, kinds, replicates, intervalLevel, seed, threads, confidenceLevel, clipMinutes);
    }

    /**
     * @param set trend shapes to fit
     * @return a copy
     */
    public TrendOptions withKinds(Set<TrendKind> set) {
        return new TrendOptions(frontier, since, until, breakDate, set, replicates, intervalLevel, seed, threads, confidenceLevel, clipMinutes);
    }

    /**
     * @param n replicates drawn from published intervals
     * @return a copy
     */
    public TrendOptions withReplicates(int n) {
        return new TrendOptions(frontier, since, until, breakDate, kinds, n, intervalLevel, seed, threads, confidenceLevel, clipMinutes);
    }

    /**
     * @param s seed
     * @return a copy
     */
    public TrendOptions withSeed(long s) {
        return new TrendOptions(frontier, since, until, breakDate, kinds, replicates, intervalLevel, s, threads, confidenceLevel, clipMinutes);
    }

    /**
     * @param n threads
     * @return a copy
     */
    public TrendOptions withThreads(int n) {
        return new TrendOptions(frontier, since, until, breakDate, kinds, replicates, intervalLevel, seed, n, confidenceLevel, clipMinutes);
    }

    /**
     * @param level interval level
     * @return a copy
     */
    public TrendOptions withConfidenceLevel(double level) {
        return new TrendOptions(frontier, since, until, breakDate, kinds, replicates, intervalLevel, seed, threads, level, clipMinutes);
    }

    /**
     * @param level the level of the published per-model intervals
     * @return a copy
     */
    public TrendOptions withIntervalLevel(double level) {
        return new TrendOptions(frontier, since, until, breakDate, kinds, replicates, level, seed, threads, confidenceLevel, clipMinutes);
    }
}
