package org.scalefit.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;

/**
 * The OLMo ladder's link from a task loss to task accuracy (Bhagia et al. 2024): a logistic curve
 * <pre>
 *   Acc(L) = a/(1 + e^(−k·(L − L0))) + b,
 * </pre>
 * with a ≤ 0, so accuracy falls from its ceiling b (as L → −∞; at L = 0 in practice) to its floor
 * a + b (as L → ∞), most steeply at L = L0.
 *
 * <p>Parameters, in order: {@code a} (the fall from ceiling to floor, ≤ 0), {@code k} &gt; 0 (steepness,
 * per unit of loss), {@code L0} (the loss at the midpoint), {@code b} (the ceiling). The single
 * predictor is the loss, named {@code L}; the law is fitted in linear space (least squares on the raw
 * accuracy, as the OLMo ladder does).
 *
 * <p><b>Chance level.</b> An accuracy lies between the task's chance level c (a random guesser's
 * accuracy, e.g. 0.25 for four answer choices) and 1. That implies box bounds on the curve:
 * the ceiling b ∈ [c, 1], and the fall |a| ≤ 1 − c, i.e. a ∈ [c − 1, 0]. {@link #impliedBounds()}
 * returns them; the downstream package applies them as bounds of the fit. With c = 0 (the default,
 * {@link #SigmoidLink()}) they are exactly the OLMo ladder's bounds a ∈ [−1, 0], b ∈ [0, 1]. The floor
 * a + b is not a box constraint: with b &lt; 1 it may still come out below c, which
 * {@link #floorBelowChance(double[])} tells. Length-normalised accuracies of small models can lie below
 * chance, which is why the OLMo ladder does not impose the floor.
 *
 * <p>The law is linear in (a, b) for fixed (k, L0): the initial guess searches a grid of (k, L0) scaled
 * to the losses and solves (a, b) exactly within the bounds at each; the best few grid points are also
 * offered as extra starts.
 *
 * <pre>{@code
 * SigmoidLink link = new SigmoidLink(0.25);                  // a four-choice task
 * Observations data = Observations.builder().predictor("L", "bpb", bpb).response("acc", acc).build();
 * FitOptions.Builder options = FitOptions.builder();
 * link.impliedBounds().forEach((name, r) -> options.bound(name, new Bound(r.lower(), r.upper())));
 * Fit fit = Fitter.fit(link, data, options.build());
 * }</pre>
 */
public final class SigmoidLink implements MetricLink {
    /** Index of a. */
    public static final int A = 0;
    /** Index of k. */
    public static final int K = 1;
    /** Index of L0. */
    public static final int L0 = 2;
    /** Index of b. */
    public static final int B = 3;

    private static final List<String> PARAMETERS = List.of("a", "k", "L0", "b");
    private static final List<String> PREDICTORS = List.of("L");
    private static final int EXTRA_STARTS = 3;

    private final double chance;

    /** A link for an accuracy with chance level 0: the bounds a ∈ [−1, 0], b ∈ [0, 1]. */
    public SigmoidLink() {
        this(0.0);
    }

    /**
     * @param chance the task's chance level c, in [0, 1): the accuracy of a random guesser
     * @throws InvalidDataException if c is not in [0, 1)
     */
    public SigmoidLink(double chance) {
        if (!(chance >= 0 && chance < 1)) {
            throw new InvalidDataException("a chance level is an accuracy in [0, 1), got " + chance);
        }
        this.chance = chance;
    }

    /** @return the chance level c */
    public double chance() {
        return chance;
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public List<String> predictors() {
        return PREDICTORS;
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    /** σ(k·(L − L0)) = 1/(1 + e^(−k(L − L0))), exact at both tails (no NaN for large arguments). */
    private static double sigma(double[] x, double[] p) {
        double z = p[K] * (x[0] - p[L0]);
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public double value(double[] x, double[] p) {
        return p[A] * sigma(x, p) + p[B];
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double s = sigma(x, p);
        double ds = s * (1 - s);
        out[A] = s;
        out[K] = p[A] * ds * (x[0] - p[L0]);
        out[L0] = -p[A] * ds * p[K];
        out[B] = 1.0;
    }

    /** An accuracy: higher is better. */
    @Override
    public boolean higherIsBetter() {
        return true;
    }

    /**
     * The bounds the chance level c implies: a ∈ [c − 1, 0] and b ∈ [c, 1].
     *
     * @return ranges by parameter name
     */
    @Override
    public Map<String, ParameterRange> impliedBounds() {
        Map<String, ParameterRange> m = new LinkedHashMap<>();
        m.put("a", new ParameterRange(chance - 1, 0));
        m.put("b", new ParameterRange(chance, 1));
        return m;
    }

    /**
     * @param p fitted parameters
     * @return true when the fitted floor a + b lies below the chance level (by more than 10⁻⁶)
     */
    public boolean floorBelowChance(double[] p) {
        return p[A] + p[B] < chance - 1e-6;
    }

    /** A floor a + b below a positive chance level is worth a note: the curve predicts worse than guessing. */
    @Override
    public java.util.Optional<String> rangeNote(double[] fitted) {
        if (chance > 0 && floorBelowChance(fitted)) {
            return java.util.Optional.of("the fitted floor a + b = " + Numbers.format(fitted[A] + fitted[B], 4)
                    + " lies below the chance level " + Numbers.format(chance, 4)
                    + ": for large losses the link predicts worse than guessing");
        }
        return java.util.Optional.empty();
    }

    @Override
    public double[] initialGuess(Observations data) {
        List<double[]> ranked = grid(data);
        return ranked.isEmpty() ? fallback(data) : ranked.get(0);
    }

    /** The next best grid points (at distinct k or L0) after the one {@link #initialGuess} returns. */
    @Override
    public List<double[]> extraStarts(Observations data) {
        List<double[]> ranked = grid(data);
        return ranked.size() <= 1 ? List.of() : List.copyOf(ranked.subList(1, Math.min(ranked.size(), 1 + EXTRA_STARTS)));
    }

    private double[] fallback(Observations data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            lo = Math.min(lo, data.x(0, i));
            hi = Math.max(hi, data.x(0, i));
        }
        double spread = hi > lo ? hi - lo : 1.0;
        return new double[] {chance - 1, 4 / spread, 0.5 * (lo + hi), 1.0};
    }

    /**
     * Grid points (k, L0), each with (a, b) solved by least squares within the bounds, best first:
     * L0 at 21 points across the losses (a quarter of their spread beyond each end) and k·spread in
     * {1, 2, 4, …, 256}.
     */
    private List<double[]> grid(Observations data) {
        int n = data.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, data.x(0, i));
            hi = Math.max(hi, data.x(0, i));
        }
        if (!(hi > lo)) {
            return List.of();
        }
        double spread = hi - lo;
        List<double[]> all = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        double[] s = new double[n];
        for (int ki = 0; ki <= 8; ki++) {
            double k = Math.pow(2, ki) / spread;
            for (int li = 0; li <= 20; li++) {
                double l0 = lo - 0.25 * spread + 1.5 * spread * li / 20;
                double[] p = {0, k, l0, 0};
                for (int i = 0; i < n; i++) {
                    s[i] = sigma(new double[] {data.x(0, i)}, p);
                }
                double cost = boxLeastSquares(s, data, p);
                if (Double.isFinite(cost)) {
                    all.add(p);
                    costs.add(cost);
                }
            }
        }
        Integer[] order = new Integer[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(costs.get(x), costs.get(y)));
        List<double[]> ranked = new ArrayList<>();
        for (int idx : order) {
            double[] p = all.get(idx);
            boolean distinct = true;
            for (double[] q : ranked) {
                distinct &= !(q[K] == p[K] || q[L0] == p[L0]);
            }
            if (distinct) {
                ranked.add(p);
            }
            if (ranked.size() > EXTRA_STARTS) {
                break;
            }
        }
        return ranked;
    }

    /**
     * Minimises Σ (yᵢ − a·sᵢ − b)² over the box a ∈ [c − 1, 0], b ∈ [c, 1]: the unconstrained solution if
     * it is feasible, else the best solution on the box's edges (a convex problem's optimum lies on one).
     * Writes a and b into p and returns the cost.
     */
    private double boxLeastSquares(double[] s, Observations data, double[] p) {
        int n = s.length;
        double ss = 0;
        double s1 = 0;
        double sy = 0;
        double y1 = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double y = data.y(i);
            ss += s[i] * s[i];
            s1 += s[i];
            sy += s[i] * y;
            y1 += y;
            yy += y * y;
        }
        double aLo = chance - 1;
        double bLo = chance;
        double det = ss * n - s1 * s1;
        double bestA = Double.NaN;
        double bestB = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        if (det > 1e-12 * ss * n) {
            double a = (n * sy - s1 * y1) / det;
            double b = (ss * y1 - s1 * sy) / det;
            if (a >= aLo && a <= 0 && b >= bLo && b <= 1) {
                bestA = a;
                bestB = b;
                best = cost(a, b, ss, s1, sy, y1, yy, n);
            }
        }
        if (!Double.isFinite(best)) {
            for (double a : new double[] {aLo, 0}) {
                double b = Math.max(bLo, Math.min(1, (y1 - a * s1) / n));
                double c = cost(a, b, ss, s1, sy, y1, yy, n);
                if (c < best) {
                    best = c;
                    bestA = a;
                    bestB = b;
                }
            }
            if (ss > 0) {
                for (double b : new double[] {bLo, 1}) {
                    double a = Math.max(aLo, Math.min(0, (sy - b * s1) / ss));
                    double c = cost(a, b, ss, s1, sy, y1, yy, n);
                    if (c < best) {
                        best = c;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
        }
        p[A] = bestA;
        p[B] = bestB;
        return best;
    }

    private static double cost(double a, double b, double ss, double s1, double sy, double y1, double yy, int n) {
        return yy - 2 * a * sy - 2 * b * y1 + a * a * ss + 2 * a * b * s1 + n * b * b;
    }

    @Override
    public ParameterDomain domain(int j) {
        return j == K ? ParameterDomain.POSITIVE : ParameterDomain.REAL;
    }

    @Override
    public Space defaultSpace() {
        return Space.LINEAR;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String l = Formulas.operand(predictorLabels.get(0), "L");
        String k = values == null ? "k" : Numbers.format(values[K], 5);
        String l0 = values == null ? "L0" : Numbers.format(values[L0], 5);
        return responseLabel + " = " + Formulas.term("a", values, A) + "/(1 + exp(−" + k + "·(" + l + " − " + l0 + "))) + "
                + Formulas.term("b", values, B);
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(new DerivedQuantity("floor", "units of the metric", "a + b: the accuracy the curve falls to as the loss grows",
                p -> p[A] + p[B]));
    }

    @Override
    public String toString() {
        return formula();
    }
}
