package org.scalefit.fit;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;

/**
 * One optimisation from one start: Levenberg–Marquardt (Commons Math, a MINPACK port) on the
 * weighted residuals, wrapped in iteratively reweighted least squares for robust losses.
 *
 * <p>Points where the model cannot be evaluated (ln of a non-positive value, overflow) get a huge
 * residual, so the solver rejects any step that leads there instead of propagating NaN. The best
 * point evaluated is remembered, so a run stopped by the iteration limit still reports where it got.
 */
final class LeastSquaresRun {
    /** Residual given to a point where the model is undefined: large, yet its square summed stays finite. */
    private static final double INVALID_RESIDUAL = 1e100;
    private static final int MAX_IRLS_ROUNDS = 200;
    private static final double TOLERANCE = 1e-12;
    /** Evaluations over which the stall test ({@link FitOptions#stallTolerance()}) looks back. */
    static final int STALL_WINDOW = 50;

    /** The outcome of one start. */
    record Result(double[] theta, double objective, int iterations, int evaluations, boolean converged,
                  String reason, int startIndex) {
        boolean valid() {
            return theta != null && Double.isFinite(objective);
        }
    }

    private LeastSquaresRun() {
    }

    static Result run(Problem problem, double[] theta0, Loss loss, int maxIterations, int startIndex) {
        double[] p = new double[problem.template.length];
        double[] r = new double[problem.n];
        problem.toFull(theta0, p);
        if (problem.residuals(p, r) > 0) {
            return new Result(null, Double.NaN, 0, 1, false, "the model cannot be evaluated at the start point",
                    startIndex);
        }
        double[] omega = new double[problem.n];
        java.util.Arrays.fill(omega, 1.0);
        if (loss.isSquares()) {
            return solve(problem, theta0, omega, loss, maxIterations, startIndex);
        }
        double[] theta = theta0.clone();
        double previous = objective(problem, theta, loss, p, r);
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
            double current = objective(problem, step.theta(), loss, p, r);
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

    /** Σ ρ(rᵢ) at θ; leaves the residuals in r. */
    static double objective(Problem problem, double[] theta, Loss loss, double[] p, double[] r) {
        problem.toFull(theta, p);
        if (problem.residuals(p, r) > 0) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (int i = 0; i < problem.n; i++) {
            s += loss.rho(r[i]);
        }
        return s;
    }

    private static Result solve(Problem problem, double[] theta0, double[] omega, Loss loss, int maxIterations,
                                int startIndex) {
        int n = problem.n;
        int m = problem.m;
        double[] scale = new double[n];
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = Math.sqrt(omega[i]);
            target[i] = scale[i] * problem.sqrtW[i] * problem.target[i];
        }
        BestPoint best = new BestPoint(Math.max(n - m, 1), problem.stallTolerance);
        double[] p = new double[problem.template.length];
        double[] grad = new double[problem.template.length];
        double[][] jacP = new double[n][m];
        LeastSquaresBuilder builder = new LeastSquaresBuilder()
                .start(theta0)
                .target(target)
                .lazyEvaluation(true)
                .maxIterations(maxIterations)
                .maxEvaluations(Math.max(100, 20 * maxIterations))
                .model(theta -> {
                    problem.toFull(theta, p);
                    double[] out = new double[n];
                    double cost = 0;
                    for (int i = 0; i < n; i++) {
                        double g = problem.model(problem.xRows[i], p);
                        double v = scale[i] * problem.sqrtW[i] * g;
                        if (!Double.isFinite(v)) {
                            v = target[i] + INVALID_RESIDUAL;
                        }
                        out[i] = v;
                        double d = target[i] - v;
                        cost += d * d;
                    }
                    best.offer(theta, cost);
                    return out;
                }, theta -> {
                    problem.toFull(theta, p);
                    problem.jacobianP(p, jacP, grad);
                    double[][] out = new double[n][m];
                    for (int j = 0; j < m; j++) {
                        double d = problem.transforms[j].derivative(theta[j]);
                        for (int i = 0; i < n; i++) {
                            out[i][j] = scale[i] * jacP[i][j] * d;
                        }
                    }
                    return out;
                });
        LeastSquaresOptimizer optimizer = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(TOLERANCE)
                .withParameterRelativeTolerance(TOLERANCE)
                .withOrthoTolerance(TOLERANCE);
        double[] rBuf = new double[n];
        try {
            LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(builder.build());
            double[] theta = optimum.getPoint().toArray();
            double obj = objective(problem, theta, loss, p, rBuf);
            return new Result(theta, obj, optimum.getIterations(), optimum.getEvaluations(), true,
                    "converged: relative change of cost, step or gradient below 1e-12", startIndex);
        } catch (TooManyIterationsException | TooManyEvaluationsException e) {
            return stopped(problem, best, loss, p, rBuf, "stopped: iteration limit (" + maxIterations + ") reached",
                    maxIterations, startIndex);
        } catch (ConvergenceException e) {
            return stopped(problem, best, loss, p, rBuf, "stopped: " + e.getMessage(), 0, startIndex);
        } catch (Stalled e) {
            double obj = objective(problem, best.theta, loss, p, rBuf);
            return new Result(best.theta, obj, best.count / 2, best.count, true,
                    "converged: the cost fell by less than " + problem.stallTolerance + " noise variances over the last "
                            + STALL_WINDOW + " evaluations (a flat valley: the parameters along it are poorly determined)",
                    startIndex);
        }
    }

    private static Result stopped(Problem problem, BestPoint best, Loss loss, double[] p, double[] r, String reason,
                                  int iterations, int startIndex) {
        if (best.theta == null) {
            return new Result(null, Double.NaN, iterations, 0, false, reason, startIndex);
        }
        double obj = objective(problem, best.theta, loss, p, r);
        return new Result(best.theta, obj, iterations, best.count, false, reason, startIndex);
    }

    /**
     * Thrown from inside the model function when the run crawls along a flat valley: each step lowers the
     * cost, but by amounts far below any statistical meaning, while Levenberg–Marquardt's own tests (which
     * also need the predicted reduction to vanish) keep it going for thousands of iterations.
     */
    private static final class Stalled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stalled() {
            super(null, null, false, false);
        }
    }

    /** The lowest-cost point the solver evaluated (confined to one run's thread), and the stall test. */
    private static final class BestPoint {
        double[] theta;
        double cost = Double.POSITIVE_INFINITY;
        int count;
        private double windowStartCost = Double.POSITIVE_INFINITY;
        private final int dof;
        private final double stallTolerance;

        BestPoint(int dof, double stallTolerance) {
            this.dof = dof;
            this.stallTolerance = stallTolerance;
        }

        void offer(double[] t, double c) {
            count++;
            if (c < cost) {
                cost = c;
                theta = t.clone();
            }
            if (stallTolerance > 0 && count % STALL_WINDOW == 0) {
                if (Double.isFinite(windowStartCost) && windowStartCost - cost <= stallTolerance * cost / dof) {
                    throw new Stalled();
                }
                windowStartCost = cost;
            }
        }
    }
}
