package org.scalefit.uncertainty;

import org.scalefit.InvalidDataException;
import org.scalefit.fit.Fit;
import org.scalefit.model.Law;
import org.scalefit.model.Space;

/**
 * The confidence band of a fitted single-predictor curve by the delta method: the variance of the
 * curve at x is gᵀΣg, with g the law's analytic gradient at the fitted parameters and Σ the fit's
 * covariance (absolute when sigmas were given, else scaled by the residual variance). In log space
 * the gradient of ln f is used and the band is exp(ln f ± t·se), so it stays positive and is
 * symmetric on a log axis; in linear space it is f ± t·se. t is the fit's t quantile at its
 * confidence level.
 *
 * <p>This is a band for the mean curve (where the law would be if refitted on new data), not a
 * prediction interval for new points.
 *
 * <pre>{@code
 * double[] xs = {1e18, 1e19, 1e20, 1e21};
 * PointwiseBand band = DeltaMethodBand.of(fit, xs);
 * }</pre>
 */
public final class DeltaMethodBand {
    private DeltaMethodBand() {
    }

    /**
     * @param fit a fit of a law with one predictor
     * @param xs  where to evaluate the band
     * @return the band; NaN bounds where the curve or its gradient is not finite, or the fit has no
     *         degrees of freedom
     * @throws InvalidDataException if the law has more than one predictor
     */
    public static PointwiseBand of(Fit fit, double[] xs) {
        Law law = fit.law();
        if (law.predictors().size() != 1) {
            throw new InvalidDataException("a curve band needs a law with one predictor; " + law.name() + " has "
                    + law.predictors().size());
        }
        double[] p = fit.values();
        double[][] cov = fit.stderrFromAbsoluteCovariance() ? fit.covarianceAbsolute() : fit.covariance();
        double t = fit.tQuantile();
        Space space = fit.space();
        int n = xs.length;
        double[] center = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] g = new double[p.length];
        double[] point = new double[1];
        for (int i = 0; i < n; i++) {
            point[0] = xs[i];
            double f = law.value(point, p);
            center[i] = f;
            double var = Double.NaN;
            if (Double.isFinite(f) && (!space.needsPositive() || f > 0)) {
                space.gradient(law, point, p, g);
                var = quadratic(g, cov);
            }
            double half = t * Math.sqrt(var);
            if (!(var >= 0) || !Double.isFinite(half)) {
                lower[i] = Double.NaN;
                upper[i] = Double.NaN;
            } else {
                double g0 = space.target(f);
                lower[i] = space.response(g0 - half);
                upper[i] = space.response(g0 + half);
            }
        }
        return new PointwiseBand(xs, center, lower, upper, fit.options().confidenceLevel(), "delta");
    }

    private static double quadratic(double[] g, double[][] cov) {
        double s = 0;
        for (int a = 0; a < g.length; a++) {
            if (!Double.isFinite(g[a])) {
                return Double.NaN;
            }
            for (int b = 0; b < g.length; b++) {
                s += g[a] * cov[a][b] * g[b];
            }
        }
        return s;
    }
}
