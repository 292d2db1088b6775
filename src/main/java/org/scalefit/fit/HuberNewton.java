package org.scalefit.fit;

/**
 * The exact end of a fit under Huber's loss: Newton's method on Σ ρ_δ(rᵢ), which is piecewise quadratic in the
 * residuals. Near the optimum the residuals inside the quadratic zone |r| ≤ δ fix the curvature
 * H = Σ_{|rᵢ|≤δ} Jᵢ·Jᵢᵀ (Gauss–Newton) and every other residual pulls with its constant ψ = ±δ, so Newton's step
 * lands on the optimum of the current piece, and a few steps settle which residuals are inside.
 *
 * <p>Why it is needed: for a small δ the objective is nearly least absolute deviations, with a kink across every
 * residual's zone. L-BFGS slows to a crawl along those kinks and stops a little short (on Epoch's Chinchilla runs
 * at δ = 1e-6, 0.4% above the optimum), and which start stops closest is then a matter of chance, so that more
 * starts can end worse than one. When fewer residuals than parameters are inside the zone (H singular), the
 * smallest outside are taken into the curvature too, which steers them into it. Every step is accepted only when
 * it lowers the objective (halving otherwise), so the result is never worse than the point it starts from.
 */
final class HuberNewton {
    private static final int STEPS = 100;
    private static final int HALVINGS = 40;

    private HuberNewton() {
    }

    /**
     * Continues a run to the exact optimum beside it.
     *
     * @param problem the problem
     * @param loss    Huber's loss
     * @param run     a valid run
     * @param budget  the iteration limit: at most this many Newton steps
     * @return the run at a lower objective, or {@code run} itself when Newton's method does not improve on it
     */
    static LeastSquaresRun.Result polish(Problem problem, Loss.Huber loss, LeastSquaresRun.Result run, int budget) {
        int steps = Math.min(STEPS, budget);
        LeastSquaresRun.Result direct = newton(problem, loss, run, run.theta(), steps);
        if (!run.valid() || !nearlyAbsolute(problem, loss, direct.theta())) {
            return direct;
        }
        // Nearly least absolute deviations: Newton's pieces are tiny, and the point L-BFGS stopped at may sit by
        // another vertex than the optimum's. The continuation to the vertex of least absolute deviations first
        // (as for the Huber likelihood), then Newton from there; the lower end is kept.
        double[] vertex = LikelihoodRun.towardsVertex(problem, run.theta(), budget);
        if (vertex == null) {
            return direct;
        }
        LeastSquaresRun.Result viaVertex = newton(problem, loss, run, vertex, steps);
        return viaVertex.objective() < direct.objective() ? viaVertex : direct;
    }

    /** True when fewer than half the residuals lie inside the quadratic zone. */
    private static boolean nearlyAbsolute(Problem problem, Loss.Huber loss, double[] theta) {
        double[] p = new double[problem.template.length];
        double[] r = new double[problem.n];
        problem.toFull(theta, p);
        if (problem.residuals(p, r) > 0) {
            return false;
        }
        int inside = 0;
        for (double v : r) {
            inside += Math.abs(v) <= loss.delta() ? 1 : 0;
        }
        return 2 * inside < problem.n;
    }

    /** Newton's method from θ₀; the result replaces {@code run} only when it is lower. */
    private static LeastSquaresRun.Result newton(Problem problem, Loss.Huber loss, LeastSquaresRun.Result run,
                                                 double[] theta0, int maxSteps) {
        int n = problem.n;
        int m = problem.m;
        if (!run.valid() || m == 0 || n < m) {
            return run;
        }
        double delta = loss.delta();
        double[] p = new double[problem.template.length];
        problem.toFull(theta0, p);
        double[] r = new double[n];
        double f = objective(problem, loss, p, r);
        if (!Double.isFinite(f)) {
            return run;
        }
        double[][] jac = new double[n][m];
        double[] scratch = new double[p.length];
        double[] trial = new double[p.length];
        double[] rTrial = new double[n];
        int steps = 0;
        boolean settled = false;
        for (; steps < maxSteps && !settled; steps++) {
            problem.jacobianP(p, jac, scratch);
            boolean[] inside = new boolean[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (Math.abs(r[i]) <= delta) {
                    inside[i] = true;
                    count++;
                }
            }
            // Too few inside for a curvature of full rank: the smallest residuals outside join it.
            for (int[] order = count < m ? byMagnitude(r) : null; count < m; ) {
                for (int i : order) {
                    if (!inside[i]) {
                        inside[i] = true;
                        count++;
                        break;
                    }
                }
            }
            double[][] a = new double[m][m + 1];
            for (int i = 0; i < n; i++) {
                double psi = loss.psi(r[i]);
                for (int j = 0; j < m; j++) {
                    a[j][m] += psi * jac[i][j];
                    if (inside[i]) {
                        for (int k = 0; k <= j; k++) {
                            a[j][k] += jac[i][j] * jac[i][k];
                        }
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < j; k++) {
                    a[k][j] = a[j][k];
                }
            }
            double[] d = Gauss.solve(a);
            if (d == null) {
                break;
            }
            boolean improved = false;
            double t = 1;
            for (int h = 0; h < HALVINGS && !improved; h++, t /= 2) {
                System.arraycopy(p, 0, trial, 0, p.length);
                for (int j = 0; j < m; j++) {
                    trial[problem.free[j]] += t * d[j];
                }
                double ft = objective(problem, loss, trial, rTrial);
                if (ft < f) {
                    improved = true;
                    settled = f - ft <= 1e-15 * f;
                    System.arraycopy(trial, 0, p, 0, p.length);
                    System.arraycopy(rTrial, 0, r, 0, n);
                    f = ft;
                }
            }
            if (!improved) {
                // No step along Newton's direction lowers the objective: the optimum of this piece, to rounding.
                settled = true;
                break;
            }
        }
        if (!(f < run.objective())) {
            return run;
        }
        double[] theta = problem.toInternal(p);
        for (double v : theta) {
            if (!Double.isFinite(v)) {
                return run;
            }
        }
        double value = RobustObjective.value(problem, theta, loss, new double[p.length], new double[n]);
        if (!(value < run.objective())) {
            return run;
        }
        return new LeastSquaresRun.Result(theta, value, run.iterations() + steps, run.evaluations(),
                // A run Newton's method still lowered by more than 1e-6 was not at its optimum, whatever it claimed.
                settled || (run.converged() && run.objective() - value <= 1e-6 * run.objective()),
                settled ? "converged: exact optimum of the Huber loss (Newton's method on its quadratic zone)"
                : run.objective() - value <= 1e-6 * run.objective() ? run.reason()
                : "stopped: iteration limit (" + maxSteps + ") reached while Newton's method still lowered the objective",
                run.startIndex(),
                run.curvature());
    }

    private static double objective(Problem problem, Loss loss, double[] p, double[] r) {
        if (problem.residuals(p, r) > 0) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (double v : r) {
            s += loss.rho(v);
        }
        return Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
    }

    private static int[] byMagnitude(double[] r) {
        return IndexSort.sort(r.length, (a, b) -> {
            int c = Double.compare(Math.abs(r[a]), Math.abs(r[b]));
            return c != 0 ? c : Integer.compare(a, b);
        });
    }
}
