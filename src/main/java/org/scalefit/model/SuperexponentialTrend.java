package org.scalefit.model;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;

/**
 * A trend in which each doubling takes a constant factor r of the time the previous one took —
 * faster than exponential when r &lt; 1 (the "each doubling 10% quicker" of AI-2027-style
 * forecasts), slower when r &gt; 1, exponential at r = 1.
 *
 * <p>With T the doubling time at the reference date t0 and s = ln r, the number of doublings
 * since t0 is D(t) = ln(1 + s·(t − t0)/T)/s, so
 * <pre>
 *   y(t) = y0 · 2^D(t),    dD/dt = 1/(T · r^D)  (the doubling time after D doublings is T·r^D)
 * </pre>
 * For r &lt; 1 the curve reaches every level before the finite date t0 + T/(−ln r); for t before
 * t0 it is defined for all dates. It is undefined (NaN) where 1 + s·(t − t0)/T ≤ 0, which the
 * fitting engine treats as a rejected step. Parameters: {@code y0} &gt; 0 (the value at t0),
 * {@code doubling_time_days} T &gt; 0 (the doubling time at t0), {@code ratio} r &gt; 0.
 * The predictor t is a date in days since 1970-01-01; t0 is fixed when the law is created (by
 * default the last date of the data, so that T is the current doubling time).
 *
 * <pre>{@code
 * Law law = SuperexponentialTrend.endingAtLastDate(horizons);
 * Fit fit = Fitter.fit(law, horizons, FitOptions.defaults());
 * double r = fit.value("ratio");                  // 0.9: each doubling takes 10% less time
 * }</pre>
 */
public final class SuperexponentialTrend implements Law {
    private static final double LN2 = Math.log(2);
    private static final double SERIES = 1e-6;
    private static final List<String> PARAMETERS = List.of("y0", "doubling_time_days", "ratio");
    private final double t0;

    /**
     * @param t0EpochDay the reference date t0 in days since 1970-01-01
     * @throws InvalidDataException if t0 is not a finite date
     */
    public SuperexponentialTrend(double t0EpochDay) {
        if (!Double.isFinite(t0EpochDay)) {
            throw new InvalidDataException("t0 must be a finite date, got " + t0EpochDay);
        }
        this.t0 = t0EpochDay;
    }

    /**
     * A trend referenced to the latest date in the data, where T is the current doubling time.
     *
     * @param data observations whose first predictor is a date in epoch days
     * @return the law
     */
    public static SuperexponentialTrend endingAtLastDate(Observations data) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            max = Math.max(max, data.x(i));
        }
        return new SuperexponentialTrend(Math.ceil(max));
    }

    /** @return t0, days since 1970-01-01 */
    public double t0() {
        return t0;
    }

    /** @return true: t is a date */
    @Override
    public boolean timePredictor() {
        return true;
    }

    @Override
    public String name() {
        return "superexponential";
    }

    @Override
    public List<String> predictors() {
        return List.of("t");
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    /**
     * Doublings since t0: ln(1 + s·τ/T)/s, with its series near s·τ/T = 0.
     *
     * @param tau days since t0
     * @param t   doubling time at t0
     * @param s   ln of the ratio
     * @return the number of doublings, NaN outside the domain
     */
    public static double doublings(double tau, double t, double s) {
        double u = tau / t;
        double x = s * u;
        if (Math.abs(x) < SERIES) {
            return u * (1 - x / 2 + x * x / 3);
        }
        return x > -1 ? Math.log1p(x) / s : Double.NaN;
    }

    /**
     * Days from t0 until D doublings: T·(r^D − 1)/ln r (T·D when r = 1).
     *
     * @param d doublings (may be negative or infinite)
     * @param t doubling time at t0
     * @param s ln of the ratio
     * @return days after t0; +∞ when never reached
     */
    public static double daysUntil(double d, double t, double s) {
        double y = s * d;
        if (Double.isInfinite(d)) {
            return d > 0 ? (s < 0 ? -t / s : Double.POSITIVE_INFINITY) : (s > 0 ? -t / s : Double.NEGATIVE_INFINITY);
        }
        if (Math.abs(y) < SERIES) {
            return t * d * (1 + y / 2 + y * y / 6);
        }
        return t * Math.expm1(y) / s;
    }

    @Override
    public double logValue(double[] x, double[] p) {
        if (!(p[0] > 0 && p[1] > 0 && p[2] > 0)) {
            return Double.NaN;
        }
        return Math.log(p[0]) + LN2 * doublings(x[0] - t0, p[1], Math.log(p[2]));
    }

    @Override
    public double value(double[] x, double[] p) {
        return Math.exp(logValue(x, p));
    }

    @Override
    public void logGradient(double[] x, double[] p, double[] out) {
        double tau = x[0] - t0;
        double t = p[1];
        double s = Math.log(p[2]);
        double u = tau / t;
        double xs = s * u;
        out[0] = 1.0 / p[0];
        out[1] = xs > -1 ? -LN2 * u / (t * (1 + xs)) : Double.NaN;
        double dDds;
        if (Math.abs(xs) < SERIES) {
            dDds = u * u * (-0.5 + 2 * xs / 3 - 0.75 * xs * xs);
        } else {
            dDds = xs > -1 ? (xs / (1 + xs) - Math.log1p(xs)) / (s * s) : Double.NaN;
        }
        out[2] = LN2 * dDds / p[2];
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double f = value(x, p);
        logGradient(x, p, out);
        for (int j = 0; j < out.length; j++) {
            out[j] *= f;
        }
    }

    /** The exponential fit (regression of ln y on t) with ratio 1: the superexponential's nested special case. */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = data.x(i) - t0;
            v[i] = data.y(i) > 0 ? Math.log(data.y(i)) : Double.NaN;
        }
        Ols ols = Ols.fit(u, v);
        double slope = ols.slope();
        double t = slope > 1e-12 ? LN2 / slope : 1e4;
        return new double[] {ols.count() == 0 ? 1.0 : Math.exp(ols.intercept()), t, 1.0};
    }

    /** @return y0 */
    @Override
    public int[] linearParameters() {
        return new int[] {0};
    }

    @Override
    public ParameterDomain domain(int j) {
        return ParameterDomain.POSITIVE;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String date = LocalDate.ofEpochDay((long) Math.floor(t0)).toString();
        String tau = "(" + predictorLabels.get(0) + " − " + date + ")";
        String t = values == null ? "T" : Formulas.term("T", values, 1);
        String s = values == null ? "ln r" : "ln " + Formulas.term("r", values, 2);
        return responseLabel + " = " + Formulas.term("y0", values, 0) + "·2^(ln(1 + " + s + "·" + tau + "/" + t + ")/" + s + ")";
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(
                new DerivedQuantity("doubling_time_months", "months",
                        "doubling time at t0 in months of 30.44 days", p -> p[1] / DoublingTrend.DAYS_PER_MONTH),
                new DerivedQuantity("speedup_per_doubling", "",
                        "fraction by which each doubling is shorter than the previous (1 − ratio)", p -> 1 - p[2]),
                new DerivedQuantity("days_to_singularity", "days",
                        "days after t0 at which the curve diverges (infinite unless ratio < 1)",
                        p -> p[2] < 1 ? -p[1] / Math.log(p[2]) : Double.POSITIVE_INFINITY));
    }

    /** t = t0 + T·(r^D − 1)/ln r with D = log2(target / y0). */
    @Override
    public OptionalDouble solveForX(double target, double[] p) {
        if (!(target > 0)) {
            return OptionalDouble.empty();
        }
        double d = (Math.log(target) - Math.log(p[0])) / LN2;
        double days = daysUntil(d, p[1], Math.log(p[2]));
        double t = t0 + days;
        return Double.isFinite(t) ? OptionalDouble.of(t) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return formula();
    }
}
