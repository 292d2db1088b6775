package org.scalefit.fit;

import java.util.Arrays;

/**
 * One maximum-likelihood run under {@link Loss.HuberLikelihood} from one start, in two stages.
 *
 * <p>First, L-BFGS on the profiled negative log-likelihood P(θ) = min over σ of −log L(θ, σ): for given
 * residuals the best σ has a closed characterisation ({@link Loss.HuberLikelihood#scale}), and by the envelope
 * theorem P's gradient is that of Σ ρ_δ(rᵢ/σ̂) at fixed σ̂. As the fit improves σ̂ shrinks, so the quadratic zone
 * |r| ≤ δσ̂ narrows: the run is a continuation from a Huber fit towards least absolute deviations, and it ends
 * near — not at — the optimum, where the objective has a kink in every direction but a few.
 *
 * <p>Then the exact optimum beside it. At the maximum of this likelihood (δ small) as many residuals as free
 * parameters sit in the quadratic zone and every other in a linear tail. For that set S the stationarity of θ
 * reads Σ_{S} uᵢ·∂rᵢ/∂θ = −Σ_{not S} sign(rᵢ)·∂rᵢ/∂θ with uᵢ = rᵢ/(δσ), which gives u; the scale's own
 * condition gives σ = δ·Σ_{not S}|rᵢ| / (n − δ²·Σuᵢ²); and the m equations rᵢ(θ) = δσuᵢ (i in S) are solved by
 * Newton's method. A member of S whose |uᵢ| exceeds 1 belongs in the tails and is exchanged for the next
 * smallest residual. The result is accepted only if it is consistent (every |uᵢ| ≤ 1, every other residual
 * outside the zone) and its likelihood is at least the first stage's; otherwise the first stage's answer stands.
 */
final class LikelihoodRun {
    private static final int NEWTON_STEPS = 60;
    private static final int EXCHANGES = 40;

    private LikelihoodRun() {
    }

    static LeastSquaresRun.Result run(Problem problem, double[] theta0, RunPlan plan, int startIndex) {
        Loss.HuberLikelihood loss = (Loss.HuberLikelihood) plan.loss();
        Objective objective = new Objective(problem, loss);
        Lbfgs.Outcome o = new Lbfgs(objective, QuasiNewtonRun.RELATIVE_TOLERANCE).minimize(theta0, plan.maxIterations(), null);
        if (o.theta() == null) {
            return new LeastSquaresRun.Result(null, Double.NaN, o.iterations(), o.evaluations(), false, o.reason(), startIndex);
        }
        double[] near = towardsVertex(problem, o.theta(), plan.maxIterations());
        double[] polished = polish(problem, loss, near != null ? near : o.theta(), o.value());
        if (polished != null) {
            double value = objective.evaluate(polished, new double[problem.m]);
            if (value <= o.value() + 1e-12 * Math.abs(o.value())) {
                return new LeastSquaresRun.Result(polished, value, o.iterations(), o.evaluations(), true,
                        "converged: exact maximum of the likelihood (" + problem.m + " residuals in the quadratic zone, the"
                                + " others in the tails)", startIndex);
            }
        }
        return new LeastSquaresRun.Result(o.theta(), o.value(), o.iterations(), o.evaluations(), o.converged(), o.reason(),
                startIndex);
    }

    /**
     * Least absolute deviations by continuation: L-BFGS on Σ √(rᵢ² + ε²) for ε falling by decades from the
     * residuals' scale to 1e-10 of it, each stage from the last. It ends next to the vertex the likelihood's
     * optimum sits beside, where L-BFGS on the likelihood itself stalls a little way off.
     *
     * @return the end point, or null when a stage cannot be evaluated
     */
    static double[] towardsVertex(Problem problem, double[] theta, int maxIterations) {
        double[] p = new double[problem.template.length];
        double[] r = new double[problem.n];
        problem.toFull(theta, p);
        if (problem.residuals(p, r) > 0) {
            return null;
        }
        double scale = 0;
        for (double v : r) {
            scale += Math.abs(v) / r.length;
        }
        if (!(scale > 0)) {
            return null;
        }
        double[] t = theta.clone();
        for (double eps = scale; eps >= 1e-10 * scale; eps /= 10) {
            Lbfgs.Outcome o = new Lbfgs(new SmoothAbsolute(problem, eps), 1e-13).minimize(t, maxIterations, null);
            if (o.theta() == null) {
                return null;
            }
            t = o.theta();
        }
        return t;
    }

    /** Σ √(rᵢ² + ε²), a smooth stand-in for Σ |rᵢ|, with its gradient. */
    private static final class SmoothAbsolute implements SmoothObjective {
        private final Problem problem;
        private final double eps;
        private final double[] p;
        private final double[] r;
        private final double[][] jac;
        private final double[] grad;

        SmoothAbsolute(Problem problem, double eps) {
            this.problem = problem;
            this.eps = eps;
            this.p = new double[problem.template.length];
            this.r = new double[problem.n];
            this.jac = new double[problem.n][problem.m];
            this.grad = new double[problem.template.length];
        }

        @Override
        public int dimension() {
            return problem.m;
        }

        @Override
        public double evaluate(double[] theta, double[] g) {
            problem.toFull(theta, p);
            if (problem.residuals(p, r) > 0) {
                return Double.POSITIVE_INFINITY;
            }
            problem.jacobianP(p, jac, grad);
            Arrays.fill(g, 0);
            double f = 0;
            for (int i = 0; i < problem.n; i++) {
                double q = Math.sqrt(r[i] * r[i] + eps * eps);
                f += q;
                double c = r[i] / q;
                for (int j = 0; j < problem.m; j++) {
                    g[j] -= c * jac[i][j];
                }
            }
            for (int j = 0; j < problem.m; j++) {
                g[j] *= problem.transforms[j].derivative(theta[j]);
            }
            return Double.isFinite(f) ? f : Double.POSITIVE_INFINITY;
        }
    }

    /** Σ ln wᵢ of the problem's rows. */
    static double sumLogWeights(Problem problem) {
        double s = 0;
        for (int i = 0; i < problem.n; i++) {
            s += 2 * Math.log(problem.sqrtW[i]);
        }
        return s;
    }

    /**
     * The exact optimum next to θ (see the class comment), or null when none is found consistent.
     */
    static double[] polish(Problem problem, Loss.HuberLikelihood loss, double[] theta, double value) {
        int n = problem.n;
        int m = problem.m;
        if (m == 0 || n <= m) {
            return null;
        }
        double delta = loss.delta();
        double[] p = new double[problem.template.length];
        problem.toFull(theta, p);
        double[] r = new double[n];
        if (problem.residuals(p, r) > 0) {
            return null;
        }
        int[] order = byMagnitude(r);
        int[] set = Arrays.copyOf(order, m);
        boolean[] tried = new boolean[n];
        int next = m;
        double[][] jac = new double[n][m];
        double[] grad = new double[p.length];
        for (int exchange = 0; exchange <= EXCHANGES; exchange++) {
            double[] q = p.clone();
            double[] u = null;
            double sigma = Double.NaN;
            boolean ok = false;
            double lastSize = Double.POSITIVE_INFINITY;
            for (int step = 0; step < NEWTON_STEPS; step++) {
                if (problem.residuals(q, r) > 0) {
                    break;
                }
                problem.jacobianP(q, jac, grad);
                boolean[] inSet = new boolean[n];
                for (int i : set) {
                    inSet[i] = true;
                }
                // ∂rᵢ/∂p = −jacᵢ; stationarity Σ_S uᵢ·jacᵢ = −Σ_{not S} sign(rᵢ)·jacᵢ (signs flip together).
                double[][] a = new double[m][m + 1];
                for (int k = 0; k < m; k++) {
                    for (int j = 0; j < m; j++) {
                        a[j][k] = jac[set[k]][j];
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (!inSet[i]) {
                        for (int j = 0; j < m; j++) {
                            a[j][m] -= Math.signum(r[i]) * jac[i][j];
                        }
                    }
                }
                u = Gauss.solve(a);
                if (u == null) {
                    break;
                }
                double tails = 0;
                double u2 = 0;
                for (int i = 0; i < n; i++) {
                    if (!inSet[i]) {
                        tails += Math.abs(r[i]);
                    }
                }
                for (double v : u) {
                    u2 += v * v;
                }
                sigma = delta * tails / (n - delta * delta * u2);
                if (!(sigma > 0)) {
                    break;
                }
                // Newton on r_S(p) = δσu: r_S(p + Δ) ≈ r_S − jac_S·Δ.
                double[][] b = new double[m][m + 1];
                for (int k = 0; k < m; k++) {
                    for (int j = 0; j < m; j++) {
                        b[k][j] = jac[set[k]][j];
                    }
                    b[k][m] = r[set[k]] - delta * sigma * u[k];
                }
                double[] d = Gauss.solve(b);
                if (d == null) {
                    break;
                }
                double previous = lastSize;
                double size = 0;
                for (int j = 0; j < m; j++) {
                    q[problem.free[j]] += d[j];
                    size = Math.max(size, Math.abs(d[j]) / Math.max(1e-300, Math.abs(q[problem.free[j]])));
                }
                // Done at a relative step of 1e-12, or where the steps stop shrinking at rounding level.
                if (size < 1e-12 || (size < 1e-9 && size >= 0.5 * previous)) {
                    ok = problem.residuals(q, r) == 0;
                    break;
                }
                lastSize = size;
            }
            if (!ok || u == null) {
                return null;
            }
            int worst = -1;
            for (int k = 0; k < m; k++) {
                if (Math.abs(u[k]) > 1 + 1e-9 && (worst < 0 || Math.abs(u[k]) > Math.abs(u[worst]))) {
                    worst = k;
                }
            }
            if (worst < 0) {
                if (!consistent(q, problem, r, set, delta * sigma)) {
                    return null;
                }
                double[] t = problem.toInternal(q);
                for (double v : t) {
                    if (!Double.isFinite(v)) {
                        return null;
                    }
                }
                return t;
            }
            // Exchange: the member that belongs in the tails leaves; the smallest residual not yet tried enters.
            tried[set[worst]] = true;
            while (next < n && (tried[order[next]] || contains(set, order[next]))) {
                next++;
            }
            if (next >= n) {
                return null;
            }
            set[worst] = order[next++];
        }
        return null;
    }

    private static boolean consistent(double[] q, Problem problem, double[] r, int[] set, double zone) {
        boolean[] inSet = new boolean[r.length];
        for (int i : set) {
            inSet[i] = true;
        }
        for (int i = 0; i < r.length; i++) {
            if (!inSet[i] && Math.abs(r[i]) < zone) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static int[] byMagnitude(double[] r) {
        return IndexSort.sort(r.length, (a, b) -> {
            int c = Double.compare(Math.abs(r[a]), Math.abs(r[b]));
            return c != 0 ? c : Integer.compare(a, b);
        });
    }


    /** The profiled negative log-likelihood over θ and its gradient (σ at its best for the residuals). */
    static final class Objective implements SmoothObjective {
        private final Problem problem;
        private final Loss.HuberLikelihood loss;
        private final double[] p;
        private final double[] r;
        private final double[][] jac;
        private final double[] grad;
        private final double sumLogW;

        Objective(Problem problem, Loss.HuberLikelihood loss) {
            this.problem = problem;
            this.loss = loss;
            this.p = new double[problem.template.length];
            this.r = new double[problem.n];
            this.jac = new double[problem.n][problem.m];
            this.grad = new double[problem.template.length];
            this.sumLogW = sumLogWeights(problem);
        }

        @Override
        public int dimension() {
            return problem.m;
        }

        @Override
        public double evaluate(double[] theta, double[] g) {
            problem.toFull(theta, p);
            if (problem.residuals(p, r) > 0) {
                return Double.POSITIVE_INFINITY;
            }
            double sigma = loss.scale(r);
            if (!(sigma > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double f = loss.negativeLogLikelihood(r, sigma, sumLogW);
            problem.jacobianP(p, jac, grad);
            Arrays.fill(g, 0);
            for (int i = 0; i < problem.n; i++) {
                double c = loss.psi(r[i] / sigma) / sigma;
                if (c != 0) {
                    for (int j = 0; j < problem.m; j++) {
                        g[j] -= c * jac[i][j];
                    }
                }
            }
            for (int j = 0; j < problem.m; j++) {
                g[j] *= problem.transforms[j].derivative(theta[j]);
            }
            return Double.isFinite(f) ? f : Double.POSITIVE_INFINITY;
        }
    }
}
