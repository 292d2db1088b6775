package org.scalefit.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.OptionalDouble;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;

/**
 * The smoothly broken power law of Caballero, Gupta, Rish and Krueger (2022, "Broken Neural Scaling
 * Laws"): y = a + b·x^(−c0)·Π_i (1 + (x/d_i)^(1/f_i))^(−c_i·f_i), with one or two breaks.
 *
 * <p>Below the first break y − a falls as x^(−c0); beyond break i the exponent grows by c_i, so after
 * all breaks it is c0 + Σ c_i. Break i sits at x = d_i and f_i sets its sharpness (the transition spans
 * about f_i e-folds of x; f_i → 0 is a kink). Parameters: {@code a} (offset, units of y), {@code b} &gt; 0,
 * {@code c0}, then {@code c1, d1, f1} (and {@code c2, d2, f2}) with d_i, f_i &gt; 0. Domain: x &gt; 0.
 * Everything is evaluated through ln(b·…) with a stable softplus, so x may span 1e10 to 1e30.
 *
 * <p>The objective has one basin per plausible break location, so besides its best guess the law
 * proposes a start for each break position on a grid over the data's ln x range (and with and without
 * an offset) through {@link #extraStarts}; the engine tries all of them. Breaks are confined to the
 * data's x and the sharpness to a sensible span ({@link #range}), so that on data without a break the
 * fit ends with a warning instead of wandering.
 *
 * <pre>{@code
 * Law law = new BrokenPowerLaw(1);
 * Fit fit = Fitter.fit(law, data, FitOptions.defaults());
 * double breakAt = fit.value("d1");
 * }</pre>
 *
 * <p>Why one class of about 410 lines: one law's value, gradient, log-space forms, the numerically safe
 * smooth-break terms and its data-driven guess and extra starts; split, the formula would be scattered
 * over files.
 */
public final class BrokenPowerLaw implements Law {
    private static final double[] ONE_BREAK_KNOTS = {0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85};
    private static final double[] TWO_BREAK_KNOTS = {0.15, 0.3, 0.45, 0.6, 0.75, 0.9};
    private static final double[] SHARPNESS = {1.0 / 30, 1.0 / 10, 1.0 / 3};
    /**
     * The sharpest break the engine allows by default, as a fraction of the data's span of ln x: 1e-4 of
     * it, where every point but one right at the break is hundreds of f away from it and the curve is a kink
     * to the last digit (the sum of squares no longer depends on f below it).
     */
    static final double SHARPEST = 1e-4;
    /** Starts proposed besides the best guess: the hinge fits with the lowest cost. */
    private static final int EXTRA_STARTS = 8;
    private final int breaks;
    private final List<String> parameters;

    /**
     * @param breaks number of breaks, 1 or 2
     * @throws InvalidDataException for any other number
     */
    public BrokenPowerLaw(int breaks) {
        if (breaks < 1 || breaks > 2) {
            throw new InvalidDataException("a broken power law has 1 or 2 breaks, got " + breaks);
        }
        this.breaks = breaks;
        List<String> names = new ArrayList<>(List.of("a", "b", "c0"));
        for (int i = 1; i <= breaks; i++) {
            names.add("c" + i);
            names.add("d" + i);
            names.add("f" + i);
        }
        this.parameters = List.copyOf(names);
    }

    /** @return the number of breaks */
    public int breaks() {
        return breaks;
    }

    @Override
    public String name() {
        return breaks == 1 ? "broken-power-law" : "broken-power-law-2";
    }

    @Override
    public List<String> predictors() {
        return List.of("x");
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    /** ln(y − a) = ln b − c0·ln x − Σ c_i·f_i·softplus((ln x − ln d_i)/f_i). */
    private double logTerm(double u, double[] p) {
        double s = Math.log(p[1]) - p[2] * u;
        for (int i = 0; i < breaks; i++) {
            double c = p[3 + 3 * i];
            double d = p[4 + 3 * i];
            double f = p[5 + 3 * i];
            s -= c * f * softplus((u - Math.log(d)) / f);
        }
        return s;
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public double value(double[] x, double[] p) {
        return p[0] + Math.exp(logTerm(Math.log(x[0]), p));
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double u = Math.log(x[0]);
        double t = Math.exp(logTerm(u, p));
        out[0] = 1.0;
        out[1] = t / p[1];
        out[2] = -t * u;
        for (int i = 0; i < breaks; i++) {
            double c = p[3 + 3 * i];
            double d = p[4 + 3 * i];
            double f = p[5 + 3 * i];
            double z = (u - Math.log(d)) / f;
            double sp = softplus(z);
            double sg = sigmoid(z);
            out[3 + 3 * i] = -t * f * sp;
            out[4 + 3 * i] = t * c * sg / d;
            out[5 + 3 * i] = -t * c * (sp - sg * z);
        }
    }

    /** The best hinge start: see {@link #extraStarts}. */
    @Override
    public double[] initialGuess(Observations data) {
        List<double[]> c = candidates(data);
        return c.isEmpty() ? fallback(data) : c.get(0);
    }

    /**
     * Segmented regressions of ln(y − a) on ln x with kinks at a grid of positions across the data
     * (and a ∈ {0, an offset-power-law guess}), each turned into a start at several sharpnesses,
     * best first (the first is {@link #initialGuess}, not repeated here).
     */
    @Override
    public List<double[]> extraStarts(Observations data) {
        List<double[]> c = candidates(data);
        return c.size() <= 1 ? List.of() : List.copyOf(c.subList(1, Math.min(c.size(), EXTRA_STARTS + 1)));
    }

    private double[] fallback(Observations data) {
        double[] pl = new PowerLaw().initialGuess(data);
        double[] p = new double[parameters.size()];
        p[1] = pl[0];
        p[2] = pl[1];
        double umid = 0;
        for (int i = 0; i < data.size(); i++) {
            umid += Math.log(data.x(i)) / data.size();
        }
        for (int i = 0; i < breaks; i++) {
            p[4 + 3 * i] = Math.exp(umid);
            p[5 + 3 * i] = 1.0;
        }
        return p;
    }

    private List<double[]> candidates(Observations data) {
        int n = data.size();
        double[] u = new double[n];
        double umin = Double.POSITIVE_INFINITY;
        double umax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            u[i] = Math.log(data.x(i));
            umin = Math.min(umin, u[i]);
            umax = Math.max(umax, u[i]);
            ymin = Math.min(ymin, data.y(i));
        }
        double range = umax - umin;
        if (!(range > 0) || n < parameters.size()) {
            return List.of();
        }
        List<Double> offsets = new ArrayList<>();
        offsets.add(0.0);
        if (ymin > 0) {
            double e = new OffsetPowerLaw().initialGuess(data)[0];
            if (e > 0 && e < ymin) {
                offsets.add(e);
            }
        }
        List<double[]> knotSets = new ArrayList<>();
        if (breaks == 1) {
            for (double q : ONE_BREAK_KNOTS) {
                knotSets.add(new double[] {umin + q * range});
            }
        } else {
            for (int i = 0; i < TWO_BREAK_KNOTS.length; i++) {
                for (int j = i + 1; j < TWO_BREAK_KNOTS.length; j++) {
                    knotSets.add(new double[] {umin + TWO_BREAK_KNOTS[i] * range, umin + TWO_BREAK_KNOTS[j] * range});
                }
            }
        }
        double gap = medianGap(data);
        List<double[]> out = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        double[] v = new double[n];
        double[][] design = new double[n][2 + breaks];
        for (double a : offsets) {
            for (int i = 0; i < n; i++) {
                double d = data.y(i) - a;
                v[i] = d > 0 ? Math.log(d) : Double.NaN;
            }
            for (double[] knots : knotSets) {
                for (int i = 0; i < n; i++) {
                    design[i][0] = 1;
                    design[i][1] = u[i];
                    for (int k = 0; k < breaks; k++) {
                        design[i][2 + k] = Math.max(u[i] - knots[k], 0);
                    }
                }
                double[] c = Linear.leastSquares(design, v);
                if (c == null) {
                    continue;
                }
                for (double sharp : SHARPNESS) {
                    double[] p = new double[parameters.size()];
                    p[0] = a;
                    p[1] = Math.exp(c[0]);
                    p[2] = -c[1];
                    for (int k = 0; k < breaks; k++) {
                        p[3 + 3 * k] = -c[2 + k];
                        p[4 + 3 * k] = Math.exp(knots[k]);
                        p[5 + 3 * k] = Math.max(sharp * range, gap);
                    }
                    double cost = cost(data, u, p);
                    if (Double.isFinite(cost) && Double.isFinite(p[1]) && p[1] > 0) {
                        out.add(p);
                        costs.add(cost);
                    }
                }
            }
        }
        Integer[] order = new Integer[out.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> costs.get(i)).thenComparingInt(i -> i));
        List<double[]> sorted = new ArrayList<>();
        for (Integer i : order) {
            sorted.add(out.get(i));
        }
        return sorted;
    }

    /** Sum of squared log residuals where every y &gt; 0, linear residuals otherwise. */
    private double cost(Observations data, double[] u, double[] p) {
        boolean log = true;
        for (int i = 0; i < data.size() && log; i++) {
            log = data.y(i) > 0;
        }
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            double f = p[0] + Math.exp(logTerm(u[i], p));
            double r = log ? (f > 0 ? Math.log(data.y(i)) - Math.log(f) : Double.POSITIVE_INFINITY) : data.y(i) - f;
            s += r * r;
        }
        return s;
    }

    /** @return a and b */
    @Override
    public int[] linearParameters() {
        return new int[] {0, 1};
    }

    /** @return a (index 0) while the exponent after the last break is positive */
    @Override
    public OptionalInt asymptote(double[] p) {
        double e = p[2];
        for (int i = 0; i < breaks; i++) {
            e += p[3 + 3 * i];
        }
        return e > 0 ? OptionalInt.of(0) : OptionalInt.empty();
    }

    @Override
    public ParameterDomain domain(int j) {
        if (j == 1) {
            return ParameterDomain.POSITIVE;
        }
        if (j >= 3 && (j - 3) % 3 != 0) {
            return ParameterDomain.POSITIVE;
        }
        return ParameterDomain.REAL;
    }

    /**
     * Breaks lie within the data's x (a break beyond the data cannot be told from a change of b and c0)
     * and sharpness within [10⁻⁴·R, R] for R = ln(max x / min x): below the lower end the curve is a kink
     * on the data whatever f is (the sum of squares is flat there, and the fit says f is not determined),
     * and a smoother break is a bend wider than the data. Both are listed with the fit's constraints.
     */
    @Override
    public Optional<ParameterRange> range(int j, Observations data) {
        if (j < 3 || (j - 3) % 3 == 0) {
            return Optional.empty();
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.x(i) > 0) {
                lo = Math.min(lo, data.x(i));
                hi = Math.max(hi, data.x(i));
            }
        }
        if (!(hi > lo) || !Double.isFinite(hi)) {
            return Optional.empty();
        }
        double span = Math.log(hi / lo);
        if ((j - 3) % 3 == 1) {
            return Optional.of(new ParameterRange(lo, hi, "a break beyond the data's x cannot be told from a change of b and c0"));
        }
        return Optional.of(new ParameterRange(SHARPEST * span, span, "a break sharper than 1e-4 of the data's span of ln x"
                + " is a kink on these data (the fit no longer depends on its sharpness), and a smoother one bends over more"
                + " than the data's span"));
    }

    /** The median spacing of the distinct ln x values: a break sharper than this cannot be located. */
    private static double medianGap(Observations data) {
        double[] u = new double[data.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.log(data.x(i));
        }
        java.util.Arrays.sort(u);
        double[] gaps = new double[u.length];
        int g = 0;
        for (int i = 1; i < u.length; i++) {
            if (u[i] > u[i - 1]) {
                gaps[g++] = u[i] - u[i - 1];
            }
        }
        if (g == 0) {
            return 0;
        }
        double[] s = java.util.Arrays.copyOf(gaps, g);
        java.util.Arrays.sort(s);
        return g % 2 == 1 ? s[g / 2] : 0.5 * (s[g / 2 - 1] + s[g / 2]);
    }

    @Override
    public boolean requiresPositive(int k) {
        return true;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String x = predictorLabels.get(0);
        StringBuilder s = new StringBuilder(responseLabel).append(" = ")
                .append(values == null ? "a" : Numbers.format(values[0], 5)).append(" + ")
                .append(Formulas.term("b", values, 1)).append("·").append(x).append("^")
                .append(Formulas.negatedExponent("c0", values, 2));
        for (int i = 0; i < breaks; i++) {
            int j = 3 + 3 * i;
            String c = values == null ? "c" + (i + 1) : Numbers.format(values[j], 5);
            String d = values == null ? "d" + (i + 1) : Numbers.format(values[j + 1], 5);
            String f = values == null ? "f" + (i + 1) : Numbers.format(values[j + 2], 5);
            String power = values == null ? "−" + c + "·" + f : Numbers.format(-values[j] * values[j + 2], 5);
            s.append("·(1 + (").append(x).append("/").append(d).append(")^(1/").append(f).append("))^(")
                    .append(power).append(")");
        }
        return s.toString();
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(new DerivedQuantity("exponent_after_breaks", "",
                "exponent of y − a beyond the last break, c0 + Σ c_i", p -> {
                    double e = p[2];
                    for (int i = 0; i < breaks; i++) {
                        e += p[3 + 3 * i];
                    }
                    return e;
                }));
    }

    /**
     * Scans ln x across the breaks (±60 e-folds) for the first crossing of the target, then bisects;
     * empty when the curve never reaches it there.
     */
    @Override
    public OptionalDouble solveForX(double target, double[] p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < breaks; i++) {
            lo = Math.min(lo, Math.log(p[4 + 3 * i]));
            hi = Math.max(hi, Math.log(p[4 + 3 * i]));
        }
        lo -= 60;
        hi += 60;
        double step = 0.25;
        double prevU = lo;
        double prev = p[0] + Math.exp(logTerm(lo, p)) - target;
        for (double uu = lo + step; uu <= hi; uu += step) {
            double cur = p[0] + Math.exp(logTerm(uu, p)) - target;
            if (Double.isFinite(prev) && Double.isFinite(cur) && (prev == 0 || prev * cur < 0)) {
                double a = prevU;
                double b = uu;
                double fa = prev;
                for (int it = 0; it < 200 && b - a > 1e-13 * Math.max(1, Math.abs(a)); it++) {
                    double m = 0.5 * (a + b);
                    double fm = p[0] + Math.exp(logTerm(m, p)) - target;
                    if (fa * fm <= 0) {
                        b = m;
                    } else {
                        a = m;
                        fa = fm;
                    }
                }
                double x = Math.exp(0.5 * (a + b));
                return Double.isFinite(x) ? OptionalDouble.of(x) : OptionalDouble.empty();
            }
            prev = cur;
            prevU = uu;
        }
        return OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return formula();
    }
}
