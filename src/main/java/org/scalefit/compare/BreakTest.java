package org.scalefit.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.Numbers;
import org.scalefit.OptionKey;
import org.scalefit.Progress;
import org.scalefit.data.Observations;
import org.scalefit.stats.Parallel;
import org.scalefit.stats.Quantiles;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * "Are we off the curve?" Tests ordered data (by x, which may be a date) for a break in a log-linear
 * trend — a power law (ln y linear in ln x) or an exponential / doubling trend (ln y linear in x) — with
 * two checks, each at half the requested false-alarm rate (Bonferroni), so that together they cry wolf
 * at most at the nominal level on a clean trend with Gaussian noise.
 *
 * <p><b>1. Single versus broken trend.</b> The broken trend is continuous with a change of slope at τ
 * (ln y = a + b·u + c·max(u − τ, 0), u = ln x or x). For each τ on a grid of 100 points across the data
 * (at least max(3, 15%) of the points on each side) the likelihood ratio is LR(τ) = n·ln(RSS₁/RSS_τ).
 * Its maximum over τ does <i>not</i> follow the χ² of a fixed break (that would reject far too often: the
 * Davies problem), so its null distribution is simulated: under a single trend with Gaussian noise the
 * statistic depends neither on the trend's parameters nor on the noise level, only on the design, so
 * drawing standard normal noise on the same x, residualising and taking the same maximum gives an exact
 * Monte Carlo p-value, (1 + #{simulated ≥ observed}) / (B + 1).
 *
 * <p><b>2. Do the later points follow the earlier trend?</b> The trend is fitted to all but the last k
 * points (default a third); each of the k gets its prediction interval, and Chow's predictive F test,
 * ((RSS_all − RSS_early)/k) / (RSS_early/(n − k − 2)) ~ F(k, n − k − 2), asks whether they fit jointly.
 *
 * <p>The most likely break location is the τ that maximises the profile likelihood. Its interval holds the
 * τ whose LR lies within a cutoff of the maximum; the cutoff is calibrated by simulating the fitted broken
 * trend (the (1 − level) quantile of how far the maximum rises above the LR at the true break), because
 * the χ²₁ quantile of a regular parameter undercovers a kink placed among a few points. With no bend the
 * interval is wide or reaches the edge of the searched range, and says so.
 *
 * <pre>{@code
 * BreakResult r = BreakTest.run(data, BreakOptions.defaults());
 * System.out.println(r.verdict());
 * }</pre>
 *
 * <p>Why one class of about 460 lines: the break statistic, its null simulations and the holdout test
 * share the projected design matrices of one data set.
 */
public final class BreakTest {
    /** Candidate break locations on the grid. */
    public static final int GRID = 100;
    /** Fewest points the test needs. */
    public static final int MIN_POINTS = 8;

    private BreakTest() {
    }

    /**
     * @param data    observations with one predictor and y &gt; 0 (x &gt; 0 for a power law)
     * @param options trend, level, holdout, simulations
     * @return the decision, the location of the most likely break and both checks
     * @throws InvalidDataException for too few points, non-positive values, or a holdout that leaves too few
     */
    public static BreakResult run(Observations data, BreakOptions options) {
        return run(data, options, Progress.NONE);
    }

    /**
     * The same test, telling {@code progress} as the Monte Carlo simulations complete (two sets of
     * {@link BreakOptions#simulations()} draws: the null distribution, then the location cutoff). The
     * result does not depend on the listener.
     *
     * <pre>{@code
     * BreakResult r = BreakTest.run(data, BreakOptions.defaults(), (done, total) -> { });
     * }</pre>
     *
     * @param data     observations with one predictor and y &gt; 0 (x &gt; 0 for a power law)
     * @param options  trend, level, holdout, simulations
     * @param progress told of completed simulations
     * @return the decision, the location of the most likely break and both checks
     * @throws InvalidDataException for too few points, non-positive values, or a holdout that leaves too few
     */
    public static BreakResult run(Observations data, BreakOptions options, Progress progress) {
        int n = data.size();
        if (data.predictorCount() != 1) {
            throw new InvalidDataException("breaks takes one predictor, got " + data.predictorCount());
        }
        if (n < MIN_POINTS) {
            throw new InvalidDataException("breaks needs at least " + MIN_POINTS + " points to compare a single trend with a "
                    + "broken one; " + data.source() + " has " + n);
        }
        int k = options.holdout() == 0 ? Math.max(1, (int) Math.round(n / 3.0)) : options.holdout();
        if (n - k < 4) {
            throw new InvalidOptionException(OptionKey.HOLDOUT.with(String.valueOf(k)) + " leaves " + (n - k) + " points to fit the earlier trend; "
                    + "it needs at least 4 (" + data.source() + " has " + n + ")");
        }
        int[] order = sortedOrder(data);
        double[] u = new double[n];
        double[] v = new double[n];
        double[] sw = new double[n];
        for (int r = 0; r < n; r++) {
            int i = order[r];
            double x = data.x(i);
            if (options.logX() && !(x > 0)) {
                throw new InvalidDataException("a power-law trend needs x > 0: " + data.where(i, data.predictorColumn(0))
                        + " is " + x);
            }
            if (!(data.y(i) > 0)) {
                throw new InvalidDataException("breaks fits ln y and needs y > 0: " + data.where(i, data.responseColumn())
                        + " is " + data.y(i));
            }
            u[r] = options.logX() ? Math.log(x) : x;
            v[r] = Math.log(data.y(i));
            sw[r] = Math.sqrt(data.weight(i));
        }
        if (!(u[n - 1] > u[0])) {
            throw new InvalidDataException("all x in " + data.source() + " are equal: there is no trend to break");
        }
        boolean allEqual = true;
        for (int i = 1; i < n && allEqual; i++) {
            allEqual = data.y(i) == data.y(0);
        }
        if (allEqual) {
            throw new InvalidDataException("all " + n + " values of \"" + data.responseColumn() + "\" in " + data.source()
                    + " are equal (" + data.y(0) + "): there is no trend to fit");
        }
        Design design = new Design(u, sw);
        int m = Math.max(3, (int) Math.ceil(0.15 * n));
        double lo = u[m - 1];
        double hi = u[n - m];
        if (!(hi > lo)) {
            throw new InvalidDataException("too few distinct x in " + data.source() + " to place a break with " + m
                    + " points on each side");
        }
        double[] taus = new double[GRID];
        double[][] hTilde = new double[GRID][];
        double[] hNorm = new double[GRID];
        for (int g = 0; g < GRID; g++) {
            taus[g] = lo + (hi - lo) * g / (GRID - 1);
            double[] h = new double[n];
            for (int r = 0; r < n; r++) {
                h[r] = sw[r] * Math.max(u[r] - taus[g], 0);
            }
            hTilde[g] = design.residualise(h);
            hNorm[g] = dot(hTilde[g], hTilde[g]);
        }
        double[] vw = new double[n];
        for (int r = 0; r < n; r++) {
            vw[r] = sw[r] * v[r];
        }
        double[] e = design.residualise(vw);
        double rss0 = dot(e, e);
        double scale = 0;
        for (double vi : vw) {
            scale += vi * vi;
        }
        if (rss0 <= 1e-24 * (n + scale)) {
            // Residuals at rounding level: every statistic below would be a ratio of rounding errors.
            throw new InvalidDataException("the " + n + " points of " + data.source() + " lie exactly on one "
                    + options.trend() + " trend (residuals at rounding level): there is no scatter to test a break against");
        }
        double[] profile = new double[GRID];
        int best = 0;
        for (int g = 0; g < GRID; g++) {
            profile[g] = lr(e, rss0, hTilde[g], hNorm[g], n);
            if (profile[g] > profile[best]) {
                best = g;
            }
        }
        double observed = profile[best];
        int b = options.simulations();
        double[] simulated = new double[b];
        Parallel.forEach(options.threads(), b, s -> {
            SplittableRandom rng = Seeds.random(options.seed(), Stream.BREAK_NULL, s);
            double[] z = new double[n];
            for (int r = 0; r < n; r++) {
                z[r] = rng.nextGaussian();
            }
            double[] ez = design.residualise(z);
            double r0 = dot(ez, ez);
            double max = 0;
            for (int g = 0; g < GRID; g++) {
                max = Math.max(max, lr(ez, r0, hTilde[g], hNorm[g], n));
            }
            simulated[s] = max;
        }, progress.stage(0, b, 2L * b));
        int exceed = 0;
        for (double s : simulated) {
            if (s >= observed) {
                exceed++;
            }
        }
        double pLr = (1.0 + exceed) / (b + 1.0);

        double crit = locationCutoff(design, e, rss0, hTilde, hNorm, best, n, options, progress.stage(b, b, 2L * b));
        int left = best;
        while (left > 0 && observed - profile[left - 1] <= crit) {
            left--;
        }
        int right = best;
        while (right < GRID - 1 && observed - profile[right + 1] <= crit) {
            right++;
        }
        boolean atEdge = left == 0 || right == GRID - 1;
        double[] slopes = brokenSlopes(u, v, sw, taus[best]);

        Prediction check = predictionCheck(data, order, u, v, sw, n - k, options.level());
        boolean detected = pLr < options.level() / 2 || check.pValue < options.level() / 2;
        double location = toX(taus[best], options);
        double locLo = toX(taus[left], options);
        double locHi = toX(taus[right], options);
        String verdict = verdict(detected, options, data, observed, pLr, b, check, k, location, locLo, locHi, atEdge,
                slopes);
        return new BreakResult(detected, verdict, options.trend(), n, options.level(), location, locLo, locHi, atEdge,
                observed, pLr, b, observed - 4, slopes[0], slopes[1], n - k, k, check.outside,
                options.level() * k, check.f, check.pValue);
    }

    /**
     * The cutoff of the profile-likelihood interval for the break location, calibrated by simulation: data
     * are drawn from the fitted broken trend (slope change γ̂ at τ̂, noise σ̂² = RSS_τ̂/(n − 4)), and the
     * cutoff is the (1 − level) quantile of max_τ LR*(τ) − LR*(τ̂). The χ²₁ quantile it replaces assumes a
     * regular parameter and undercovers for a kink located between a few points.
     */
    private static double locationCutoff(Design design, double[] e, double rss0, double[][] hTilde, double[] hNorm, int best, int n,
                                         BreakOptions options, Progress progress) {
        double c = dot(e, hTilde[best]);
        double gamma = hNorm[best] > 0 ? c / hNorm[best] : 0;
        double rss1 = Math.max(rss0 - c * gamma, 0);
        double sigma = Math.sqrt(rss1 / Math.max(n - 4, 1));
        int b = options.simulations();
        double[] gap = new double[b];
        double[] signal = hTilde[best];
        Parallel.forEach(options.threads(), b, s -> {
            SplittableRandom rng = Seeds.random(options.seed(), Stream.BREAK_GAP, s);
            double[] z = new double[n];
            for (int r = 0; r < n; r++) {
                z[r] = rng.nextGaussian();
            }
            // Noise projected off [1, u]; the broken trend's own [1, u] part is removed by the projection too.
            double[] ez = design.residualise(z);
            double[] es = new double[n];
            for (int r = 0; r < n; r++) {
                es[r] = gamma * signal[r] + sigma * ez[r];
            }
            double r0 = dot(es, es);
            double max = 0;
            for (int g = 0; g < hTilde.length; g++) {
                max = Math.max(max, lr(es, r0, hTilde[g], hNorm[g], n));
            }
            gap[s] = max - lr(es, r0, hTilde[best], hNorm[best], n);
        }, progress);
        java.util.Arrays.sort(gap);
        return Quantiles.percentile(gap, 1 - options.level());
    }

    private static double toX(double tau, BreakOptions options) {
        return options.logX() ? Math.exp(tau) : tau;
    }

    /** n·ln(RSS₀ / RSS_τ) with RSS_τ = RSS₀ − (eᵀh̃)²/|h̃|². */
    private static double lr(double[] e, double rss0, double[] h, double hn, int n) {
        if (!(hn > 0) || !(rss0 > 0)) {
            return 0;
        }
        double c = dot(e, h);
        double rss1 = Math.max(rss0 - c * c / hn, rss0 * 1e-300);
        return n * Math.log(rss0 / rss1);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static int[] sortedOrder(Observations data) {
        Integer[] idx = new Integer[data.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, c) -> {
            int cmp = Double.compare(data.x(a), data.x(c));
            return cmp != 0 ? cmp : Integer.compare(a, c);
        });
        int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** Slopes of ln y before and after a break at τ, from the weighted fit of [1, u, max(u − τ, 0)]. */
    private static double[] brokenSlopes(double[] u, double[] v, double[] sw, double tau) {
        double[][] a = new double[3][3];
        double[] rhs = new double[3];
        double mean = 0;
        for (double x : u) {
            mean += x / u.length;
        }
        for (int r = 0; r < u.length; r++) {
            double[] row = {sw[r], sw[r] * (u[r] - mean), sw[r] * Math.max(u[r] - tau, 0)};
            for (int i = 0; i < 3; i++) {
                rhs[i] += row[i] * sw[r] * v[r];
                for (int j = 0; j < 3; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        double[] beta = solve3(a, rhs);
        return new double[] {beta[1], beta[1] + beta[2]};
    }

    private static double[] solve3(double[][] a, double[] b) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int r = 0; r < 3; r++) {
                m[r][c] = b[r];
            }
            x[c] = (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                    - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])) / det;
        }
        return x;
    }

    private record Prediction(List<BreakResult.OutsidePoint> outside, double f, double pValue) {
    }

    /** Fits the first {@code trained} points and checks the rest against their prediction intervals. */
    private static Prediction predictionCheck(Observations data, int[] order, double[] u, double[] v, double[] sw,
                                              int trained, double level) {
        int n = u.length;
        double[] ut = java.util.Arrays.copyOf(u, trained);
        double[] swt = java.util.Arrays.copyOf(sw, trained);
        Design early = new Design(ut, swt);
        double[] vt = new double[trained];
        for (int r = 0; r < trained; r++) {
            vt[r] = sw[r] * v[r];
        }
        double[] et = early.residualise(vt);
        double rssEarly = dot(et, et);
        double[] vw = new double[n];
        for (int r = 0; r < n; r++) {
            vw[r] = sw[r] * v[r];
        }
        double[] ea = new Design(u, sw).residualise(vw);
        double rssAll = dot(ea, ea);
        int dof = trained - 2;
        int k = n - trained;
        double s2 = rssEarly / dof;
        double f = ((rssAll - rssEarly) / k) / s2;
        double p = s2 > 0 ? Quantiles.fSurvival(f, k, dof) : Double.NaN;
        double t = Quantiles.t(1 - level / 2, dof);
        double[] coef = early.coefficients(vt);
        List<BreakResult.OutsidePoint> outside = new ArrayList<>();
        for (int r = trained; r < n; r++) {
            double pred = coef[0] + coef[1] * (u[r] - early.mean);
            double var = s2 * (1 / (sw[r] * sw[r]) + early.leverage(u[r]));
            double half = t * Math.sqrt(var);
            if (Math.abs(v[r] - pred) > half) {
                int i = order[r];
                outside.add(new BreakResult.OutsidePoint(data.row(i), data.x(i), data.y(i), Math.exp(pred),
                        Math.exp(pred - half), Math.exp(pred + half)));
            }
        }
        return new Prediction(outside, f, p);
    }

    /**
     * Weighted regression on [1, u − ū] (ū the weighted mean, so the two columns are orthogonal and the
     * normal equations exact even for u = ln 1e24 or a date in days).
     */
    static final class Design {
        final double[] a;
        final double[] c;
        final double aa;
        final double cc;
        final double mean;

        Design(double[] u, double[] sw) {
            int n = u.length;
            double wsum = 0;
            double m = 0;
            for (int r = 0; r < n; r++) {
                wsum += sw[r] * sw[r];
                m += sw[r] * sw[r] * u[r];
            }
            mean = m / wsum;
            a = new double[n];
            c = new double[n];
            for (int r = 0; r < n; r++) {
                a[r] = sw[r];
                c[r] = sw[r] * (u[r] - mean);
            }
            aa = dot(a, a);
            cc = dot(c, c);
        }

        /** z minus its projection on the two (whitened) columns. */
        double[] residualise(double[] z) {
            double pa = dot(z, a) / aa;
            double pc = cc > 0 ? dot(z, c) / cc : 0;
            double[] out = new double[z.length];
            for (int r = 0; r < z.length; r++) {
                out[r] = z[r] - pa * a[r] - pc * c[r];
            }
            return out;
        }

        /** Intercept (at ū) and slope of whitened z. */
        double[] coefficients(double[] z) {
            return new double[] {dot(z, a) / aa, cc > 0 ? dot(z, c) / cc : 0};
        }

        /** x₀ᵀ(XᵀWX)⁻¹x₀ for x₀ = (1, u₀ − ū). */
        double leverage(double u0) {
            double d = u0 - mean;
            return 1 / aa + (cc > 0 ? d * d / cc : 0);
        }
    }

    private static String verdict(boolean detected, BreakOptions o, Observations data, double lr, double pLr, int b,
                                  Prediction check, int k, double location, double lo, double hi, boolean atEdge,
                                  double[] slopes) {
        String pct = Numbers.format(100 * o.level(), 3) + "%";
        String where = x(location, o) + " (" + Numbers.format(100 * (1 - o.level()), 3) + "% interval " + x(lo, o) + " – "
                + x(hi, o) + (atEdge ? ", reaching the edge of the searched range" : "") + ")";
        String slope = o.logX()
                ? "the exponent changes from " + Numbers.format(-slopes[0], 4) + " to " + Numbers.format(-slopes[1], 4)
                : "the growth rate of ln y changes from " + Numbers.format(slopes[0], 4) + " to " + Numbers.format(slopes[1], 4)
                        + " per unit of x";
        String lrText = "max likelihood ratio " + Numbers.format(lr, 3) + ", p = " + Numbers.format(pLr, 2) + " from " + b
                + " simulations of a single " + o.trend();
        String predText = check.outside.size() + " of the " + k + " latest points fall outside the " + Numbers.format(100 * (1 - o.level()), 3)
                + "% prediction interval of the trend of the earlier ones (" + Numbers.format(o.level() * k, 2)
                + " expected by chance; Chow p = " + Numbers.format(check.pValue, 2) + ")";
        if (detected) {
            return "off the curve: a single " + o.trend() + " does not describe " + data.source() + " at the " + pct
                    + " level; the most likely bend is at " + data.predictorColumn(0) + " ≈ " + where + ", where " + slope
                    + " (" + lrText + "); " + predText;
        }
        return "on the curve: no break detected at the " + pct + " level (" + lrText + "; " + predText
                + "); were there a bend, the most likely place is " + data.predictorColumn(0) + " ≈ " + where;
    }

    private static String x(double v, BreakOptions o) {
        if (o.trend().equals("doubling")) {
            return java.time.LocalDate.ofEpochDay((long) Math.floor(v)).toString();
        }
        return Numbers.format(v, 3);
    }
}
