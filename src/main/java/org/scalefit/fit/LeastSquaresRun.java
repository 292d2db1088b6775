package org.scalefit.fit;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

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
    private static final int POLISH_STEPS = 8;

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
        Weighted w = new Weighted(problem, omega);
        LeastSquaresBuilder builder = new LeastSquaresBuilder()
                .start(theta0)
                .target(w.target)
                .lazyEvaluation(true)
                .maxIterations(maxIterations)
                .maxEvaluations(Math.max(100, 20 * maxIterations))
                .model(w::value, w::jacobian);
        LeastSquaresOptimizer optimizer = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(TOLERANCE)
                .withParameterRelativeTolerance(TOLERANCE)
                .withOrthoTolerance(TOLERANCE);
        double[] p = new double[problem.template.length];
        double[] rBuf = new double[problem.n];
        try {
            LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(builder.build());
            double[] theta = w.polish(optimum.getPoint().toArray());
            double obj = objective(problem, theta, loss, p, rBuf);
            return new Result(theta, obj, optimum.getIterations(), optimum.getEvaluations() + w.polishEvaluations, true,
                    "converged: relative change of cost, step or gradient below 1e-12", startIndex);
        } catch (TooManyIterationsException | TooManyEvaluationsException e) {
            return stopped(problem, w.best, loss, p, rBuf, "stopped: iteration limit (" + maxIterations + ") reached",
                    maxIterations, startIndex);
        } catch (ConvergenceException e) {
            return stopped(problem, w.best, loss, p, rBuf, "stopped: " + e.getMessage(), 0, startIndex);
        }
    }

    /**
     * The weighted model √ωᵢ·√wᵢ·gᵢ(θ) and its Jacobian in the optimiser's coordinates, with the
     * best point evaluated so far. One instance per optimiser run (not shared between threads).
     */
    private static final class Weighted {
        final Problem problem;
        final double[] scale;
        final double[] target;
        final double[] p;
        final double[] grad;
        final double[][] jacP;
        final BestPoint best = new BestPoint();
        int polishEvaluations;

        Weighted(Problem problem, double[] omega) {
            this.problem = problem;
            int n = problem.n;
            this.scale = new double[n];
            this.target = new double[n];
            for (int i = 0; i < n; i++) {
                scale[i] = Math.sqrt(omega[i]) * problem.sqrtW[i];
                target[i] = scale[i] * problem.target[i];
            }
            this.p = new double[problem.template.length];
            this.grad = new double[problem.template.length];
            this.jacP = new double[n][problem.m];
        }

        double[] value(double[] theta) {
            problem.toFull(theta, p);
            int n = problem.n;
            double[] out = new double[n];
            double cost = 0;
            for (int i = 0; i < n; i++) {
                double g = problem.model(problem.xRows[i], p);
                double v = scale[i] * g;
                if (!Double.isFinite(v)) {
                    v = target[i] + INVALID_RESIDUAL;
                }
                out[i] = v;
                double d = target[i] - v;
                cost += d * d;
            }
            best.offer(theta, cost);
            return out;
        }

        double[][] jacobian(double[] theta) {
            problem.toFull(theta, p);
            problem.jacobianP(p, jacP, grad);
            int n = problem.n;
            int m = problem.m;
            double[][] out = new double[n][m];
            for (int j = 0; j < m; j++) {
                double d = problem.transforms[j].derivative(theta[j]);
                for (int i = 0; i < n; i++) {
                    // jacP already carries √wᵢ; add the reweighting factor √ωᵢ.
                    out[i][j] = scale[i] / problem.sqrtW[i] * jacP[i][j] * d;
                }
            }
            return out;
        }

        double cost(double[] theta) {
            double[] v = value(theta);
            double c = 0;
            for (int i = 0; i < v.length; i++) {
                double d = target[i] - v[i];
                c += d * d;
            }
            return c;
        }

        /**
         * A few Gauss–Newton steps (SVD least-squares solves) from the Levenberg–Marquardt optimum,
         * accepting a step only when it lowers the cost. LM stops at a relative tolerance; on flat
         * problems (NIST's ENSO) this recovers the last digits the data determine.
         */
        double[] polish(double[] theta0) {
            double[] theta = theta0.clone();
            double cost = cost(theta);
            polishEvaluations++;
            for (int iter = 0; iter < POLISH_STEPS && Double.isFinite(cost); iter++) {
                double[] v = value(theta);
                polishEvaluations++;
                double[] r = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    r[i] = target[i] - v[i];
                }
                double[] step;
                try {
                    step = new SingularValueDecomposition(new Array2DRowRealMatrix(jacobian(theta), false))
                            .getSolver().solve(new ArrayRealVector(r, false)).toArray();
                } catch (RuntimeException e) {
                    return theta;
                }
                double[] trial = theta.clone();
                boolean moved = false;
                for (int j = 0; j < trial.length; j++) {
                    trial[j] += step[j];
                    moved |= trial[j] != theta[j];
                }
                if (!moved) {
                    return theta;
                }
                double c = cost(trial);
                polishEvaluations++;
                if (!(c < cost)) {
                    return theta;
                }
                theta = trial;
                cost = c;
            }
            return theta;
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

    /** The lowest-cost point the solver evaluated (confined to one run's thread). */
    private static final class BestPoint {
        double[] theta;
        double cost = Double.POSITIVE_INFINITY;
        int count;

        void offer(double[] t, double c) {
            count++;
            if (c < cost) {
                cost = c;
                theta = t.clone();
            }
        }
    }
}
