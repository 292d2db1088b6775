package org.scalefit.fit;

import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ClosedForm;
import org.scalefit.model.Space;

/**
 * The Chinchilla objective in log space, evaluated without the generic law interface: with
 * θ = (e, a, b, α, β) = (ln E, ln A, ln B, α, β) the residual is
 * rᵢ = √wᵢ·(ln Lᵢ − LSE(a − α·ln Nᵢ, b − β·ln Dᵢ, e)), so with ln N and ln D computed once per
 * problem a point costs two exponentials and one logarithm for value and gradient together (the
 * largest of the three terms needs no exponential). This is the same function as
 * {@link RobustObjective} on {@link ChinchillaLaw}, only faster; a test holds them equal.
 */
final class ChinchillaKernel implements SmoothObjective {
    private final double[] lnN;
    private final double[] lnD;
    private final double[] target;
    private final double[] sqrtW;
    /**
     * Whether row i has the predictors of row i − 1. Rows are in canonical order, so a bootstrap replicate's
     * repeated rows (about a third of them) sit next to each other; such a row reuses the previous row's
     * exponentials and logarithm — the same inputs, so the same bits — and pays only for its residual.
     */
    private final boolean[] repeat;
    private final Loss loss;

    private ChinchillaKernel(Problem problem, Loss loss) {
        int n = problem.n;
        this.lnN = new double[n];
        this.lnD = new double[n];
        for (int i = 0; i < n; i++) {
            lnN[i] = Math.log(problem.xRows[i][0]);
            lnD[i] = Math.log(problem.xRows[i][1]);
        }
        this.repeat = new boolean[n];
        for (int i = 1; i < n; i++) {
            repeat[i] = same(lnN[i], lnN[i - 1]) && same(lnD[i], lnD[i - 1]);
        }
        this.target = problem.target;
        this.sqrtW = problem.sqrtW;
        this.loss = loss;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    /**
     * @return the kernel when the problem is the whole Chinchilla law (all five parameters free, E, A, B
     *         on a log scale, α and β unbounded) in log space; otherwise null
     */
    static ChinchillaKernel forProblem(Problem problem, Loss loss) {
        if (!ClosedForm.is(problem.law, ClosedForm.Form.CHINCHILLA) || problem.space != Space.LOG || problem.m != 5) {
            return null;
        }
        for (int j = 0; j < 5; j++) {
            if (problem.free[j] != j) {
                return null;
            }
            boolean log = problem.transforms[j] instanceof Transform.Log;
            boolean identity = problem.transforms[j] instanceof Transform.Identity;
            if (j <= ChinchillaLaw.B ? !log : !identity) {
                return null;
            }
        }
        return new ChinchillaKernel(problem, loss);
    }

    @Override
    public int dimension() {
        return 5;
    }

    @Override
    public double evaluate(double[] theta, double[] grad) {
        double e = theta[0];
        double a = theta[1];
        double b = theta[2];
        double alpha = theta[3];
        double beta = theta[4];
        double f = 0;
        double ge = 0;
        double ga = 0;
        double gb = 0;
        double gal = 0;
        double gbe = 0;
        int n = target.length;
        // The log-sum-exp of the previous row, reused by a row with the same predictors.
        double x1 = 0;
        double x2 = 0;
        double x3 = 0;
        double s = 0;
        double model = 0;
        for (int i = 0; i < n; i++) {
            double ln = lnN[i];
            double ld = lnD[i];
            if (!repeat[i]) {
                double t1 = a - alpha * ln;
                double t2 = b - beta * ld;
                double m;
                if (t1 >= t2 && t1 >= e) {
                    m = t1;
                    x1 = 1.0;
                    x2 = Math.exp(t2 - m);
                    x3 = Math.exp(e - m);
                } else if (t2 >= e) {
                    m = t2;
                    x1 = Math.exp(t1 - m);
                    x2 = 1.0;
                    x3 = Math.exp(e - m);
                } else {
                    m = e;
                    x1 = Math.exp(t1 - m);
                    x2 = Math.exp(t2 - m);
                    x3 = 1.0;
                }
                s = x1 + x2 + x3;
                model = m + Math.log(s);
            }
            double sw = sqrtW[i];
            double r = sw * (target[i] - model);
            f += loss.rho(r);
            double c = loss.psi(r) * sw / s;
            ge -= c * x3;
            ga -= c * x1;
            gb -= c * x2;
            gal += c * x1 * ln;
            gbe += c * x2 * ld;
        }
        grad[0] = ge;
        grad[1] = ga;
        grad[2] = gb;
        grad[3] = gal;
        grad[4] = gbe;
        return Double.isFinite(f) ? f : Double.POSITIVE_INFINITY;
    }
}
