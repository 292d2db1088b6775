package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.stats.Interval;
import org.scalefit.stats.Parallel;
import org.scalefit.stats.Quantiles;
import org.scalefit.stats.Seeds;
import org.scalefit.fit.Starts;
import org.scalefit.model.Space;
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
 * horizons share tasks and are positively correlated, which this ignores). The frontier and the
 * break date's search range stay fixed; a replicate draws from {@code Seeds.random(seed, 4, b)}.
 *
 * <pre>{@code
 * List<HorizonPoint> pts = List.of(
 *         HorizonPoint.of("GPT-2", Dates.toEpochDay("2019-02-14"), 0.0398).withInterval(0.0019, 0.130),
 *         HorizonPoint.of("GPT-4", Dates.toEpochDay("2023-03-14"), 5.35).withInterval(2.52, 10.27),
 *         HorizonPoint.of("o1", Dates.toEpochDay("2024-12-05"), 41.1).withInterval(17.6, 82.9));
 * TrendFit fit = Trends.fit(pts, TrendOptions.defaults().withFrontier(true));
 * System.out.println(fit.doublingTimeDays() + " days, 95% CI " + fit.doublingTimeInterval());
 * }</pre>
 *
 * <p>Why one class of about 560 lines: not split yet — its jobs are the trend fits (exponential,
 * superexponential, broken) and their replicate refits; a later step should move the refits into a class
 * that takes one replicate's inputs as a record.
 */
public final class Trends {
    private static final double LN2 = Math.log(2);
    private static final int MIN_SIDE = 3;
    /** An estimated break leaves at least this many days (or a quarter of the date range) on each side. */
    private static final double MIN_SIDE_DAYS = 365;
    private static final int MIN_SUPEREXPONENTIAL = 5;
    private static final double[] RATIO_STARTS = {0.5, 0.75, 0.9, 1.1};

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
        double tref = t[0];
        double tLast = t[n - 1];
        TrendCurve exp = exponential(t, y, n, tref);
        curves.put(TrendKind.EXPONENTIAL, exp);
        if (options.kinds().contains(TrendKind.PIECEWISE)) {
            TrendCurve pw = Double.isNaN(options.breakDate()) ? piecewise(t, y, n) : hinge(t, y, n, options.breakDate(), 4);
            if (pw != null) {
                curves.put(TrendKind.PIECEWISE, pw);
            } else {
                notFitted.put(TrendKind.PIECEWISE, Double.isNaN(options.breakDate())
                        ? "needs at least " + MIN_SIDE + " " + which + " and a year (or a quarter of the date range) on "
                                + "each side of the break; found " + n + " " + which
                        : "needs at least 2 " + which + " on each side of " + Dates.format(options.breakDate()));
            }
        }
        if (options.kinds().contains(TrendKind.SUPEREXPONENTIAL)) {
            if (n < MIN_SUPEREXPONENTIAL) {
                notFitted.put(TrendKind.SUPEREXPONENTIAL, "needs at least " + MIN_SUPEREXPONENTIAL + " " + which + ", found " + n);
            } else {
                try {
                    TrendCurve se = superexponential(t, y, n, tLast, null);
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
        Interval ols = olsInterval(t, y, n, exp, options.confidenceLevel());
        UncertaintySource source = source(used, notes);
        int replicateCount = source == UncertaintySource.RUN_BOOTSTRAP ? used.get(0).replicateCount()
                : source == UncertaintySource.PUBLISHED_INTERVALS ? options.replicates() : 0;
        Map<TrendKind, TrendCurve[]> reps = new EnumMap<>(TrendKind.class);
        if (replicateCount > 0) {
            for (TrendKind k : curves.keySet()) {
                reps.put(k, new TrendCurve[replicateCount]);
            }
            double z = Quantiles.normal((1 + options.intervalLevel()) / 2);
            final UncertaintySource src = source;
            final double fixedBreak = options.breakDate();
            int threads = options.threads();
            Parallel.forEach(threads, replicateCount, b -> refit(b, src, used, options, z, t, tref, tLast, fixedBreak, curves, reps),
                    progress);
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
        return new TrendFit(options, source, used, excluded, curves, notFitted, reps, replicateCount, ols, notes);
    }

    private static UncertaintySource source(List<HorizonPoint> used, List<String> notes) {
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
        return UncertaintySource.NONE;
    }

    /** Refits every shape to replicate b; a shape's slot stays null when its refit fails. */
    private static void refit(int b, UncertaintySource src, List<HorizonPoint> used, TrendOptions o, double z, double[] t,
                              double tref, double tLast, double fixedBreak, Map<TrendKind, TrendCurve> curves,
                              Map<TrendKind, TrendCurve[]> reps) {
        int n = used.size();
        double[] tb = new double[n];
        double[] yb = new double[n];
        int m = 0;
        SplittableRandom rng = src == UncertaintySource.PUBLISHED_INTERVALS ? Seeds.random(o.seed(), Stream.HORIZON_PARAMETRIC, b) : null;
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
        if (m < 2 || tb[0] == tb[m - 1]) {
            return;
        }
        reps.get(TrendKind.EXPONENTIAL)[b] = exponential(tb, yb, m, tref);
        TrendCurve[] pw = reps.get(TrendKind.PIECEWISE);
        if (pw != null) {
            pw[b] = Double.isNaN(fixedBreak) ? piecewise(tb, yb, m) : hinge(tb, yb, m, fixedBreak, 4);
        }
        TrendCurve[] se = reps.get(TrendKind.SUPEREXPONENTIAL);
        if (se != null && m >= MIN_SUPEREXPONENTIAL) {
            try {
                se[b] = superexponential(tb, yb, m, tLast, curves.get(TrendKind.SUPEREXPONENTIAL));
            } catch (ScalefitException e) {
                se[b] = null;
            }
        }
    }

    /** OLS of y on t: the exponential trend, referenced to tref. */
    static TrendCurve exponential(double[] t, double[] y, int n, double tref) {
        double mu = 0;
        double mv = 0;
        for (int i = 0; i < n; i++) {
            mu += t[i] - tref;
            mv += y[i];
        }
        mu /= n;
        mv /= n;
        double suu = 0;
        double suv = 0;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double du = t[i] - tref - mu;
            double dv = y[i] - mv;
            suu += du * du;
            suv += du * dv;
            tss += dv * dv;
        }
        double b = suv / suu;
        double a = mv - b * mu;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - a - b * (t[i] - tref);
            rss += r * r;
        }
        return new TrendCurve(TrendKind.EXPONENTIAL, new double[] {a, b, tref}, n, rss, tss, 3);
    }

    /**
     * The continuous two-segment fit with the break at {@code breakDay}, or null when a side has
     * fewer than two points (counting a point on the break on both sides).
     */
    static TrendCurve hinge(double[] t, double[] y, int n, double breakDay, int k) {
        double[] beta = new double[4];
        if (!hingeSolve(t, y, n, breakDay, beta)) {
            return null;
        }
        double my = 0;
        for (int i = 0; i < n; i++) {
            my += y[i];
        }
        my /= n;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            tss += (y[i] - my) * (y[i] - my);
        }
        return new TrendCurve(TrendKind.PIECEWISE, new double[] {beta[0], beta[1] / Dates.DAYS_PER_YEAR,
                beta[2] / Dates.DAYS_PER_YEAR, breakDay}, n, beta[3], tss, k);
    }

    /**
     * Least squares of y on 1, min(u, 0), max(u, 0) with u = (t − breakDay) in years (for
     * conditioning), by the 3×3 normal equations; writes {a, b₁, b₂ (per year), RSS} into out.
     *
     * @return false when a side has fewer than two points or the system is singular
     */
    private static boolean hingeSolve(double[] t, double[] y, int n, double breakDay, double[] out) {
        int left = 0;
        int right = 0;
        double s1l = 0;
        double s1r = 0;
        double sll = 0;
        double srr = 0;
        double s1y = 0;
        double sly = 0;
        double sry = 0;
        for (int i = 0; i < n; i++) {
            double u = (t[i] - breakDay) / Dates.DAYS_PER_YEAR;
            if (u <= 0) {
                left++;
            }
            if (u >= 0) {
                right++;
            }
            double l = Math.min(u, 0);
            double r = Math.max(u, 0);
            s1l += l;
            s1r += r;
            sll += l * l;
            srr += r * r;
            s1y += y[i];
            sly += l * y[i];
            sry += r * y[i];
        }
        if (left < 2 || right < 2) {
            return false;
        }
        // Eliminate the intercept: the 2×2 system of the centred segment columns.
        double a11 = sll - s1l * s1l / n;
        double a12 = -s1l * s1r / n;
        double a22 = srr - s1r * s1r / n;
        double c1 = sly - s1l * s1y / n;
        double c2 = sry - s1r * s1y / n;
        double det = a11 * a22 - a12 * a12;
        if (!(det > 1e-12 * Math.max(1e-300, a11 * a22))) {
            return false;
        }
        double b1 = (a22 * c1 - a12 * c2) / det;
        double b2 = (a11 * c2 - a12 * c1) / det;
        double a = (s1y - b1 * s1l - b2 * s1r) / n;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double u = (t[i] - breakDay) / Dates.DAYS_PER_YEAR;
            double r = y[i] - a - b1 * Math.min(u, 0) - b2 * Math.max(u, 0);
            rss += r * r;
        }
        out[0] = a;
        out[1] = b1;
        out[2] = b2;
        out[3] = rss;
        return true;
    }

    /**
     * The piecewise fit with the break estimated: the RSS profiled over a weekly grid of break
     * dates (and the data dates) refined daily around the best. A candidate break leaves at least
     * {@value #MIN_SIDE} models and at least a year (or a quarter of the date range, if shorter) on
     * each side, so that neither segment's slope rests on a few models released within weeks of
     * each other. Null when no date qualifies.
     */
    static TrendCurve piecewise(double[] t, double[] y, int n) {
        if (n < 2 * MIN_SIDE) {
            return null;
        }
        double[] s = Arrays.copyOf(t, n);
        Arrays.sort(s);
        double span = Math.min(MIN_SIDE_DAYS, (s[n - 1] - s[0]) / 4);
        double lo = Math.max(s[MIN_SIDE - 1], s[0] + span);
        double hi = Math.min(s[n - MIN_SIDE], s[n - 1] - span);
        if (!(hi > lo)) {
            return null;
        }
        double[] work = new double[4];
        double bestRss = Double.POSITIVE_INFINITY;
        double best = Double.NaN;
        for (double d = lo; d <= hi; d += 7) {
            if (hingeSolve(t, y, n, d, work) && work[3] < bestRss) {
                bestRss = work[3];
                best = d;
            }
        }
        for (int i = MIN_SIDE - 1; i <= n - MIN_SIDE; i++) {
            if (s[i] >= lo && s[i] <= hi && hingeSolve(t, y, n, s[i], work) && work[3] < bestRss) {
                bestRss = work[3];
                best = s[i];
            }
        }
        if (Double.isNaN(best)) {
            return null;
        }
        double centre = best;
        for (double d = Math.max(lo, centre - 7); d <= Math.min(hi, centre + 7); d += 1) {
            if (hingeSolve(t, y, n, d, work) && work[3] < bestRss) {
                bestRss = work[3];
                best = d;
            }
        }
        return hinge(t, y, n, best, 5);
    }

    /**
     * The superexponential through the fitting engine: from several ratios (point fit) or warm
     * from the point estimate (replicates). Null when it does not converge.
     */
    static TrendCurve superexponential(double[] t, double[] y, int n, double t0, TrendCurve warm) {
        double[] tt = Arrays.copyOf(t, n);
        double[] h = new double[n];
        double my = 0;
        for (int i = 0; i < n; i++) {
            h[i] = Math.exp(y[i]);
            my += y[i];
        }
        my /= n;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            tss += (y[i] - my) * (y[i] - my);
        }
        Observations obs = Observations.builder().source("horizons").predictor("t", "release_date", tt)
                .response("horizon", h).build();
        SuperexponentialTrend law = new SuperexponentialTrend(t0);
        Starts starts;
        if (warm != null) {
            double[] w = warm.raw();
            starts = Starts.warm(new double[] {Math.exp(w[0]), w[1], Math.exp(w[2])});
        } else {
            double[] g = law.initialGuess(obs);
            List<double[]> extra = new ArrayList<>();
            for (double r : RATIO_STARTS) {
                extra.add(new double[] {g[0], g[1], r});
            }
            starts = new Starts(false, 0, extra, "ratios");
        }
        FitOptions fo = FitOptions.builder().space(Space.LOG).starts(starts).threads(1).build();
        Fit fit = Fitter.fit(law, obs, fo);
        if (!fit.converged()) {
            return null;
        }
        double[] p = fit.values();
        return new TrendCurve(TrendKind.SUPEREXPONENTIAL, new double[] {Math.log(p[0]), p[1], Math.log(p[2]), t0}, n,
                fit.rss(), tss, 4);
    }

    /** The OLS t-interval of the exponential slope, mapped to a doubling time. */
    private static Interval olsInterval(double[] t, double[] y, int n, TrendCurve exp, double level) {
        if (n < 3) {
            return Interval.none(level);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += t[i];
        }
        mean /= n;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxx += (t[i] - mean) * (t[i] - mean);
        }
        double se = Math.sqrt(exp.rss() / (n - 2) / sxx);
        double q = Quantiles.t((1 + level) / 2, n - 2);
        double b = exp.slopePerDay();
        double lo = b - q * se;
        double hi = b + q * se;
        return new Interval(hi > 0 ? LN2 / hi : Double.POSITIVE_INFINITY, lo > 0 ? LN2 / lo : Double.POSITIVE_INFINITY,
                level, n, 0);
    }
}
