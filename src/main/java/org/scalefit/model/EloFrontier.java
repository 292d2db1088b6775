package org.scalefit.model;

import java.util.List;
import org.scalefit.data.Observations;

/**
 * Jones (2021)'s compute frontier for Hex: the best Elo against perfect play reachable with training
 * compute C on an n×n board is a change-point model — a plateau at random-play strength, then an
 * incline linear in log₁₀ C, capped at 0 (perfect play), both linear in the board size n:
 * <pre>
 *   plateau(n)    = m_plateau·n + c_plateau
 *   incline(C, n) = m_flops·log₁₀ C + m_board·n + c_incline
 *   Elo(C, n)     = min(0, max(incline, plateau))
 * </pre>
 * Predictors: {@code C} (compute, &gt; 0) and {@code n} (board size). Parameters, in Elo:
 * {@code m_flops} (Elo gained per tenfold compute; Jones reports ≈ 500), {@code m_board},
 * {@code c_incline}, {@code m_plateau}, {@code c_plateau}. Derived: the compute multiplier per extra
 * board row, 10^(−m_board/m_flops) (Jones: ≈ 7). Fitted in linear space (Elo can be negative).
 *
 * <pre>{@code
 * Observations obs = Observations.builder().predictor("C", flops).predictor("n", board).response("elo", elo).build();
 * Fit fit = Fitter.fit(new EloFrontier(), obs, FitOptions.defaults());
 * double perDecade = fit.value("m_flops");
 * }</pre>
 */
public final class EloFrontier implements Law {
    private static final List<String> PARAMETERS = List.of("m_flops", "m_board", "c_incline", "m_plateau", "c_plateau");

    /** Creates the law; it has no configuration. */
    public EloFrontier() {
    }

    @Override
    public String name() {
        return "elo-frontier";
    }

    @Override
    public List<String> predictors() {
        return List.of("C", "n");
    }

    @Override
    public List<String> parameters() {
        return PARAMETERS;
    }

    @Override
    public double value(double[] x, double[] p) {
        double incline = p[0] * Math.log10(x[0]) + p[1] * x[1] + p[2];
        double plateau = p[3] * x[1] + p[4];
        return Math.min(0, Math.max(incline, plateau));
    }

    @Override
    public void gradient(double[] x, double[] p, double[] out) {
        double lc = Math.log10(x[0]);
        double incline = p[0] * lc + p[1] * x[1] + p[2];
        double plateau = p[3] * x[1] + p[4];
        java.util.Arrays.fill(out, 0);
        if (Math.max(incline, plateau) >= 0) {
            return;
        }
        if (incline >= plateau) {
            out[0] = lc;
            out[1] = x[1];
            out[2] = 1;
        } else {
            out[3] = x[1];
            out[4] = 1;
        }
    }

    /**
     * Plateau: a line through each board's lowest Elo; incline: a regression of Elo on log₁₀ C and n
     * over the points clearly between the plateau and perfect play.
     */
    @Override
    public double[] initialGuess(Observations data) {
        int n = data.size();
        java.util.Map<Double, Double> lowest = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            lowest.merge(data.x(1, i), data.y(i), Math::min);
        }
        double[] bs = lowest.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] ls = lowest.values().stream().mapToDouble(Double::doubleValue).toArray();
        Ols plateau = Ols.fit(bs, ls);
        double[] u = new double[n];
        double[] v = new double[n];
        double[] w = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double floor = plateau.intercept() + plateau.slope() * data.x(1, i);
            if (data.y(i) > floor + 0.15 * Math.abs(floor) && data.y(i) < -0.1 * Math.abs(floor)) {
                u[m] = Math.log10(data.x(0, i));
                v[m] = data.x(1, i);
                w[m] = data.y(i);
                m++;
            }
        }
        double[] beta = m >= 3 ? ols2(java.util.Arrays.copyOf(u, m), java.util.Arrays.copyOf(v, m),
                java.util.Arrays.copyOf(w, m)) : null;
        if (beta == null || !(beta[1] > 0)) {
            return new double[] {500, -400, -4000, plateau.slope(), plateau.intercept()};
        }
        return new double[] {beta[1], beta[2], beta[0], plateau.slope(), plateau.intercept()};
    }

    /** w = b0 + b1·u + b2·v by the normal equations; null when singular. */
    private static double[] ols2(double[] u, double[] v, double[] w) {
        int n = u.length;
        double[][] a = new double[3][3];
        double[] r = new double[3];
        for (int i = 0; i < n; i++) {
            double[] row = {1, u[i], v[i]};
            for (int j = 0; j < 3; j++) {
                r[j] += row[j] * w[i];
                for (int k = 0; k < 3; k++) {
                    a[j][k] += row[j] * row[k];
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            int piv = c;
            for (int k = c + 1; k < 3; k++) {
                if (Math.abs(a[k][c]) > Math.abs(a[piv][c])) {
                    piv = k;
                }
            }
            if (Math.abs(a[piv][c]) < 1e-12) {
                return null;
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            double tr = r[c];
            r[c] = r[piv];
            r[piv] = tr;
            for (int k = c + 1; k < 3; k++) {
                double f = a[k][c] / a[c][c];
                r[k] -= f * r[c];
                for (int j = c; j < 3; j++) {
                    a[k][j] -= f * a[c][j];
                }
            }
        }
        double[] b = new double[3];
        for (int c = 2; c >= 0; c--) {
            double s = r[c];
            for (int j = c + 1; j < 3; j++) {
                s -= a[c][j] * b[j];
            }
            b[c] = s / a[c][c];
        }
        return b;
    }

    /** @return none: the minimum and maximum switch between lines */
    @Override
    public int[] linearParameters() {
        return new int[] {};
    }

    @Override
    public boolean requiresPositive(int k) {
        return k == 0;
    }

    @Override
    public Space defaultSpace() {
        return Space.LINEAR;
    }

    @Override
    public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
        String c = predictorLabels.get(0);
        String b = predictorLabels.get(1);
        return responseLabel + " = min(0, max(" + Formulas.term("m_flops", values, 0) + "·log10(" + c + ") + "
                + Formulas.term("m_board", values, 1) + "·" + b + " + " + Formulas.term("c_incline", values, 2) + ", "
                + Formulas.term("m_plateau", values, 3) + "·" + b + " + " + Formulas.term("c_plateau", values, 4) + "))";
    }

    @Override
    public List<DerivedQuantity> derivedQuantities() {
        return List.of(
                new DerivedQuantity("elo_per_decade", "Elo", "Elo gained per tenfold compute on the incline", p -> p[0]),
                new DerivedQuantity("compute_factor_per_board", "×",
                        "factor by which the compute for a given Elo grows per extra board row, 10^(−m_board/m_flops)",
                        p -> Math.pow(10, -p[1] / p[0])));
    }

    @Override
    public String toString() {
        return formula();
    }
}
