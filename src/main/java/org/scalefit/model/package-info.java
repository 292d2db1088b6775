/**
 * The law family: parametric curves y = f(x; p) with named parameters, analytic gradients,
 * data-driven initial guesses, formulas as text and derived quantities.
 *
 * <p>Built in: {@link org.scalefit.model.PowerLaw} a·x^(−α), {@link org.scalefit.model.OffsetPowerLaw}
 * E + A·x^(−α), {@link org.scalefit.model.Exponential} a·e^(b·x), {@link org.scalefit.model.DoublingTrend}
 * y0·2^((t − t0)/T), and {@link org.scalefit.model.ExpressionLaw} for a formula typed by the user.
 * {@link org.scalefit.model.Laws} finds them by the names the command line uses. Laws know nothing of
 * fitting: they evaluate, differentiate and guess.
 */
package org.scalefit.model;
