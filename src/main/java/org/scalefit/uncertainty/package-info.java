/**
 * Uncertainty of fits: bootstrap resampling plans, percentile intervals, and the propagation of
 * parameter uncertainty to anything computed from a fit.
 *
 * <p>Every replicate is seeded from (seed, replicate index) through {@link org.scalefit.fit.Seeds}, and
 * results are stored by replicate index, so a bootstrap gives the same answer on one thread or sixteen.
 * Replicates whose refit fails are counted and reported, never silently dropped.
 */
package org.scalefit.uncertainty;
