package org.scalefit.horizon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalefit.data.Dates;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Starts;
import org.scalefit.model.Space;
import org.scalefit.model.SuperexponentialTrend;
import org.scalefit.stats.Interval;
import org.scalefit.stats.Quantiles;

/**
 * The shapes a horizon trend is fitted with, each from dates t (days) and log horizons y: the exponential
 * (ordinary least squares of y on t, with the t-interval of its doubling time), the continuous two-segment
 * hinge (a given break, or the break estimated by profiling the RSS), and the superexponential through the
 * fitting engine. Stateless; {@link Trends} calls them for the point fit and for every replicate.
 */
final class TrendShapes {
    private static final double LN2 = Math.log(2);
    /** Fewest models on each side of an estimated break. */
    static final int MIN_SIDE = 3;
    /** Least time on each side of an estimated break (or a quarter of the date range, if shorter). */
    private static final double MIN_SIDE_DAYS = 365;
    /** Ratios r the point fit of the superexponential starts from. */
    private static final double[] RATIO_STARTS = {0.5, 0.75, 0.9, 1.1};

    private TrendShapes() {
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
    static Interval olsInterval(double[] t, double[] y, int n, TrendCurve exp, double level) {
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
