package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.scalefit.InvalidDataException;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.stats.Quantiles;

/**
 * The outcome of a bootstrap: the parameter vector of every successful replicate (in replicate order),
 * the count and reasons of replicates whose refit failed (never silently dropped), and percentile
 * percentile or BCa intervals for parameters or any function of them.
 *
 * <pre>{@code
 * BootstrapResult b = Bootstrap.run(fit, Resampler.rows(), 1000, 42, 4);
 * Estimate alpha = b.parameter("alpha");                     // percentile interval
 * Estimate alphaBca = b.parameter("alpha", IntervalMethod.BCA);
 * Estimate halving = b.estimate("x_halving", "", "", p -> Math.pow(2, 1 / p[1]));
 * System.out.println(b.failed() + " of " + b.requested() + " replicates failed");
 * }</pre>
 */
public final class BootstrapResult {
    private final Fit fit;
    private final String method;
    private final double[][] replicates;
    private final int[] replicateIndex;
    private final int requested;
    private final List<String> failures;
    private final long seed;
    private final double[][] jackknife;

    BootstrapResult(Fit fit, String method, double[][] replicates, int[] replicateIndex, int requested,
                    List<String> failures, long seed, double[][] jackknife) {
        this.fit = fit;
        this.method = method;
        this.replicates = replicates;
        this.replicateIndex = replicateIndex;
        this.requested = requested;
        this.failures = List.copyOf(failures);
        this.seed = seed;
        this.jackknife = jackknife;
    }

    /** @return the full-data fit the bootstrap was built around */
    public Fit fit() {
        return fit;
    }

    /** @return the resampling scheme, e.g. {@code rows} */
    public String method() {
        return method;
    }

    /** @return replicates requested */
    public int requested() {
        return requested;
    }

    /** @return replicates whose refit succeeded */
    public int succeeded() {
        return replicates.length;
    }

    /** @return replicates whose refit failed or did not converge */
    public int failed() {
        return requested - replicates.length;
    }

    /** @return one line per failed replicate: its index and why */
    public List<String> failures() {
        return failures;
    }

    /** @return the seed that drew the replicates */
    public long seed() {
        return seed;
    }

    /** @return parameter vectors of the successful replicates, in replicate order (copies) */
    public double[][] replicates() {
        double[][] c = new double[replicates.length][];
        for (int i = 0; i < replicates.length; i++) {
            c[i] = replicates[i].clone();
        }
        return c;
    }

    /** @return the replicate index of each successful replicate */
    public int[] replicateIndices() {
        return replicateIndex.clone();
    }

    /**
     * @param function a quantity as a function of the parameter vector
     * @return its value on every successful replicate (non-finite values included)
     */
    public double[] distribution(ToDoubleFunction<double[]> function) {
        double[] out = new double[replicates.length];
        for (int i = 0; i < replicates.length; i++) {
            out[i] = function.applyAsDouble(replicates[i].clone());
        }
        return out;
    }

    /**
     * @param name parameter name
     * @return the fitted value with the bootstrap standard error and percentile interval
     * @throws InvalidDataException if the law has no parameter of that name
     */
    public Estimate parameter(String name) {
        int j = fit.parameterNames().indexOf(name);
        if (j < 0) {
            throw new InvalidDataException("unknown parameter \"" + name + "\"; " + fit.law().name() + " has parameters "
                    + String.join(", ", fit.parameterNames()));
        }
        return estimate(name, "", "bootstrap of " + name, p -> p[j]);
    }

    /**
     * @param name   parameter name
     * @param method percentile or BCa
     * @return the fitted value with the bootstrap standard error and interval
     */
    public Estimate parameter(String name, IntervalMethod method) {
        int j = fit.parameterNames().indexOf(name);
        if (j < 0) {
            return parameter(name);
        }
        return estimate(name, "", "bootstrap of " + name, p -> p[j], method);
    }

    /** @return every parameter with its bootstrap percentile interval, in the law's order */
    public List<Estimate> parameters() {
        return parameters(IntervalMethod.PERCENTILE);
    }

    /**
     * @param method percentile or BCa
     * @return every parameter with its bootstrap interval, in the law's order
     */
    public List<Estimate> parameters(IntervalMethod method) {
        List<Estimate> out = new ArrayList<>();
        for (String name : fit.parameterNames()) {
            out.add(parameter(name, method));
        }
        return out;
    }

    /** @return the number of jackknife units (points, groups, or blocks of them) */
    public int jackknifeUnits() {
        return jackknife.length;
    }

    /** @return jackknife units whose leave-one-out refit failed (their influence is left out of the acceleration) */
    public int jackknifeFailed() {
        int f = 0;
        for (double[] p : jackknife) {
            if (p == null) {
                f++;
            }
        }
        return f;
    }

    /**
     * Percentile interval at the fit's confidence level, standard error as the replicates' standard
     * deviation, point value from the full-data fit. Replicates where the function is not finite count
     * against the interval (they are placed at the ends), so an unstable quantity gets a wide or
     * unbounded interval rather than a falsely narrow one.
     *
     * @param name        name of the quantity
     * @param unit        unit text
     * @param description one line for humans
     * @param function    the quantity as a function of the parameter vector
     * @return the estimate
     */
    public Estimate estimate(String name, String unit, String description, ToDoubleFunction<double[]> function) {
        return estimate(name, unit, description, function, IntervalMethod.PERCENTILE);
    }

    /**
     * A bootstrap interval for any function of the parameters, at the fit's confidence level; see
     * {@link #estimate(String, String, String, ToDoubleFunction)} for how non-finite replicates count.
     *
     * @param name        name of the quantity
     * @param unit        unit text
     * @param description one line for humans
     * @param function    the quantity as a function of the parameter vector
     * @param method      percentile or BCa
     * @return the estimate; its method names the interval kind
     */
    public Estimate estimate(String name, String unit, String description, ToDoubleFunction<double[]> function,
                             IntervalMethod method) {
        double point = function.applyAsDouble(fit.values());
        double[] d = distribution(function);
        double level = fit.options().confidenceLevel();
        double[] lohi = method == IntervalMethod.BCA ? bcaInterval(d, point, acceleration(function), level)
                : percentileInterval(d, level);
        double sum = 0;
        double sum2 = 0;
        int finite = 0;
        for (double v : d) {
            if (Double.isFinite(v)) {
                sum += v;
                sum2 += v * v;
                finite++;
            }
        }
        double se = finite > 1 ? Math.sqrt(Math.max(0, (sum2 - sum * sum / finite) / (finite - 1))) : Double.NaN;
        return new Estimate(name, unit, description, point, se, lohi[0], lohi[1], method.label());
    }

    /**
     * The BCa acceleration of a quantity: the skewness of its jackknife values,
     * a = Σ(J̄ − Jᵤ)³ / (6·(Σ(J̄ − Jᵤ)²)^{3/2}), over the units whose refit succeeded; 0 when fewer
     * than three are usable or their spread is at the level of rounding (1e-12 of their size).
     *
     * @param function the quantity as a function of the parameter vector
     * @return the acceleration
     */
    public double acceleration(ToDoubleFunction<double[]> function) {
        double[] j = new double[jackknife.length];
        int m = 0;
        for (double[] p : jackknife) {
            if (p != null) {
                double v = function.applyAsDouble(p.clone());
                if (Double.isFinite(v)) {
                    j[m++] = v;
                }
            }
        }
        if (m < 3) {
            return 0.0;
        }
        double mean = 0;
        double scale = 0;
        for (int i = 0; i < m; i++) {
            mean += j[i] / m;
            scale = Math.max(scale, Math.abs(j[i]));
        }
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < m; i++) {
            double d = mean - j[i];
            s2 += d * d;
            s3 += d * d * d;
        }
        // the skewness does not shrink with the spread: a spread at the level of rounding (a constant
        // quantity whose mean rounds off its value) would give a = ±1/(6√m) out of nothing
        return Math.sqrt(s2 / m) > 1e-12 * scale ? s3 / (6 * Math.pow(s2, 1.5)) : 0.0;
    }

    /**
     * The BCa interval from replicate values: quantile levels Φ(z0 + (z0 + zₐ)/(1 − a·(z0 + zₐ))) with
     * z0 = Φ⁻¹(share of replicates below the point estimate, ties counted half). The share is kept within
     * [1/(2B), 1 − 1/(2B)], so when every replicate lies on one side the interval runs to the extreme
     * replicate instead of failing.
     *
     * @param values       replicate values (non-finite values count as +∞)
     * @param point        the full-data estimate
     * @param acceleration the acceleration a
     * @param level        confidence level
     * @return {lower, upper}
     */
    public static double[] bcaInterval(double[] values, double point, double acceleration, double level) {
        int b = values.length;
        if (b == 0 || !Double.isFinite(point)) {
            return percentileInterval(values, level);
        }
        double[] s = values.clone();
        double below = 0;
        for (int i = 0; i < b; i++) {
            if (Double.isNaN(s[i])) {
                s[i] = Double.POSITIVE_INFINITY;
            }
            if (s[i] < point) {
                below += 1;
            } else if (s[i] == point) {
                below += 0.5;
            }
        }
        Arrays.sort(s);
        double share = Math.min(Math.max(below / b, 0.5 / b), 1 - 0.5 / b);
        double z0 = Quantiles.normal(share);
        double a = Double.isFinite(acceleration) ? acceleration : 0.0;
        double[] out = new double[2];
        double[] tails = {(1 - level) / 2, (1 + level) / 2};
        for (int k = 0; k < 2; k++) {
            double z = Quantiles.normal(tails[k]);
            double denom = 1 - a * (z0 + z);
            double q = denom > 0 ? Quantiles.normalCdf(z0 + (z0 + z) / denom) : (k == 0 ? 0.0 : 1.0);
            out[k] = Quantiles.percentile(s, q);
        }
        return out;
    }

    /**
     * The (1 − level)/2 and (1 + level)/2 quantiles (linear interpolation between order statistics, as
     * NumPy's default). Infinite values sort to their end; NaN counts as +∞.
     *
     * @param values replicate values
     * @param level  confidence level
     * @return {lower, upper}
     */
    public static double[] percentileInterval(double[] values, double level) {
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] s = values.clone();
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                s[i] = Double.POSITIVE_INFINITY;
            }
        }
        Arrays.sort(s);
        return new double[] {Quantiles.percentile(s, (1 - level) / 2), Quantiles.percentile(s, (1 + level) / 2)};
    }
}
