package org.scalefit.optimal;

import java.util.function.ToDoubleFunction;
import org.scalefit.InvalidDataException;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ClosedForm;
import org.scalefit.stats.Quantiles;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * Compute-optimal allocations from a Chinchilla fit, with uncertainty propagated from the parameters:
 * <ul>
 * <li>{@link #delta}: the delta method on the log scale. Every figure q is positive, so
 * Var(ln q) ≈ ∇ln qᵀ·Σ·∇ln q (central differences, Σ the fit's covariance) and the interval is
 * q·exp(±t·se) with t from Student's t at the fit's degrees of freedom; the reported standard error is
 * q·se. On the log scale the interval stays positive and respects that N_opt spans decades.</li>
 * <li>{@link #bootstrap}: percentile intervals over refitted replicates (e.g. resampled rows); standard
 * error = the replicates' standard deviation. Replicates where a figure is not finite count against
 * the interval (see {@link BootstrapResult#percentileInterval}).</li>
 * <li>{@link #point}: no uncertainty (NaN standard errors and bounds).</li>
 * </ul>
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new ChinchillaLaw(), data, options);
 * OptimalAllocation delta = OptimalAllocation.delta(fit);
 * Allocation at1e23 = delta.at(1e23);
 * BootstrapResult boot = Bootstrap.run(fit, Resampler.rows(), 1000, 42, 4);
 * Estimate compute = OptimalAllocation.bootstrap(boot).computeForLoss(2.0);
 * }</pre>
 */
public final class OptimalAllocation {
    private final double[] p;
    private final double[][] covariance;
    private final double[][] replicates;
    private final double level;
    private final double t;
    private final String method;

    private OptimalAllocation(double[] p, double[][] covariance, double[][] replicates, double level, double t,
                              String method) {
        ComputeOptimal.check(p);
        this.p = p.clone();
        this.covariance = covariance;
        this.replicates = replicates;
        this.level = level;
        this.t = t;
        this.method = method;
    }

    /**
     * @param parameters (E, A, B, alpha, beta)
     * @return allocations without intervals
     */
    public static OptimalAllocation point(double[] parameters) {
        return new OptimalAllocation(parameters, null, null, 0.95, Double.NaN, "none");
    }

    /**
     * @param parameters (E, A, B, alpha, beta)
     * @param covariance their 5×5 covariance
     * @param dof        residual degrees of freedom of the fit (for the t quantile; ≤ 0 uses the normal)
     * @param level      confidence level, e.g. 0.95
     * @return allocations with delta-method intervals
     * @throws InvalidDataException if the covariance is not 5×5 or the parameters are not a Chinchilla law's
     */
    public static OptimalAllocation delta(double[] parameters, double[][] covariance, int dof, double level) {
        if (covariance.length != 5) {
            throw new InvalidDataException("the covariance must be 5×5 for the chinchilla parameters, got " + covariance.length
                    + " rows");
        }
        double[][] cov = new double[5][];
        for (int i = 0; i < 5; i++) {
            if (covariance[i].length != 5) {
                throw new InvalidDataException("the covariance must be 5×5 for the chinchilla parameters");
            }
            cov[i] = covariance[i].clone();
        }
        double q = (1 + level) / 2;
        double t = dof > 0 ? Quantiles.t(q, dof) : Quantiles.normal(q);
        return new OptimalAllocation(parameters, cov, null, level, t, "delta-log");
    }

    /**
     * @param fit a Chinchilla fit
     * @return allocations with delta-method intervals from the fit's reported covariance
     */
    public static OptimalAllocation delta(Fit fit) {
        requireChinchilla(fit);
        double[][] cov = fit.stderrFromAbsoluteCovariance() ? fit.covarianceAbsolute() : fit.covariance();
        return delta(fit.values(), cov, fit.dof(), fit.options().confidenceLevel());
    }

    /**
     * @param parameters (E, A, B, alpha, beta) of the full-data fit
     * @param replicates parameter vectors of bootstrap replicates, one per row
     * @param level      confidence level
     * @return allocations with percentile intervals
     * @throws InvalidDataException with fewer than 2 replicates or a replicate of the wrong length
     */
    public static OptimalAllocation bootstrap(double[] parameters, double[][] replicates, double level) {
        if (replicates.length < 2) {
            throw new InvalidDataException("bootstrap intervals need at least 2 successful replicates, got " + replicates.length);
        }
        double[][] copy = new double[replicates.length][];
        for (int i = 0; i < replicates.length; i++) {
            if (replicates[i].length != 5) {
                throw new InvalidDataException("bootstrap replicate " + i + " has " + replicates[i].length
                        + " parameters; chinchilla has 5");
            }
            copy[i] = replicates[i].clone();
        }
        return new OptimalAllocation(parameters, null, copy, level, Double.NaN, "bootstrap-percentile");
    }

    /**
     * @param bootstrap a bootstrap of a Chinchilla fit
     * @return allocations with percentile intervals
     */
    public static OptimalAllocation bootstrap(BootstrapResult bootstrap) {
        requireChinchilla(bootstrap.fit());
        return bootstrap(bootstrap.fit().values(), bootstrap.replicates(), bootstrap.fit().options().confidenceLevel());
    }

    private static void requireChinchilla(Fit fit) {
        if (!ClosedForm.is(fit.law(), ClosedForm.Form.CHINCHILLA)) {
            throw new InvalidDataException("compute-optimal allocation needs a chinchilla fit, not " + fit.law().name());
        }
    }

    /** @return how intervals are made: {@code delta-log}, {@code bootstrap-percentile} or {@code none} */
    public String method() {
        return method;
    }

    /** @return the confidence level of the intervals */
    public double level() {
        return level;
    }

    /** @return the point allocation */
    public ComputeOptimal point() {
        return ComputeOptimal.of(p);
    }

    /**
     * @param compute training FLOP C &gt; 0
     * @return N_opt, D_opt, tokens per parameter and loss at C, with intervals
     * @throws InvalidDataException if the compute is not a positive number
     */
    public Allocation at(double compute) {
        if (!(compute > 0) || !Double.isFinite(compute)) {
            throw new InvalidDataException("compute must be a positive number of FLOP, got " + compute);
        }
        return new Allocation(compute,
                estimate("n_opt", "parameters", "compute-optimal model size", q -> ComputeOptimal.nOpt(q, compute)),
                estimate("d_opt", "tokens", "compute-optimal training tokens", q -> ComputeOptimal.dOpt(q, compute)),
                estimate("tokens_per_param", "", "D_opt/N_opt", q -> ComputeOptimal.tokensPerParameter(q, compute)),
                estimate("loss", "", "loss at the compute-optimal allocation", q -> ComputeOptimal.loss(q, compute)));
    }

    /**
     * @param targetLoss the loss to reach
     * @return the FLOP needed at the compute-optimal allocation, with its interval; value NaN when the
     *         target is at or below E (never reached)
     * @throws InvalidDataException if the target loss is not finite
     */
    public Estimate computeForLoss(double targetLoss) {
        if (!Double.isFinite(targetLoss)) {
            throw new InvalidDataException("target loss must be a finite number, got " + targetLoss);
        }
        return estimate("compute_for_loss", "FLOP", "compute needed to reach loss " + targetLoss,
                q -> ComputeOptimal.computeForLoss(q, targetLoss));
    }

    /**
     * Any positive function of the parameters with this allocation's kind of interval.
     *
     * @param name        name
     * @param unit        unit text
     * @param description one line
     * @param function    the quantity, positive where defined
     * @return the estimate
     */
    public Estimate estimate(String name, String unit, String description, ToDoubleFunction<double[]> function) {
        double value = function.applyAsDouble(p.clone());
        if (replicates != null) {
            double[] d = new double[replicates.length];
            double sum = 0;
            double sum2 = 0;
            int finite = 0;
            for (int i = 0; i < replicates.length; i++) {
                d[i] = function.applyAsDouble(replicates[i].clone());
                if (Double.isFinite(d[i])) {
                    sum += d[i];
                    sum2 += d[i] * d[i];
                    finite++;
                }
            }
            double[] lohi = BootstrapResult.percentileInterval(d, level);
            double se = finite > 1 ? Math.sqrt(Math.max(0, (sum2 - sum * sum / finite) / (finite - 1))) : Double.NaN;
            return new Estimate(name, unit, description, value, se, lohi[0], lohi[1], method);
        }
        if (covariance == null || !(value > 0)) {
            return new Estimate(name, unit, description, value, Double.NaN, Double.NaN, Double.NaN, method);
        }
        double[] g = new double[5];
        for (int j = 0; j < 5; j++) {
            double h = 1e-6 * Math.max(Math.abs(p[j]), 1e-8);
            double[] up = p.clone();
            double[] down = p.clone();
            up[j] += h;
            down[j] -= h;
            g[j] = (Math.log(function.applyAsDouble(up)) - Math.log(function.applyAsDouble(down))) / (2 * h);
        }
        double var = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                var += g[a] * covariance[a][b] * g[b];
            }
        }
        double se = var >= 0 && Double.isFinite(var) ? Math.sqrt(var) : Double.NaN;
        return new Estimate(name, unit, description, value, value * se, value * Math.exp(-t * se), value * Math.exp(t * se),
                method);
    }
}
