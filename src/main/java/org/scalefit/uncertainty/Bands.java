package org.scalefit.uncertainty;

import java.util.SplittableRandom;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.model.Law;
import org.scalefit.stats.Interval;

/**
 * Confidence and prediction bands of a fitted single-predictor law at any x, inside or outside the data.
 *
 * <p><b>Delta method</b> ({@link #delta}): in the fit's residual space (ln y for log-space fits) the
 * curve's variance at x is ∇gᵀΣ∇g with ∇g the law's analytic gradient and Σ the fit's covariance; a new
 * point adds the noise variance s²/w (s² = RSS/dof; w the median weight of the data, 1 when unweighted;
 * with sigmas given, the absolute covariance and s = 1). Bands are ĝ ± t·se with the fit's t quantile,
 * mapped back to y (exp in log space, so log-space bands are asymmetric in y). Exact for laws linear in
 * their parameters in that space (power law, exponential, quadratic), first-order otherwise.
 *
 * <p><b>Bootstrap</b> ({@link #bootstrap}): the curve band is the percentile interval of g(x; θ*) over
 * the replicates; the prediction band adds to each replicate a residual drawn from the fit's centred,
 * √(n/dof)-inflated residuals, with the draw seeded from (seed, replicate index).
 *
 * <pre>{@code
 * Prediction p = Bands.delta(fit, 1e26);
 * Prediction q = Bands.bootstrap(bootstrapResult, 1e26);
 * }</pre>
 */
public final class Bands {
    private Bands() {
    }

    /**
     * @param fit a fit of a single-predictor law
     * @param x   where to evaluate
     * @return the curve at x with delta-method bands
     */
    public static Prediction delta(Fit fit, double x) {
        Law law = single(fit);
        double[] p = fit.values();
        double[] at = {x};
        double g = Noise.inSpace(fit, at, p);
        double[] grad = new double[p.length];
        fit.space().gradient(law, at, p, grad);
        double[][] cov = fit.stderrFromAbsoluteCovariance() ? fit.covarianceAbsolute() : fit.covariance();
        double var = 0;
        for (int a = 0; a < p.length; a++) {
            for (int b = 0; b < p.length; b++) {
                if (cov[a][b] != 0) {
                    var += grad[a] * cov[a][b] * grad[b];
                }
            }
        }
        double sigma = Noise.sigma(fit);
        double noise = sigma * sigma / Noise.newPointWeight(fit.data());
        double t = fit.tQuantile();
        double seC = Math.sqrt(Math.max(var, 0));
        double seP = Math.sqrt(Math.max(var, 0) + noise);
        Interval conf = new Interval(fit.space().response(g - t * seC), fit.space().response(g + t * seC));
        Interval pred = new Interval(fit.space().response(g - t * seP), fit.space().response(g + t * seP));
        return new Prediction(x, law.value(at, p), conf, pred, "delta", extrapolation(fit, x));
    }

    /**
     * @param result a bootstrap of a single-predictor fit
     * @param x      where to evaluate
     * @return the curve at x with bootstrap percentile bands
     */
    public static Prediction bootstrap(BootstrapResult result, double x) {
        Fit fit = result.fit();
        Law law = single(fit);
        double[] at = {x};
        double[][] reps = result.replicates();
        int[] index = result.replicateIndices();
        double[] pool = Noise.pool(fit);
        double w = Noise.newPointWeight(fit.data());
        double[] curve = new double[reps.length];
        double[] fresh = new double[reps.length];
        for (int b = 0; b < reps.length; b++) {
            double g = Noise.inSpace(fit, at, reps[b]);
            curve[b] = g;
            SplittableRandom rng = Bootstrap.extraRandom(result.seed(), index[b]);
            fresh[b] = g + pool[rng.nextInt(pool.length)] / Math.sqrt(w);
        }
        double level = fit.options().confidenceLevel();
        double[] c = BootstrapResult.percentileInterval(curve, level);
        double[] q = BootstrapResult.percentileInterval(fresh, level);
        return new Prediction(x, law.value(at, fit.values()),
                new Interval(fit.space().response(c[0]), fit.space().response(c[1])),
                new Interval(fit.space().response(q[0]), fit.space().response(q[1])),
                IntervalMethod.PERCENTILE.label(), extrapolation(fit, x));
    }

    /**
     * The bootstrap confidence band of the curve at many x, ready for a plot
     * ({@code FitPlot.Options.withBand}): at each x the percentile interval of the replicate curves,
     * around the full-data curve.
     *
     * <pre>{@code
     * BootstrapResult boot = Bootstrap.run(fit, Resampler.rows(), 2000, 42, 4);
     * PointwiseBand band = Bands.bootstrapBand(boot, new double[] {1e18, 1e20, 1e22, 1e24});
     * }</pre>
     *
     * @param result a bootstrap of a single-predictor fit
     * @param xs     where to evaluate, increasing
     * @return the band, method {@code bootstrap-percentile}, at the fit's confidence level
     * @throws InvalidDataException if the law has more than one predictor
     */
    public static PointwiseBand bootstrapBand(BootstrapResult result, double[] xs) {
        int n = xs.length;
        double[] center = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            Prediction p = bootstrap(result, xs[i]);
            center[i] = p.value();
            lower[i] = p.confidence().lower();
            upper[i] = p.confidence().upper();
        }
        return new PointwiseBand(xs, center, lower, upper, result.fit().options().confidenceLevel(),
                IntervalMethod.PERCENTILE.label());
    }

    /**
     * @param fit a fit
     * @param x   a prediction point
     * @return its distance beyond the fit's data (decades for laws of a positive x, spans otherwise)
     */
    public static Extrapolation extrapolation(Fit fit, double x) {
        return Extrapolation.of(fit.data(), fit.law().requiresPositive(0), x);
    }

    private static Law single(Fit fit) {
        Observations data = fit.data();
        if (data.predictorCount() != 1) {
            throw new InvalidDataException("bands are drawn along one predictor; " + fit.law().name() + " takes "
                    + data.predictorCount());
        }
        return fit.law();
    }
}
