package org.scalefit.fit;

import org.scalefit.model.Space;

/**
 * The one objective of the engine over a {@link Problem}: Σ ρ(√wᵢ·(tᵢ − gᵢ(θ))) for any law, loss and
 * transform — its value ({@link #value}, what every optimiser's result reports and compares) and, as a
 * {@link SmoothObjective}, its analytic gradient
 * −Σ ψ(rᵢ)·√wᵢ·∂gᵢ/∂pⱼ·dpⱼ/dθⱼ. The law's {@code logValue}/{@code logGradient} (log space) or
 * {@code value}/{@code gradient} (linear space) are called once each per point.
 */
final class RobustObjective implements SmoothObjective {
    private final Problem problem;
    private final Loss loss;
    private final double[] p;
    private final double[] lawGrad;
    private final double[] dpdTheta;
    private final Space space;

    RobustObjective(Problem problem, Loss loss) {
        this.problem = problem;
        this.loss = loss;
        this.p = new double[problem.template.length];
        this.lawGrad = new double[problem.template.length];
        this.dpdTheta = new double[problem.m];
        this.space = problem.space;
    }

    /** @return the fastest exact evaluator of the problem's objective with its gradient (a kernel where one fits) */
    static SmoothObjective forProblem(Problem problem, Loss loss) {
        SmoothObjective k = ChinchillaKernel.forProblem(problem, loss);
        return k != null ? k : new RobustObjective(problem, loss);
    }

    /** Σ ρ(rᵢ) at θ; leaves the residuals in r. */
    static double value(Problem problem, double[] theta, Loss loss, double[] p, double[] r) {
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

    @Override
    public int dimension() {
        return problem.m;
    }

    @Override
    public double evaluate(double[] theta, double[] grad) {
        int m = problem.m;
        problem.toFull(theta, p);
        for (int j = 0; j < m; j++) {
            dpdTheta[j] = problem.transforms[j].derivative(theta[j]);
            grad[j] = 0;
        }
        double f = 0;
        for (int i = 0; i < problem.n; i++) {
            double[] x = problem.xRows[i];
            double g = space.value(problem.law, x, p);
            if (!Double.isFinite(g)) {
                return Double.POSITIVE_INFINITY;
            }
            double sw = problem.sqrtW[i];
            double r = sw * (problem.target[i] - g);
            f += loss.rho(r);
            double c = loss.psi(r) * sw;
            if (c != 0) {
                space.gradient(problem.law, x, p, lawGrad);
                for (int j = 0; j < m; j++) {
                    grad[j] -= c * lawGrad[problem.free[j]];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            grad[j] *= dpdTheta[j];
        }
        return Double.isFinite(f) ? f : Double.POSITIVE_INFINITY;
    }
}
