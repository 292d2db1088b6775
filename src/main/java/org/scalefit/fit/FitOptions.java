package org.scalefit.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.InvalidDataException;
import org.scalefit.model.Space;

/**
 * Everything that changes the answer of a fit besides the law and the data. Immutable; build it
 * with {@link #builder()} or start from {@link #defaults()}. A {@link Fit} carries the options that
 * produced it, seed included, so a result can always be reproduced.
 *
 * <pre>{@code
 * FitOptions options = FitOptions.builder()
 *         .space(Space.LOG)                 // default for built-in laws
 *         .loss(Loss.huber(1e-3))
 *         .start("alpha", 0.3)
 *         .bound("alpha", new Bound(0, 2))
 *         .fix("E", 1.69)
 *         .starts(Starts.random(20))
 *         .seed(42)
 *         .solver(Solver.AUTO)              // LM for squares, L-BFGS for robust losses
 *         .build();
 * }</pre>
 *
 * @param space           residual space, or null for the law's default
 * @param loss            the loss
 * @param starts          the start strategy
 * @param startValues     user start values by parameter name (override the data-driven guess)
 * @param bounds          bounds by parameter name
 * @param fixed           parameters held at a value by name
 * @param seed            seed for random starts (and anything else random)
 * @param maxIterations   iteration limit of each optimiser run
 * @param threads         threads for multi-start (1 = sequential); results do not depend on it
 * @param confidenceLevel level of the reported intervals, e.g. 0.95
 * @param solver          the optimiser run from each start (default {@link Solver#AUTO})
 * @param stallTolerance  stop a run that crawls: when the best cost fell by less than this many noise
 *                        variances (cost/dof) over the last 50 evaluations, the run ends as converged and
 *                        says so; 0 (the default) turns the test off. Refits from an optimum (bootstrap,
 *                        leave-one-out) and model comparison use {@link #REFIT_STALL_TOLERANCE} = 0.01:
 *                        each 50 evaluations of a crawl along a flat valley then change the likelihood-ratio
 *                        statistic by less than 0.01, against the 3.84 that sets a 95% interval
 */
public record FitOptions(Space space, Loss loss, Starts starts, Map<String, Double> startValues,
                         Map<String, Bound> bounds, Map<String, Double> fixed, long seed, int maxIterations,
                         int threads, double confidenceLevel, Solver solver, double stallTolerance) {

    /** The stall tolerance refits from an optimum use (bootstrap, jackknife, leave-one-out): see {@link #stallTolerance()}. */
    public static final double REFIT_STALL_TOLERANCE = 1e-2;

    /** Default seed, so that a fit without an explicit seed is still reproducible. */
    public static final long DEFAULT_SEED = 20240229L;

    /**
     * Validates and copies the maps.
     *
     * @param space           residual space, or null for the law's default
     * @param loss            the loss
     * @param starts          the start strategy
     * @param startValues     user start values by parameter name (override the data-driven guess)
     * @param bounds          bounds by parameter name
     * @param fixed           parameters held at a value by name
     * @param seed            seed for random starts (and anything else random)
     * @param maxIterations   iteration limit of each optimiser run
     * @param threads         threads for multi-start (1 = sequential); results do not depend on it
     * @param confidenceLevel level of the reported intervals, e.g. 0.95
     * @param solver          the optimiser run from each start (default {@link Solver#AUTO})
     * @param stallTolerance  stop a run that crawls: when the best cost fell by less than this many noise
     *                        variances (cost/dof) over the last 50 evaluations, the run ends as converged and
     *                        says so; 0 (the default) turns the test off. Refits from an optimum (bootstrap,
     *                        leave-one-out) and model comparison use {@link #REFIT_STALL_TOLERANCE} = 0.01:
     *                        each 50 evaluations of a crawl along a flat valley then change the likelihood-ratio
     *                        statistic by less than 0.01, against the 3.84 that sets a 95% interval
     * @throws InvalidDataException if a component is outside its domain (the message says which)
     * @throws NullPointerException if a required component is null
     */
    public FitOptions {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(solver, "solver");
        startValues = Map.copyOf(startValues);
        bounds = Map.copyOf(bounds);
        fixed = Map.copyOf(fixed);
        if (maxIterations < 1) {
            throw new InvalidDataException("maxIterations must be ≥ 1, got " + maxIterations);
        }
        if (threads < 1) {
            throw new InvalidDataException("threads must be ≥ 1, got " + threads);
        }
        if (!(stallTolerance >= 0) || !Double.isFinite(stallTolerance)) {
            throw new InvalidDataException("stall tolerance must be a finite number ≥ 0, got " + stallTolerance);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new InvalidDataException("confidence level must lie in (0, 1), got " + confidenceLevel);
        }
        for (Map.Entry<String, Double> e : fixed.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new InvalidDataException("fixed value of " + e.getKey() + " must be finite, got " + e.getValue());
            }
        }
        for (Map.Entry<String, Double> e : startValues.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new InvalidDataException("start value of " + e.getKey() + " must be finite, got " + e.getValue());
            }
        }
    }

    /** @return squares, law's default space, automatic starts, default seed, 95% intervals */
    public static FitOptions defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.space = space;
        b.loss = loss;
        b.starts = starts;
        b.startValues.putAll(startValues);
        b.bounds.putAll(bounds);
        b.fixed.putAll(fixed);
        b.seed = seed;
        b.maxIterations = maxIterations;
        b.threads = threads;
        b.confidenceLevel = confidenceLevel;
        b.solver = solver;
        b.stallTolerance = stallTolerance;
        return b;
    }

    /** @return the space, if the user chose one */
    public Optional<Space> spaceChoice() {
        return Optional.ofNullable(space);
    }

    /** Builder for {@link FitOptions}. */
    public static final class Builder {
        private Space space;
        private Loss loss = Loss.squares();
        private Starts starts = Starts.auto();
        private final Map<String, Double> startValues = new LinkedHashMap<>();
        private final Map<String, Bound> bounds = new LinkedHashMap<>();
        private final Map<String, Double> fixed = new LinkedHashMap<>();
        private long seed = DEFAULT_SEED;
        private int maxIterations = 2000;
        private int threads = 1;
        private double confidenceLevel = 0.95;
        private Solver solver = Solver.AUTO;
        private double stallTolerance;

        private Builder() {
        }

        /**
         * @param space the residual space; null restores the law's default
         * @return this builder
         */
        public Builder space(Space space) {
            this.space = space;
            return this;
        }

        /**
         * @param loss the loss
         * @return this builder
         */
        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss);
            return this;
        }

        /**
         * @param starts the start strategy
         * @return this builder
         */
        public Builder starts(Starts starts) {
            this.starts = Objects.requireNonNull(starts);
            return this;
        }

        /**
         * @param name  parameter name
         * @param value start value
         * @return this builder
         */
        public Builder start(String name, double value) {
            startValues.put(name, value);
            return this;
        }

        /**
         * @param name  parameter name
         * @param bound the interval
         * @return this builder
         */
        public Builder bound(String name, Bound bound) {
            bounds.put(name, Objects.requireNonNull(bound));
            return this;
        }

        /**
         * @param name  parameter name
         * @param value the value it is held at
         * @return this builder
         */
        public Builder fix(String name, double value) {
            fixed.put(name, value);
            return this;
        }

        /**
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param maxIterations iteration limit per optimiser run
         * @return this builder
         */
        public Builder maxIterations(int maxIterations) {
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * @param threads threads for multi-start
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * @param level confidence level of intervals, e.g. 0.95
         * @return this builder
         */
        public Builder confidenceLevel(double level) {
            this.confidenceLevel = level;
            return this;
        }

        /**
         * @param solver the optimiser run from each start
         * @return this builder
         */
        public Builder solver(Solver solver) {
            this.solver = Objects.requireNonNull(solver);
            return this;
        }

        /**
         * @param tolerance see {@link FitOptions#stallTolerance()}; 0 turns the stall test off
         * @return this builder
         */
        public Builder stallTolerance(double tolerance) {
            this.stallTolerance = tolerance;
            return this;
        }

        /** @return the options */
        public FitOptions build() {
            return new FitOptions(space, loss, starts, startValues, bounds, fixed, seed, maxIterations, threads,
                    confidenceLevel, solver, stallTolerance);
        }
    }
}
