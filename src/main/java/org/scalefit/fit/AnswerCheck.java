package org.scalefit.fit;

import org.scalefit.Numbers;
import org.scalefit.OptionKey;

/**
 * The checks an optimiser's answer must pass before the engine calls it a fit: every parameter finite, the
 * fitted curve finite (and, in log space, positive) and continuous over the whole data range — between the
 * data points, not only at them — and a curve that explains more than a constant (R² ≥ 0 under squares or
 * Huber's loss), and every parameter still moving the curve. An answer that fails is a failed run, whatever its objective: a pole between two points
 * can make the sum of squares small, or an optimiser can stop on a curve worse than the mean.
 *
 * <p>Continuity is checked along the data: between each pair of neighbouring points (in the problem's
 * canonical order) the curve is sampled at {@value #SAMPLES} interior points; where two neighbouring samples
 * differ by more than the data's whole range, the interval is bisected towards the larger difference. A
 * continuous curve, however steep, then shows ever smaller differences; a pole or a jump does not, and is
 * reported with where it lies.
 */
final class AnswerCheck {
    /** Interior samples between neighbouring data points. */
    static final int SAMPLES = 4;
    private static final int BISECTIONS = 60;

    private AnswerCheck() {
    }

    /**
     * Why an answer is not a fit.
     *
     * @param reason what is wrong, in words a reader can act on
     * @param remedy what to try, naming options through {@link OptionKey}
     */
    record Flaw(String reason, String remedy) {
        Flaw(String reason) {
            this(reason, "try " + OptionKey.STARTS.with("grid") + " or give start values near the curve you expect ("
                    + OptionKey.START.label() + ")");
        }
    }

    /**
     * @param problem the problem
     * @param loss    the loss minimised
     * @param p       the answer (full parameters)
     * @return null when the answer is sane, else its flaw
     */
    static Flaw check(Problem problem, Loss loss, double[] p) {
        for (int j = 0; j < p.length; j++) {
            if (!Double.isFinite(p[j])) {
                return new Flaw("the optimiser ended with " + problem.law.parameters().get(j) + " = " + p[j]);
            }
        }
        Flaw f = continuity(problem, p);
        if (f == null) {
            f = explanation(problem, loss, p);
        }
        return f != null ? f : degenerate(problem, p);
    }

    /**
     * An answer at which some parameter no longer changes the curve at all — its Jacobian column is exactly
     * zero — is a plateau the optimiser stalled on (typically an exponential driven into overflow or
     * underflow), not an optimum. A parameter resting on an end of its bound is exempt: a break sharper
     * than the points can resolve stops mattering at the sharp end of its range, and the fit reports it there.
     */
    private static Flaw degenerate(Problem problem, double[] p) {
        boolean[] moving = problem.moving(p);
        for (int j = 0; j < problem.m; j++) {
            if (!moving[j] && !problem.atBound(j, p[problem.free[j]])) {
                String name = problem.law.parameters().get(problem.free[j]);
                return new Flaw("the fit stalled where " + name + " no longer changes the curve (" + name + " = "
                        + Numbers.format(p[problem.free[j]], 4) + ")", "give start values near the curve you expect ("
                        + OptionKey.START.label() + "), fix " + name + " (" + OptionKey.FIX.label()
                        + ") if the data cannot determine it, or rescale the formula");
            }
        }
        return null;
    }

    /** R² ≥ 0 in the fit's space (weighted as the fit is), for the losses that estimate a central curve (not an expectile). */
    private static Flaw explanation(Problem problem, Loss loss, double[] p) {
        if (loss instanceof Loss.Asymmetric) {
            return null;
        }
        double[] r = new double[problem.n];
        if (problem.residuals(p, r) > 0) {
            return new Flaw("the fitted curve cannot be evaluated at some data point");
        }
        if (loss instanceof Loss.Huber huber) {
            return robustExplanation(problem, huber, r);
        }
        double wsum = 0;
        double mean = 0;
        for (int i = 0; i < problem.n; i++) {
            double w = problem.sqrtW[i] * problem.sqrtW[i];
            wsum += w;
            mean += w * problem.target[i];
        }
        mean /= wsum;
        double tss = 0;
        double rss = 0;
        for (int i = 0; i < problem.n; i++) {
            double d = problem.target[i] - mean;
            tss += problem.sqrtW[i] * problem.sqrtW[i] * d * d;
            rss += r[i] * r[i];
        }
        // A whisker of slack: on flat data the best curve is the mean itself, up to the optimiser's tolerance.
        if (!(tss > 0) || rss <= tss * (1 + 1e-6)) {
            return null;
        }
        return new Flaw("the fitted curve explains less than a constant would (R² = " + Numbers.format(1 - rss / tss, 3)
                + (problem.space.needsPositive() ? " in log space" : "") + ")", "try " + OptionKey.STARTS.with("grid")
                + " or start values (" + OptionKey.START.label() + "); if none helps, " + problem.law.name()
                + " does not describe these data");
    }

    /**
     * Under Huber's loss "worse than a constant" is judged by that loss: the fit's Σ ρ(√wᵢ·rᵢ) against the best
     * constant's. R² (squares) is not the measure there: a robust fit that rightly ignores a few large outliers can
     * have more squared error than the mean, which the outliers pull towards them.
     */
    private static Flaw robustExplanation(Problem problem, Loss.Huber loss, double[] r) {
        int n = problem.n;
        double fit = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            fit += loss.rho(r[i]);
            lo = Math.min(lo, problem.target[i]);
            hi = Math.max(hi, problem.target[i]);
        }
        // The best constant: Σ ρ(√wᵢ·(tᵢ − c)) is convex in c, so bisect on its derivative between the targets' ends.
        // Convexity also bounds the best constant's objective from below at every step, g(c*) ≥ g(c) − |g'(c)|·(hi − lo)
        // for c in the bracket [lo, hi] around c*: a fit below that bound explains more than any constant, which
        // settles the usual case after a few steps instead of bisecting to rounding (an eighth of a bootstrap refit's time).
        for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); it++) {
            double c = 0.5 * (lo + hi);
            double slope = 0;
            double value = 0;
            for (int i = 0; i < n; i++) {
                double ri = problem.sqrtW[i] * (problem.target[i] - c);
                slope -= problem.sqrtW[i] * loss.psi(ri);
                value += loss.rho(ri);
            }
            if (fit < (value - Math.abs(slope) * (hi - lo)) * (1 - 1e-12)) {
                return null;
            }
            if (slope > 0) {
                hi = c;
            } else {
                lo = c;
            }
        }
        double c = 0.5 * (lo + hi);
        double constant = 0;
        for (int i = 0; i < n; i++) {
            constant += loss.rho(problem.sqrtW[i] * (problem.target[i] - c));
        }
        if (!(constant > 0) || fit <= constant * (1 + 1e-6)) {
            return null;
        }
        return new Flaw("the fitted curve has a higher " + loss.spec() + " objective than the best constant ("
                + Numbers.format(fit, 4) + " against " + Numbers.format(constant, 4) + ")", "try "
                + OptionKey.STARTS.with("grid") + " or start values (" + OptionKey.START.label() + "); if none helps, "
                + problem.law.name() + " does not describe these data");
    }

    static Flaw continuity(Problem problem, double[] p) {
        int n = problem.n;
        int k = problem.xRows[0].length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double y = problem.space.response(problem.target[i]);
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        double scale = Math.max(hi - lo, 1e-9 * Math.max(Math.abs(hi), Math.abs(lo)));
        if (!(scale > 0)) {
            scale = 1;
        }
        double[] x = new double[k];
        // The curve at the current segment's first point: the previous segment's last sample (t = 1 lands exactly
        // on that point, and a skipped segment joins two equal points), so every data point is evaluated once.
        double atFirst = n > 1 ? value(problem, problem.xRows[0], p) : Double.NaN;
        for (int i = 0; i + 1 < n; i++) {
            double[] a = problem.xRows[i];
            double[] b = problem.xRows[i + 1];
            if (java.util.Arrays.equals(a, b)) {
                continue;
            }
            double prev = atFirst;
            double prevT = 0;
            for (int s = 1; s <= SAMPLES + 1; s++) {
                double t = s == SAMPLES + 1 ? 1 : (double) s / (SAMPLES + 1);
                along(a, b, t, x);
                double v = value(problem, x, p);
                if (!Double.isFinite(v)) {
                    return new Flaw("the fitted curve is not " + (problem.space.needsPositive() ? "positive and finite" : "finite")
                            + " at " + where(problem, x) + ", between the data points at " + where(problem, a) + " and "
                            + where(problem, b));
                }
                if (Math.abs(v - prev) > scale) {
                    Flaw f = jump(problem, p, a, b, prevT, t, scale);
                    if (f != null) {
                        return f;
                    }
                }
                prev = v;
                prevT = t;
            }
            atFirst = prev;
        }
        return null;
    }

    /** Bisects [t0, t1] on the segment a → b towards the larger change; a pole or jump keeps a large one. */
    private static Flaw jump(Problem problem, double[] p, double[] a, double[] b, double t0, double t1, double scale) {
        double[] x = new double[a.length];
        double lo = t0;
        double hi = t1;
        along(a, b, lo, x);
        double fLo = value(problem, x, p);
        along(a, b, hi, x);
        double fHi = value(problem, x, p);
        double first = Math.abs(fHi - fLo);
        for (int it = 0; it < BISECTIONS; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            along(a, b, mid, x);
            double fMid = value(problem, x, p);
            if (!Double.isFinite(fMid)) {
                return new Flaw("the fitted curve is not " + (problem.space.needsPositive() ? "positive and finite" : "finite")
                        + " at " + where(problem, x) + ", between the data points at " + where(problem, a) + " and "
                        + where(problem, b));
            }
            if (Math.abs(fMid - fLo) >= Math.abs(fHi - fMid)) {
                hi = mid;
                fHi = fMid;
            } else {
                lo = mid;
                fLo = fMid;
            }
        }
        double last = Math.abs(fHi - fLo);
        if (last > 0.5 * scale && last >= 0.5 * first) {
            along(a, b, 0.5 * (lo + hi), x);
            return new Flaw("the fitted curve has a pole or a jump at " + where(problem, x) + ", between the data points at "
                    + where(problem, a) + " and " + where(problem, b) + " (it leaps from " + Numbers.format(fLo, 3) + " to "
                    + Numbers.format(fHi, 3) + ")");
        }
        return null;
    }

    private static void along(double[] a, double[] b, double t, double[] out) {
        for (int j = 0; j < a.length; j++) {
            out[j] = t == 1 ? b[j] : a[j] + t * (b[j] - a[j]);
        }
    }

    /** The curve in linear units, NaN where it has no value in the fit's space. */
    private static double value(Problem problem, double[] x, double[] p) {
        double v = problem.law.value(x, p);
        if (problem.space.needsPositive() && !(v > 0)) {
            return Double.NaN;
        }
        return v;
    }

    private static String where(Problem problem, double[] x) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < x.length; j++) {
            s.append(j == 0 ? "" : ", ").append(problem.law.predictors().get(j)).append(" = ").append(Numbers.format(x[j], 4));
        }
        return s.toString();
    }
}
