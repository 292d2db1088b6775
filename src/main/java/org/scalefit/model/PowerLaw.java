package org.scalefit.model;

import java.util.List;
import java.util.OptionalDouble;
import org.scalefit.data.Observations;

/**
 * The pure power law y = a·x^(−α), the shape of loss against compute, data or parameters over
 * many decades (Kaplan et al. 2020). In log space it is the straight line ln y = ln a − α·ln x,
 * which is how it is evaluated: no overflow for x up to 1e300.
 *
 * <p>Parameters: {@code a} &gt; 0 (the value at x = 1, in units of y), {@code alpha} (the exponent;
 * positive when y falls with x). Domain: x &gt; 0.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new PowerLaw(), Observations.of(compute, loss), FitOptions.defaults());
 * double alpha = fit.value("alpha");
 * }</pre>
 */
public final class PowerLaw implements ClosedForm {
    private static final List<String> PARAMETERS = List.of("a", "alpha");

    /** Creates the law; it has no configuration. */
    public PowerLaw() {
    }

    /** @return {@link ClosedForm.Form#POWER} */
    @Override
    public Form form() {
        return Form.POWER;
    }

    @Override
    public String name() {
        return "power-law";
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
        return Math.exp(Math.log(p[0]) - p[1] * Math.log(x[0]));
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double lx = Math.log(x[0]);
        double f = Math.exp(Math.log(p[0]) - p[1] * lx);
        out[0] = f / p[0];
        out[1] = -f * lx;
    }

    @Override
    public double logValue(double[] x, double[] p) {
        return p[0] > 0 ? Math.log(p[0]) - p[1] * Math.log(x[0]) : Double.NaN;
    }

    @Override
    public void logGradient(double[] x, double[] p, double[] out) {
        out[0] = 1.0 / p[0];
        out[1] = -Math.log(x[0]);
    }

    /** Log-log regression over the points with y &gt; 0. */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.log(data.x(i));
            v[i] = data.y(i) > 0 ? Math.log(data.y(i)) : Double.NaN;
        }
        Ols ols = Ols.fit(u, v);
        if (ols.count() == 0) {
            return new double[] {1.0, 0.5};
        }
        return new double[] {Math.exp(ols.intercept()), -ols.slope()};
    }

    /** @return true in log space, where ln f = ln a − alpha·ln x is linear in (ln a, alpha) */
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
    public boolean requiresPositive(int k) {
        return true;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        return responseLabel + " = " + Formulas.term("a", values, 0) + "·" + predictorLabels.get(0) + "^"
                + Formulas.negatedExponent("alpha", values, 1);
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(new DerivedQuantity("factor_per_decade", "",
                "factor by which y changes when x grows tenfold, 10^(−alpha)", p -> Math.pow(10, -p[1])));
    }

    /** x = (a / target)^(1/α). */
    @Override
    public OptionalDouble solveForX(double target, double[] p) {
        if (!(target > 0) || p[1] == 0) {
            return OptionalDouble.empty();
        }
        double x = Math.exp((Math.log(p[0]) - Math.log(target)) / p[1]);
        return Double.isFinite(x) && x > 0 ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return formula();
    }
}
