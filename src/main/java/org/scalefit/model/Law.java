package org.scalefit.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.scalefit.data.Observations;

/**
 * A scaling law y = f(x; p): a parametric family with named parameters, an analytic gradient,
 * a data-driven initial guess and its formula as text. Laws know nothing of fitting; the engine in
 * {@code org.scalefit.fit} minimises residuals in linear or log space through this interface.
 *
 * <p>Predictor values arrive as an array with one entry per predictor, in the order of
 * {@link #predictors()}; parameters as an array in the order of {@link #parameters()}.
 * Implementations must be immutable and thread-safe: the engine evaluates one law from several
 * threads at once, each with its own arrays.
 *
 * <pre>{@code
 * Law law = new PowerLaw();                          // y = a·x^(−alpha)
 * double y = law.value(new double[] {1e20}, new double[] {50.0, 0.05});
 * double[] grad = new double[2];
 * law.gradient(new double[] {1e20}, new double[] {50.0, 0.05}, grad);
 * }</pre>
 */
public interface Law {

    /** @return the law's name as the command line knows it, e.g. {@code offset-power-law} */
    String name();

    /** @return predictor names, e.g. {@code [x]} or {@code [N, D]} */
    List<String> predictors();

    /** @return parameter names in order, e.g. {@code [E, A, alpha]} */
    List<String> parameters();

    /**
     * @param x predictor values of one point
     * @param p parameter values
     * @return f(x; p)
     */
    double value(double[] x, double[] p);

    /**
     * Writes ∂f/∂p_j into {@code out[j]}.
     *
     * @param x   predictor values of one point
     * @param p   parameter values
     * @param out receives the gradient, length = number of parameters
     */
    void gradient(double[] x, double[] p, double[] out);

    /**
     * ln f(x; p). Laws whose logarithm has a simpler, overflow-free form (a power law's
     * ln a − α·ln x) override this; the default takes the log of {@link #value}.
     *
     * @param x predictor values of one point
     * @param p parameter values
     * @return ln f, NaN when f ≤ 0
     */
    default double logValue(double[] x, double[] p) {
        double f = value(x, p);
        return f > 0 ? Math.log(f) : Double.NaN;
    }

    /**
     * Writes ∂ln f/∂p_j into {@code out[j]}; the default divides {@link #gradient} by f.
     *
     * @param x   predictor values of one point
     * @param p   parameter values
     * @param out receives the gradient of ln f
     */
    default void logGradient(double[] x, double[] p, double[] out) {
        double f = value(x, p);
        gradient(x, p, out);
        for (int j = 0; j < out.length; j++) {
            out[j] /= f;
        }
    }

    /**
     * A starting point computed from the data alone (e.g. a log-log regression for the exponent,
     * min(y) for an offset), good enough for the optimiser to reach the global optimum on typical data.
     *
     * @param data observations with this law's predictors
     * @return parameter values in the order of {@link #parameters()}
     */
    double[] initialGuess(Observations data);

    /**
     * Further data-driven starting points that the engine tries after {@link #initialGuess} whenever the
     * starts include the guess (every strategy but a warm start). Laws whose objective has several
     * basins override this, e.g. a broken power law proposes one start per plausible break location.
     *
     * <pre>{@code
     * List<double[]> more = new BrokenPowerLaw(1).extraStarts(data);
     * }</pre>
     *
     * @param data observations with this law's predictors
     * @return starts in the order of {@link #parameters()}; empty by default
     */
    default List<double[]> extraStarts(Observations data) {
        return List.of();
    }

    /**
     * Whether every local optimum of a fit in {@code space} under a convex loss is the global one: true when
     * the model in that space is linear in the parameters as the engine moves them (the logarithm of a
     * positive parameter, any other as it is), up to a monotone change of one of them — a power law,
     * exponential or doubling trend in log space is a linear regression. The engine then runs no starts
     * besides the first one that converges. False by default.
     *
     * <pre>{@code
     * boolean oneStartEnough = new PowerLaw().singleBasin(Space.LOG);    // true
     * }</pre>
     *
     * @param space the residual space
     * @return true when one converged start is the global optimum
     */
    default boolean singleBasin(Space space) {
        return false;
    }

    /**
     * The parameters the law is linear in, jointly: f(x; p) is affine in them at every x whatever the other
     * parameters are (a scale, an offset). The engine's default multi-start solves them by least squares
     * while it scans the others; a law that does not say (null, the default) has them found numerically.
     *
     * <pre>{@code
     * int[] linear = new OffsetPowerLaw().linearParameters();   // {0, 1}: E and A
     * }</pre>
     *
     * @return parameter indices, or null when the law does not say
     */
    default int[] linearParameters() {
        return null;
    }

    /**
     * The parameter that is the curve's limit as every predictor grows without bound (an irreducible loss E,
     * the offset a of a broken power law), when that limit is finite at p. The engine warns when the data are
     * positive and this asymptote is below zero: such a curve crosses zero beyond the data.
     *
     * <pre>{@code
     * OptionalInt e = new OffsetPowerLaw().asymptote(new double[] {1.7, 400, 0.3});   // 0: E
     * }</pre>
     *
     * @param p parameter values
     * @return the index of the asymptote parameter, or empty (no finite limit, or the law does not say)
     */
    default OptionalInt asymptote(double[] p) {
        return OptionalInt.empty();
    }

    /**
     * What the law tends to when its parameters run off in the given directions, when the law knows: an
     * offset power law with E → −∞ and alpha → 0 becomes a log law. Used to name the cause when a fit has no
     * finite optimum.
     *
     * <pre>{@code
     * new OffsetPowerLaw().limitDescription(Map.of("E", -1, "alpha", 0));   // "a log law, y = c − k·ln x"
     * }</pre>
     *
     * @param runaway parameter name → +1 (to +∞), −1 (to −∞) or 0 (to zero)
     * @return a description of the limiting curve, or empty
     */
    default Optional<String> limitDescription(java.util.Map<String, Integer> runaway) {
        return Optional.empty();
    }

    /**
     * @param j parameter index
     * @return the natural domain of parameter j (default {@link ParameterDomain#REAL})
     */
    default ParameterDomain domain(int j) {
        return ParameterDomain.REAL;
    }

    /**
     * The values of parameter j these data can determine, if the law knows them: the engine keeps the
     * parameter inside (unless the user bounds it) and warns when the fit rests on an edge. A broken
     * power law confines its breaks to the span of the data this way.
     *
     * <pre>{@code
     * Optional<ParameterRange> r = new BrokenPowerLaw(1).range(4, data);   // d1 within the data's x
     * }</pre>
     *
     * @param j    parameter index
     * @param data the observations to be fitted
     * @return the range, empty by default
     */
    default Optional<ParameterRange> range(int j, Observations data) {
        return Optional.empty();
    }

    /**
     * @param k predictor index
     * @return true when predictor k must be strictly positive (e.g. x in x^−α)
     */
    default boolean requiresPositive(int k) {
        return false;
    }

    /**
     * The fewest points a fit of this law accepts. The default is the parameter count (a fit that passes
     * through every point, with a warning); joint laws ask for one more, so the noise can be estimated.
     *
     * @return the minimum number of points when no parameter is fixed
     */
    default int minimumPoints() {
        return parameters().size();
    }

    /**
     * @return true when the (single) predictor is a date, as days since 1970-01-01 (trends in time such as
     *         the doubling law), so that readers parse the column as ISO dates and reports print dates
     */
    default boolean timePredictor() {
        return false;
    }

    /** @return the residual space this law is fitted in unless the user says otherwise */
    default Space defaultSpace() {
        return Space.DEFAULT;
    }

    /**
     * The formula as text, e.g. {@code loss = E + A·compute^(−alpha)}, or with numbers filled in.
     *
     * @param predictorLabels how to print each predictor (e.g. column names)
     * @param responseLabel   how to print the response
     * @param values          parameter values to fill in, or null for parameter names
     * @return the formula
     */
    String formula(List<String> predictorLabels, String responseLabel, double[] values);

    /** @return the formula with this law's own predictor names, response {@code y} and parameter names */
    default String formula() {
        return formula(predictors(), "y", null);
    }

    /**
     * Quantities derived from the parameters that a reader wants to see (exponent, doubling time).
     *
     * @return the derived quantities, possibly empty
     */
    default List<DerivedQuantity> derivedQuantities() {
        return List.of();
    }

    /**
     * For single-predictor laws: the x at which f(x; p) equals {@code target}, if there is one.
     *
     * @param target the response value to reach
     * @param p      parameter values
     * @return the x, or empty when the law never reaches the target
     */
    default OptionalDouble solveForX(double target, double[] p) {
        return OptionalDouble.empty();
    }
}
