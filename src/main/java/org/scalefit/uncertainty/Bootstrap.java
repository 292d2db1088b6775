package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.Progress;
import org.scalefit.ScalefitException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.stats.Parallel;
import org.scalefit.fit.Refit;
import org.scalefit.fit.WarmRefits;
import org.scalefit.stats.Seeds;
import org.scalefit.fit.Starts;
import org.scalefit.stats.Stream;

/**
 * Bootstrap of any fit: draw replicate data sets, refit the same law with the same options, collect
 * the parameters; then the jackknife (one independent unit left out at a time) that the BCa interval
 * needs for its acceleration.
 *
 * <p>Replicate i draws from {@code Seeds.random(seed, Stream.BOOTSTRAP, i)} and results are stored by index, so
 * the answer is bit-identical on 1 or N threads. Each refit starts from the full-data optimum (a warm
 * start, with the solver's curvature at the full-data optimum: {@link WarmRefits}), which is both faster
 * and keeps replicates in the same basin as the fit they describe. A
 * replicate whose refit throws or does not converge is counted, with its reason, in
 * {@link BootstrapResult#failures()}; it never silently disappears.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new PowerLaw(), data, FitOptions.defaults());
 * BootstrapResult b = Bootstrap.run(fit, Resampler.rows(), 2000, 42, Runtime.getRuntime().availableProcessors());
 * Estimate alpha = b.parameter("alpha", IntervalMethod.BCA);
 * }</pre>
 */
public final class Bootstrap {
    /** Above this many independent units the jackknife deletes blocks of consecutive units instead (delete-d). */
    public static final int MAX_JACKKNIFE_UNITS = 200;

    private Bootstrap() {
    }

    /**
     * @param fit        the full-data fit
     * @param resampler  how replicates are drawn
     * @param replicates number of replicates (≥ 1)
     * @param seed       seed
     * @param threads    worker threads (≥ 1); does not change the result
     * @return the replicate parameters, failures and jackknife
     */
    public static BootstrapResult run(Fit fit, Resampler resampler, int replicates, long seed, int threads) {
        return run(fit, resampler, replicates, seed, threads, Progress.NONE);
    }

    /**
     * The same bootstrap, telling {@code progress} as replicates (then jackknife refits) complete: the
     * total is the replicates plus the jackknife's units. The result does not depend on the listener.
     *
     * <pre>{@code
     * BootstrapResult b = Bootstrap.run(fit, Resampler.rows(), 2000, 42, 4,
     *         (done, total) -> System.err.printf("\r%d/%d", done, total));
     * }</pre>
     *
     * @param fit        the full-data fit
     * @param resampler  how replicates are drawn
     * @param replicates number of replicates (≥ 1)
     * @param seed       seed
     * @param threads    worker threads (≥ 1); does not change the result
     * @param progress   told of completed refits (see {@link Progress})
     * @return the replicate parameters, failures and jackknife
     * @throws InvalidDataException if {@code replicates} &lt; 1 or the resampler cannot draw from this data
     */
    public static BootstrapResult run(Fit fit, Resampler resampler, int replicates, long seed, int threads,
                                      Progress progress) {
        if (replicates < 1) {
            throw new InvalidOptionException(OptionKey.BOOTSTRAP.label() + " needs at least 1 replicate, got " + replicates);
        }
        Observations data = fit.data();
        return collect(fit, resampler.name(), replicates, seed, threads, (i, refits) -> {
            SplittableRandom rng = Seeds.random(seed, Stream.BOOTSTRAP, i);
            int[] rows = resampler.rows(data, rng);
            return rows != null ? refits.rows(rows) : refits.data(resampler.resample(data, rng));
        }, resampler.jackknifeUnits(data), progress);
    }

    /**
     * A bootstrap on given resample indices, e.g. to reproduce another tool's replicates exactly:
     * replicate i fits the rows {@code indices[i]}.
     *
     * <pre>{@code
     * int[][] idx = readIndexMatrix("t2_bootstrap_indices.csv");
     * BootstrapResult b = Bootstrap.fromIndices(fit, idx, 2);
     * }</pre>
     *
     * @param fit     the full-data fit
     * @param indices one row-index array per replicate (each index in [0, n))
     * @param threads worker threads
     * @return the result; its method is {@code given-indices}
     * @throws InvalidDataException if no replicate is given or an index lies outside the data
     */
    public static BootstrapResult fromIndices(Fit fit, int[][] indices, int threads) {
        Observations data = fit.data();
        int n = data.size();
        if (indices.length < 1) {
            throw new InvalidDataException("no resample indices given");
        }
        int[][] copy = new int[indices.length][];
        for (int r = 0; r < indices.length; r++) {
            copy[r] = indices[r].clone();
            for (int i : copy[r]) {
                if (i < 0 || i >= n) {
                    throw new InvalidDataException("resample " + r + " holds index " + i + " outside [0, " + n + ")");
                }
            }
        }
        return collect(fit, "given-indices", copy.length, 0L, threads, (i, refits) -> refits.rows(copy[i]),
                Resampler.rows().jackknifeUnits(data), Progress.NONE);
    }

    /** Draws replicate {@code index} and refits it (on rows of the data by {@code refits}, or on new data). */
    private interface Draw {
        Refit refit(int index, WarmRefits refits);
    }

    private static BootstrapResult collect(Fit fit, String method, int replicates, long seed, int threads, Draw draw,
                                           List<int[]> units, Progress progress) {
        List<int[]> blocks = blocks(units);
        long total = (long) replicates + (blocks.size() < 3 ? 0 : blocks.size());
        WarmRefits refits = WarmRefits.of(fit, warmOptions(fit));
        double[][] params = new double[replicates][];
        String[] failure = new String[replicates];
        Parallel.forEach(threads, replicates, i -> {
            try {
                Refit f = draw.refit(i, refits);
                if (f.converged()) {
                    params[i] = f.values();
                } else {
                    failure[i] = "replicate " + i + ": " + f.convergenceReason();
                }
            } catch (ScalefitException e) {
                failure[i] = "replicate " + i + ": " + e.getMessage();
            }
        }, progress.stage(0, replicates, total));
        List<double[]> ok = new ArrayList<>();
        List<Integer> okIndex = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < replicates; i++) {
            if (params[i] != null) {
                ok.add(params[i]);
                okIndex.add(i);
            } else {
                failures.add(failure[i]);
            }
        }
        double[][] jack = jackknife(fit, refits, blocks, threads, progress.stage(replicates, total - replicates, total));
        return new BootstrapResult(fit, method, ok.toArray(new double[0][]),
                okIndex.stream().mapToInt(Integer::intValue).toArray(), replicates, failures, seed, jack);
    }

    /**
     * Options of a refit that starts at the full-data optimum: one thread (the replicates are the parallel
     * work), and the engine's stall test on unless the user set one (see {@link FitOptions#stallTolerance()}).
     *
     * @param fit the full-data fit
     * @return the refit options
     */
    static FitOptions warmOptions(Fit fit) {
        double stall = fit.options().stallTolerance() > 0 ? fit.options().stallTolerance()
                : FitOptions.REFIT_STALL_TOLERANCE;
        return fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).stallTolerance(stall).build();
    }

    /** At most {@link #MAX_JACKKNIFE_UNITS} units: consecutive units merged into blocks of near-equal count. */
    private static List<int[]> blocks(List<int[]> units) {
        int u = units.size();
        if (u <= MAX_JACKKNIFE_UNITS) {
            return units;
        }
        List<int[]> out = new ArrayList<>(MAX_JACKKNIFE_UNITS);
        for (int b = 0; b < MAX_JACKKNIFE_UNITS; b++) {
            int from = (int) ((long) b * u / MAX_JACKKNIFE_UNITS);
            int to = (int) ((long) (b + 1) * u / MAX_JACKKNIFE_UNITS);
            out.add(Hierarchy.concat(units.subList(from, to)));
        }
        return out;
    }

    /** Leave-one-unit-out refits (warm); a null row where the refit failed or too few points remain. */
    private static double[][] jackknife(Fit fit, WarmRefits refits, List<int[]> units, int threads, Progress progress) {
        Observations data = fit.data();
        int n = data.size();
        double[][] out = new double[units.size()][];
        if (units.size() < 3) {
            return out;
        }
        Parallel.forEach(threads, units.size(), u -> {
            boolean[] drop = new boolean[n];
            for (int i : units.get(u)) {
                drop[i] = true;
            }
            int[] keep = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!drop[i]) {
                    keep[m++] = i;
                }
            }
            if (m <= fit.freeParameters()) {
                return;
            }
            try {
                Refit f = refits.rows(Arrays.copyOf(keep, m));
                if (f.converged()) {
                    out[u] = f.values();
                }
            } catch (ScalefitException e) {
                out[u] = null;
            }
        }, progress);
        return out;
    }

    /**
     * The generator of replicate i's extra randomness (e.g. the noise draw of a bootstrap prediction band),
     * independent of the generator that drew its data.
     *
     * @param seed  the bootstrap seed
     * @param index the replicate index
     * @return the generator
     */
    static SplittableRandom extraRandom(long seed, int index) {
        return Seeds.random(seed, Stream.BOOTSTRAP_EXTRA, index);
    }
}
