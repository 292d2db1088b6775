package org.scalefit.uncertainty;

import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;

/** The noise model of a fit in its own residual space, shared by the residual and parametric plans and the bands. */
final class Noise {
    private Noise() {
    }

    /** The fit's model at the points of {@code data}, in the fit's space (ln f in log space). */
    static double[] fitted(Fit fit, Observations data) {
        int n = data.size();
        int k = data.predictorCount();
        double[] p = fit.values();
        double[] x = new double[k];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x[j] = data.x(j, i);
            }
            g[i] = inSpace(fit, x, p);
        }
        return g;
    }

    /** The law at x with parameters p, in the fit's space. */
    static double inSpace(Fit fit, double[] x, double[] p) {
        return fit.space().value(fit.law(), x, p);
    }

    /**
     * Weighted residuals √wᵢ·rᵢ, centred and inflated by √(n/dof): iid draws from this pool have the
     * variance of the unbiased estimate s² = RSS/dof rather than the smaller RSS/n.
     */
    static double[] pool(Fit fit) {
        double[] r = fit.residuals();
        Observations data = fit.data();
        int n = r.length;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r[i] *= Math.sqrt(data.weight(i));
            mean += r[i] / n;
        }
        double inflate = fit.dof() > 0 ? Math.sqrt((double) n / fit.dof()) : 1.0;
        for (int i = 0; i < n; i++) {
            r[i] = (r[i] - mean) * inflate;
        }
        return r;
    }

    /** The noise scale per unit weight: √(RSS/dof), or 1 when the weights are inverse variances. */
    static double sigma(Fit fit) {
        if (fit.stderrFromAbsoluteCovariance()) {
            return 1.0;
        }
        return fit.dof() > 0 ? Math.sqrt(fit.rss() / fit.dof()) : Double.NaN;
    }

    /** The weight assumed for a new point: the median of the data's weights (1 when unweighted). */
    static double newPointWeight(Observations data) {
        if (!data.hasWeights()) {
            return 1.0;
        }
        double[] w = new double[data.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = data.weight(i);
        }
        java.util.Arrays.sort(w);
        int n = w.length;
        return n % 2 == 1 ? w[n / 2] : 0.5 * (w[n / 2 - 1] + w[n / 2]);
    }
}
