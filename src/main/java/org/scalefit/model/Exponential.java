package org.scalefit.model;

import java.util.List;
import java.util.OptionalDouble;
import org.scalefit.data.Observations;

/**
 * The exponential y = a·e^(b·x): the candidate a power law is most often confused with, and the
 * shape of a trend against time. In log space it is the straight line ln y = ln a + b·x.
 *
 * <p>Parameters: {@code a} &gt; 0 (the value at x = 0), {@code b} (growth rate per unit of x;
 * negative for decay). Domain: any x. Derived: the x-distance over which y doubles, ln 2 / b.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new Exponential(), Observations.of(years, cost), FitOptions.defaults());
 * double rate = fit.value("b");
 * }</pre>
 */
public final class Exponential implements Law {
    private static final List<String> PARAMETERS = List.of("a", "b");

    /** Creates the law; it has no configuration. */
    public Exponential() {
    }

    @Override
    public String name() {
        return "exponential";
    }

    @Override
    public List<String> predictors() {
        return List.of("x");
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public double value(double[] x, double[] p) {
        return Math.exp(Math.log(p[0]) + p[1] * x[0]);
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double f = Math.exp(Math.log(p[0]) + p[1] * x[0]);
        out[0] = f / p[0];
        out[1] = f * x[0];
    }

    @Override
    public double logValue(double[] x, double[] p) {
        return p[0] > 0 ? Math.log(p[0]) + p[1] * x[0] : Double.NaN;
    }

    @Override
    public void logGradient(double[] x, double[] p, double[] out) {
        out[0] = 1.0 / p[0];
        out[1] = x[0];
    }

    /** Regression of ln y on x over the points with y &gt; 0. */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = data.x(i);
            v[i] = data.y(i) > 0 ? Math.log(data.y(i)) : Double.NaN;
        }
        Ols ols = Ols.fit(u, v);
        if (ols.count() == 0) {
            return new double[] {1.0, 0.0};
        }
        return new double[] {Math.exp(ols.intercept()), ols.slope()};
    }

    /** @return true in log space, where ln f = ln a + b·x is linear in (ln a, b) */
    @Override
    public boolean singleBasin(Space space) {
        return space == Space.LOG;
    }

    /** @return a */
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
        return responseLabel + " = " + Formulas.term("a", values, 0) + "·exp(" + Formulas.term("b", values, 1) + "·"
                + predictorLabels.get(0) + ")";
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(new DerivedQuantity("doubling_x", "units of x",
                "change in x over which y doubles, ln 2 / b (negative: halves)", p -> Math.log(2) / p[1]));
    }

    /** x = ln(target / a) / b. */
    @Override
    public OptionalDouble solveForX(double target, double[] p) {
        if (!(target > 0) || p[1] == 0) {
            return OptionalDouble.empty();
        }
        double x = (Math.log(target) - Math.log(p[0])) / p[1];
        return Double.isFinite(x) ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return formula();
    }
}
