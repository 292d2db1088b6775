package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.scalefit.InvalidDataException;
import org.scalefit.Progress;
import org.scalefit.ScalefitException;
import org.scalefit.data.Dates;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Fitter;
import org.scalefit.stats.Interval;
import org.scalefit.stats.Parallel;
import org.scalefit.stats.Quantiles;
import org.scalefit.stats.Seeds;
import org.scalefit.model.SuperexponentialTrend;
import org.scalefit.stats.Stream;

/**
 * Fits the trend of horizons over release dates — METR's "doubling every 7 months" — and the
 * alternatives it is compared with.
 *
 * <p>Selection: the frontier is chosen among all models first ({@link Frontier}), then the date
 * filters apply, as in METR's pipeline. Fit: ln(max(h, 10⁻³ min)) against the date in days, by OLS
 * for the exponential (doubling time ln 2/slope) and for the piecewise exponential at each
 * candidate break (the break is estimated by profiling the RSS over a daily grid, with at least
 * three models and a year — or a quarter of the date range — on each side, unless fixed); the superexponential by the fitting engine
 * ({@link Fitter} with {@link SuperexponentialTrend}, log space, several starts).
 *
 * <p>Intervals: every shape is refitted to each replicate set of horizons — the bootstrap
 * replicates attached to the points (from runs: {@link UncertaintySource#RUN_BOOTSTRAP}) or, when
 * the points carry only published intervals, draws of each model's ln h from a split normal whose
 * two halves put the published ends at the interval's quantiles
 * ({@link UncertaintySource#PUBLISHED_INTERVALS}; models drawn independently — the real
 * horizons share tasks and are positively correlated, which this ignores). Points with neither (training
 * compute of notable models, say) are resampled themselves, models drawn with replacement
 * ({@link UncertaintySource#MODEL_BOOTSTRAP}, when replicates are asked for and there are at least 10 models). The frontier and the
 * break date's search range stay fixed; a replicate draws from {@code Seeds.random(seed, stream, b)}.
 *
 * <pre>{@code
 * List<HorizonPoint> pts = List.of(
 *         HorizonPoint.of("GPT-2", Dates.toEpochDay("2019-02-14"), 0.0398).withInterval(0.0019, 0.130),
 *         HorizonPoint.of("GPT-4", Dates.toEpochDay("2023-03-14"), 5.35).withInterval(2.52, 10.27),
 *         HorizonPoint.of("o1", Dates.toEpochDay("2024-12-05"), 41.1).withInterval(17.6, 82.9));
 * TrendFit fit = Trends.fit(pts, TrendOptions.defaults().withFrontier(true));
 * System.out.println(fit.doublingTimeDays() + " days, 95% CI " + fit.doublingTimeInterval());
 * }</pre>
 */
public final class Trends {
    private static final int MIN_SUPEREXPONENTIAL = 5;
    /** Fewer models than this resample into too few distinct dates for a pairs bootstrap to mean anything. */
    private static final int MIN_MODEL_BOOTSTRAP = 10;

    private Trends() {
    }

    /**
     * The points of a run-based horizon fit: each fitted model with a release date, its 50% horizon
     * and that horizon's bootstrap replicates (so a trend fit on them refits the replicates,
     * {@link UncertaintySource#RUN_BOOTSTRAP}). Models without a release date or without a finite
     * fit are left out and listed.
     *
     * <pre>{@code
     * Trends.RunPoints rp = Trends.points(horizons, HorizonTable.releaseDates(Path.of("release_dates.yaml")));
     * TrendFit fit = Trends.fit(rp.points(), TrendOptions.defaults().withFrontier(true));
     * }</pre>
     *
     * @param result       per-model horizons (with a bootstrap for intervals)
     * @param releaseDates release dates by model name, days since 1970-01-01
     * @return the points and the models left out
     */
    public static RunPoints points(HorizonResult result, Map<String, Double> releaseDates) {
        List<HorizonPoint> points = new ArrayList<>();
        List<TrendFit.Excluded> left = new ArrayList<>();
        for (ModelHorizon h : result.models()) {
            Double date = releaseDates.get(h.model());
            if (date == null) {
                left.add(new TrendFit.Excluded(h.model(), "no release date"));
            } else if (!h.fitted() || !(h.slope() < 0)) {
                left.add(new TrendFit.Excluded(h.model(), h.fitted() ? "success does not fall with task length"
                        : h.status().describe()));
            } else {
                HorizonPoint p = HorizonPoint.of(h.model(), date, h.p50());
                if (result.bootstrap().isPresent()) {
                    p = p.withReplicates(result.bootstrap().get().horizons(h.model(), 0.5));
                }
                points.add(p);
            }
        }
        return new RunPoints(points, left);
    }

    /**
     * Trend input built from runs.
     *
     * @param points   fitted models with dates, horizons and replicates
     * @param excluded models left out, with reasons
     */
    public record RunPoints(List<HorizonPoint> points, List<TrendFit.Excluded> excluded) {
        /**
         * Copies the lists.
         *
         * @param points   fitted models with dates, horizons and replicates
         * @param excluded models left out, with reasons
         */
        public RunPoints {
            points = List.copyOf(points);
            excluded = List.copyOf(excluded);
        }
    }

    /**
     * Selects, fits and refits.
     *
     * @param points  models with dates and horizons (and intervals or replicates for the CIs)
     * @param options selection, shapes, replicates, seed
     * @return the trend
     * @throws InvalidDataException with fewer than 2 models left, all on one date, or duplicate names
     */
    public static TrendFit fit(List<HorizonPoint> points, TrendOptions options) {
        return fit(points, options, Progress.NONE);
    }

    /**
     * The same trend fit, telling {@code progress} as the replicate refits behind the intervals complete.
     * The result does not depend on the listener.
     *
     * <pre>{@code
     * TrendFit trend = Trends.fit(points, TrendOptions.defaults(), (done, total) -> { });
     * }</pre>
     *
     * @param points   models with dates and horizons (and intervals or replicates for the CIs)
     * @param options  selection, shapes, replicates, seed
     * @param progress told of completed replicate refits
     * @return the trend
     * @throws InvalidDataException with fewer than 2 models left, all on one date, or duplicate names
     */
    public static TrendFit fit(List<HorizonPoint> points, TrendOptions options, Progress progress) {
        Selection selection = select(points, options);
        List<HorizonPoint> used = selection.used();
        String which = selection.which();
        int n = used.size();
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = used.get(i).date();
            y[i] = Math.log(Math.max(used.get(i).minutes(), options.clipMinutes()));
        }
        boolean flat = true;
        for (int i = 1; i < n && flat; i++) {
            flat = y[i] == y[0];
        }
        if (flat) {
            // No growth at all: every statistic below would be 0/0 (an infinite doubling time, R² NaN).
            throw new InvalidDataException("all " + n + " " + which + " have the same horizon ("
                    + org.scalefit.Numbers.format(Math.max(used.get(0).minutes(), options.clipMinutes()), 6)
                    + " minutes): there is no trend to fit");
        }
        List<String> notes = new ArrayList<>();
        Map<TrendKind, TrendCurve> curves = new EnumMap<>(TrendKind.class);
        Map<TrendKind, String> notFitted = new EnumMap<>(TrendKind.class);
        TrendCurve exp = TrendShapes.exponential(t, y, n, t[0]);
        curves.put(TrendKind.EXPONENTIAL, exp);
        fitOtherShapes(t, y, options, which, curves, notFitted);
        Interval ols = TrendShapes.olsInterval(t, y, n, exp, options.confidenceLevel());
        UncertaintySource source = source(used, notes, options);
        int replicateCount = source == UncertaintySource.RUN_BOOTSTRAP ? used.get(0).replicateCount()
                : source == UncertaintySource.NONE ? 0 : options.replicates();
        Map<TrendKind, TrendCurve[]> reps = new EnumMap<>(TrendKind.class);
        if (replicateCount > 0) {
            for (TrendKind k : curves.keySet()) {
                reps.put(k, new TrendCurve[replicateCount]);
            }
            Replicates replicates = new Replicates(source, used, options,
                    Quantiles.normal((1 + options.intervalLevel()) / 2), t, curves);
            Parallel.forEach(options.threads(), replicateCount, b -> replicates.refit(b, reps), progress);
            for (TrendKind k : reps.keySet()) {
                int failed = 0;
                for (TrendCurve c : reps.get(k)) {
                    if (c == null) {
                        failed++;
                    }
                }
                if (failed > 0) {
                    notes.add(k.label() + ": " + failed + " of " + replicateCount + " replicate refits failed and are left out");
                }
            }
        } else if (source == UncertaintySource.NONE) {
            notes.add("no per-model intervals or replicates: only the OLS interval of the doubling time is available");
        }
        return new TrendFit(options, source, used, selection.excluded(), curves, notFitted, reps, replicateCount, ols, notes);
    }

    /**
     * The models a trend is fitted to, in date order, and those left out with the reason.
     *
     * @param used     the models fitted
     * @param excluded the models left out
     * @param which    how messages name them ("models" or "frontier models")
     */
    private record Selection(List<HorizonPoint> used, List<TrendFit.Excluded> excluded, String which) {
    }

    /** Unique names, the frontier if asked for, the date range; at least two models on two dates. */
    private static Selection select(List<HorizonPoint> points, TrendOptions options) {
        Set<String> names = new HashSet<>();
        for (HorizonPoint p : points) {
            if (!names.add(p.model())) {
                throw new InvalidDataException("model \"" + p.model() + "\" appears twice; give each model once");
            }
        }
        List<TrendFit.Excluded> excluded = new ArrayList<>();
        List<HorizonPoint> pool = new ArrayList<>(points);
        pool.sort(Comparator.comparingDouble(HorizonPoint::date));
        if (options.frontier()) {
            List<HorizonPoint> front = Frontier.select(pool);
            for (HorizonPoint p : pool) {
                if (!front.contains(p)) {
                    excluded.add(new TrendFit.Excluded(p.model(), "not on the frontier"));
                }
            }
            pool = new ArrayList<>(front);
        }
        List<HorizonPoint> used = new ArrayList<>();
        for (HorizonPoint p : pool) {
            if (!Double.isNaN(options.since()) && p.date() < options.since()) {
                excluded.add(new TrendFit.Excluded(p.model(), "released before " + Dates.format(options.since())));
            } else if (!Double.isNaN(options.until()) && p.date() > options.until()) {
                excluded.add(new TrendFit.Excluded(p.model(), "released after " + Dates.format(options.until())));
            } else {
                used.add(p);
            }
        }
        String which = options.frontier() ? "frontier models" : "models";
        if (used.size() < 2) {
            throw new InvalidDataException("a trend needs at least 2 " + which + ", found " + used.size()
                    + (points.isEmpty() ? "" : " (of " + points.size() + " models)"));
        }
        if (used.get(0).date() == used.get(used.size() - 1).date()) {
            throw new InvalidDataException("all " + used.size() + " " + which + " have the same release date "
                    + Dates.format(used.get(0).date()) + ": there is no trend to fit");
        }
        return new Selection(used, excluded, which);
    }

    /** The piecewise and superexponential shapes the options ask for, or why each was not fitted. */
    private static void fitOtherShapes(double[] t, double[] y, TrendOptions options, String which,
                                       Map<TrendKind, TrendCurve> curves, Map<TrendKind, String> notFitted) {
        int n = t.length;
        if (options.kinds().contains(TrendKind.PIECEWISE)) {
            TrendCurve pw = Double.isNaN(options.breakDate()) ? TrendShapes.piecewise(t, y, n)
                    : TrendShapes.hinge(t, y, n, options.breakDate(), 4);
            if (pw != null) {
                curves.put(TrendKind.PIECEWISE, pw);
            } else {
                notFitted.put(TrendKind.PIECEWISE, Double.isNaN(options.breakDate())
                        ? "needs at least " + TrendShapes.MIN_SIDE + " " + which + " and a year (or a quarter of the date "
                                + "range) on each side of the break; found " + n + " " + which
                        : "needs at least 2 " + which + " on each side of " + Dates.format(options.breakDate()));
            }
        }
        if (options.kinds().contains(TrendKind.SUPEREXPONENTIAL)) {
            if (n < MIN_SUPEREXPONENTIAL) {
                notFitted.put(TrendKind.SUPEREXPONENTIAL, "needs at least " + MIN_SUPEREXPONENTIAL + " " + which + ", found " + n);
            } else {
                try {
                    TrendCurve se = TrendShapes.superexponential(t, y, n, t[n - 1], null);
                    if (se == null) {
                        notFitted.put(TrendKind.SUPEREXPONENTIAL, "the fit did not converge");
                    } else {
                        curves.put(TrendKind.SUPEREXPONENTIAL, se);
                    }
                } catch (ScalefitException e) {
                    notFitted.put(TrendKind.SUPEREXPONENTIAL, e.getMessage());
                }
            }
        }
    }

    private static UncertaintySource source(List<HorizonPoint> used, List<String> notes, TrendOptions options) {
        int b = used.get(0).replicateCount();
        boolean allReplicates = b > 0;
        boolean allIntervals = true;
        for (HorizonPoint p : used) {
            allReplicates &= p.replicateCount() == b;
            allIntervals &= p.hasInterval();
        }
        if (allReplicates) {
            return UncertaintySource.RUN_BOOTSTRAP;
        }
        if (allIntervals) {
            return UncertaintySource.PUBLISHED_INTERVALS;
        }
        if (b > 0) {
            notes.add("models carry different numbers of bootstrap replicates; they are not used");
        }
        boolean noIntervals = true;
        for (HorizonPoint p : used) {
            noIntervals &= !p.hasInterval() && p.replicateCount() == 0;
        }
        // Only points with no uncertainty of their own are resampled as a whole: a partial set of intervals is a
        // problem of the input, reported as such rather than hidden behind a different method.
        if (noIntervals && options.replicates() > 0 && used.size() >= MIN_MODEL_BOOTSTRAP) {
            return UncertaintySource.MODEL_BOOTSTRAP;
        }
        return UncertaintySource.NONE;
    }

    /**
     * What every replicate refit shares: the uncertainty source, the models and their dates, the options,
     * the normal quantile that turns a published interval into a spread, and the point fit's curves (the
     * superexponential refits start from it; the reference dates stay those of the point fit).
     */
    private record Replicates(UncertaintySource source, List<HorizonPoint> used, TrendOptions options, double z,
                              double[] t, Map<TrendKind, TrendCurve> curves) {
        /** Refits every shape to replicate b; a shape's slot stays null when its refit fails. */
        void refit(int b, Map<TrendKind, TrendCurve[]> reps) {
            int n = used.size();
            double[] tb = new double[n];
            double[] yb = new double[n];
            int m = 0;
            TrendOptions o = options;
            if (source == UncertaintySource.MODEL_BOOTSTRAP) {
                // Models drawn with replacement, kept in date order (the piecewise search walks the dates in order).
                SplittableRandom draw = Seeds.random(o.seed(), Stream.TREND_MODEL_BOOTSTRAP, b);
                int[] pick = new int[n];
                for (int i = 0; i < n; i++) {
                    pick[i] = draw.nextInt(n);
                }
                java.util.Arrays.sort(pick);
                for (int i : pick) {
                    tb[m] = t[i];
                    yb[m] = Math.log(Math.max(used.get(i).minutes(), o.clipMinutes()));
                    m++;
                }
                refitShapes(b, reps, tb, yb, m);
                return;
            }
            SplittableRandom rng = source == UncertaintySource.PUBLISHED_INTERVALS
                    ? Seeds.random(o.seed(), Stream.HORIZON_PARAMETRIC, b) : null;
            for (int i = 0; i < n; i++) {
                HorizonPoint p = used.get(i);
                double h;
                if (rng != null) {
                    double g = rng.nextGaussian();
                    double centre = Math.log(Math.max(p.minutes(), o.clipMinutes()));
                    double lo = Math.log(Math.max(p.lower(), o.clipMinutes()));
                    double hi = Math.log(Math.max(p.upper(), o.clipMinutes()));
                    h = Math.exp(centre + g * (g < 0 ? centre - lo : hi - centre) / z);
                } else {
                    h = p.replicate(b);
                }
                if (Double.isNaN(h) || Double.isInfinite(h)) {
                    continue;
                }
                tb[m] = t[i];
                yb[m] = Math.log(Math.max(h, o.clipMinutes()));
                m++;
            }
            refitShapes(b, reps, tb, yb, m);
        }

        /** Every shape refitted to the first m points of (tb, yb), in date order. */
        private void refitShapes(int b, Map<TrendKind, TrendCurve[]> reps, double[] tb, double[] yb, int m) {
            TrendOptions o = options;
            if (m < 2 || tb[0] == tb[m - 1]) {
                return;
            }
            reps.get(TrendKind.EXPONENTIAL)[b] = TrendShapes.exponential(tb, yb, m, t[0]);
            TrendCurve[] pw = reps.get(TrendKind.PIECEWISE);
            if (pw != null) {
                pw[b] = Double.isNaN(o.breakDate()) ? TrendShapes.piecewise(tb, yb, m) : TrendShapes.hinge(tb, yb, m, o.breakDate(), 4);
            }
            TrendCurve[] se = reps.get(TrendKind.SUPEREXPONENTIAL);
            if (se != null && m >= MIN_SUPEREXPONENTIAL) {
                try {
                    se[b] = TrendShapes.superexponential(tb, yb, m, t[t.length - 1], curves.get(TrendKind.SUPEREXPONENTIAL));
                } catch (ScalefitException e) {
                    se[b] = null;
                }
            }
        }
    }
}
