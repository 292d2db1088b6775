package org.scalefit.horizon;

import java.util.Objects;
import org.scalefit.InvalidDataException;
import org.scalefit.fit.FitOptions;

/**
 * Everything that changes per-model horizons besides the runs. Immutable; start from
 * {@link #defaults()}, which is METR's published setting: diversity ({@code invsqrt}) weights,
 * L2 regularisation 0.1 on the slope (sklearn {@code C = 10}), a 1,000-replicate
 * family → task → run bootstrap and 95% percentile intervals.
 *
 * <pre>{@code
 * HorizonOptions o = HorizonOptions.defaults().withBootstrap(2000).withSeed(7).withThreads(4);
 * }</pre>
 *
 * @param weighting       how runs are weighted (weights sum to 1 per model)
 * @param regularization  the L2 penalty λ on the slope; the objective is ½·b1² + (1/λ)·Σ wᵢ·loglossᵢ
 * @param bootstrap       bootstrap replicates (0 = none)
 * @param resampling      what the bootstrap resamples
 * @param seed            the seed; replicate b draws from {@code Seeds.random(seed, 3, b)}
 * @param threads         threads for the bootstrap; results do not depend on it
 * @param confidenceLevel level of the percentile intervals, e.g. 0.95
 */
public record HorizonOptions(Weighting weighting, double regularization, int bootstrap, Resampling resampling,
                             long seed, int threads, double confidenceLevel) {
    /** METR's regularisation: 0.1, i.e. sklearn C = 10. */
    public static final double METR_REGULARIZATION = 0.1;
    /** METR's bootstrap size. */
    public static final int METR_BOOTSTRAP = 1000;

    /**
     * Validates.
     *
     * @param weighting       how runs are weighted (weights sum to 1 per model)
     * @param regularization  the L2 penalty λ on the slope; the objective is ½·b1² + (1/λ)·Σ wᵢ·loglossᵢ
     * @param bootstrap       bootstrap replicates (0 = none)
     * @param resampling      what the bootstrap resamples
     * @param seed            the seed; replicate b draws from {@code Seeds.random(seed, 3, b)}
     * @param threads         threads for the bootstrap; results do not depend on it
     * @param confidenceLevel level of the percentile intervals, e.g. 0.95
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     * @throws NullPointerException if a required component is null
     */
    public HorizonOptions {
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(resampling, "resampling");
        if (!(regularization > 0) || !Double.isFinite(regularization)) {
            throw new InvalidDataException("regularization must be a finite number > 0, got " + regularization);
        }
        if (bootstrap < 0) {
            throw new InvalidDataException("bootstrap replicates must be ≥ 0, got " + bootstrap);
        }
        if (threads < 1) {
            throw new InvalidDataException("threads must be ≥ 1, got " + threads);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new InvalidDataException("confidence level must lie in (0, 1), got " + confidenceLevel);
        }
    }

    /** @return METR's setting with the default seed and all available processors */
    public static HorizonOptions defaults() {
        return new HorizonOptions(Weighting.INVSQRT, METR_REGULARIZATION, METR_BOOTSTRAP, Resampling.FAMILY_TASK_RUN,
                FitOptions.DEFAULT_SEED, Runtime.getRuntime().availableProcessors(), 0.95);
    }

    /** @return sklearn's C = 1/λ */
    public double c() {
        return 1.0 / regularization;
    }

    /**
     * @param w the weighting
     * @return a copy with it
     */
    public HorizonOptions withWeighting(Weighting w) {
        return new HorizonOptions(w, regularization, bootstrap, resampling, seed, threads, confidenceLevel);
    }

    /**
     * @param lambda the L2 penalty λ (sklearn C = 1/λ)
     * @return a copy with it
     */
    public HorizonOptions withRegularization(double lambda) {
        return new HorizonOptions(weighting, lambda, bootstrap, resampling, seed, threads, confidenceLevel);
    }

    /**
     * @param replicates bootstrap replicates (0 = none)
     * @return a copy with it
     */
    public HorizonOptions withBootstrap(int replicates) {
        return new HorizonOptions(weighting, regularization, replicates, resampling, seed, threads, confidenceLevel);
    }

    /**
     * @param r what the bootstrap resamples
     * @return a copy with it
     */
    public HorizonOptions withResampling(Resampling r) {
        return new HorizonOptions(weighting, regularization, bootstrap, r, seed, threads, confidenceLevel);
    }

    /**
     * @param s the seed
     * @return a copy with it
     */
    public HorizonOptions withSeed(long s) {
        return new HorizonOptions(weighting, regularization, bootstrap, resampling, s, threads, confidenceLevel);
    }

    /**
     * @param n threads
     * @return a copy with it
     */
    public HorizonOptions withThreads(int n) {
        return new HorizonOptions(weighting, regularization, bootstrap, resampling, seed, n, confidenceLevel);
    }

    /**
     * @param level interval level in (0, 1)
     * @return a copy with it
     */
    public HorizonOptions withConfidenceLevel(double level) {
        return new HorizonOptions(weighting, regularization, bootstrap, resampling, seed, threads, level);
    }
}
