package org.scalefit.horizon;

import java.util.Objects;
import org.scalefit.model.SuperexponentialTrend;

/**
 * One fitted trend of ln(horizon) against date, its goodness of fit, and what it implies: the
 * horizon at any date, the doubling time at any date, and the date it reaches a given horizon.
 * Dates are days since 1970-01-01; horizons are minutes.
 *
 * <ul>
 *   <li>{@link TrendKind#EXPONENTIAL}: ln h = a + b·(t − t_ref); doubling time ln 2 / b.</li>
 *   <li>{@link TrendKind#PIECEWISE}: ln h = a + b₁·min(t − t_b, 0) + b₂·max(t − t_b, 0), continuous at
 *       the break date t_b; doubling times ln 2 / b₁ before and ln 2 / b₂ after.</li>
 *   <li>{@link TrendKind#SUPEREXPONENTIAL}: h = h₀·2^D(t), D(t) = ln(1 + ln r·(t − t₀)/T)/ln r
 *       ({@link SuperexponentialTrend}); the doubling time is T at t₀ and shrinks by the factor r
 *       with every doubling.</li>
 * </ul>
 * Information criteria use the Gaussian likelihood of the ln-residuals with the variance
 * estimated (counted as a parameter), and the break date counts as a parameter when estimated.
 *
 * <pre>{@code
 * TrendCurve c = fit.exponential();
 * double months = c.doublingTimeDays(c.referenceDate()) / Dates.DAYS_PER_MONTH;
 * double day = c.dateReaching(8 * 60);         // the date of an 8-hour horizon
 * }</pre>
 */
public final class TrendCurve {
    private static final double LN2 = Math.log(2);

    private final TrendKind kind;
    private final double[] p;
    private final int n;
    private final double rss;
    private final double tss;
    private final int k;

    /**
     * @param kind the shape
     * @param p    EXPONENTIAL {a, b, t_ref}; PIECEWISE {a, b₁, b₂, t_b}; SUPEREXPONENTIAL {ln h₀, T, ln r, t₀}
     * @param n    points fitted
     * @param rss  residual sum of squares of ln h
     * @param tss  total sum of squares of ln h about its mean
     * @param k    parameters counted by AIC/BIC (σ included)
     */
    TrendCurve(TrendKind kind, double[] p, int n, double rss, double tss, int k) {
        this.kind = Objects.requireNonNull(kind);
        this.p = p.clone();
        this.n = n;
        this.rss = rss;
        this.tss = tss;
        this.k = k;
    }

    /** @return the shape */
    public TrendKind kind() {
        return kind;
    }

    /** @return points fitted */
    public int n() {
        return n;
    }

    /** @return residual sum of squares of ln(horizon) */
    public double rss() {
        return rss;
    }

    /** @return 1 − RSS/TSS of ln(horizon) */
    public double r2() {
        return tss > 0 ? 1 - rss / tss : Double.NaN;
    }

    /** @return parameters counted by the information criteria (the residual variance included) */
    public int informationParameters() {
        return k;
    }

    /** @return the Gaussian log-likelihood of the ln-residuals at the maximum-likelihood variance RSS/n */
    public double logLikelihood() {
        return -0.5 * n * (Math.log(2 * Math.PI * Math.max(rss, 1e-300) / n) + 1);
    }

    /** @return 2k − 2 ln L */
    public double aic() {
        return 2.0 * k - 2 * logLikelihood();
    }

    /** @return AIC + 2k(k+1)/(n − k − 1), +∞ when n ≤ k + 1 */
    public double aicc() {
        return n - k - 1 > 0 ? aic() + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
    }

    /** @return k ln n − 2 ln L */
    public double bic() {
        return k * Math.log(n) - 2 * logLikelihood();
    }

    /**
     * @param t a date, days since 1970-01-01
     * @return ln of the trend's horizon (minutes) at t; NaN where a superexponential is undefined
     */
    public double lnHorizon(double t) {
        return switch (kind) {
            case EXPONENTIAL -> p[0] + p[1] * (t - p[2]);
            case PIECEWISE -> p[0] + p[1] * Math.min(t - p[3], 0) + p[2] * Math.max(t - p[3], 0);
            case SUPEREXPONENTIAL -> {
                double d = SuperexponentialTrend.doublings(t - p[3], p[1], p[2]);
                yield Double.isNaN(d) ? (p[2] < 0 && t > p[3] ? Double.POSITIVE_INFINITY : Double.NaN) : p[0] + LN2 * d;
            }
        };
    }

    /**
     * @param t a date
     * @return the trend's horizon in minutes at t (+∞ past a superexponential's singularity)
     */
    public double horizonAt(double t) {
        return Math.exp(lnHorizon(t));
    }

    /**
     * @param t a date
     * @return the doubling time at t in days (negative: halving; +∞ for a flat trend; 0 past a singularity)
     */
    public double doublingTimeDays(double t) {
        return switch (kind) {
            case EXPONENTIAL -> LN2 / p[1];
            case PIECEWISE -> LN2 / (t < p[3] ? p[1] : p[2]);
            case SUPEREXPONENTIAL -> {
                double d = SuperexponentialTrend.doublings(t - p[3], p[1], p[2]);
                yield Double.isNaN(d) ? (p[2] < 0 && t > p[3] ? 0.0 : Double.NaN) : p[1] * Math.exp(p[2] * d);
            }
        };
    }

    /**
     * The first date at which the trend reaches a horizon.
     *
     * @param minutes a horizon, &gt; 0
     * @return days since 1970-01-01; +∞ when the trend never gets there (flat or falling)
     */
    public double dateReaching(double minutes) {
        double target = Math.log(minutes);
        return switch (kind) {
            case EXPONENTIAL -> crossing(p[2], p[0], p[1], target);
            case PIECEWISE -> target >= p[0] ? crossing(p[3], p[0], p[2], target) : crossingBefore(target);
            case SUPEREXPONENTIAL -> {
                double d = (target - p[0]) / LN2;
                double days = SuperexponentialTrend.daysUntil(d, p[1], p[2]);
                yield Double.isFinite(days) ? p[3] + days : Double.POSITIVE_INFINITY;
            }
        };
    }

    private static double crossing(double t0, double a, double b, double target) {
        if (target == a) {
            return t0;
        }
        if (!(b > 0) && target > a) {
            return Double.POSITIVE_INFINITY;
        }
        return t0 + (target - a) / b;
    }

    private double crossingBefore(double target) {
        // Below the value at the break: on the left segment (reached before the break if it rises).
        if (p[1] > 0) {
            return p[3] + (target - p[0]) / p[1];
        }
        return p[2] > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** @return the reference date: t_ref (exponential: the first date fitted), the break date, or t₀ (the last date) */
    public double referenceDate() {
        return kind == TrendKind.EXPONENTIAL ? p[2] : p[3];
    }

    /** @return the break date of a piecewise trend, NaN for the other shapes */
    public double breakDate() {
        return kind == TrendKind.PIECEWISE ? p[3] : Double.NaN;
    }

    /** @return a superexponential's ratio r of successive doubling times (1 for the other shapes) */
    public double ratio() {
        return kind == TrendKind.SUPEREXPONENTIAL ? Math.exp(p[2]) : 1.0;
    }

    /** @return the growth rate of ln h per day: b (exponential), b₂ after the break (piecewise), ln 2/T at t₀ (superexponential) */
    public double slopePerDay() {
        return switch (kind) {
            case EXPONENTIAL -> p[1];
            case PIECEWISE -> p[2];
            case SUPEREXPONENTIAL -> LN2 / p[1];
        };
    }

    /** @return the date past which a superexponential with r &lt; 1 diverges; +∞ otherwise */
    public double singularityDate() {
        return kind == TrendKind.SUPEREXPONENTIAL && p[2] < 0 ? p[3] - p[1] / p[2] : Double.POSITIVE_INFINITY;
    }

    /** @return the raw parameter vector (see the constructor) */
    double[] raw() {
        return p.clone();
    }

    @Override
    public String toString() {
        return kind.label() + " trend: doubling " + doublingTimeDays(referenceDate()) + " days at "
                + org.scalefit.data.Dates.format(referenceDate()) + ", R² " + r2();
    }
}
