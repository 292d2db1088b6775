package org.scalefit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.scalefit.InvalidDataException;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.IntervalMethod;

/**
 * The outcome of a {@link DistributedBootstrap}: the full-data fit, the parameters of every successful
 * replicate in replicate order, the failed replicates with their reasons (never silently dropped), and
 * percentile or BCa intervals — the numbers {@code scalefit fit --bootstrap N} reports as {@code value},
 * {@code stderr}, {@code ci95_percentile} and {@code ci95_bca}. The intervals are the core's
 * ({@link BootstrapResult#percentileInterval}, {@link BootstrapResult#bcaInterval}, with the acceleration
 * from the core's jackknife); lives on the driver.
 *
 * <pre>{@code
 * BootstrapSummary boot = DistributedBootstrap.of(FitSpec.law("power-law")).x("x").y("y").replicates(5000).run(data);
 * Estimate alpha = boot.parameter("alpha", IntervalMethod.BCA);
 * Estimate halving = boot.estimate("x_halving", p -> Math.pow(2, 1 / p[1]), IntervalMethod.PERCENTILE);
 * System.out.println(boot.failed() + " of " + boot.requested() + " replicates failed");
 * }</pre>
 */
public final class BootstrapSummary {
    private final Fit fit;
    private final String method;
    private final int requested;
    private final long seed;
    private final double[][] replicates;
    private final int[] indices;
    private final List<String> failures;
    private final BootstrapResult jackknife;

    BootstrapSummary(Fit fit, String method, int requested, long seed, double[][] byIndex, String[] failure,
                     BootstrapResult jackknife) {
        this.fit = fit;
        this.method = method;
        this.requested = requested;
        this.seed = seed;
        this.jackknife = jackknife;
        List<double[]> ok = new ArrayList<>();
        List<Integer> okIndex = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] != null) {
                ok.add(byIndex[i].clone());
                okIndex.add(i);
            } else {
                failed.add(failure[i]);
            }
        }
        this.replicates = ok.toArray(new double[0][]);
        this.indices = okIndex.stream().mapToInt(Integer::intValue).toArray();
        this.failures = List.copyOf(failed);
    }

    /** @return the full-data fit (on the driver) */
    public Fit fit() {
        return fit;
    }

    /** @return the resampling plan, e.g. {@code rows} */
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
        return indices.clone();
    }

    /** @return the number of jackknife units behind the BCa acceleration */
    public int jackknifeUnits() {
        return jackknife.jackknifeUnits();
    }

    /**
     * @param name   a parameter name
     * @param method percentile or BCa
     * @return the fitted value, the bootstrap standard error and the interval at the fit's confidence level
     * @throws InvalidDataException if the law has no parameter of that name
     */
    public Estimate parameter(String name, IntervalMethod method) {
        int j = fit.parameterNames().indexOf(name);
        if (j < 0) {
            throw new InvalidDataException("unknown parameter \"" + name + "\"; " + fit.law().name() + " has parameters "
                    + String.join(", ", fit.parameterNames()));
        }
        return estimate(name, p -> p[j], method);
    }

    /**
     * @param method percentile or BCa
     * @return every parameter's estimate, in the law's order
     */
    public List<Estimate> parameters(IntervalMethod method) {
        List<Estimate> out = new ArrayList<>();
        for (String name : fit.parameterNames()) {
            out.add(parameter(name, method));
        }
        return out;
    }

    /**
     * A bootstrap estimate of any function of the parameters, computed as the core's
     * {@link BootstrapResult#estimate(String, String, String, ToDoubleFunction, IntervalMethod)}: the value at the
     * fit, the standard deviation of the finite replicate values, and the interval (non-finite replicate values
     * count as +∞ in it).
     *
     * @param name     the quantity's name
     * @param function the quantity as a function of the parameter vector
     * @param method   percentile or BCa
     * @return the estimate
     */
    public Estimate estimate(String name, ToDoubleFunction<double[]> function, IntervalMethod method) {
        double point = function.applyAsDouble(fit.values());
        double[] d = new double[replicates.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = function.applyAsDouble(replicates[i].clone());
        }
        double level = fit.options().confidenceLevel();
        double[] interval = method == IntervalMethod.BCA
                ? BootstrapResult.bcaInterval(d, point, jackknife.acceleration(function), level)
                : BootstrapResult.percentileInterval(d, level);
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
        return new Estimate(name, "", "bootstrap of " + name, point, se, interval[0], interval[1], method.label());
    }
}
