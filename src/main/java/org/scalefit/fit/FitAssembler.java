package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalefit.FitFailedException;
import org.scalefit.Numbers;
import org.scalefit.OptionKey;
import org.scalefit.data.Observations;

/**
 * Turns the best optimiser run into a {@link Fit}: covariance from the Jacobian at the optimum
 * (column-scaled SVD, so parameters of very different magnitude do not spoil the inversion),
 * goodness of fit, likelihood, residual diagnostics and warnings.
 *
 * <p>Why one class of about 430 lines: everything computed at the optimum (covariance, intervals,
 * criteria, residual diagnostics, warnings) shares the Jacobian and residuals computed once there; the
 * warnings could move out when they grow.
 */
final class FitAssembler {
    /** Above this condition number of the column-scaled Jacobian the fit warns of ill-conditioning. */
    static final double ILL_CONDITIONED = 1e10;
    /** A standardised residual beyond this is flagged as an outlier under squares. */
    static final double OUTLIER_Z = 4.0;
    /** A parameter beyond this magnitude has run off towards overflow rather than been estimated. */
    static final double RUNAWAY = 1e200;

    private FitAssembler() {
    }

    static Fit assemble(Problem problem, Observations data, FitOptions options, LeastSquaresRun.Result best,
                        int startsTried, int startsConverged, List<String> notes, String solver) {
        Assessment a = assess(problem, data, options, best, notes);
        return new Fit(problem.law, data, options, problem.space, a.p, a.fixed, a.stderr, a.covScaled, a.covAbs,
                a.unweighted, a.rss, best.objective(), problem.m, a.dof, a.r2, a.logLik, a.kInfo, best.iterations(),
                best.evaluations(), best.converged(), best.reason(), a.warnings, startsTried, startsConverged,
                best.startIndex(), a.condition, a.diagnostics, best.curvature(), problem.constraints, a.scale, solver);
    }

    /**
     * The lean result of a sweep: the same numbers as {@link #assemble} computes for the {@link Fit} (the same
     * code computes both), kept as one table row, without the covariance matrices, residuals or {@code Fit}.
     */
    static GroupRow row(List<String> keys, Problem problem, Observations data, FitOptions options,
                        LeastSquaresRun.Result best, List<String> notes) {
        Assessment a = assess(problem, data, options, best, notes);
        boolean[] logScale = new boolean[a.p.length];
        for (int j = 0; j < logScale.length; j++) {
            logScale[j] = Fit.logScaleInterval(problem.law, problem.space, j, a.p[j], a.stderr[j]);
        }
        return GroupRow.of(keys, problem.law.parameters(), a.p, a.stderr, a.fixed, logScale,
                Fit.tQuantile(options, a.dof), a.rss, a.r2, Fit.aic(a.kInfo, a.logLik), data.size(), best.converged(),
                best.reason(), a.warnings);
    }

    /** Everything {@link #assess} computes at the optimum. */
    private record Assessment(double[] p, boolean[] fixed, double[] stderr, double[][] covScaled, double[][] covAbs,
                              double[] unweighted, double rss, int dof, double r2, double logLik, int kInfo,
                              List<String> warnings, double condition, ResidualDiagnostics diagnostics, double scale) {
    }

    private static Assessment assess(Problem problem, Observations data, FitOptions options, LeastSquaresRun.Result best,
                                     List<String> notes) {
        int n = problem.n;
        int m = problem.m;
        int np = problem.template.length;
        List<String> names = problem.law.parameters();
        double[] p = finiteParameters(problem, best);
        double[] sorted = new double[n];
        if (problem.residuals(p, sorted) > 0) {
            throw new FitFailedException(problem.law.name() + " fit ended where the model cannot be evaluated");
        }
        double[] r = new double[n];
        double[] sqrtW = new double[n];
        for (int row = 0; row < n; row++) {
            r[problem.order[row]] = sorted[row];
            sqrtW[problem.order[row]] = problem.sqrtW[row];
        }
        // Under the Huber likelihood the scale is estimated with the parameters; its covariance is that of
        // Huber's M-estimator at the threshold δσ̂ on the residuals.
        double scale = options.loss() instanceof Loss.HuberLikelihood h ? h.scale(sorted) : Double.NaN;
        Loss loss = options.loss() instanceof Loss.HuberLikelihood h ? Loss.huber(h.delta() * scale) : options.loss();
        double[] omega = new double[n];
        double rss = 0;
        double weightedSq = 0;
        for (int row = 0; row < n; row++) {
            omega[row] = loss.irlsWeight(sorted[row]);
            rss += sorted[row] * sorted[row];
            weightedSq += omega[row] * sorted[row] * sorted[row];
        }
        int dof = n - m;
        double s2 = dof > 0 ? weightedSq / dof : Double.NaN;
        double huberFactor = huberVarianceFactor(loss, sorted, m, dof);
        if (Double.isFinite(huberFactor)) {
            // Huber's M-estimator covariance uses the plain Jacobian with a scalar factor (below).
            Arrays.fill(omega, 1.0);
            s2 = huberFactor;
        }

        double[][] jac = new double[n][m];
        problem.jacobianP(p, jac, new double[np]);
        for (int i = 0; i < n; i++) {
            double so = Math.sqrt(omega[i]);
            for (int j = 0; j < m; j++) {
                jac[i][j] *= so;
            }
        }
        rejectDegenerate(problem, p, jac, names);
        Inverse inv = invertNormalMatrix(jac, n, m);
        double[][] sandwich = Double.isFinite(huberFactor) && zoneIsForced(loss, sorted, m)
                ? huberSandwich(loss, sorted, jac, m, dof) : null;

        boolean absolute = data.weightsAreInverseVariances();
        double[][] covAbs = new double[np][np];
        double[][] covScaled = new double[np][np];
        double[] stderr = new double[np];
        boolean[] fixed = new boolean[np];
        Arrays.fill(fixed, true);
        for (int a = 0; a < m; a++) {
            fixed[problem.free[a]] = false;
            for (int b = 0; b < m; b++) {
                double c = inv.matrix[a][b];
                covAbs[problem.free[a]][problem.free[b]] = c;
                covScaled[problem.free[a]][problem.free[b]] = sandwich != null ? sandwich[a][b] : c * s2;
            }
        }
        for (int j = 0; j < np; j++) {
            if (fixed[j]) {
                stderr[j] = 0;
            } else {
                double v = absolute ? covAbs[j][j] : covScaled[j][j];
                stderr[j] = v >= 0 && Double.isFinite(v) ? Math.sqrt(v) : Double.NaN;
            }
        }

        double wsum = 0;
        double tmean = 0;
        for (int i = 0; i < n; i++) {
            double w = problem.sqrtW[i] * problem.sqrtW[i];
            wsum += w;
            tmean += w * problem.target[i];
        }
        tmean /= wsum;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            double d = problem.target[i] - tmean;
            tss += problem.sqrtW[i] * problem.sqrtW[i] * d * d;
        }
        double r2 = tss > 0 ? 1 - rss / tss : Double.NaN;

        double sumLogW = 0;
        for (int i = 0; i < n; i++) {
            sumLogW += Math.log(problem.sqrtW[i] * problem.sqrtW[i]);
        }
        double logLik = logLikelihood(options.loss(), sorted, absolute, sumLogW)[0];
        int kInfo = absolute && !(options.loss() instanceof Loss.HuberLikelihood) ? m : m + 1;

        double[] unweighted = new double[n];
        for (int i = 0; i < n; i++) {
            unweighted[i] = r[i] / sqrtW[i];
        }
        ResidualDiagnostics diagnostics = diagnostics(data, r, rss, dof);

        List<String> warnings = new ArrayList<>(notes);
        if (!best.converged()) {
            warnings.add("did not converge: " + best.reason());
        }
        boundWarnings(problem, options, p, warnings);
        Warnings.asymptoteBelowZero(problem, data, p, warnings);
        Warnings.flatAtAsymptote(problem, data, p, warnings);
        Warnings.sigmaLooksLikeErrorsOfY(problem, data, warnings);
        Warnings.robustStandardErrors(loss, sorted, warnings);
        for (int a = 0; a < m; a++) {
            int j = problem.free[a];
            if (Math.abs(p[j]) > RUNAWAY) {
                warnings.add(names.get(j) + " ran off to " + Numbers.format(p[j], 3) + ", near the largest number a double"
                        + " holds: the data do not determine it, and the fit is degenerate in " + names.get(j));
            }
        }
        if (dof == 0) {
            warnings.add("as many free parameters as points: the curve passes through every point and no "
                    + "uncertainty can be estimated");
        }
        if (inv.rankDeficient) {
            warnings.add("singular information matrix: the parameters " + inv.describeNull(names, problem.free)
                    + " are not separately determined by these data");
        } else if (inv.condition > ILL_CONDITIONED) {
            warnings.add("ill-conditioned: condition number " + Numbers.format(inv.condition, 2)
                    + " of the scaled Jacobian; parameters are strongly correlated and their errors are large");
        }
        if (dof > 0 && !inv.rankDeficient) {
            // Every NaN standard error must come with its reason; these two cases are explained above.
            List<String> unknown = new ArrayList<>();
            for (int a = 0; a < m; a++) {
                if (Double.isNaN(stderr[problem.free[a]])) {
                    unknown.add(names.get(problem.free[a]));
                }
            }
            if (!unknown.isEmpty()) {
                warnings.add("standard errors cannot be computed for " + String.join(", ", unknown)
                        + ": the covariance at the optimum is not finite (the fit is numerically degenerate there)");
            }
        }
        for (int a = 0; a < m; a++) {
            int j = problem.free[a];
            if (Double.isFinite(stderr[j]) && stderr[j] > Math.abs(p[j]) && p[j] != 0) {
                warnings.add(names.get(j) + " is poorly determined: its standard error " + Numbers.format(stderr[j], 3)
                        + " exceeds its value " + Numbers.format(p[j], 4));
            }
        }
        if (loss.isSquares() && n >= 8 && diagnostics.maxStandardized() > OUTLIER_Z) {
            warnings.add("possible outlier: row " + diagnostics.maxRow() + " lies " + Numbers.format(diagnostics.maxStandardized(), 3)
                    + " residual standard deviations from the curve (consider " + OptionKey.LOSS.with("huber:DELTA") + ")");
        }
        if (n >= 10 && (diagnostics.durbinWatson() < 1.0 || diagnostics.runsZ() < -2.576)) {
            warnings.add("residuals are systematic (Durbin-Watson " + Numbers.format(diagnostics.durbinWatson(), 3) + ", "
                    + diagnostics.runs() + " sign runs where " + Numbers.format(diagnostics.expectedRuns(), 3)
                    + " are expected): the curve bends away from this law");
        }
        return new Assessment(p, fixed, stderr, covScaled, covAbs, unweighted, rss, dof, r2, logLik, kInfo, warnings,
                inv.condition, diagnostics, scale);
    }

    /**
     * The log-likelihood of weighted residuals: under {@link Loss.HuberLikelihood} that density's with its scale
     * at its best; otherwise Gaussian, with the given sigmas ({@code absolute}) or the variance at its best.
     *
     * @param loss     the fit's loss
     * @param r        weighted residuals √wᵢ·rᵢ
     * @param absolute true when the weights are 1/σᵢ² from given sigmas
     * @param sumLogW  Σ ln wᵢ
     * @return {log L, the scale (σ of the Huber density, NaN otherwise)}
     */
    static double[] logLikelihood(Loss loss, double[] r, boolean absolute, double sumLogW) {
        int n = r.length;
        if (loss instanceof Loss.HuberLikelihood h) {
            double scale = h.scale(r);
            return new double[] {-h.negativeLogLikelihood(r, scale, sumLogW), scale};
        }
        double rss = 0;
        for (double v : r) {
            rss += v * v;
        }
        if (absolute) {
            return new double[] {-0.5 * (rss + n * Math.log(2 * Math.PI) - sumLogW), Double.NaN};
        }
        double sigma2 = Math.max(rss / n, Double.MIN_NORMAL);
        return new double[] {-0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1) + 0.5 * sumLogW, Double.NaN};
    }

    /**
     * The log-likelihood of a law at given parameters (all of them held), for a likelihood-ratio test whose null
     * leaves nothing but the scale free.
     *
     * @return {log L, the scale}
     */
    static double[] logLikelihoodAt(org.scalefit.model.Law law, Observations data, FitOptions options,
                                    org.scalefit.model.Space space, double[] p) {
        Problem problem = Problem.of(law, data, options, space);
        double[] r = new double[problem.n];
        if (problem.residuals(p, r) > 0) {
            throw new FitFailedException(law.name() + " cannot be evaluated at the tested parameters");
        }
        return logLikelihood(options.loss(), r, data.weightsAreInverseVariances(), LikelihoodRun.sumLogWeights(problem));
    }

    /** The full parameter vector of the best run; throws when some value is not finite. */
    private static double[] finiteParameters(Problem problem, LeastSquaresRun.Result best) {
        int np = problem.template.length;
        double[] p = new double[np];
        problem.toFull(best.theta(), p);
        for (int j = 0; j < np; j++) {
            if (!Double.isFinite(p[j])) {
                throw new FitFailedException(problem.law.name() + " fit ended with a non-finite value of "
                        + problem.law.parameters().get(j));
            }
        }
        return p;
    }

    /**
     * The checks {@link #assemble} makes before it computes anything, for a refit that needs only the
     * parameters: finite values and a model that can be evaluated at them. That no parameter has stopped moving
     * the curve is not tested again here: every run {@link MultiStart#solve} returns passed {@link AnswerCheck#check},
     * whose degeneracy test looks for exactly the zero Jacobian columns {@link #rejectDegenerate} would, so a lean
     * refit does not build the Jacobian twice.
     *
     * @return the full parameter vector of the best run
     */
    static double[] checkedParameters(Problem problem, LeastSquaresRun.Result best) {
        double[] p = finiteParameters(problem, best);
        if (problem.residuals(p, new double[problem.n]) > 0) {
            throw new FitFailedException(problem.law.name() + " fit ended where the model cannot be evaluated");
        }
        return p;
    }

    /**
     * Huber's (1981, eq. 7.6.4) covariance of an M-estimator, Cov = K²·[Σψ(rᵢ)²/(n − p)]/[ψ̄']²·(JᵀJ)⁻¹ with
     * ψ̄' the mean of ψ'(rᵢ) and K = 1 + (p/n)·Var(ψ')/ψ̄'² a small-sample correction; this is the factor
     * in front of (JᵀJ)⁻¹. With a small δ (Epoch's 1e-3 on log residuals of about 1e-2) nearly every
     * residual lies beyond δ, so reweighted least squares' s²·(JᵀΩJ)⁻¹ understates the errors severalfold
     * (the estimator is close to least absolute deviations, whose variance is 1/(4f(0)²), not σ²), while
     * this formula tends to exactly that.
     *
     * <p>ψ' is the indicator of |r| ≤ δ (Huber 1981, as SciPy computes it). When the optimum forces the count
     * inside ({@link #zoneIsForced}) the covariance is {@link #huberSandwich} instead. NaN for other losses or
     * without degrees of freedom.
     */
    static double huberVarianceFactor(Loss loss, double[] r, int p, int dof) {
        if (!(loss instanceof Loss.Huber huber) || dof <= 0) {
            return Double.NaN;
        }
        int n = r.length;
        double psi2 = 0;
        double d1 = 0;
        double d2 = 0;
        for (double ri : r) {
            double psi = loss.psi(ri);
            double d = huber.curvature(ri);
            psi2 += psi * psi;
            d1 += d;
            d2 += d * d;
        }
        double mean = d1 / n;
        if (!(mean > 0)) {
            return Double.NaN;
        }
        double var = Math.max(0, d2 / n - mean * mean);
        double k = 1 + (double) p / n * var / (mean * mean);
        return k * k * (psi2 / dof) / (mean * mean);
    }

    /**
     * True when no more residuals lie inside ±δ than the optimum itself puts there: at the optimum of a small δ as
     * many residuals as parameters sit in the quadratic zone whatever δ is, so the share inside — and with it
     * Huber's formula — shrinks with δ and the standard errors collapse (an exponent's 1e-4 where the bootstrap's
     * is 0.015). Up to twice the parameter count counts as forced.
     */
    static boolean zoneIsForced(Loss loss, double[] r, int p) {
        int inside = 0;
        for (double v : r) {
            inside += loss.curvature(v) > 0 ? 1 : 0;
        }
        return inside <= 2 * p;
    }

    /**
     * Huber's M-estimator covariance as a sandwich, K²·n/(n−p)·H⁻¹·B·H⁻¹ with H = Σ ψ'ᵢ·JᵢJᵢᵀ and B = Σ ψᵢ²·JᵢJᵢᵀ,
     * ψ'ᵢ the kernel-smoothed share of residual i inside ±δ (a normal kernel at Silverman's bandwidth), used when
     * the zone's own count is forced ({@link #zoneIsForced}): the smoothing estimates the density of the residuals
     * at zero from all of them instead of counting the few the optimum pinned inside, so the errors tend to those
     * of least absolute deviations as δ → 0 instead of collapsing with it.
     *
     * @return the covariance of the free parameters, or null when H is singular
     */
    private static double[][] huberSandwich(Loss loss, double[] r, double[][] jac, int m, int dof) {
        int n = r.length;
        double delta = ((Loss.Huber) loss).delta();
        double h = bandwidth(r);
        double[][] hJac = new double[n][m];
        double[][] b = new double[m][m];
        double d1 = 0;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double d = h > 0 ? org.scalefit.stats.Quantiles.normalCdf((delta - r[i]) / h)
                    - org.scalefit.stats.Quantiles.normalCdf((-delta - r[i]) / h) : loss.curvature(r[i]);
            d1 += d;
            d2 += d * d;
            double psi = loss.psi(r[i]);
            double sd = Math.sqrt(Math.max(d, 0));
            for (int j = 0; j < m; j++) {
                hJac[i][j] = jac[i][j] * sd;
                for (int k = 0; k < m; k++) {
                    b[j][k] += psi * psi * jac[i][j] * jac[i][k];
                }
            }
        }
        double mean = d1 / n;
        Inverse hInv = invertNormalMatrix(hJac, n, m);
        if (!(mean > 0) || hInv.rankDeficient) {
            return null;
        }
        double var = Math.max(0, d2 / n - mean * mean);
        double kk = 1 + (double) m / n * var / (mean * mean);
        double f = kk * kk * n / dof;
        double[][] hb = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < m; c++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += hInv.matrix[a][k] * b[k][c];
                }
                hb[a][c] = s;
            }
        }
        double[][] out = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < m; c++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += hb[a][k] * hInv.matrix[k][c];
                }
                out[a][c] = f * s;
            }
        }
        return out;
    }

    /** Silverman's rule of thumb, 0.9·min(sd, IQR/1.34)·n^(−1/5), for the residuals' density; 0 when degenerate. */
    static double bandwidth(double[] r) {
        int n = r.length;
        double mean = 0;
        for (double v : r) {
            mean += v / n;
        }
        double ss = 0;
        for (double v : r) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double[] s = r.clone();
        Arrays.sort(s);
        double iqr = org.scalefit.stats.Quantiles.percentile(s, 0.75) - org.scalefit.stats.Quantiles.percentile(s, 0.25);
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        double h = 0.9 * spread * Math.pow(n, -0.2);
        return Double.isFinite(h) && h > 0 ? h : 0;
    }

    /**
     * A best fit at which some parameter no longer changes the curve at all — its Jacobian column is
     * exactly zero — is not a fit: the optimiser stalled on a plateau, typically an exponential driven
     * into overflow or underflow. Say so instead of returning it.
     */
    private static void rejectDegenerate(Problem problem, double[] p, double[][] jac, List<String> names) {
        for (int j = 0; j < problem.m; j++) {
            boolean zero = true;
            for (double[] row : jac) {
                if (row[j] != 0) {
                    zero = false;
                    break;
                }
            }
            if (zero && !problem.atBound(j, p[problem.free[j]])) {
                String name = names.get(problem.free[j]);
                throw new FitFailedException(problem.law.name() + " fit stalled where " + name + " no longer changes the "
                        + "curve (" + name + " = " + Numbers.format(p[problem.free[j]], 4) + "): give start values closer "
                        + "to the data, or rescale the formula");
            }
        }
    }

    private static void boundWarnings(Problem problem, FitOptions options, double[] p, List<String> warnings) {
        List<String> names = problem.law.parameters();
        for (int a = 0; a < problem.m; a++) {
            int j = problem.free[a];
            Bound b = problem.bounds[a];
            if (b == null) {
                continue;
            }
            double tolLo = 1e-6 * Math.max(1.0, Math.abs(b.lower()));
            double tolHi = 1e-6 * Math.max(1.0, Math.abs(b.upper()));
            boolean atLo = Double.isFinite(b.lower()) && p[j] - b.lower() <= tolLo;
            boolean atHi = !atLo && Double.isFinite(b.upper()) && b.upper() - p[j] <= tolHi;
            if (!atLo && !atHi) {
                continue;
            }
            String end = atLo ? "lower" : "upper";
            double at = atLo ? b.lower() : b.upper();
            if (problem.fromLaw[a]) {
                String reason = "";
                for (Constraint c : problem.constraints) {
                    if (c.parameter().equals(names.get(j)) && c.source() == Constraint.Source.RANGE) {
                        reason = " (" + c.reason() + ")";
                    }
                }
                warnings.add(names.get(j) + " rests at the " + end + " end (" + Numbers.format(at, 6)
                        + ") of the range the engine keeps it in by default" + reason + "; its standard error ignores"
                        + " the edge; lift the range with " + OptionKey.BOUND.with(names.get(j) + "=LO:HI"));
            } else {
                warnings.add(names.get(j) + " is at its " + end + " bound " + Numbers.format(at, 6)
                        + ": the best fit may lie beyond it, and its standard error ignores the bound");
            }
        }
    }

    static ResidualDiagnostics diagnostics(Observations data, double[] r, double rss, int dof) {
        int n = r.length;
        double rms = Math.sqrt(rss / n);
        double s = Math.sqrt(rss / Math.max(dof, 1));
        int[] order = IndexSort.sort(n, (a, b) -> Double.compare(data.x(0, a), data.x(0, b)));
        double maxZ = 0;
        int maxRow = data.row(0);
        for (int i = 0; i < n; i++) {
            double z = s > 0 ? Math.abs(r[i]) / s : 0;
            if (z > maxZ) {
                maxZ = z;
                maxRow = data.row(i);
            }
        }
        double num = 0;
        double den = 0;
        for (int k = 0; k < n; k++) {
            double e = r[order[k]];
            den += e * e;
            if (k > 0) {
                double d = e - r[order[k - 1]];
                num += d * d;
            }
        }
        double dw = n >= 3 && den > 0 ? num / den : Double.NaN;
        double[] ordered = new double[n];
        for (int k = 0; k < n; k++) {
            ordered[k] = r[order[k]];
        }
        SignRuns runs = SignRuns.of(ordered);
        return new ResidualDiagnostics(rms, maxZ, maxRow, dw, runs.runs(), runs.expected(), runs.z());
    }

    /** (JᵀJ)⁻¹ by an SVD of the column-scaled Jacobian, with its condition number and null space. */
    static Inverse invertNormalMatrix(double[][] jac, int n, int m) {
        double[] norms = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += jac[i][j] * jac[i][j];
            }
            norms[j] = Math.sqrt(s);
        }
        double[][] scaled = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                scaled[i][j] = norms[j] > 0 ? jac[i][j] / norms[j] : 0;
            }
        }
        Inverse out = new Inverse();
        out.matrix = new double[m][m];
        if (n < m) {
            out.rankDeficient = true;
            out.condition = Double.POSITIVE_INFINITY;
            for (double[] row : out.matrix) {
                Arrays.fill(row, Double.NaN);
            }
            out.nullVector = new double[m];
            return out;
        }
        SmallSvd svd = new SmallSvd(scaled, n, m);
        double smax = svd.max();
        double smin = svd.min();
        out.condition = smin > 0 ? smax / smin : Double.POSITIVE_INFINITY;
        double cutoff = smax * 1e-13 * Math.max(n, m);
        out.rankDeficient = !(smin > cutoff);
        double[][] inv = svd.normalInverse(cutoff);
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                out.matrix[a][b] = norms[a] > 0 && norms[b] > 0 ? inv[a][b] / (norms[a] * norms[b]) : Double.NaN;
            }
        }
        if (out.rankDeficient) {
            out.nullVector = svd.rightVector(svd.argMin());
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    out.matrix[a][b] = Double.NaN;
                }
            }
        }
        return out;
    }

    static final class Inverse {
        double[][] matrix;
        double condition;
        boolean rankDeficient;
        double[] nullVector;

        String describeNull(List<String> names, int[] free) {
            List<String> involved = new ArrayList<>();
            for (int a = 0; a < free.length; a++) {
                if (nullVector == null || nullVector.length == 0 || Math.abs(nullVector[a]) > 0.1) {
                    involved.add(names.get(free[a]));
                }
            }
            return String.join(", ", involved);
        }
    }

}
