package org.scalefit.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.model.DerivedQuantity;
import org.scalefit.model.Law;
import org.scalefit.model.Space;
import org.scalefit.stats.Quantiles;

/**
 * The immutable result of fitting a {@link Law} to {@link Observations}: parameters with standard
 * errors and intervals, the covariance (scaled by the residual variance, and absolute), residuals,
 * goodness of fit, information criteria, how the optimiser ended, warnings, and the options and seed
 * that produced it.
 *
 * <p>Statistics are computed in the fit's residual space (ln y in log space). The log-likelihood is
 * Gaussian in that space; with sigmas given it uses them, otherwise the noise scale is estimated and
 * counted as a parameter in AIC, AICc and BIC (as R's {@code AIC(nls)} does). Intervals are t-based:
 * value ± t(dof, (1+level)/2)·stderr.
 *
 * <pre>{@code
 * Fit fit = Fitter.fit(new OffsetPowerLaw(), data, FitOptions.defaults());
 * System.out.println(fit.formulaWithValues());
 * Parameter alpha = fit.parameter("alpha");
 * double lossAt1e24 = fit.predict(1e24);
 * }</pre>
 *
 * <p>Why one class of about 500 lines: the immutable result: one documented accessor for each thing a fit
 * carries (parameters, errors, covariances, criteria, diagnostics, options); no logic beyond lookups and
 * the predictions built on them.
 */
public final class Fit {
    private final Law law;
    private final Observations data;
    private final FitOptions options;
    private final Space space;
    private final double[] values;
    private final boolean[] fixed;
    private final double[] stderr;
    private final double[][] covScaled;
    private final double[][] covAbsolute;
    private final double[] residuals;
    private final double rss;
    private final double objective;
    private final int freeCount;
    private final int dof;
    private final double r2;
    private final double logLikelihood;
    private final int informationParameters;
    private final int iterations;
    private final int evaluations;
    private final boolean converged;
    private final String convergenceReason;
    private final List<String> warnings;
    private final int startsTried;
    private final int startsConverged;
    private final int bestStart;
    private final double conditionNumber;
    private final ResidualDiagnostics diagnostics;
    private final double tQuantile;
    private final Lbfgs.Curvature curvature;
    private final List<Constraint> constraints;
    private final double scale;
    private final String solver;

    Fit(Law law, Observations data, FitOptions options, Space space, double[] values, boolean[] fixed, double[] stderr,
        double[][] covScaled, double[][] covAbsolute, double[] residuals, double rss, double objective, int freeCount,
        int dof, double r2, double logLikelihood, int informationParameters, int iterations, int evaluations,
        boolean converged, String convergenceReason, List<String> warnings, int startsTried, int startsConverged,
        int bestStart, double conditionNumber, ResidualDiagnostics diagnostics, Lbfgs.Curvature curvature,
        List<Constraint> constraints, double scale, String solver) {
        this.constraints = List.copyOf(constraints);
        this.scale = scale;
        this.law = law;
        this.data = data;
        this.options = options;
        this.space = space;
        this.values = values.clone();
        this.fixed = fixed.clone();
        this.stderr = stderr.clone();
        this.covScaled = deepCopy(covScaled);
        this.covAbsolute = deepCopy(covAbsolute);
        this.residuals = residuals.clone();
        this.rss = rss;
        this.objective = objective;
        this.freeCount = freeCount;
        this.dof = dof;
        this.r2 = r2;
        this.logLikelihood = logLikelihood;
        this.informationParameters = informationParameters;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.converged = converged;
        this.convergenceReason = convergenceReason;
        this.warnings = List.copyOf(warnings);
        this.startsTried = startsTried;
        this.startsConverged = startsConverged;
        this.bestStart = bestStart;
        this.conditionNumber = conditionNumber;
        this.diagnostics = diagnostics;
        this.tQuantile = tQuantile(options, dof);
        this.curvature = curvature;
        this.solver = solver;
    }

    /** The two-sided t quantile of the options' confidence level with {@code dof} degrees of freedom. */
    static double tQuantile(FitOptions options, int dof) {
        return Quantiles.tTwoSided(options.confidenceLevel(), dof);
    }

    /** Akaike's criterion from the parameter count k and the log-likelihood: the one formula of {@link #aic()}. */
    static double aic(int k, double logLikelihood) {
        return 2.0 * k - 2.0 * logLikelihood;
    }

    /**
     * A parameter with its interval value ∓ t·stderr (zero width when fixed), or value·exp(∓t·stderr/value) for a
     * positive parameter of a log-space fit ({@code logScale}): the one formula of {@link #parameters()} and of
     * {@link GroupRow}'s intervals.
     */
    static Parameter parameter(String name, double value, double stderr, boolean fixed, double tQuantile, boolean logScale) {
        if (!fixed && logScale) {
            double half = tQuantile * stderr / value;
            return new Parameter(name, value, stderr, value * Math.exp(-half), value * Math.exp(half), false);
        }
        double half = fixed ? 0 : tQuantile * stderr;
        return new Parameter(name, value, stderr, value - half, value + half, fixed);
    }

    /** The L-BFGS memory the best run ended with (null for other solvers): seeds refits near this optimum. */
    Lbfgs.Curvature curvature() {
        return curvature;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * The restrictions the engine placed on the free parameters by default: the law's ranges for these data
     * (lifted by a bound) and its positive domains. Bounds the caller gave are in {@link FitOptions#bounds()}.
     *
     * @return the constraints, in parameter order
     */
    public List<Constraint> constraints() {
        return constraints;
    }

    /**
     * The scale σ of the error density when the loss estimates one ({@link Loss.HuberLikelihood}): in the
     * units of the residuals (of ln y in log space).
     *
     * <pre>{@code
     * Fit fit = Fitter.fit(new ChinchillaLaw(), runs, FitOptions.builder().loss(Loss.parse("huber-likelihood:1e-3")).build());
     * double logSigma = Math.log(fit.scale().getAsDouble());   // about -12.27 on Epoch's 240 runs
     * }</pre>
     *
     * @return σ, or empty for losses without a scale
     */
    public java.util.OptionalDouble scale() {
        return Double.isFinite(scale) ? java.util.OptionalDouble.of(scale) : java.util.OptionalDouble.empty();
    }

    /** @return the fitted law */
    public Law law() {
        return law;
    }

    /** @return the data that were fitted */
    public Observations data() {
        return data;
    }

    /** @return the options that produced this fit (seed included) */
    public FitOptions options() {
        return options;
    }

    /** @return the residual space that was used */
    public Space space() {
        return space;
    }

    /** @return parameter names, in the law's order */
    public List<String> parameterNames() {
        return law.parameters();
    }

    /** @return fitted parameter values in the law's order (a copy) */
    public double[] values() {
        return values.clone();
    }

    /**
     * @param name parameter name
     * @return its fitted value
     */
    public double value(String name) {
        return values[index(name)];
    }

    /**
     * @param name parameter name
     * @return the parameter with standard error and interval
     */
    public Parameter parameter(String name) {
        return parameter(index(name));
    }

    /** @return all parameters with standard errors and intervals, in the law's order */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (int j = 0; j < values.length; j++) {
            out.add(parameter(j));
        }
        return out;
    }

    /**
     * The interval is value ± t·se, except for a positive parameter of a log-space fit: the fit sees it as
     * ln p, so its interval is p·exp(±t·se/p) (the same interval on the log scale, by the delta method), which
     * stays positive.
     */
    private Parameter parameter(int j) {
        return parameter(law.parameters().get(j), values[j], stderr[j], fixed[j], tQuantile, logScaleInterval(j));
    }

    /** @return true when parameter j's interval is computed on the log scale: a positive parameter of a log-space fit */
    boolean logScaleInterval(int j) {
        return logScaleInterval(law, space, j, values[j], stderr[j]);
    }

    /** @return true for a positive parameter of a log-space fit with a finite positive value and standard error */
    static boolean logScaleInterval(Law law, Space space, int j, double value, double stderr) {
        return space == Space.LOG && law.domain(j) == org.scalefit.model.ParameterDomain.POSITIVE && value > 0
                && Double.isFinite(stderr);
    }

    private int index(String name) {
        int j = law.parameters().indexOf(name);
        if (j < 0) {
            throw new InvalidDataException("unknown parameter \"" + name + "\"; " + law.name() + " has parameters "
                    + String.join(", ", law.parameters()));
        }
        return j;
    }

    /**
     * Covariance of the parameters scaled by the residual variance s² = RSS/dof (the usual choice when
     * the noise level is unknown). Rows and columns follow the law's order; fixed parameters have zeros.
     *
     * @return a copy of the scaled covariance
     */
    public double[][] covariance() {
        return deepCopy(covScaled);
    }

    /**
     * Covariance not scaled by the residual variance, (JᵀWJ)⁻¹: the right one when the weights are
     * 1/σ² from known measurement errors.
     *
     * @return a copy of the absolute covariance
     */
    public double[][] covarianceAbsolute() {
        return deepCopy(covAbsolute);
    }

    /** @return true when the reported standard errors use the absolute covariance (sigmas were given) */
    public boolean stderrFromAbsoluteCovariance() {
        return data.weightsAreInverseVariances();
    }

    /** @return residuals tᵢ − gᵢ in the fit's space (ln y − ln f in log space), unweighted, in data order */
    public double[] residuals() {
        return residuals.clone();
    }

    /** @return Σ wᵢ·rᵢ² in the fit's space */
    public double rss() {
        return rss;
    }

    /** @return the minimised objective Σ ρ(√wᵢ·rᵢ) (equals {@link #rss()} for squares) */
    public double objective() {
        return objective;
    }

    /** @return number of points */
    public int n() {
        return data.size();
    }

    /** @return number of free (fitted) parameters */
    public int freeParameters() {
        return freeCount;
    }

    /** @return residual degrees of freedom, n − free parameters */
    public int dof() {
        return dof;
    }

    /** @return coefficient of determination in the fit's space, 1 − RSS/TSS (weighted) */
    public double r2() {
        return r2;
    }

    /**
     * @return the log-likelihood in the fit's space: Gaussian (its variance estimated, or from the given sigmas), or
     *         under {@link Loss.HuberLikelihood} that density's, normalising constant included
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** @return the parameter count used by the information criteria (free parameters, plus σ when estimated) */
    public int informationParameters() {
        return informationParameters;
    }

    /** @return Akaike's information criterion, 2k − 2 ln L */
    public double aic() {
        return aic(informationParameters, logLikelihood);
    }

    /** @return AIC with the small-sample correction 2k(k+1)/(n − k − 1); infinite when n ≤ k + 1 */
    public double aicc() {
        int k = informationParameters;
        int n = data.size();
        return n - k - 1 > 0 ? aic() + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
    }

    /** @return the Bayesian information criterion, k ln n − 2 ln L */
    public double bic() {
        return informationParameters * Math.log(data.size()) - 2.0 * logLikelihood;
    }

    /** @return optimiser iterations, summed over reweighting rounds, for the best start */
    public int iterations() {
        return iterations;
    }

    /** @return model evaluations for the best start */
    public int evaluations() {
        return evaluations;
    }

    /** @return true when the optimiser met its convergence criteria */
    public boolean converged() {
        return converged;
    }

    /** @return why the optimiser stopped */
    public String convergenceReason() {
        return convergenceReason;
    }

    /**
     * The text summary of the fit (lmfit's {@code fit_report()}): parameters with standard errors and
     * intervals, derived quantities, goodness of fit, criteria, residual diagnostics, the solver's end and
     * the warnings — the table {@code scalefit fit} prints.
     *
     * <pre>{@code
     * System.out.print(Fitter.fit(new PowerLaw(), data).summary());
     * }</pre>
     *
     * @return the summary, ending with a newline
     */
    public String summary() {
        return FitSummary.of(this, List.of(), null);
    }

    /** @return warnings a reader should see (parameter on a bound, ill-conditioned, outliers …) */
    public List<String> warnings() {
        return warnings(null);
    }

    /**
     * The warnings with each option they mention named by a front end (the command line: its flags).
     *
     * <pre>{@code
     * List<String> lines = fit.warnings(key -> "--" + key.name().toLowerCase(java.util.Locale.ROOT));
     * }</pre>
     *
     * @param optionNames the front end's name of each option, or null for the library's words
     * @return the warnings
     */
    public List<String> warnings(java.util.function.Function<org.scalefit.OptionKey, String> optionNames) {
        List<String> out = new java.util.ArrayList<>(warnings.size());
        for (String w : warnings) {
            out.add(org.scalefit.OptionKey.render(w, optionNames));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** The warnings with their option references intact, for a front end that renders them later. */
    List<String> warningTemplates() {
        return warnings;
    }

    /**
     * The optimiser that found the reported run, as {@link Solver} names it, marked {@code (automatic)} when the
     * options left the choice to the engine: {@code lm (automatic)} for squares, {@code lbfgs (automatic)} for
     * robust losses, {@code varpro (automatic)} for a robust Chinchilla fit from a grid of starts.
     *
     * <pre>{@code
     * Fit fit = Fitter.fit(new ChinchillaLaw(), data, FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid()).build());
     * fit.solver();   // "varpro (automatic)"
     * }</pre>
     *
     * @return the optimiser's name
     */
    public String solver() {
        return solver;
    }

    /** @return number of starts tried (distinct starts in the nonlinear parameters under variable projection) */
    public int startsTried() {
        return startsTried;
    }

    /** @return number of starts whose optimisation converged */
    public int startsConverged() {
        return startsConverged;
    }

    /** @return index of the start that gave the best fit (0 = data-driven guess) */
    public int bestStart() {
        return bestStart;
    }

    /** @return condition number of the column-scaled Jacobian at the optimum */
    public double conditionNumber() {
        return conditionNumber;
    }

    /** @return residual diagnostics */
    public ResidualDiagnostics diagnostics() {
        return diagnostics;
    }

    /** @return the t quantile used for intervals (NaN when dof = 0) */
    public double tQuantile() {
        return tQuantile;
    }

    /**
     * @param x predictor values of one point, in the law's predictor order
     * @return the fitted law's value there
     * @throws InvalidDataException if the number of predictor values is not the law's
     */
    public double predict(double... x) {
        if (x.length != law.predictors().size()) {
            throw new InvalidDataException(law.name() + " takes " + law.predictors().size() + " predictors, got " + x.length);
        }
        return law.value(x, values);
    }

    /**
     * The fitted law in the fit's residual space, as the residuals measure it.
     *
     * <pre>{@code
     * double g = fit.valueInSpace(1e21);     // ln f(1e21) for a log-space fit
     * }</pre>
     *
     * @param x predictor values, one per predictor
     * @return ln f(x) in log space, f(x) in linear space
     */
    public double valueInSpace(double... x) {
        return space.value(law, x, values);
    }

    /**
     * @param y an observed response
     * @param x its predictor values
     * @return the residual of that observation in the fit's space: ln y − ln f(x), or y − f(x) (unweighted)
     */
    public double residualAt(double y, double... x) {
        return space.target(y) - valueInSpace(x);
    }

    /** @return the formula with parameter names, labelled with the data's column names */
    public String formula() {
        return law.formula(labels(), data.responseColumn(), null);
    }

    /** @return the formula with fitted numbers filled in */
    public String formulaWithValues() {
        return law.formula(labels(), data.responseColumn(), values);
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < data.predictorCount(); k++) {
            labels.add(data.predictorColumn(k));
        }
        return labels;
    }

    /** @return the law's derived quantities with delta-method intervals */
    public List<Estimate> derived() {
        List<Estimate> out = new ArrayList<>();
        for (DerivedQuantity q : law.derivedQuantities()) {
            out.add(estimate(q.name(), q.unit(), q.description(), q.function()));
        }
        return out;
    }

    /**
     * @param name a derived quantity's name
     * @return it with its delta-method interval
     * @throws InvalidDataException if the law has no derived quantity of that name
     */
    public Estimate derived(String name) {
        for (DerivedQuantity q : law.derivedQuantities()) {
            if (q.name().equals(name)) {
                return estimate(q.name(), q.unit(), q.description(), q.function());
            }
        }
        throw new InvalidDataException("unknown derived quantity \"" + name + "\" for " + law.name());
    }

    /**
     * The x at which the fitted curve reaches {@code target} (e.g. the compute needed for a loss),
     * with a delta-method interval; empty when the curve never gets there.
     *
     * @param target the response value
     * @return the estimate, or empty
     */
    public Optional<Estimate> solveForX(double target) {
        OptionalDouble at = law.solveForX(target, values);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(estimate("x_at_target", "units of x",
                data.predictorColumn(0) + " at which " + data.responseColumn() + " reaches " + org.scalefit.Numbers.format(target, 6),
                p -> law.solveForX(target, p).orElse(Double.NaN)));
    }

    /**
     * Any function of the parameters with a delta-method standard error: gᵀΣg with g the central
     * finite-difference gradient over the free parameters and Σ the reported covariance.
     *
     * @param name        name for the result
     * @param unit        unit text
     * @param description one line for humans
     * @param function    the quantity as a function of the full parameter vector
     * @return the estimate with a t-based interval
     */
    public Estimate estimate(String name, String unit, String description, ToDoubleFunction<double[]> function) {
        double v = function.applyAsDouble(values.clone());
        double[][] cov = stderrFromAbsoluteCovariance() ? covAbsolute : covScaled;
        int np = values.length;
        double[] g = new double[np];
        boolean ok = Double.isFinite(v);
        for (int j = 0; j < np && ok; j++) {
            if (fixed[j]) {
                continue;
            }
            double h = 1e-6 * Math.max(Math.abs(values[j]), Double.isFinite(stderr[j]) && stderr[j] > 0 ? stderr[j] : 1e-8);
            double[] up = values.clone();
            double[] down = values.clone();
            up[j] += h;
            down[j] -= h;
            double fu = function.applyAsDouble(up);
            double fd = function.applyAsDouble(down);
            g[j] = (fu - fd) / (2 * h);
            ok = Double.isFinite(g[j]);
        }
        double var = 0;
        for (int a = 0; a < np && ok; a++) {
            for (int b = 0; b < np; b++) {
                var += g[a] * cov[a][b] * g[b];
            }
        }
        double se = ok && var >= 0 ? Math.sqrt(var) : Double.NaN;
        double half = tQuantile * se;
        return new Estimate(name, unit, description, v, se, v - half, v + half, "delta");
    }

    @Override
    public String toString() {
        return "Fit[" + formulaWithValues() + ", rss=" + rss + ", n=" + data.size() + "]";
    }
}
