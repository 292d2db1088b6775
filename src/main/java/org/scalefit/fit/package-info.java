/**
 * The fitting engine: {@link org.scalefit.fit.Fitter} fits a {@link org.scalefit.model.Law} to
 * {@link org.scalefit.data.Observations} under {@link org.scalefit.fit.FitOptions} and returns an
 * immutable {@link org.scalefit.fit.Fit}.
 *
 * <p>Residuals live in log space (ln y − ln f, the default for scaling laws, where noise is
 * multiplicative) or linear space. The loss is squares, Huber or asymmetric. Squares are minimised by
 * Levenberg–Marquardt, robust losses by L-BFGS on Σ ρ (or, on request, by reweighted least squares), and
 * laws linear in some parameters (Chinchilla's E, A, B) can be fitted by variable projection
 * ({@link org.scalefit.fit.Solver}). Commons Math stays inside this package.
 * Positive scales are optimised on a log scale and bounds by smooth
 * transforms, so the solver itself is unconstrained. Starts come from the law's data-driven guess,
 * optionally with a grid, seeded random starts or explicit points; the lowest objective wins, ties to
 * the lower start index, which with rows put in a canonical order makes every fit deterministic and
 * independent of row order and thread count.
 *
 * <p>At the optimum the engine reports the covariance (scaled by the residual variance, and absolute),
 * t-based intervals, R², log-likelihood, AIC, AICc, BIC, residual diagnostics and warnings.
 */
package org.scalefit.fit;
