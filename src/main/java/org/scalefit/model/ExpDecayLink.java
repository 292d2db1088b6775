package org.scalefit.model;

import java.util.List;
import java.util.OptionalDouble;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;

/**
 * Gadre et al.'s (2024) link from loss to downstream error: average top-1 error as an exponential
 * decay in the loss L,
 * <pre>
 *   Err(L) = ε − k·e^(−γ·L),
 * </pre>
 * which tends to ε (the error of a model that knows nothing, near chance) as the loss grows and falls
 * faster and faster as the loss shrinks.
 *
 * <p>Parameters, in order: {@code epsilon} (ε, the error as L → ∞, units of the metric), {@code k} &gt; 0
 * and {@code gamma} &gt; 0 (γ, per unit of loss), so the error falls as the loss falls. The single
 * predictor is the loss, named {@code L}. The law is fitted in linear space by default (least squares on
 * the raw error, as Gadre et al. do). It is linear in (ε, k) for a fixed γ: the initial guess profiles γ
 * on a logarithmic grid scaled to the spread of the losses, solving (ε, k) exactly at each γ.
 *
 * <pre>{@code
 * Observations data = Observations.builder().predictor("L", "loss", loss).response("error", err).build();
 * Fit link = Fitter.fit(new ExpDecayLink(), data);            // linear space, squares
 * double err = link.predict(2.5);                             // error at a loss of 2.5
 * }</pre>
 */
public final class ExpDecayLink implements MetricLink {
    /** Index of epsilon. */
    public static final int EPSILON = 0;
    /** Index of k. */
    public static final int K = 1;
    /** Index of gamma. */
    public static final int GAMMA = 2;

    private static final List<String> PARAMETERS = List.of("epsilon", "k", "gamma");
    private static final List<String> PREDICTORS = List.of("L");

    /** Creates the link; it has no configuration. */
    public ExpDecayLink() {
    }

    @Override
    public String name() {
        return "exp-decay";
    }

    @Override
    public List<String> predictors() {
        return PREDICTORS;
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    /** An error: lower is better. */
    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double value(double[] x, double[] p) {
        return p[EPSILON] - p[K] * Math.exp(-p[GAMMA] * x[0]);
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double e = Math.exp(-p[GAMMA] * x[0]);
        out[EPSILON] = 1.0;
        out[K] = -e;
        out[GAMMA] = p[K] * x[0] * e;
    }

    /**
     * γ on a logarithmic grid with γ·(spread of L) from 0.01 to 30 (then a finer grid around the best),
     * ε and k by least squares at each; the γ of lowest squared residual wins. A non-positive k (the data
     * do not fall with the loss) is replaced by a small positive one.
     */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, data.x(0, i));
            hi = Math.max(hi, data.x(0, i));
        }
        double spread = hi > lo ? hi - lo : Math.max(1.0, Math.abs(hi));
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        double logLo = Math.log(0.01 / spread);
        double logHi = Math.log(30 / spread);
        for (int pass = 0; pass < 2; pass++) {
            int steps = 61;
            for (int s = 0; s < steps; s++) {
                double gamma = Math.exp(logLo + (logHi - logLo) * s / (steps - 1));
                double[] p = solveLinear(data, gamma);
                if (p == null) {
                    continue;
                }
                double cost = 0;
                for (int i = 0; i < n; i++) {
                    double r = data.y(i) - value(new double[] {data.x(0, i)}, p);
                    cost += r * r;
                }
                if (p[K] > 0 && cost < bestCost) {
                    bestCost = cost;
                    best = p;
                }
            }
            if (best == null) {
                break;
            }
            double centre = Math.log(best[GAMMA]);
            double width = (logHi - logLo) / 60;
            logLo = centre - 2 * width;
            logHi = centre + 2 * width;
        }
        if (best == null) {
            double ymax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                ymax = Math.max(ymax, data.y(i));
            }
            return new double[] {ymax, 1e-3 * Math.max(1.0, Math.abs(ymax)), 1.0 / spread};
        }
        return best;
    }

    /** ε and k by ordinary least squares on the basis (1, −e^(−γL)); null when the basis is degenerate. */
    private double[] solveLinear(Observations data, double gamma) {
        int n = data.size();
        double s1 = 0;
        double su = 0;
        double suu = 0;
        double sy = 0;
        double suy = 0;
        for (int i = 0; i < n; i++) {
            double u = -Math.exp(-gamma * data.x(0, i));
            double y = data.y(i);
            s1 += 1;
            su += u;
            suu += u * u;
            sy += y;
            suy += u * y;
        }
        double det = s1 * suu - su * su;
        if (!(Math.abs(det) > 1e-14 * s1 * suu) || !Double.isFinite(det)) {
            return null;
        }
        double eps = (suu * sy - su * suy) / det;
        double k = (s1 * suy - su * sy) / det;
        return new double[] {eps, k, gamma};
    }

    @Override
    public ParameterDomain domain(int j) {
        return j == EPSILON ? ParameterDomain.REAL : ParameterDomain.POSITIVE;
    }

    @Override
    public Space defaultSpace() {
        return Space.LINEAR;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String l = Formulas.operand(predictorLabels.get(0), "L");
        String gamma = values == null ? "gamma" : Numbers.format(values[GAMMA], 5);
        return responseLabel + " = " + Formulas.term("epsilon", values, EPSILON) + " − " + Formulas.term("k", values, K)
                + "·exp(−" + gamma + "·" + l + ")";
    }

    /** The loss at which the error equals {@code target}: L = −ln((ε − target)/k)/γ, when ε &gt; target. */
    @Override
    public OptionalDouble solveForX(double target, double[] p) {
        double ratio = (p[EPSILON] - target) / p[K];
        if (!(ratio > 0) || !(p[GAMMA] != 0)) {
            return OptionalDouble.empty();
        }
        double l = -Math.log(ratio) / p[GAMMA];
        return Double.isFinite(l) ? OptionalDouble.of(l) : OptionalDouble.empty();
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(new DerivedQuantity("error_at_zero_loss", "units of the metric",
                "epsilon − k: where the link extrapolates at L = 0", p -> p[EPSILON] - p[K]));
    }

    @Override
    public String toString() {
        return formula();
    }
}
