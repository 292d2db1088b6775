package org.scalefit.model;

import java.util.List;
import java.util.OptionalInt;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;

/**
 * Hoffmann et al.'s (2022) joint law of loss in model size N (parameters) and data D (training
 * tokens): L(N, D) = E + A/N^α + B/D^β ("Chinchilla", their Approach 3).
 *
 * <p>Parameters, in order: {@code E} &gt; 0 (irreducible loss, units of L), {@code A} &gt; 0 and
 * {@code B} &gt; 0 (scales of the model-size and data terms), {@code alpha} and {@code beta} (their
 * exponents). Predictors, in order: {@code N}, {@code D}, both &gt; 0. E, A and B have
 * {@link ParameterDomain#POSITIVE} domain, so the engine optimises (ln E, ln A, ln B, α, β) =
 * (e, a, b, α, β), and in log space the residual is ln L − LSE(a − α·ln N, b − β·ln D, e): with
 * {@code Loss.huber(1e-3)} summed over points this is exactly the objective of Hoffmann et al.
 * and Epoch AI's replication (Besiroglu et al. 2024). The log-sum-exp form is evaluated
 * overflow-free, so N and D may span any range a double holds.
 *
 * <p>The law is {@link SeparableLaw separable}: for fixed (α, β) it is linear in (E, A, B) ≥ 0,
 * which the engine's variable-projection solver and this law's initial guess exploit.
 *
 * <pre>{@code
 * Observations data = Observations.builder()
 *         .predictor("N", "params", n).predictor("D", "tokens", d).response("loss", loss).build();
 * Fit fit = Fitter.fit(new ChinchillaLaw(), data, FitOptions.builder()
 *         .loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid()).build());
 * double g = ChinchillaLaw.allocationG(fit.values());   // N_opt = G·(C/6)^(β/(α+β))
 * }</pre>
 */
public final class ChinchillaLaw implements SeparableLaw, ClosedForm {
    /** Index of E in the parameter vector. */
    public static final int E = 0;
    /** Index of A. */
    public static final int A = 1;
    /** Index of B. */
    public static final int B = 2;
    /** Index of alpha. */
    public static final int ALPHA = 3;
    /** Index of beta. */
    public static final int BETA = 4;

    private static final List<String> PARAMETERS = List.of("E", "A", "B", "alpha", "beta");
    private static final List<String> PREDICTORS = List.of("N", "D");
    private static final int[] LINEAR = {E, A, B};
    private static final int[] NONLINEAR = {ALPHA, BETA};

    /** Creates the law; it has no configuration. */
    public ChinchillaLaw() {
    }

    /** @return {@link ClosedForm.Form#CHINCHILLA} */
    @Override
    public Form form() {
        return Form.CHINCHILLA;
    }

    @Override
    public String name() {
        return "chinchilla";
    }

    @Override
    public List<String> predictors() {
        return PREDICTORS;
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public double value(double[] x, double[] p) {
        return p[E] + Math.exp(Math.log(p[A]) - p[ALPHA] * Math.log(x[0])) + Math.exp(Math.log(p[B]) - p[BETA] * Math.log(x[1]));
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double ln = Math.log(x[0]);
        double ld = Math.log(x[1]);
        double u = Math.exp(-p[ALPHA] * ln);
        double v = Math.exp(-p[BETA] * ld);
        out[E] = 1.0;
        out[A] = u;
        out[B] = v;
        out[ALPHA] = -p[A] * u * ln;
        out[BETA] = -p[B] * v * ld;
    }

    /** ln L = LSE(ln A − α·ln N, ln B − β·ln D, ln E), without forming L (no overflow). */
    @Override
    public double logValue(double[] x, double[] p) {
        if (!(p[E] > 0 && p[A] > 0 && p[B] > 0)) {
            return directLogValue(x, p);
        }
        double t1 = Math.log(p[A]) - p[ALPHA] * Math.log(x[0]);
        double t2 = Math.log(p[B]) - p[BETA] * Math.log(x[1]);
        double t3 = Math.log(p[E]);
        double m = Math.max(t1, Math.max(t2, t3));
        return m + Math.log(Math.exp(t1 - m) + Math.exp(t2 - m) + Math.exp(t3 - m));
    }

    private double directLogValue(double[] x, double[] p) {
        double f = value(x, p);
        return f > 0 ? Math.log(f) : Double.NaN;
    }

    /**
     * ∂ln L/∂p through the softmax weights wₖ of the three terms: ∂/∂E = w₃/E, ∂/∂A = w₁/A,
     * ∂/∂B = w₂/B, ∂/∂α = −w₁·ln N, ∂/∂β = −w₂·ln D.
     */
    @Override
    public void logGradient(double[] x, double[] p, double[] out) {
        double ln = Math.log(x[0]);
        double ld = Math.log(x[1]);
        if (!(p[E] > 0 && p[A] > 0 && p[B] > 0)) {
            double f = value(x, p);
            gradient(x, p, out);
            for (int j = 0; j < out.length; j++) {
                out[j] /= f;
            }
            return;
        }
        double t1 = Math.log(p[A]) - p[ALPHA] * ln;
        double t2 = Math.log(p[B]) - p[BETA] * ld;
        double t3 = Math.log(p[E]);
        double m = Math.max(t1, Math.max(t2, t3));
        double e1 = Math.exp(t1 - m);
        double e2 = Math.exp(t2 - m);
        double e3 = Math.exp(t3 - m);
        double s = e1 + e2 + e3;
        double w1 = e1 / s;
        double w2 = e2 / s;
        double w3 = e3 / s;
        out[E] = w3 / p[E];
        out[A] = w1 / p[A];
        out[B] = w2 / p[B];
        out[ALPHA] = -w1 * ln;
        out[BETA] = -w2 * ld;
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
        out[1] = Math.exp(-p[ALPHA] * Math.log(x[0]));
        out[2] = Math.exp(-p[BETA] * Math.log(x[1]));
    }

    /**
     * Variable projection on a grid: for α, β ∈ {0.1, 0.2, …, 1.0}, then a finer 5×5 grid of step 0.025
     * around the best pair, solves (E, A, B) ≥ 0 by exact non-negative least squares on relative
     * residuals (L − f)/L, keeps the pair whose fit has the lowest squared log residual, and lifts any
     * coefficient that came out 0 to a small positive value (the engine optimises their logarithms).
     */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double[] ln = new double[n];
        double[] ld = new double[n];
        double[] y = new double[n];
        double ymin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            ln[i] = Math.log(data.x(0, i));
            ld[i] = Math.log(data.x(1, i));
            y[i] = data.y(i);
            ymin = Math.min(ymin, y[i]);
        }
        if (!(ymin > 0)) {
            ymin = 1.0;
        }
        GuessGrid grid = new GuessGrid(ln, ld, y, ymin);
        double[] alphas = new double[10];
        for (int k = 0; k < 10; k++) {
            alphas[k] = 0.1 * (k + 1);
        }
        grid.search(alphas, alphas);
        if (grid.best == null) {
            return new double[] {0.5 * ymin, 100, 100, 0.3, 0.3};
        }
        double[] fineA = new double[5];
        double[] fineB = new double[5];
        for (int k = 0; k < 5; k++) {
            fineA[k] = Math.max(0.01, grid.best[ALPHA] + 0.025 * (k - 2));
            fineB[k] = Math.max(0.01, grid.best[BETA] + 0.025 * (k - 2));
        }
        grid.search(fineA, fineB);
        return grid.best;
    }

    /** The search behind {@link #initialGuess}: basis powers computed once per exponent, not per pair. */
    private static final class GuessGrid {
        private final double[] ln;
        private final double[] ld;
        private final double[] y;
        private final double ymin;
        private final SmallNnls nnls = new SmallNnls(3);
        private final double[][] gram = new double[3][3];
        private final double[] rhs = new double[3];
        private final double[] c = new double[3];
        double[] best;
        double bestCost = Double.POSITIVE_INFINITY;

        GuessGrid(double[] ln, double[] ld, double[] y, double ymin) {
            this.ln = ln;
            this.ld = ld;
            this.y = y;
            this.ymin = ymin;
        }

        void search(double[] alphas, double[] betas) {
            int n = y.length;
            double[][] u = new double[alphas.length][n];
            double[][] v = new double[betas.length][n];
            for (int k = 0; k < alphas.length; k++) {
                for (int i = 0; i < n; i++) {
                    u[k][i] = Math.exp(-alphas[k] * ln[i]);
                }
            }
            for (int k = 0; k < betas.length; k++) {
                for (int i = 0; i < n; i++) {
                    v[k][i] = Math.exp(-betas[k] * ld[i]);
                }
            }
            for (int ia = 0; ia < alphas.length; ia++) {
                for (int ib = 0; ib < betas.length; ib++) {
                    double[] uu = u[ia];
                    double[] vv = v[ib];
                    double g01 = 0;
                    double g02 = 0;
                    double g11 = 0;
                    double g12 = 0;
                    double g22 = 0;
                    double g00 = 0;
                    double h0 = 0;
                    double h1 = 0;
                    double h2 = 0;
                    double yy = 0;
                    for (int i = 0; i < n; i++) {
                        double w = y[i] != 0 ? 1.0 / (y[i] * y[i]) : 1.0;
                        double wu = w * uu[i];
                        double wv = w * vv[i];
                        g00 += w;
                        g01 += wu;
                        g02 += wv;
                        g11 += wu * uu[i];
                        g12 += wu * vv[i];
                        g22 += wv * vv[i];
                        h0 += w * y[i];
                        h1 += wu * y[i];
                        h2 += wv * y[i];
                        yy += w * y[i] * y[i];
                    }
                    gram[0][0] = g00;
                    gram[0][1] = g01;
                    gram[1][0] = g01;
                    gram[0][2] = g02;
                    gram[2][0] = g02;
                    gram[1][1] = g11;
                    gram[1][2] = g12;
                    gram[2][1] = g12;
                    gram[2][2] = g22;
                    rhs[0] = h0;
                    rhs[1] = h1;
                    rhs[2] = h2;
                    nnls.solve(gram, rhs, yy, c);
                    double[] p = lift(new double[] {c[0], c[1], c[2], alphas[ia], betas[ib]}, ymin, ln, ld);
                    double cost = 0;
                    for (int i = 0; i < n && cost < bestCost; i++) {
                        double f = p[E] + p[A] * uu[i] + p[B] * vv[i];
                        double r = y[i] > 0 ? Math.log(y[i] / f) : y[i] - f;
                        cost += r * r;
                    }
                    if (cost < bestCost) {
                        bestCost = cost;
                        best = p;
                    }
                }
            }
        }
    }

    /** Coefficients of 0 become small positive values: E a thousandth of min(L), A and B a thousandth of it at the median size. */
    private static double[] lift(double[] p, double ymin, double[] ln, double[] ld) {
        double floor = 1e-3 * ymin;
        if (!(p[E] > 0)) {
            p[E] = floor;
        }
        if (!(p[A] > 0)) {
            p[A] = floor * Math.exp(p[ALPHA] * median(ln));
        }
        if (!(p[B] > 0)) {
            p[B] = floor * Math.exp(p[BETA] * median(ld));
        }
        return p;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** @return E (index 0) while alpha and beta are positive: the loss of infinite N and D */
    @Override
    public OptionalInt asymptote(double[] p) {
        return p[ALPHA] > 0 && p[BETA] > 0 ? OptionalInt.of(E) : OptionalInt.empty();
    }

    @Override
    public ParameterDomain domain(int j) {
        return j <= B ? ParameterDomain.POSITIVE : ParameterDomain.REAL;
    }

    @Override
    public boolean requiresPositive(int k) {
        return true;
    }

    /** Five parameters need at least six points, so that one degree of freedom is left for the noise. */
    @Override
    public int minimumPoints() {
        return 6;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String n = Formulas.operand(predictorLabels.get(0), "N");
        String d = Formulas.operand(predictorLabels.get(1), "D");
        return responseLabel + " = " + Formulas.term("E", values, E) + " + " + Formulas.term("A", values, A) + "/"
                + n + "^" + exponent("alpha", values, ALPHA) + " + " + Formulas.term("B", values, B) + "/" + d + "^"
                + exponent("beta", values, BETA);
    }

    private static String exponent(String name, double[] values, int j) {
        if (values == null) {
            return name;
        }
        String s = Numbers.format(values[j], 5);
        return values[j] < 0 ? "(" + s + ")" : s;
    }

    /**
     * G = (αA/(βB))^(1/(α+β)), the constant of the compute-optimal allocation N_opt = G·(C/6)^a,
     * D_opt = G^(−1)·(C/6)^b under C = 6·N·D (Hoffmann et al. 2022, Appendix D.2).
     *
     * @param p parameters (E, A, B, alpha, beta)
     * @return G
     */
    public static double allocationG(double[] p) {
        return Math.exp((Math.log(p[ALPHA] * p[A]) - Math.log(p[BETA] * p[B])) / (p[ALPHA] + p[BETA]));
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(
                new DerivedQuantity("n_opt_exponent", "", "a = beta/(alpha+beta): compute-optimal N grows as C^a",
                        p -> p[BETA] / (p[ALPHA] + p[BETA])),
                new DerivedQuantity("d_opt_exponent", "", "b = alpha/(alpha+beta): compute-optimal D grows as C^b",
                        p -> p[ALPHA] / (p[ALPHA] + p[BETA])),
                new DerivedQuantity("G", "", "G = (alpha·A/(beta·B))^(1/(alpha+beta)): N_opt = G·(C/6)^a",
                        ChinchillaLaw::allocationG),
                new DerivedQuantity("loss_compute_exponent", "",
                        "alpha·beta/(alpha+beta): at the optimum, L − E falls as C^(−this)",
                        p -> p[ALPHA] * p[BETA] / (p[ALPHA] + p[BETA])));
    }

    @Override
    public String toString() {
        return formula();
    }
}
