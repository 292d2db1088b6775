package org.scalefit.model;

import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalDouble;
import org.scalefit.data.Observations;

/**
 * The power law with an irreducible offset, y = E + A·x^(−α): loss falls as a power of compute
 * towards the entropy of the data E (Hoffmann et al. 2022; Henighan et al. 2020).
 *
 * <p>Parameters: {@code E} (the asymptote as x → ∞, units of y), {@code A} &gt; 0 (the reducible
 * part at x = 1), {@code alpha} (the exponent). Domain: x &gt; 0. The term A·x^(−α) is evaluated as
 * exp(ln A − α·ln x), so x may span 1e10 to 1e30 without overflow.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new OffsetPowerLaw(), Observations.of(compute, loss), FitOptions.defaults());
 * System.out.println(fit.formulaWithValues());   // y = 1.809 + 1009.2·x^(-0.15018)
 * }</pre>
 */
public final class OffsetPowerLaw implements ClosedForm {
    private static final List<String> PARAMETERS = List.of("E", "A", "alpha");
    private static final double[] GAP_FRACTIONS = {1e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 2.0, 5.0, 20.0};

    /** Creates the law; it has no configuration. */
    public OffsetPowerLaw() {
    }

    /** @return {@link ClosedForm.Form#OFFSET_POWER} */
    @Override
    public Form form() {
        return Form.OFFSET_POWER;
    }

    @Override
    public String name() {
        return "offset-power-law";
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
        return p[0] + Math.exp(Math.log(p[1]) - p[2] * Math.log(x[0]));
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double lx = Math.log(x[0]);
        double t = Math.exp(Math.log(p[1]) - p[2] * lx);
        out[0] = 1.0;
        out[1] = t / p[1];
        out[2] = -t * lx;
    }

    /**
     * Profiles the offset: for a ladder of candidate E below min(y), regresses ln(y − E) on ln x for A
     * and α, and keeps the candidate whose full model fits best (in log space when every y &gt; 0).
     */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            ymin = Math.min(ymin, data.y(i));
            ymax = Math.max(ymax, data.y(i));
        }
        boolean logSpace = ymin > 0;
        double range = Math.max(ymax - ymin, Math.abs(ymax) * 1e-12 + 1e-300);
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.log(data.x(i));
        }
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        int candidates = GAP_FRACTIONS.length + (logSpace ? 1 : 0);
        for (int c = 0; c < candidates; c++) {
            double e = c < GAP_FRACTIONS.length ? ymin - GAP_FRACTIONS[c] * range : 0.0;
            for (int i = 0; i < n; i++) {
                double d = data.y(i) - e;
                v[i] = d > 0 ? Math.log(d) : Double.NaN;
            }
            Ols ols = Ols.fit(u, v);
            if (ols.count() < 2) {
                continue;
            }
            double[] p = {e, Math.exp(ols.intercept()), -ols.slope()};
            double cost = cost(data, p, u, logSpace);
            if (cost < bestCost) {
                bestCost = cost;
                best = p;
            }
        }
        if (best == null) {
            return new double[] {ymin - range, Math.max(range, 1e-300), 0.5};
        }
        return best;
    }

    private static double cost(Observations data, double[] p, double[] lnx, boolean logSpace) {
        double s = 0;
        for (int i = 0; i < lnx.length; i++) {
            double f = p[0] + Math.exp(Math.log(p[1]) - p[2] * lnx[i]);
            double r = logSpace ? (f > 0 ? Math.log(data.y(i)) - Math.log(f) : Double.POSITIVE_INFINITY) : data.y(i) - f;
            s += r * r;
        }
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
    }

    /** @return E and A */
    @Override
    public int[] linearParameters() {
        return new int[] {0, 1};
    }

    /** @return E (index 0) while alpha &gt; 0: the curve falls towards it */
    @Override
    public OptionalInt asymptote(double[] p) {
        return p[2] > 0 ? OptionalInt.of(0) : OptionalInt.empty();
    }

    /**
     * With alpha → 0 and E → −∞ (A → +∞), E + A·x^(−alpha) = E + A − A·alpha·ln x + …: a straight line in
     * ln x.
     */
    @Override
    public Optional<String> limitDescription(Map<String, Integer> runaway) {
        Integer alpha = runaway.get("alpha");
        Integer e = runaway.get("E");
        if (alpha != null && alpha == 0 && (e != null && e != 0 || Integer.valueOf(1).equals(runaway.get("A")))) {
            return Optional.of("a log law, y = c − k·ln x");
        }
        return Optional.empty();
    }

    @Override
    public ParameterDomain domain(int j) {
        return j == 1 ? ParameterDomain.POSITIVE : ParameterDomain.REAL;
    }

    @Override
    public boolean requiresPositive(int k) {
        return true;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String e = values == null ? "E" : org.scalefit.Numbers.format(values[0], 5);
        String a = Formulas.term("A", values, 1);
        String sign = " + ";
        if (values != null && values[0] == 0) {
            return responseLabel + " = " + a + "·" + predictorLabels.get(0) + "^" + Formulas.negatedExponent("alpha", values, 2);
        }
        return responseLabel + " = " + e + sign + a + "·" + predictorLabels.get(0) + "^"
                + Formulas.negatedExponent("alpha", values, 2);
    }

    /** x = (A / (target − E))^(1/α) when the target lies on the curve's side of the asymptote. */
    @Override
    public OptionalDouble solveForX(double target, double[] p) {
        double gap = target - p[0];
        if (!(gap > 0) || p[2] == 0) {
            return OptionalDouble.empty();
        }
        double x = Math.exp((Math.log(p[1]) - Math.log(gap)) / p[2]);
        return Double.isFinite(x) && x > 0 ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(new DerivedQuantity("reducible_factor_per_decade", "",
                "factor by which y − E changes when x grows tenfold, 10^(−alpha)", p -> Math.pow(10, -p[2])));
    }

    @Override
    public String toString() {
        return formula();
    }
}
