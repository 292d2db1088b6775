package org.scalefit.model;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.scalefit.data.Observations;

/**
 * An exponential trend in time written by its doubling time: y = y0·2^((t − t0)/T), the form of
 * METR's "the length of tasks AI can do doubles every 7 months" (Kwa et al. 2025).
 *
 * <p>The predictor {@code t} is a date, as days since 1970-01-01 (fractional days allowed); t0 is a
 * fixed reference date chosen when the law is created (by default the first date in the data).
 * Parameters: {@code y0} &gt; 0 (the value at t0), {@code doubling_time_days} T (negative: halving).
 * Derived: the doubling time in months (of 365.2425/12 days) and years, and the growth factor per year.
 *
 * <pre>{@code
 * Law law = new DoublingTrend(LocalDate.of(2019, 2, 14).toEpochDay());
 * Fit fit = Fitter.fit(law, horizons, FitOptions.defaults());
 * double months = fit.derived("doubling_time_months").value();
 * }</pre>
 */
public final class DoublingTrend implements Law, PlotHints {
    /** Days in an average Gregorian month. */
    public static final double DAYS_PER_MONTH = 365.2425 / 12;
    private static final double LN2 = Math.log(2);
    private static final List<String> PARAMETERS = List.of("y0", "doubling_time_days");
    private final double t0;

    /**
     * @param t0EpochDay the reference date t0 in days since 1970-01-01
     */
    public DoublingTrend(double t0EpochDay) {
        if (!Double.isFinite(t0EpochDay)) {
            throw new org.scalefit.InvalidDataException("t0 must be a finite date, got " + t0EpochDay);
        }
        this.t0 = t0EpochDay;
    }

    /**
     * A doubling trend referenced to the earliest date in the data.
     *
     * @param data observations whose first predictor is a date in epoch days
     * @return the law
     */
    public static DoublingTrend startingAtFirstDate(Observations data) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            min = Math.min(min, data.x(i));
        }
        return new DoublingTrend(Math.floor(min));
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

    /** @return "doubles every T days (T/30.44 months)" */
    @Override
    public java.util.Optional<String> curveCaption(double[] values) {
        double days = values[1];
        return java.util.Optional.of("doubles every " + org.scalefit.Numbers.format(days, 3) + " days ("
                + org.scalefit.Numbers.format(days / DAYS_PER_MONTH, 3) + " months)");
    }

    @Override
    public String name() {
        return "doubling";
    }

    @Override
    public List<String> predictors() {
        return List.of("t");
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public double value(double[] x, double[] p) {
        return Math.exp(Math.log(p[0]) + LN2 * (x[0] - t0) / p[1]);
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double f = value(x, p);
        out[0] = f / p[0];
        out[1] = -f * LN2 * (x[0] - t0) / (p[1] * p[1]);
    }

    @Override
    public double logValue(double[] x, double[] p) {
        return p[0] > 0 ? Math.log(p[0]) + LN2 * (x[0] - t0) / p[1] : Double.NaN;
    }

    @Override
    public void logGradient(double[] x, double[] p, double[] out) {
        out[0] = 1.0 / p[0];
        out[1] = -LN2 * (x[0] - t0) / (p[1] * p[1]);
    }

    /** Regression of ln y on t − t0; a flat trend starts at a very long doubling time. */
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
        double t = Math.abs(slope) > 1e-12 ? LN2 / slope : 1e9;
        return new double[] {ols.count() == 0 ? 1.0 : Math.exp(ols.intercept()), t};
    }

    /** @return true in log space, where ln f = ln y0 + ln 2·(t − t0)/T is linear in (ln y0, 1/T), a monotone change of T on either side of zero */
    @Override
    public boolean singleBasin(Space space) {
        return space == Space.LOG;
    }

    /** @return y0 */
    @Override
    public int[] linearParameters() {
        return new int[] {0};
    }

    @Override
    public ParameterDomain domain(int j) {
        return j == 0 ? ParameterDomain.POSITIVE : ParameterDomain.REAL;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String date = LocalDate.ofEpochDay((long) Math.floor(t0)).toString();
        return responseLabel + " = " + Formulas.term("y0", values, 0) + "·2^((" + predictorLabels.get(0) + " − "
                + date + ") / " + (values == null ? "T" : Formulas.term("T", values, 1) + " days") + ")";
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(
                new DerivedQuantity("doubling_time_months", "months",
                        "doubling time in months of 30.44 days", p -> p[1] / DAYS_PER_MONTH),
                new DerivedQuantity("doubling_time_years", "years",
                        "doubling time in years of 365.2425 days", p -> p[1] / 365.2425),
                new DerivedQuantity("growth_per_year", "×",
                        "factor by which y grows in a year", p -> growthPerYear(p[1])));
    }

    /**
     * The growth factor per year of a doubling time: 2^(365.2425 / days), the ×/yr that trend reports print beside
     * the doubling time (e^(365.2425·k) for an OLS slope k of ln y per day).
     *
     * <pre>{@code
     * double g = DoublingTrend.growthPerYear(212.18);   // 3.30: METR's horizons grow 3.3× a year
     * }</pre>
     *
     * @param doublingDays the doubling time in days (negative: a halving time)
     * @return the factor per year (below 1 for a halving); NaN for NaN or 0; 1 for an infinite doubling time
     */
    public static double growthPerYear(double doublingDays) {
        return doublingDays == 0 ? Double.NaN : Math.pow(2, 365.2425 / doublingDays);
    }

    /** t = t0 + T·log2(target / y0), as days since 1970-01-01. */
    @Override
    public OptionalDouble solveForX(double target, double[] p) {
        if (!(target > 0)) {
            return OptionalDouble.empty();
        }
        double t = t0 + p[1] * (Math.log(target) - Math.log(p[0])) / LN2;
        return Double.isFinite(t) ? OptionalDouble.of(t) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return formula();
    }
}
