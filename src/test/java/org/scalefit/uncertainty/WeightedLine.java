package org.scalefit.uncertainty;

import java.util.Random;
import org.scalefit.data.Observations;

/**
 * The closed form of a weighted straight-line fit, v = b0 + b1·u minimising Σ wᵢ(vᵢ − b0 − b1·uᵢ)²: the
 * oracle for a power law y = a·x^(−alpha) fitted in log space (u = ln x, v = ln y, a = e^b0, alpha = −b1).
 * Written out here from the normal equations, so that it shares no code with the fitter.
 */
final class WeightedLine {
    final double b0;
    final double b1;
    /** Unweighted residuals vᵢ − b0 − b1·uᵢ. */
    final double[] residuals;
    /** Σ wᵢ·rᵢ². */
    final double rss;
    /** (XᵀWX)⁻¹ as {s00, s01, s11}. */
    final double[] inverse;

    WeightedLine(double[] u, double[] v, double[] w) {
        double sw = 0;
        double su = 0;
        double sv = 0;
        for (int i = 0; i < u.length; i++) {
            sw += w[i];
            su += w[i] * u[i];
            sv += w[i] * v[i];
        }
        double mu = su / sw;
        double mv = sv / sw;
        double suu = 0;
        double suv = 0;
        for (int i = 0; i < u.length; i++) {
            suu += w[i] * (u[i] - mu) * (u[i] - mu);
            suv += w[i] * (u[i] - mu) * (v[i] - mv);
        }
        b1 = suv / suu;
        b0 = mv - b1 * mu;
        residuals = new double[u.length];
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            residuals[i] = v[i] - b0 - b1 * u[i];
            s += w[i] * residuals[i] * residuals[i];
        }
        rss = s;
        // (XᵀWX)⁻¹ for the columns (1, u): 1/(Sw·Suu) · [[Σwu², −Σwu], [−Σwu, Sw]]
        double swuu = suu + sw * mu * mu;
        double det = sw * suu;
        inverse = new double[] {swuu / det, -su / det, sw / det};
    }

    /** The line through the log-log data of {@code data} with its weights (1 without). */
    static WeightedLine ofLogLog(Observations data) {
        int n = data.size();
        double[] u = new double[n];
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.log(data.x(i));
            v[i] = Math.log(data.y(i));
            w[i] = data.weight(i);
        }
        return new WeightedLine(u, v, w);
    }

    /**
     * The residual bootstrap's pool by its definition: the weighted residuals √wᵢ·rᵢ, centred and inflated
     * by √(n/dof) so that a draw has the variance RSS/dof.
     */
    double[] pool(Observations data) {
        int n = residuals.length;
        double[] e = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            e[i] = Math.sqrt(data.weight(i)) * residuals[i];
            mean += e[i] / n;
        }
        for (int i = 0; i < n; i++) {
            e[i] = (e[i] - mean) * Math.sqrt(n / (n - 2.0));
        }
        return e;
    }

    /** σ̂² = RSS/(n − 2). */
    double sigma2() {
        return rss / (residuals.length - 2);
    }

    /** Variance of b0 + b1·u per unit σ²: (1, u)(XᵀWX)⁻¹(1, u)ᵀ. */
    double leverage(double u) {
        return inverse[0] + 2 * u * inverse[1] + u * u * inverse[2];
    }

    /**
     * Nine points of y = 3·x^−0.07 with 3% log noise over four decades, weights 1–5 (median 2, so a
     * formula that forgot the weight of a new point or of a row is visibly off).
     */
    static Observations weightedPowerLaw(long seed) {
        Random r = new Random(seed);
        double[] w = {1, 4, 2, 3, 1, 5, 2, 1, 3};
        double[] x = new double[w.length];
        double[] y = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            x[i] = Math.pow(10, 18 + 0.5 * i);
            y[i] = 3 * Math.pow(x[i], -0.07) * Math.exp(0.03 * r.nextGaussian() / Math.sqrt(w[i]));
        }
        return Observations.builder().predictor("x", x).response("y", y).weights("w", w).build();
    }
}
