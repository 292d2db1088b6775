package org.scalefit.model;

import java.util.List;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;

/**
 * Gadre et al.'s (2024) over-training law: loss as a function of compute C = 6·N·D and the token
 * multiplier M = D/N (training tokens per parameter),
 * <pre>
 *   L(N, M) = E + (a·M^η + b·M^(−η))·C^(−η),   C = 6·N·D = 6·N²·M.
 * </pre>
 * It is the Chinchilla law with equal exponents for N and D: expanding C gives
 * L = E + a·6^(−η)·N^(−2η) + b·6^(−η)·D^(−2η), so for a fixed M the reducible loss falls as a power
 * law C^(−η) in compute, and over-training (a larger M at the same compute) shifts that line by the
 * factor a·M^η + b·M^(−η), smallest at M* = (b/a)^(1/(2η)).
 *
 * <p>Parameters, in order: {@code E} &gt; 0 (irreducible loss, units of L), {@code a} &gt; 0 and
 * {@code b} &gt; 0 (the two terms' scales), {@code eta} (η, the compute exponent). Predictors, in order:
 * {@code N} (parameters) and {@code M} (tokens per parameter), both &gt; 0; when the data log tokens D
 * instead, derive M = D/N per row ({@code --x M=tokens/params} on the command line, or the downstream
 * package, which takes N and D). Gadre et al.'s code writes the same law as α·N^b' + β·6^(b'/2)·D^b' + E
 * with b' = −2η, α = a·6^(−η) and β = b; {@link #derivedQuantities()} reports α as {@code alpha_code}.
 *
 * <p>The law is {@link SeparableLaw separable}: linear in (E, a, b) ≥ 0 for fixed η, with the
 * non-negative basis (1, 6^(−η)·N^(−2η), 6^(−η)·D^(−2η)); the initial guess profiles η on a grid with
 * (E, a, b) solved exactly by non-negative least squares, and {@code Solver.VARPRO} searches η alone.
 *
 * <pre>{@code
 * Observations data = Observations.builder()
 *         .predictor("N", "params", n).predictor("M", "multiplier", m).response("loss", loss).build();
 * Fit fit = Fitter.fit(new OvertrainingLaw(), data, FitOptions.builder().space(Space.LINEAR).build());
 * double loss = fit.predict(1.44e9, 640);             // 1.4B parameters trained on 640 tokens each
 * double mStar = fit.derived("m_opt").value();        // the compute-optimal multiplier
 * }</pre>
 */
public final class OvertrainingLaw implements SeparableLaw {
    /** Index of E in the parameter vector. */
    public static final int E = 0;
    /** Index of a (the scale of the M^η term). */
    public static final int A = 1;
    /** Index of b (the scale of the M^−η term). */
    public static final int B = 2;
    /** Index of eta (η, the compute exponent). */
    public static final int ETA = 3;

    private static final List<String> PARAMETERS = List.of("E", "a", "b", "eta");
    private static final List<String> PREDICTORS = List.of("N", "M");
    private static final int[] LINEAR = {E, A, B};
    private static final int[] NONLINEAR = {ETA};
    private static final double LN6 = Math.log(6);

    /** Creates the law; it has no configuration. */
    public OvertrainingLaw() {
    }

    @Override
    public String name() {
        return "overtraining";
    }

    @Override
    public List<String> predictors() {
        return PREDICTORS;
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    /** ln(6·N²) and ln(6·N²·M²) = ln(6·D²), the logs the two terms raise to −η. */
    private static double nTerm(double[] x) {
        return LN6 + 2 * Math.log(x[0]);
    }

    private static double dTerm(double[] x) {
        return LN6 + 2 * Math.log(x[0]) + 2 * Math.log(x[1]);
    }

    @Override
    public double value(double[] x, double[] p) {
        return p[E] + p[A] * Math.exp(-p[ETA] * nTerm(x)) + p[B] * Math.exp(-p[ETA] * dTerm(x));
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double ln = nTerm(x);
        double ld = dTerm(x);
        double u = Math.exp(-p[ETA] * ln);
        double v = Math.exp(-p[ETA] * ld);
        out[E] = 1.0;
        out[A] = u;
        out[B] = v;
        out[ETA] = -p[A] * u * ln - p[B] * v * ld;
    }

    /** ln L = LSE(ln a − η·ln(6N²), ln b − η·ln(6D²), ln E), overflow-free when E, a, b &gt; 0. */
    @Override
    public double logValue(double[] x, double[] p) {
        if (!(p[E] > 0 && p[A] > 0 && p[B] > 0)) {
            double f = value(x, p);
            return f > 0 ? Math.log(f) : Double.NaN;
        }
        double t1 = Math.log(p[A]) - p[ETA] * nTerm(x);
        double t2 = Math.log(p[B]) - p[ETA] * dTerm(x);
        double t3 = Math.log(p[E]);
        double m = Math.max(t1, Math.max(t2, t3));
        return m + Math.log(Math.exp(t1 - m) + Math.exp(t2 - m) + Math.exp(t3 - m));
    }

    /** ∂ln L/∂p through the softmax weights wₖ of the three terms (as {@link ChinchillaLaw} does). */
    @Override
    public void logGradient(double[] x, double[] p, double[] out) {
        if (!(p[E] > 0 && p[A] > 0 && p[B] > 0)) {
            double f = value(x, p);
            gradient(x, p, out);
            for (int j = 0; j < out.length; j++) {
                out[j] /= f;
            }
            return;
        }
        double ln = nTerm(x);
        double ld = dTerm(x);
        double t1 = Math.log(p[A]) - p[ETA] * ln;
        double t2 = Math.log(p[B]) - p[ETA] * ld;
        double t3 = Math.log(p[E]);
        double m = Math.max(t1, Math.max(t2, t3));
        double e1 = Math.exp(t1 - m);
        double e2 = Math.exp(t2 - m);
        double e3 = Math.exp(t3 - m);
        double s = e1 + e2 + e3;
        out[E] = e3 / s / p[E];
        out[A] = e1 / s / p[A];
        out[B] = e2 / s / p[B];
        out[ETA] = -(e1 * ln + e2 * ld) / s;
    }

    @Override
    public int[] linearParameters() {
        return LINEAR.clone();
    }

    @Override
    public int[] nonlinearParameters() {
        return NONLINEAR.clone();
    }

    @Override
    public void basis(double[] x, double[] p, double[] out) {
        out[0] = 1.0;
        out[1] = Math.exp(-p[ETA] * nTerm(x));
        out[2] = Math.exp(-p[ETA] * dTerm(x));
    }

    /**
     * Variable projection on a grid of η (0.02 to 0.6 in steps of 0.02, then steps of 0.002 around the
     * best): (E, a, b) ≥ 0 solved exactly by non-negative least squares on relative residuals (L − f)/L,
     * keeping the η whose fit has the lowest squared log residual; a coefficient that came out 0 is
     * lifted to a small positive value (the engine optimises the logarithms of E, a and b).
     */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double[][] rows = new double[n][2];
        double[] y = new double[n];
        double ymin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double[] x = {data.x(0, i), data.x(1, i)};
            rows[i][0] = nTerm(x);
            rows[i][1] = dTerm(x);
            y[i] = data.y(i);
            ymin = Math.min(ymin, y[i]);
        }
        if (!(ymin > 0)) {
            ymin = 1.0;
        }
        ProfileGrid grid = new ProfileGrid(rows, y);
        double[] coarse = new double[30];
        for (int k = 0; k < coarse.length; k++) {
            coarse[k] = 0.02 * (k + 1);
        }
        grid.search(coarse);
        if (grid.best == null) {
            return new double[] {0.5 * ymin, 100, 100, 0.15};
        }
        double[] fine = new double[21];
        for (int k = 0; k < fine.length; k++) {
            fine[k] = Math.max(1e-3, grid.best[ETA] + 0.002 * (k - 10));
        }
        grid.search(fine);
        double[] p = grid.best;
        double floor = 1e-3 * ymin;
        if (!(p[E] > 0)) {
            p[E] = floor;
        }
        if (!(p[A] > 0)) {
            p[A] = floor * Math.exp(p[ETA] * median(rows, 0));
        }
        if (!(p[B] > 0)) {
            p[B] = floor * Math.exp(p[ETA] * median(rows, 1));
        }
        return p;
    }

    private static double median(double[][] rows, int col) {
        double[] s = new double[rows.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = rows[i][col];
        }
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The η search behind {@link #initialGuess}: weighted NNLS for (E, a, b) at each η. */
    private static final class ProfileGrid {
        private final double[][] logs;
        private final double[] y;
        private final SmallNnls nnls = new SmallNnls(3);
        private final double[][] gram = new double[3][3];
        private final double[] rhs = new double[3];
        private final double[] c = new double[3];
        private final double[] phi = new double[3];
        double[] best;
        double bestCost = Double.POSITIVE_INFINITY;

        ProfileGrid(double[][] logs, double[] y) {
            this.logs = logs;
            this.y = y;
        }

        void search(double[] etas) {
            int n = y.length;
            for (double eta : etas) {
                for (double[] r : gram) {
                    java.util.Arrays.fill(r, 0);
                }
                java.util.Arrays.fill(rhs, 0);
                double yy = 0;
                for (int i = 0; i < n; i++) {
                    double w = y[i] != 0 ? 1.0 / (y[i] * y[i]) : 1.0;
                    phi[0] = 1;
                    phi[1] = Math.exp(-eta * logs[i][0]);
                    phi[2] = Math.exp(-eta * logs[i][1]);
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            gram[a][b] += w * phi[a] * phi[b];
                        }
                        rhs[a] += w * phi[a] * y[i];
                    }
                    yy += w * y[i] * y[i];
                }
                nnls.solve(gram, rhs, yy, c);
                double cost = 0;
                for (int i = 0; i < n; i++) {
                    double f = c[0] + c[1] * Math.exp(-eta * logs[i][0]) + c[2] * Math.exp(-eta * logs[i][1]);
                    double r = y[i] > 0 && f > 0 ? Math.log(y[i] / f) : y[i] - f;
                    cost += r * r;
                }
                if (Double.isFinite(cost) && cost < bestCost) {
                    bestCost = cost;
                    best = new double[] {c[0], c[1], c[2], eta};
                }
            }
        }
    }

    @Override
    public ParameterDomain domain(int j) {
        return j <= B ? ParameterDomain.POSITIVE : ParameterDomain.REAL;
    }

    @Override
    public boolean requiresPositive(int k) {
        return true;
    }

    /**
     * Four parameters need at least five points, one degree of freedom for the noise: exactly what
     * Gadre et al.'s default fitting set has (four models at M = 20 and one at M = 320), which is why
     * a fit to it comes with wide intervals.
     */
    @Override
    public int minimumPoints() {
        return 5;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String n = Formulas.operand(predictorLabels.get(0), "N");
        String m = Formulas.operand(predictorLabels.get(1), "M");
        String eta = values == null ? "eta" : Numbers.format(values[ETA], 5);
        String negEta = values == null ? "(−eta)" : "(" + Numbers.format(-values[ETA], 5) + ")";
        return responseLabel + " = " + Formulas.term("E", values, E) + " + (" + Formulas.term("a", values, A) + "·" + m + "^"
                + (values != null && values[ETA] < 0 ? "(" + eta + ")" : eta) + " + " + Formulas.term("b", values, B)
                + "·" + m + "^" + negEta + ")·C^" + negEta + ", C = 6·" + n + "²·" + m;
    }

    /**
     * M* = (b/a)^(1/(2η)), the token multiplier that minimises the loss at a fixed compute.
     *
     * @param p parameters (E, a, b, eta)
     * @return M*
     */
    public static double optimalMultiplier(double[] p) {
        return Math.exp((Math.log(p[B]) - Math.log(p[A])) / (2 * p[ETA]));
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(
                new DerivedQuantity("m_opt", "tokens per parameter",
                        "M* = (b/a)^(1/(2·eta)): the multiplier with the lowest loss at a fixed compute",
                        OvertrainingLaw::optimalMultiplier),
                new DerivedQuantity("alpha_code", "", "a·6^(−eta): the coefficient of N^(−2·eta) as Gadre et al.'s code writes it",
                        p -> p[A] * Math.exp(-p[ETA] * LN6)));
    }

    @Override
    public String toString() {
        return formula();
    }
}
