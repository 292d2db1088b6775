package org.scalefit.model;

import java.util.List;
import org.scalefit.data.Observations;

/**
 * Krajewski et al.'s (2025) "direct" law of a benchmark score Q (an accuracy in (0, 1]) in model size N
 * and training tokens D, without the loss in between:
 * <pre>
 *   −ln Q = A·N^(−α) + B·D^(−β),   i.e.   Q(N, D) = exp(−(A/N^α + B/D^β)).
 * </pre>
 * It is their form for runs at several token-to-parameter ratios (at a fixed ratio it reduces to
 * −ln Q = A'·C^(−α'), a power law in compute). Q tends to 1 as N and D grow, and −ln Q is the
 * score's "distance from perfect" that falls as a power law.
 *
 * <p>Parameters, in order: {@code A} &gt; 0, {@code B} &gt; 0, {@code alpha}, {@code beta}. Predictors
 * {@code N}, {@code D} &gt; 0. Fitted in log space by default: the residual ln Q − ln Q̂ is then exactly
 * the residual of −ln Q, so the fit is least squares on the power law Krajewski et al. describe. For
 * fixed (α, β) it is linear in (A, B): the initial guess searches a grid of exponents and solves (A, B)
 * ≥ 0 exactly at each.
 *
 * <pre>{@code
 * Observations data = Observations.builder()
 *         .predictor("N", "params", n).predictor("D", "tokens", d).response("accuracy", acc).build();
 * Fit direct = Fitter.fit(new DirectAccuracyLaw(), data);
 * double acc = direct.predict(7e9, 4e12);
 * }</pre>
 */
public final class DirectAccuracyLaw implements Law {
    /** Index of A. */
    public static final int A = 0;
    /** Index of B. */
    public static final int B = 1;
    /** Index of alpha. */
    public static final int ALPHA = 2;
    /** Index of beta. */
    public static final int BETA = 3;

    private static final List<String> PARAMETERS = List.of("A", "B", "alpha", "beta");
    private static final List<String> PREDICTORS = List.of("N", "D");

    /** Creates the law; it has no configuration. */
    public DirectAccuracyLaw() {
    }

    @Override
    public String name() {
        return "direct-accuracy";
    }

    @Override
    public List<String> predictors() {
        return PREDICTORS;
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    /** @return −ln Q = A·N^(−α) + B·D^(−β) */
    private static double negLog(double[] x, double[] p) {
        return p[A] * Math.exp(-p[ALPHA] * Math.log(x[0])) + p[B] * Math.exp(-p[BETA] * Math.log(x[1]));
    }

    @Override
    public double value(double[] x, double[] p) {
        return Math.exp(-negLog(x, p));
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        logGradient(x, p, out);
        double q = value(x, p);
        for (int j = 0; j < out.length; j++) {
            out[j] *= q;
        }
    }

    @Override
    public double logValue(double[] x, double[] p) {
        return -negLog(x, p);
    }

    @Override
    public void logGradient(double[] x, double[] p, double[] out) {
        double ln = Math.log(x[0]);
        double ld = Math.log(x[1]);
        double u = Math.exp(-p[ALPHA] * ln);
        double v = Math.exp(-p[BETA] * ld);
        out[A] = -u;
        out[B] = -v;
        out[ALPHA] = p[A] * u * ln;
        out[BETA] = p[B] * v * ld;
    }

    /**
     * For α, β ∈ {0.05, 0.1, …, 1.0} (then a finer grid of step 0.01 around the best pair), (A, B) ≥ 0 by
     * exact non-negative least squares on −ln Q; the pair of lowest residual wins, and a zero coefficient
     * is lifted to a small positive value.
     */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double[] ln = new double[n];
        double[] ld = new double[n];
        double[] z = new double[n];
        double zmax = 0;
        for (int i = 0; i < n; i++) {
            ln[i] = Math.log(data.x(0, i));
            ld[i] = Math.log(data.x(1, i));
            double q = data.y(i);
            z[i] = q > 0 ? -Math.log(q) : 1.0;
            zmax = Math.max(zmax, Math.abs(z[i]));
        }
        double[] alphas = new double[20];
        for (int k = 0; k < alphas.length; k++) {
            alphas[k] = 0.05 * (k + 1);
        }
        double[] best = search(ln, ld, z, alphas, alphas, null);
        if (best == null) {
            return new double[] {Math.max(zmax, 1e-3), Math.max(zmax, 1e-3), 0.2, 0.2};
        }
        double[] fa = new double[11];
        double[] fb = new double[11];
        for (int k = 0; k < 11; k++) {
            fa[k] = Math.max(0.005, best[ALPHA] + 0.01 * (k - 5));
            fb[k] = Math.max(0.005, best[BETA] + 0.01 * (k - 5));
        }
        best = search(ln, ld, z, fa, fb, best);
        double floor = 1e-3 * Math.max(zmax, 1e-6);
        if (!(best[A] > 0)) {
            best[A] = floor * Math.exp(best[ALPHA] * ln[n / 2]);
        }
        if (!(best[B] > 0)) {
            best[B] = floor * Math.exp(best[BETA] * ld[n / 2]);
        }
        return best;
    }

    private static double[] search(double[] ln, double[] ld, double[] z, double[] alphas, double[] betas, double[] start) {
        int n = z.length;
        SmallNnls nnls = new SmallNnls(2);
        double[][] gram = new double[2][2];
        double[] rhs = new double[2];
        double[] c = new double[2];
        double zz = 0;
        for (double v : z) {
            zz += v * v;
        }
        double[] best = start;
        double bestCost = Double.POSITIVE_INFINITY;
        if (start != null) {
            bestCost = cost(ln, ld, z, start);
        }
        for (double alpha : alphas) {
            for (double beta : betas) {
                double g00 = 0;
                double g01 = 0;
                double g11 = 0;
                double h0 = 0;
                double h1 = 0;
                for (int i = 0; i < n; i++) {
                    double u = Math.exp(-alpha * ln[i]);
                    double v = Math.exp(-beta * ld[i]);
                    g00 += u * u;
                    g01 += u * v;
                    g11 += v * v;
                    h0 += u * z[i];
                    h1 += v * z[i];
                }
                gram[0][0] = g00;
                gram[0][1] = g01;
                gram[1][0] = g01;
                gram[1][1] = g11;
                rhs[0] = h0;
                rhs[1] = h1;
                nnls.solve(gram, rhs, zz, c);
                double[] p = {c[0], c[1], alpha, beta};
                double cost = cost(ln, ld, z, p);
                if (Double.isFinite(cost) && cost < bestCost) {
                    bestCost = cost;
                    best = p;
                }
            }
        }
        return best;
    }

    private static double cost(double[] ln, double[] ld, double[] z, double[] p) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            double r = z[i] - p[A] * Math.exp(-p[ALPHA] * ln[i]) - p[B] * Math.exp(-p[BETA] * ld[i]);
            s += r * r;
        }
        return s;
    }

    @Override
    public ParameterDomain domain(int j) {
        return j <= B ? ParameterDomain.POSITIVE : ParameterDomain.REAL;
    }

    @Override
    public boolean requiresPositive(int k) {
        return true;
    }

    /** Four parameters and one degree of freedom left for the noise. */
    @Override
    public int minimumPoints() {
        return 5;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String n = Formulas.operand(predictorLabels.get(0), "N");
        String d = Formulas.operand(predictorLabels.get(1), "D");
        String alpha = values == null ? "alpha" : org.scalefit.Numbers.format(values[ALPHA], 5);
        String beta = values == null ? "beta" : org.scalefit.Numbers.format(values[BETA], 5);
        return responseLabel + " = exp(−(" + Formulas.term("A", values, A) + "/" + n + "^" + paren(alpha) + " + "
                + Formulas.term("B", values, B) + "/" + d + "^" + paren(beta) + "))";
    }

    private static String paren(String s) {
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    @Override
    public String toString() {
        return formula();
    }
}
