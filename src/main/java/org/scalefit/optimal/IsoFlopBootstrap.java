package org.scalefit.optimal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.scalefit.InvalidDataException;
import org.scalefit.Progress;
import org.scalefit.stats.Interval;
import org.scalefit.stats.Parallel;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * Percentile-bootstrap intervals for an IsoFLOP fit (Hoffmann et al.'s Approach 2): every replicate resamples, with
 * replacement, the runs within each budget (keeping each budget's run count), refits every parabola and the power
 * laws through their minima, and reads N_opt and D_opt off at the requested compute. Replicate b draws from
 * {@code Seeds.random(seed, Stream.ISOFLOP_BOOTSTRAP, b)} alone, so the intervals are the same on any number of
 * threads. A replicate in which a budget that had a minimum in the fit has none (the parabola opens downward, or
 * fewer than 3 distinct sizes were drawn) has no power law; it is counted in {@link Result#withoutMinimum()} and left
 * out of the intervals, as in the peer (Epoch's runs: 18 of 2,000).
 *
 * <pre>{@code
 * IsoFlop.Result fit = IsoFlop.fit(flops, params, loss, IsoFlop.hoffmannBudgets(), 0.1);
 * IsoFlopBootstrap.Result boot = IsoFlopBootstrap.run(fit, params, loss, new double[] {IsoFlop.GOPHER_FLOPS},
 *         2000, 2022, 0.95, 4, Progress.NONE);
 * Interval a = boot.a();                      // about [0.43, 0.52] on Epoch's runs
 * Interval nAtGopher = boot.nOpt().get(0);
 * }</pre>
 */
public final class IsoFlopBootstrap {
    private IsoFlopBootstrap() {
    }

    /**
     * The replicates' intervals.
     *
     * @param requested      replicates drawn
     * @param withoutMinimum replicates in which some budget had no minimum (left out)
     * @param seed           the seed
     * @param level          the confidence level of the intervals
     * @param a              interval of the exponent a in N_opt ∝ C^a
     * @param b              interval of the exponent b in D_opt ∝ C^b
     * @param at             the compute values read off at, FLOP
     * @param nOpt           interval of N_opt at each {@code at}
     * @param dOpt           interval of D_opt at each {@code at}
     */
    public record Result(int requested, int withoutMinimum, long seed, double level, Interval a, Interval b, double[] at,
                         List<Interval> nOpt, List<Interval> dOpt) {
        /**
         * Copies the arrays and lists.
         *
         * @param requested      replicates drawn
         * @param withoutMinimum replicates in which some budget had no minimum (left out)
         * @param seed           the seed
         * @param level          the confidence level of the intervals
         * @param a              interval of the exponent a
         * @param b              interval of the exponent b
         * @param at             the compute values read off at
         * @param nOpt           interval of N_opt at each {@code at}
         * @param dOpt           interval of D_opt at each {@code at}
         */
        public Result {
            at = at.clone();
            nOpt = List.copyOf(nOpt);
            dOpt = List.copyOf(dOpt);
        }

        /** @return the compute values read off at, a copy */
        @Override
        public double[] at() {
            return at.clone();
        }

        /** @return the replicates that entered the intervals */
        public int used() {
            return requested - withoutMinimum;
        }
    }

    /**
     * Runs the bootstrap.
     *
     * @param fit        the IsoFLOP fit (its profiles say which runs form each budget)
     * @param params     the model sizes the fit was made from
     * @param loss       the losses the fit was made from
     * @param at         compute values (FLOP, &gt; 0) at which to read N_opt and D_opt off
     * @param replicates number of resamples (≥ 1)
     * @param seed       the seed
     * @param level      confidence level of the percentile intervals, in (0, 1)
     * @param threads    worker threads (the result does not depend on it)
     * @param progress   told of each finished replicate
     * @return the intervals
     * @throws InvalidDataException for bad arguments, or arrays that do not match the fit
     */
    public static Result run(IsoFlop.Result fit, double[] params, double[] loss, double[] at, int replicates, long seed,
                             double level, int threads, Progress progress) {
        if (replicates < 1) {
            throw new InvalidDataException("the IsoFLOP bootstrap needs at least 1 replicate, got " + replicates);
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidDataException("the confidence level must lie in (0, 1), got " + level);
        }
        if (params.length != loss.length) {
            throw new InvalidDataException("params and loss differ in length: " + params.length + " and " + loss.length);
        }
        for (double c : at) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new InvalidDataException("compute to read N_opt off at must be finite and > 0, got " + c);
            }
        }
        List<IsoFlop.Profile> profiles = fit.profiles();
        for (IsoFlop.Profile p : profiles) {
            for (int i : p.runs()) {
                if (i >= params.length) {
                    throw new InvalidDataException("the IsoFLOP fit refers to run " + (i + 1) + " but only " + params.length
                            + " runs were given");
                }
            }
        }
        int k = at.length;
        double[] as = new double[replicates];
        double[] bs = new double[replicates];
        double[][] ns = new double[k][replicates];
        double[][] ds = new double[k][replicates];
        Parallel.forEach(threads, replicates, r -> {
            IsoFlop.Result rep = replicate(profiles, params, loss, Seeds.random(seed, Stream.ISOFLOP_BOOTSTRAP, r));
            as[r] = rep == null ? Double.NaN : rep.nOpt().exponent();
            bs[r] = rep == null ? Double.NaN : rep.dOpt().exponent();
            for (int j = 0; j < k; j++) {
                ns[j][r] = rep == null ? Double.NaN : rep.nOptAt(at[j]);
                ds[j][r] = rep == null ? Double.NaN : rep.dOptAt(at[j]);
            }
        }, progress);
        int failed = (int) Arrays.stream(as).filter(Double::isNaN).count();
        List<Interval> nOpt = new ArrayList<>();
        List<Interval> dOpt = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            nOpt.add(Interval.percentile(ns[j], level));
            dOpt.add(Interval.percentile(ds[j], level));
        }
        return new Result(replicates, failed, seed, level, Interval.percentile(as, level), Interval.percentile(bs, level),
                at, nOpt, dOpt);
    }

    /** One resample: each budget's runs drawn with replacement; null when a budget valid in the fit has no minimum. */
    private static IsoFlop.Result replicate(List<IsoFlop.Profile> profiles, double[] params, double[] loss,
                                            SplittableRandom rng) {
        List<IsoFlop.Profile> out = new ArrayList<>(profiles.size());
        for (IsoFlop.Profile p : profiles) {
            int[] runs = p.runs();
            int[] drawn = new int[runs.length];
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = runs[rng.nextInt(runs.length)];
            }
            if (!p.valid()) {
                // A budget without a minimum in the fit stays out of every replicate's power laws, as in the fit.
                out.add(p);
                continue;
            }
            IsoFlop.Profile q = IsoFlop.profile(p.compute(), sortedBySize(drawn, params), params, loss);
            if (!q.valid()) {
                return null;
            }
            out.add(q);
        }
        return IsoFlop.powerLaws(out, List.of(), 0);
    }

    private static int[] sortedBySize(int[] idx, double[] params) {
        Integer[] boxed = Arrays.stream(idx).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (x, y) -> Double.compare(params[x], params[y]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
