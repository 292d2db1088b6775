package org.scalefit.fit;

import org.scalefit.model.SeparableLaw;
import org.scalefit.model.SmallNnls;
import org.scalefit.model.Space;

/**
 * Variable projection (Golub and Pereyra 1973) for a {@link SeparableLaw}: the profiled objective
 * φ(θ) = min over c ≥ 0 of Σ ρ(rᵢ(c, θ)), as a function of the nonlinear parameters θ alone.
 *
 * <p>The inner problem is solved by reweighted non-negative least squares on the basis Φ(θ): each
 * round solves min Σ ωᵢ(yᵢ − Φᵢc)² exactly ({@link SmallNnls}) with weights chosen so that a fixed
 * point satisfies the optimality conditions of the true objective, in log or linear space and for
 * any loss: ωᵢ = ψ(rᵢ)/rᵢ·wᵢ in linear space, and ωᵢ = ψ(rᵢ)/rᵢ·wᵢ·(ln yᵢ − ln fᵢ)/((yᵢ − fᵢ)·fᵢ)
 * in log space (the log-mean factor makes the linear residual stand in for the log residual exactly
 * at the fixed point). Rounds stop when the objective no longer falls; a step that would raise it is
 * halved. For squares in linear space one round is exact.
 *
 * <p>The gradient is the partial derivative of the full objective in θ at the inner optimum (the
 * envelope theorem; active bounds cₖ = 0 do not involve θ). The inner solution is kept between
 * evaluations as the next one's start, so an instance belongs to one optimiser run.
 *
 * <p>Why one class of about 410 lines: one algorithm — the variable-projection objective with the exact
 * non-negative solve of the linear coefficients, its reweighting for robust losses and its gradient —
 * whose steps share the per-evaluation buffers; split, each piece would need them all.
 */
final class VarProObjective implements SmoothObjective {
    private static final int MAX_ROUNDS = 500;
    private static final double INNER_TOLERANCE = 1e-14;
    /** Coefficients solved as exactly 0 are reported as this fraction of the scale they would have, so ln c stays finite. */
    static final double ZERO_COEFFICIENT = 1e-12;

    private final Problem problem;
    private final Loss loss;
    private final SeparableLaw law;
    private final int[] linear;
    private final int[] outer;
    private final int k;
    private final boolean log;
    private final double[] p;
    private final double[][] phi;
    private final double[] f;
    private final double[] lnF;
    private final double[] res;
    private final double[] yRaw;
    private final double[] w;
    private final double[] c;
    private final double[] cNew;
    private final double[] cTry;
    private final double[][] gram;
    private final double[] rhs;
    private final double[][] hess;
    private final double[][] chol;
    private final double[] innerGrad;
    private final double[] step;
    private final double[] lawGrad;
    private final SmallNnls nnls;
    private boolean haveC;
    private int innerRounds;

    /**
     * @param problem the problem; every linear coefficient must be free on a log scale
     * @param outer   indices into problem.free of the nonlinear parameters the optimiser moves
     */
    VarProObjective(Problem problem, Loss loss, int[] outer) {
        this.problem = problem;
        this.loss = loss;
        this.law = (SeparableLaw) problem.law;
        this.linear = law.linearParameters();
        this.outer = outer.clone();
        this.k = linear.length;
        this.log = problem.space == Space.LOG;
        int n = problem.n;
        this.p = problem.template.clone();
        this.phi = new double[n][k];
        this.f = new double[n];
        this.lnF = new double[n];
        this.res = new double[n];
        this.yRaw = new double[n];
        this.w = new double[n];
        for (int i = 0; i < n; i++) {
            yRaw[i] = problem.space.response(problem.target[i]);
            w[i] = problem.sqrtW[i] * problem.sqrtW[i];
        }
        this.c = new double[k];
        this.cNew = new double[k];
        this.cTry = new double[k];
        this.gram = new double[k][k];
        this.rhs = new double[k];
        this.hess = new double[k][k];
        this.chol = new double[k][k];
        this.innerGrad = new double[k];
        this.step = new double[k];
        this.lawGrad = new double[problem.template.length];
        this.nnls = new SmallNnls(k);
    }

    @Override
    public int dimension() {
        return outer.length;
    }

    /** Total reweighting rounds so far (for measurements). */
    int innerRounds() {
        return innerRounds;
    }

    /** Seeds the inner solve with the linear coefficients of a full parameter vector (ignored if any is not > 0). */
    void seed(double[] full) {
        for (int q = 0; q < k; q++) {
            if (!(full[linear[q]] > 0)) {
                haveC = false;
                return;
            }
        }
        for (int q = 0; q < k; q++) {
            c[q] = full[linear[q]];
        }
        haveC = true;
    }

    /**
     * The full parameter vector at outer coordinates θ: nonlinear values from θ, linear ones from the
     * inner optimum (zeros lifted to a tiny positive value); NaN entries when φ(θ) is not finite.
     */
    double[] fullParameters(double[] theta) {
        double value = evaluate(theta, new double[outer.length]);
        double[] out = p.clone();
        if (!Double.isFinite(value)) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        double scale = 0;
        for (int q = 0; q < k; q++) {
            scale = Math.max(scale, c[q]);
        }
        for (int q = 0; q < k; q++) {
            out[linear[q]] = c[q] > 0 ? c[q] : Math.max(ZERO_COEFFICIENT * scale, Double.MIN_NORMAL);
        }
        return out;
    }

    @Override
    public double evaluate(double[] theta, double[] grad) {
        int n = problem.n;
        for (int j = 0; j < outer.length; j++) {
            int fj = outer[j];
            p[problem.free[fj]] = problem.transforms[fj].toExternal(theta[j]);
        }
        for (int i = 0; i < n; i++) {
            law.basis(problem.xRows[i], p, phi[i]);
            for (int q = 0; q < k; q++) {
                if (!Double.isFinite(phi[i][q])) {
                    return Double.POSITIVE_INFINITY;
                }
            }
        }
        if (!haveC || !Double.isFinite(objectiveAt(c))) {
            if (!startingCoefficients()) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double value = solveInner();
        if (!Double.isFinite(value)) {
            return Double.POSITIVE_INFINITY;
        }
        haveC = true;
        // Envelope gradient: ∂/∂θ of Σ ρ(rᵢ) with c held at its optimum.
        for (int q = 0; q < k; q++) {
            p[linear[q]] = c[q];
        }
        for (int j = 0; j < outer.length; j++) {
            grad[j] = 0;
        }
        for (int i = 0; i < n; i++) {
            double fi = f[i];
            double sw = problem.sqrtW[i];
            double coef = loss.psi(res[i]) * sw;
            if (coef == 0) {
                continue;
            }
            law.gradient(problem.xRows[i], p, lawGrad);
            double scale = log ? coef / fi : coef;
            for (int j = 0; j < outer.length; j++) {
                grad[j] -= scale * lawGrad[problem.free[outer[j]]];
            }
        }
        for (int j = 0; j < outer.length; j++) {
            grad[j] *= problem.transforms[outer[j]].derivative(theta[j]);
        }
        return value;
    }

    /** A first c: exact NNLS on relative (log space) or plain (linear space) residuals. */
    private boolean startingCoefficients() {
        int n = problem.n;
        clearNormal();
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double wi = log ? w[i] / (yRaw[i] * yRaw[i]) : w[i];
            accumulate(i, wi, 0, 0);
            yy += wi * yRaw[i] * yRaw[i];
        }
        symmetrize();
        nnls.solve(gram, rhs, yy, c);
        return Double.isFinite(objectiveAt(c));
    }

    /**
     * From the current c: a Newton step on the inner objective when its Hessian is positive definite and
     * the step stays in c ≥ 0 and lowers the objective (fast once the points inside Huber's δ are
     * settled), otherwise a reweighted NNLS round (always feasible, always downhill after halving).
     * Leaves the optimum in c and its model values in f.
     */
    private double solveInner() {
        int n = problem.n;
        double value = objectiveAt(c);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            innerRounds++;
            clearNormal();
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double fi = f[i];
                double r = res[i];
                double sw = problem.sqrtW[i];
                double omega = loss.irlsWeight(r) * w[i];
                double psi = loss.psi(r);
                double a;
                double h;
                if (log) {
                    omega *= logMeanFactor(yRaw[i], fi, problem.target[i] - lnF[i]) / (fi * fi);
                    a = psi * sw / fi;
                    h = (loss.curvature(r) * w[i] + psi * sw) / (fi * fi);
                } else {
                    a = psi * sw;
                    h = loss.curvature(r) * w[i];
                }
                accumulate(i, omega, a, h);
                yy += omega * yRaw[i] * yRaw[i];
            }
            symmetrize();
            double next = newtonStep(value);
            if (Double.isNaN(next)) {
                nnls.solve(gram, rhs, yy, cNew);
                next = objectiveAt(cNew);
                double t = 1.0;
                int halvings = 0;
                while (!(next <= value) && halvings < 30) {
                    t *= 0.5;
                    for (int q = 0; q < k; q++) {
                        cTry[q] = c[q] + t * (cNew[q] - c[q]);
                    }
                    next = objectiveAt(cTry);
                    halvings++;
                    if (next <= value) {
                        System.arraycopy(cTry, 0, cNew, 0, k);
                    }
                }
                if (!(next <= value)) {
                    objectiveAt(c);
                    return value;
                }
            }
            System.arraycopy(cNew, 0, c, 0, k);
            boolean done = value - next <= INNER_TOLERANCE * Math.abs(next);
            value = next;
            if (done) {
                break;
            }
        }
        objectiveAt(c);
        return value;
    }

    /**
     * Solves hess·Δ = −grad by Cholesky; on success with c + Δ ≥ 0 and a lower objective (after at most
     * two halvings) leaves the point in cNew and returns its value, else NaN.
     */
    private double newtonStep(double value) {
        // Cholesky of the k×k Hessian in place of a scratch copy (k ≤ 6).
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = hess[a][b];
                for (int q = 0; q < b; q++) {
                    sum -= chol[a][q] * chol[b][q];
                }
                if (a == b) {
                    if (!(sum > 1e-14 * hess[a][a]) || !(hess[a][a] > 0)) {
                        return Double.NaN;
                    }
                    chol[a][a] = Math.sqrt(sum);
                } else {
                    chol[a][b] = sum / chol[b][b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            double sum = -innerGrad[a];
            for (int q = 0; q < a; q++) {
                sum -= chol[a][q] * step[q];
            }
            step[a] = sum / chol[a][a];
        }
        for (int a = k - 1; a >= 0; a--) {
            double sum = step[a];
            for (int q = a + 1; q < k; q++) {
                sum -= chol[q][a] * step[q];
            }
            step[a] = sum / chol[a][a];
        }
        double t = 1.0;
        for (int attempt = 0; attempt < 3; attempt++, t *= 0.5) {
            boolean feasible = true;
            for (int q = 0; q < k; q++) {
                cNew[q] = c[q] + t * step[q];
                if (!(cNew[q] >= 0)) {
                    feasible = false;
                }
            }
            if (!feasible) {
                return Double.NaN;
            }
            double next = objectiveAt(cNew);
            if (next <= value) {
                return next;
            }
        }
        objectiveAt(c);
        return Double.NaN;
    }

    /**
     * f·(ln y − ln f)/(y − f), which tends to 1 as f → y; {@code logRatio} = ln y − ln f is already known.
     * Near y = f the series 1 − z/2 (z = y/f − 1) avoids the cancellation.
     */
    private static double logMeanFactor(double y, double fi, double logRatio) {
        double diff = y - fi;
        if (Math.abs(diff) < 1e-6 * fi) {
            return 1 - 0.5 * diff / fi;
        }
        return fi * logRatio / diff;
    }

    /**
     * Σ ρ(rᵢ) at coefficients cc; fills f, ln f and the residuals (which the next reweighting round and
     * the gradient reuse); +∞ where some f ≤ 0 in log space.
     */
    private double objectiveAt(double[] cc) {
        int n = problem.n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double fi = 0;
            double[] row = phi[i];
            for (int q = 0; q < k; q++) {
                fi += cc[q] * row[q];
            }
            f[i] = fi;
            if (log && !(fi > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double g = problem.space.target(fi);
            if (log) {
                lnF[i] = g;
            }
            double r = problem.sqrtW[i] * (problem.target[i] - g);
            res[i] = r;
            s += loss.rho(r);
        }
        return Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
    }

    private void clearNormal() {
        for (int a = 0; a < k; a++) {
            rhs[a] = 0;
            innerGrad[a] = 0;
            for (int b = 0; b < k; b++) {
                gram[a][b] = 0;
                hess[a][b] = 0;
            }
        }
    }

    /**
     * Adds point i to the reweighted normal equations (weight omega) and, upper triangles only, to the
     * inner gradient (−a·Φᵢ) and Hessian (h·ΦᵢΦᵢᵀ).
     */
    private void accumulate(int i, double omega, double a, double h) {
        double[] row = phi[i];
        double wy = omega * yRaw[i];
        for (int q = 0; q < k; q++) {
            double wq = omega * row[q];
            double hq = h * row[q];
            rhs[q] += row[q] * wy;
            innerGrad[q] -= a * row[q];
            for (int b = q; b < k; b++) {
                gram[q][b] += wq * row[b];
                hess[q][b] += hq * row[b];
            }
        }
    }

    /** Copies the upper triangle accumulated by {@link #accumulate} into the lower one. */
    private void symmetrize() {
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                gram[a][b] = gram[b][a];
                hess[a][b] = hess[b][a];
            }
        }
    }
}
