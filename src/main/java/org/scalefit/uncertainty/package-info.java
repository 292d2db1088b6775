/**
 * Uncertainty of fits: bootstrap resampling plans (iid rows, whole groups, group → item → repeat,
 * residuals, parametric), percentile and BCa intervals, confidence and prediction bands at any x with a
 * warning that grows with the distance beyond the data, and the propagation of parameter uncertainty to
 * anything computed from a fit (exponents, doubling times, the x at which y reaches a target).
 *
 * <p>Every replicate is seeded from (seed, replicate index) through {@link org.scalefit.stats.Seeds}, and
 * results are stored by replicate index, so a bootstrap gives the same answer on one thread or sixteen.
 * Replicates whose refit fails are counted and reported, never silently dropped.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new PowerLaw(), data, FitOptions.defaults());
 * BootstrapResult b = Bootstrap.run(fit, Resampler.rows(), 2000, 42, 4);
 * Estimate alpha = b.parameter("alpha", IntervalMethod.BCA);
 * Prediction at1e26 = Bands.bootstrap(b, 1e26);     // curve and new-point bands, extrapolation warning
 * }</pre>
 */
package org.scalefit.uncertainty;
