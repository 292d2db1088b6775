/**
 * The physicist's questions about a trend, answered with calibrated statistics.
 *
 * <ul>
 * <li>"Is it an exponential, a power law, or is it bending?" — {@link org.scalefit.compare.ModelComparison}
 * fits several laws to the same data and ranks them by AIC, AICc, BIC, leave-one-out error and an
 * extrapolation backtest, and says in words which law wins and by how much evidence (or that the data
 * cannot tell).</li>
 * <li>"Are we off the curve?" — {@link org.scalefit.compare.BreakTest} fits the trend to the earlier
 * points and checks the later ones against its prediction interval, and compares a single law with a
 * broken one by a likelihood ratio whose null distribution is simulated, not assumed.</li>
 * <li>"Did we find a better slope, and what is it worth?" — {@link org.scalefit.compare.SlopeComparison}
 * gives the difference of exponents and the compute multiplier between two fitted curves, with intervals.</li>
 * </ul>
 *
 * <p>Information criteria compare likelihoods, so they are only comparable between fits whose residuals
 * live in the same space; every comparison here fits all candidates in one space (log by default) and
 * says which.
 */
package org.scalefit.compare;
