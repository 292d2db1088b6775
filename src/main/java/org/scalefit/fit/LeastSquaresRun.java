package org.scalefit.fit;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;

/**
 * One optimisation from one start: {@link LevenbergMarquardt} on the weighted residuals, finished by
 * an SVD Gauss–Newton polish, and wrapped in iteratively reweighted least squares for robust losses.
 *
 * <p>A step into a region where the model cannot be evaluated (ln of a non-positive value, overflow)
 * is rejected like any step that raises the cost, instead of propagating NaN; a run stopped by the
 * iteration limit reports the best point it accepted.
 */
final class LeastSquaresRun {
    private static final int MAX_IRLS_ROUNDS = 200;
    private static final double TOLERANCE = 1e-12;
    /**
     * The relative cost tolerance of a refit from an optimum (a stall tolerance is set: bootstrap and
     * jackknife replicates, leave-one-out), which also skips the SVD polish. What is left of the cost to
     * gain is then below 1e-9 of it, i.e. 1e-9·dof noise variances: the parameters sit within about
     * 10⁻⁴ of a standard error of the replicate's optimum, far inside the spread the replicates measure.
     */
    static final double REFIT_TOLERANCE = 1e-9;
    private static final int POLISH_STEPS = 8;
    /** Why a problem that is linear in the optimiser's coordinates ends after one exact solve. */
    static final String LINEAR_REASON = "solved exactly (linear in ln a and alpha in log space)";
    /** Evaluations over which the stall test ({@link FitOptions#stallTolerance()}) looks back. */
    static final int STALL_WINDOW = 50;

    /** The outcome of one start. */
    record Result(double[] theta, double objective, int iterations, int evaluations, boolean converged,
                  String reason, int startIndex, Lbfgs.Curvature curvature) {
        Result(double[] theta, double objective, int iterations, int evaluations, boolean converged, String reason,
               int startIndex) {
            this(theta, objective, iterations, evaluations, converged, reason, startIndex, null);
        }

        boolean valid() {
            return theta != null && Double.isFinite(objective);
        }
    }

    private LeastSquaresRun() {
    }

    static Result run(Problem problem, double[] theta0, RunPlan plan, int startIndex) {
        Loss loss = plan.loss();
        int maxIterations = plan.maxIterations();
        double[] p = new double[problem.template.length];
        double[] r = new double[problem.n];
        problem.toFull(theta0, p);
        if (problem.residuals(p, r) > 0) {
            return new Result(null, Double.NaN, 0, 1, false, "the model cannot be evaluated at the start point",
                    startIndex);
        }
        if (loss.isSquares() && problem.kernel != null) {
            double[] exact = problem.kernel.linearSolution(problem);
            if (exact != null) {
                double obj = RobustObjective.value(problem, exact, loss, p, r);
                if (Double.isFinite(obj)) {
                    return new Result(exact, obj, 1, 1, true, "converged: " + LINEAR_REASON, startIndex);
                }
            }
        }
        double[] omega = new double[problem.n];
        java.util.Arrays.fill(omega, 1.0);
        if (loss.isSquares()) {
            return solve(problem, theta0, omega, loss, maxIterations, startIndex);
        }
        double[] theta = theta0.clone();
        double previous = RobustObjective.value(problem, theta, loss, p, r);
        int iterations = 0;
        int evaluations = 0;
        Result last = null;
        for (int round = 0; round < MAX_IRLS_ROUNDS; round++) {
            for (int i = 0; i < problem.n; i++) {
                omega[i] = loss.irlsWeight(r[i]);
            }
            Result step = solve(problem, theta, omega, loss, maxIterations, startIndex);
            iterations += step.iterations();
            evaluations += step.evaluations();
            if (!step.valid()) {
                return last != null ? last : step;
            }
            double current = RobustObjective.value(problem, step.theta(), loss, p, r);
            if (current > previous) {
                // A reweighting round that raises the robust objective has overshot; keep the better point.
                return new Result(theta, previous, iterations, evaluations, true,
                        "converged: reweighting no longer lowers the " + loss.spec() + " objective", startIndex);
            }
            theta = step.theta();
            last = new Result(theta, current, iterations, evaluations, step.converged(), step.reason(), startIndex);
            if (previous - current <= TOLERANCE * Math.max(current, 1e-300)) {
                return new Result(theta, current, iterations, evaluations, step.converged(),
                        "converged: " + loss.spec() + " objective changed by less than 1e-12 relative in a reweighting round",
                        startIndex);
            }
            previous = current;
            if (iterations >= maxIterations) {
                break;
            }
        }
        return new Result(theta, previous, iterations, evaluations, false,
                "stopped: iteration limit reached while reweighting for " + loss.spec(), startIndex);
    }

    private static Result solve(Problem problem, double[] theta0, double[] omega, Loss loss, int maxIterations,
                                int startIndex) {
        Weighted w = new Weighted(problem, omega);
        boolean refit = problem.stallTolerance > 0;
        LevenbergMarquardt lm = new LevenbergMarquardt(problem.n, problem.m, refit ? REFIT_TOLERANCE : TOLERANCE,
                problem.stallTolerance);
        double[] theta = theta0.clone();
        LevenbergMarquardt.Stop stop = lm.minimise(w, theta, maxIterations);
        if (stop == LevenbergMarquardt.Stop.INVALID_START) {
            return new Result(null, Double.NaN, 0, lm.evaluations, false, stop.text, startIndex);
        }
        int iterations = lm.iterations;
        int evaluations = lm.evaluations;
        boolean converged = stop.converged();
        String reason = converged ? "converged: " + stop.text
                : "stopped: " + stop.text + " (" + maxIterations + " iterations)";
        double cost = lm.cost;
        if (stop == LevenbergMarquardt.Stop.STALLED) {
            // The caller asked to stop crawling (refits from an optimum): no fallback, which would crawl too.
            converged = true;
        } else if (!converged || w.stalled(theta)) {
            // Our solver is tuned for speed on well-behaved problems; on the hard ones (long curved
            // valleys, saturating exponentials) MINPACK's trust-region strategy is more persistent.
            // Give it the same start and keep whichever ends lower.
            Minpack mp = Minpack.run(w, theta0, maxIterations, problem.stallTolerance);
            iterations += mp.iterations;
            evaluations += mp.evaluations;
            if (mp.theta != null && (mp.cost < cost || !converged)) {
                theta = mp.theta;
                cost = mp.cost;
                converged = mp.converged;
                reason = mp.reason;
            }
        }
        if (converged && !refit) {
            theta = w.polish(theta, cost);
        }
        double[] p = new double[problem.template.length];
        double[] rBuf = new double[problem.n];
        double obj = RobustObjective.value(problem, theta, loss, p, rBuf);
        return new Result(theta, obj, iterations, evaluations + w.polishEvaluations, converged, reason, startIndex);
    }

    /** Thrown from inside the MINPACK model function to end a crawl (see {@link FitOptions#stallTolerance()}). */
    private static final class Stalled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stalled() {
            super(null, null, false, false);
        }
    }

    /** Commons Math's Levenberg–Marquardt (a MINPACK port), the fallback for hard problems. */
    private static final class Minpack {
        double[] theta;
        double cost = Double.POSITIVE_INFINITY;
        boolean converged;
        String reason;
        int iterations;
        int evaluations;

        static Minpack run(Weighted w, double[] theta0, int maxIterations, double stallTolerance) {
            Minpack out = new Minpack();
            int n = w.problem.n;
            int m = w.problem.m;
            int dof = Math.max(n - m, 1);
            double[] window = {Double.POSITIVE_INFINITY, 0};
            double[] r = new double[n];
            double[][] jac = new double[n][m];
            LeastSquaresBuilder builder = new LeastSquaresBuilder()
                    .start(theta0)
                    .target(new double[n])
                    .lazyEvaluation(true)
                    .maxIterations(maxIterations)
                    .maxEvaluations(Math.max(100, 20 * maxIterations))
                    .model(theta -> {
                        // Commons Math minimises ‖target − model‖²; with target 0 the "model" is −r. Points
                        // where the model is undefined get a huge residual so that the step is rejected.
                        double[] out2 = new double[n];
                        if (!w.residuals(theta, r)) {
                            java.util.Arrays.fill(out2, 1e100);
                            return out2;
                        }
                        double c = 0;
                        for (int i = 0; i < n; i++) {
                            out2[i] = -r[i];
                            c += r[i] * r[i];
                        }
                        if (c < out.cost) {
                            out.cost = c;
                            out.theta = theta.clone();
                        }
                        if (stallTolerance > 0 && ++window[1] % STALL_WINDOW == 0) {
                            if (window[0] - out.cost <= stallTolerance * out.cost / dof) {
                                throw new Stalled();
                            }
                            window[0] = out.cost;
                        }
                        return out2;
                    }, theta -> {
                        w.jacobian(theta, jac);
                        double[][] copy = new double[n][];
                        for (int i = 0; i < n; i++) {
                            copy[i] = jac[i].clone();
                        }
                        return copy;
                    });
            LeastSquaresOptimizer optimizer = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(TOLERANCE)
                    .withParameterRelativeTolerance(TOLERANCE)
                    .withOrthoTolerance(TOLERANCE);
            try {
                LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(builder.build());
                out.theta = optimum.getPoint().toArray();
                out.cost = w.cost(out.theta);
                out.iterations = optimum.getIterations();
                out.evaluations = optimum.getEvaluations();
                out.converged = Double.isFinite(out.cost);
                out.reason = "converged: relative change of cost, step or gradient below 1e-12 (MINPACK fallback)";
            } catch (TooManyIterationsException | TooManyEvaluationsException e) {
                out.iterations = maxIterations;
                out.reason = "stopped: iteration limit (" + maxIterations + ") reached";
            } catch (ConvergenceException e) {
                out.reason = "stopped: " + e.getMessage();
            } catch (Stalled e) {
                out.converged = out.theta != null;
                out.evaluations = (int) window[1];
                out.reason = "converged: " + LevenbergMarquardt.Stop.STALLED.text + " (MINPACK fallback)";
            }
            return out;
        }
    }

    /**
     * The weighted residuals √ωᵢ·√wᵢ·(tᵢ − gᵢ(θ)) and the Jacobian of the weighted model in the optimiser's
     * coordinates. One instance per optimiser run (not shared between threads); buffers are reused.
     */
    private static final class Weighted implements LevenbergMarquardt.Model {
        final Problem problem;
        final double[] scale;
        final double[] target;
        final double[] reweight;
        final double[] p;
        final double[] grad;
        final double[][] jacP;
        /** The power terms of the last residuals, which the Jacobian at the accepted point reuses. */
        final PointKernel.Terms terms;
        int polishEvaluations;

        Weighted(Problem problem, double[] omega) {
            this.problem = problem;
            int n = problem.n;
            this.scale = new double[n];
            this.target = new double[n];
            this.reweight = new double[n];
            for (int i = 0; i < n; i++) {
                scale[i] = Math.sqrt(omega[i]) * problem.sqrtW[i];
                target[i] = scale[i] * problem.target[i];
                reweight[i] = scale[i] / problem.sqrtW[i];
            }
            this.p = new double[problem.template.length];
            this.grad = new double[problem.template.length];
            this.jacP = new double[n][problem.m];
            this.terms = problem.newTerms();
        }

        @Override
        public boolean residuals(double[] theta, double[] r) {
            problem.toFull(theta, p);
            problem.modelValues(p, r, terms);
            for (int i = 0; i < problem.n; i++) {
                double v = target[i] - scale[i] * r[i];
                if (!Double.isFinite(v)) {
                    return false;
                }
                r[i] = v;
            }
            return true;
        }

        @Override
        public void jacobian(double[] theta, double[][] out) {
            problem.toFull(theta, p);
            problem.jacobianP(p, jacP, grad, terms);
            int n = problem.n;
            int m = problem.m;
            for (int j = 0; j < m; j++) {
                double d = problem.transforms[j].derivative(theta[j]);
                for (int i = 0; i < n; i++) {
                    // jacP already carries √wᵢ; add the reweighting factor √ωᵢ (= scaleᵢ/√wᵢ, precomputed).
                    out[i][j] = reweight[i] * jacP[i][j] * d;
                }
            }
        }

        /** ‖r(θ)‖², or +∞ where the model cannot be evaluated. */
        double cost(double[] theta) {
            double[] r = new double[problem.n];
            if (!residuals(theta, r)) {
                return Double.POSITIVE_INFINITY;
            }
            double c = 0;
            for (double v : r) {
                c += v * v;
            }
            return c;
        }

        /**
         * True when some parameter no longer moves the curve at all: its Jacobian column, scaled by the
         * parameter's size, is below 1e-10 of the largest. That is a plateau (an exponential driven into
         * saturation), where a local solver stops without having found the optimum.
         */
        boolean stalled(double[] theta) {
            problem.toFull(theta, p);
            problem.jacobianP(p, jacP, grad, terms);
            double max = 0;
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < problem.m; j++) {
                double s = 0;
                for (int i = 0; i < problem.n; i++) {
                    s += jacP[i][j] * jacP[i][j];
                }
                double size = Math.max(Math.abs(p[problem.free[j]]), 1e-12);
                double sensitivity = Math.sqrt(s) * size;
                max = Math.max(max, sensitivity);
                min = Math.min(min, sensitivity);
            }
            return !(min > 1e-10 * max);
        }

        /**
         * A few Gauss–Newton steps solved by SVD of the Jacobian (not the normal equations), accepting a
         * step only when it lowers the cost. The damped normal equations square the condition number;
         * this recovers the last digits the data determine (NIST's ENSO, MGH09, Bennett5).
         */
        double[] polish(double[] theta0, double cost0) {
            int n = problem.n;
            int m = problem.m;
            double[] theta = theta0.clone();
            double cost = cost0;
            double[] r = new double[n];
            double[] rTrial = new double[n];
            double[][] jac = new double[n][m];
            double[] trial = new double[m];
            polishEvaluations++;
            if (!residuals(theta, r)) {
                return theta;
            }
            for (int iter = 0; iter < POLISH_STEPS && cost > 0; iter++) {
                jacobian(theta, jac);
                SmallSvd svd = new SmallSvd(jac, n, m);
                double[] step = svd.solve(r, svd.max() * 1e-14 * Math.max(n, m));
                boolean moved = false;
                for (int j = 0; j < m; j++) {
                    trial[j] = theta[j] + step[j];
                    moved |= trial[j] != theta[j];
                }
                polishEvaluations++;
                if (!moved || !residuals(trial, rTrial)) {
                    return theta;
                }
                double c = 0;
                for (double v : rTrial) {
                    c += v * v;
                }
                if (!(c < cost)) {
                    return theta;
                }
                System.arraycopy(trial, 0, theta, 0, m);
                double[] swap = r;
                r = rTrial;
                rTrial = swap;
                cost = c;
            }
            return theta;
        }
    }
}
