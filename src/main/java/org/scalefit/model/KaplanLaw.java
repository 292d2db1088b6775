package org.scalefit.model;

import java.util.List;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;

/**
 * Kaplan et al.'s (2020, eq. 1.5) joint law of loss in model size N (non-embedding parameters) and
 * data D (tokens): L(N, D) = [(Nc/N)^(αN/αD) + Dc/D]^αD. For D → ∞ it becomes (Nc/N)^αN, for
 * N → ∞ (Dc/D)^αD; there is no irreducible term.
 *
 * <p>Parameters, in order: {@code Nc} &gt; 0 and {@code Dc} &gt; 0 (scales in parameters and tokens; Kaplan
 * et al. report 8.8e13 and 5.4e13), {@code alphaN} and {@code alphaD} (0.076 and 0.095 in the paper).
 * Predictors: {@code N}, {@code D}, both &gt; 0. The logarithm is evaluated as
 * αD·LSE((αN/αD)·(ln Nc − ln N), ln Dc − ln D), so no power overflows.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new KaplanLaw(), data, FitOptions.defaults());   // data with predictors N, D
 * double alphaN = fit.value("alphaN");
 * }</pre>
 */
public final class KaplanLaw implements Law {
    /** Index of Nc. */
    public static final int NC = 0;
    /** Index of Dc. */
    public static final int DC = 1;
    /** Index of alphaN. */
    public static final int ALPHA_N = 2;
    /** Index of alphaD. */
    public static final int ALPHA_D = 3;

    private static final List<String> PARAMETERS = List.of("Nc", "Dc", "alphaN", "alphaD");
    private static final List<String> PREDICTORS = List.of("N", "D");

    /** Creates the law; it has no configuration. */
    public KaplanLaw() {
    }

    @Override
    public String name() {
        return "kaplan";
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
        return Math.exp(logValue(x, p));
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double f = value(x, p);
        logGradient(x, p, out);
        for (int j = 0; j < out.length; j++) {
            out[j] *= f;
        }
    }

    /** ln L = αD·LSE(t₁, t₂) with t₁ = (αN/αD)·(ln Nc − ln N), t₂ = ln Dc − ln D. */
    @Override
    public double logValue(double[] x, double[] p) {
        if (!(p[NC] > 0 && p[DC] > 0) || p[ALPHA_D] == 0) {
            return Double.NaN;
        }
        double t1 = p[ALPHA_N] / p[ALPHA_D] * (Math.log(p[NC]) - Math.log(x[0]));
        double t2 = Math.log(p[DC]) - Math.log(x[1]);
        double m = Math.max(t1, t2);
        return p[ALPHA_D] * (m + Math.log(Math.exp(t1 - m) + Math.exp(t2 - m)));
    }

    /**
     * With softmax weights w₁, w₂ of t₁, t₂ and S = LSE(t₁, t₂): ∂/∂Nc = αN·w₁/Nc, ∂/∂Dc = αD·w₂/Dc,
     * ∂/∂αN = w₁·(ln Nc − ln N), ∂/∂αD = S − w₁·t₁.
     */
    @Override
    public void logGradient(double[] x, double[] p, double[] out) {
        if (!(p[NC] > 0 && p[DC] > 0) || p[ALPHA_D] == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return;
        }
        double lr = Math.log(p[NC]) - Math.log(x[0]);
        double t1 = p[ALPHA_N] / p[ALPHA_D] * lr;
        double t2 = Math.log(p[DC]) - Math.log(x[1]);
        double m = Math.max(t1, t2);
        double e1 = Math.exp(t1 - m);
        double e2 = Math.exp(t2 - m);
        double s = e1 + e2;
        double w1 = e1 / s;
        double w2 = e2 / s;
        double lse = m + Math.log(s);
        out[NC] = p[ALPHA_N] * w1 / p[NC];
        out[DC] = p[ALPHA_D] * w2 / p[DC];
        out[ALPHA_N] = w1 * lr;
        out[ALPHA_D] = lse - w1 * t1;
    }

    /**
     * Log-space regression ln L ≈ c − p·ln N − q·ln D for the scale of the exponents, then a small grid of
     * (αN, αD) around it with Nc and Dc chosen so that both terms are equal at the median point and the
     * curve passes through the mean log loss there; the candidate with the lowest squared log residual wins.
     */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        double[] ln = new double[n];
        double[] ld = new double[n];
        double[] ly = new double[n];
        double meanLy = 0;
        for (int i = 0; i < n; i++) {
            ln[i] = Math.log(data.x(0, i));
            ld[i] = Math.log(data.x(1, i));
            ly[i] = data.y(i) > 0 ? Math.log(data.y(i)) : Double.NaN;
            meanLy += Double.isFinite(ly[i]) ? ly[i] : 0;
        }
        meanLy /= n;
        double mn = median(ln);
        double md = median(ld);
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        double[] grid = {0.02, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8};
        for (double aN : grid) {
            for (double aD : grid) {
                // Equal terms at the median: t1 = t2 = T with αD·(T + ln 2) = mean ln L.
                double tEq = meanLy / aD - Math.log(2);
                double lnDc = md + tEq;
                double lnNc = mn + tEq * aD / aN;
                double[] p = {Math.exp(lnNc), Math.exp(lnDc), aN, aD};
                if (!(p[NC] > 0 && p[DC] > 0) || !Double.isFinite(p[NC]) || !Double.isFinite(p[DC])) {
                    continue;
                }
                double cost = 0;
                double[] x = new double[2];
                for (int i = 0; i < n && cost < bestCost; i++) {
                    x[0] = data.x(0, i);
                    x[1] = data.x(1, i);
                    double r = ly[i] - logValue(x, p);
                    cost += Double.isFinite(r) ? r * r : 0;
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = p;
                }
            }
        }
        return best != null ? best : new double[] {8.8e13, 5.4e13, 0.076, 0.095};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    /** @return none: every parameter sits inside a power */
    @Override
    public int[] linearParameters() {
        return new int[] {};
    }

    @Override
    public ParameterDomain domain(int j) {
        return j <= DC ? ParameterDomain.POSITIVE : ParameterDomain.REAL;
    }

    @Override
    public boolean requiresPositive(int k) {
        return true;
    }

    /** Four parameters need at least five points, so that one degree of freedom is left for the noise. */
    @Override
    public int minimumPoints() {
        return 5;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String n = Formulas.operand(predictorLabels.get(0), "N");
        String d = Formulas.operand(predictorLabels.get(1), "D");
        String ratio = values == null ? "alphaN/alphaD" : Numbers.format(values[ALPHA_N] / values[ALPHA_D], 5);
        String aD = values == null ? "alphaD" : Formulas.term("alphaD", values, ALPHA_D);
        return responseLabel + " = ((" + Formulas.term("Nc", values, NC) + "/" + n + ")^(" + ratio + ") + "
                + Formulas.term("Dc", values, DC) + "/" + d + ")^" + aD;
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(new DerivedQuantity("data_exponent", "",
                "alphaN/alphaD: to stay clear of overfitting, D should grow as N^(this)",
                p -> p[ALPHA_N] / p[ALPHA_D]));
    }

    @Override
    public String toString() {
        return formula();
    }
}
