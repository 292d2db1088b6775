package org.scalefit.fit;

import org.scalefit.model.ClosedForm;
import org.scalefit.model.Space;

/**
 * The model and its gradient over all rows of a {@link Problem} at once, for the laws fitted most often
 * in loops (power law and offset power law, in either space). The generic path calls the law once per
 * point and pays ln x, ln A and an exponential on every call; here ln x is computed once per problem and
 * ln A once per evaluation. Every value is computed by the same floating-point expression, in the same
 * order, as the law's own {@code value}/{@code gradient} (or their log-space defaults), so the results
 * are bit-identical to the generic path — a test holds them equal.
 *
 * <p>Stateless after construction, so one kernel serves every start and thread of a problem.
 */
abstract class PointKernel {
    /** ln x per problem row. */
    final double[] lnx;
    /**
     * Whether row i has the x of row i − 1. Rows are in canonical order, so a bootstrap replicate's repeated
     * rows (about a third of them) sit next to each other; such a row reuses the previous row's power term —
     * the same input, so the same bits.
     */
    final boolean[] repeat;

    private PointKernel(Problem problem) {
        lnx = new double[problem.n];
        repeat = new boolean[problem.n];
        for (int i = 0; i < problem.n; i++) {
            lnx[i] = Math.log(problem.xRows[i][0]);
            repeat[i] = i > 0 && Double.doubleToRawLongBits(lnx[i]) == Double.doubleToRawLongBits(lnx[i - 1]);
        }
    }

    /**
     * @return the kernel for the problem's law and space, or null when there is none (the generic path runs)
     */
    static PointKernel forProblem(Problem problem) {
        boolean log = problem.space == Space.LOG;
        if (ClosedForm.is(problem.law, ClosedForm.Form.POWER)) {
            return log ? new LogPower(problem) : new Power(problem);
        }
        if (ClosedForm.is(problem.law, ClosedForm.Form.OFFSET_POWER)) {
            return log ? new LogOffsetPower(problem) : new OffsetPower(problem);
        }
        return null;
    }

    /**
     * The power terms exp(ln A − α·ln xᵢ) of one run's last {@link #values} call. Levenberg–Marquardt asks for
     * the Jacobian at the point whose residuals it has just accepted; with these at hand the Jacobian costs no
     * exponential — on a bootstrap refit of an offset power law the exponentials were most of the run. They are
     * the same expression at the same parameters, so the Jacobian is bit for bit the one computed afresh. One per
     * run: only the run's thread writes it (a problem's kernel is shared by the runs of a multi-start).
     */
    static final class Terms {
        private final double[] at;
        private final double[] power;
        private boolean filled;

        private Terms(int parameters, int n) {
            at = new double[parameters];
            power = new double[n];
        }

        /** Marks the terms as those of p (written next by the caller). */
        private double[] fillFor(double[] p) {
            System.arraycopy(p, 0, at, 0, at.length);
            filled = true;
            return power;
        }

        /** @return the terms when they were computed at exactly p, else null */
        private double[] at(double[] p) {
            return filled && java.util.Arrays.equals(at, p) ? power : null;
        }
    }

    /**
     * @param parameters the law's parameter count
     * @return the power terms of one run, or null when this kernel has none to keep
     */
    Terms newTerms(int parameters) {
        return null;
    }

    /** Writes the model in the fit's space (ln f or f) for every row into g. */
    final void values(double[] p, double[] g) {
        values(p, g, null);
    }

    /** The same, keeping the power terms in {@code terms} (null: not kept). */
    abstract void values(double[] p, double[] g, Terms terms);

    /**
     * The Jacobian of the weighted model √wᵢ·gᵢ with respect to the free parameters, as
     * {@link Problem#jacobianP}: {@code jac[i][j] = √wᵢ·∂gᵢ/∂p_free[j]}, non-finite entries replaced by 0.
     * Kernels override it to compute ln A once per call; every entry is the same expression as
     * {@link #gradient}'s.
     *
     * @param grad  scratch of the law's parameter count
     * @param terms the run's power terms, used when they were computed at p (null: none)
     */
    void jacobian(double[] p, int[] free, double[] sqrtW, double[][] jac, double[] grad, Terms terms) {
        for (int i = 0; i < jac.length; i++) {
            gradient(p, i, grad);
            store(free, sqrtW[i], grad, jac[i]);
        }
    }

    static void store(int[] free, double sw, double[] grad, double[] out) {
        for (int j = 0; j < free.length; j++) {
            double v = sw * grad[free[j]];
            out[j] = Double.isFinite(v) ? v : 0.0;
        }
    }

    /**
     * Writes ∂g/∂p for row i (all of the law's parameters) into out.
     *
     * @param p   full parameters
     * @param i   problem row
     * @param out the law's parameter count
     */
    abstract void gradient(double[] p, int i, double[] out);

    /** a·x^(−α) = exp(ln a − α·ln x), as {@link org.scalefit.model.PowerLaw#value}. */
    private static final class Power extends PointKernel {
        Power(Problem problem) {
            super(problem);
        }

        @Override
        Terms newTerms(int parameters) {
            return new Terms(parameters, lnx.length);
        }

        @Override
        void values(double[] p, double[] g, Terms terms) {
            double la = Math.log(p[0]);
            double alpha = p[1];
            for (int i = 0; i < g.length; i++) {
                g[i] = repeat[i] ? g[i - 1] : Math.exp(la - alpha * lnx[i]);
            }
            if (terms != null) {
                System.arraycopy(g, 0, terms.fillFor(p), 0, g.length);
            }
        }

        @Override
        void gradient(double[] p, int i, double[] out) {
            double lx = lnx[i];
            double f = Math.exp(Math.log(p[0]) - p[1] * lx);
            out[0] = f / p[0];
            out[1] = -f * lx;
        }

        @Override
        void jacobian(double[] p, int[] free, double[] sqrtW, double[][] jac, double[] grad, Terms terms) {
            double la = Math.log(p[0]);
            double[] known = terms == null ? null : terms.at(p);
            for (int i = 0; i < jac.length; i++) {
                double lx = lnx[i];
                double f = known != null ? known[i] : Math.exp(la - p[1] * lx);
                grad[0] = f / p[0];
                grad[1] = -f * lx;
                store(free, sqrtW[i], grad, jac[i]);
            }
        }
    }

    /**
     * The exact least-squares solution when the problem is linear in the optimiser's coordinates — the
     * power law in log space with both parameters free and unbounded: ln y = θ₀ − θ₁·ln x with θ₀ = ln a,
     * a weighted linear regression that needs no iterations. Null when the problem is not of that form.
     *
     * @return θ = (ln a, α), or null
     */
    double[] linearSolution(Problem problem) {
        return null;
    }

    /** ln a − α·ln x, as {@link org.scalefit.model.PowerLaw#logValue}. */
    private static final class LogPower extends PointKernel {
        LogPower(Problem problem) {
            super(problem);
        }

        @Override
        void values(double[] p, double[] g, Terms terms) {
            if (!(p[0] > 0)) {
                java.util.Arrays.fill(g, Double.NaN);
                return;
            }
            double la = Math.log(p[0]);
            double alpha = p[1];
            for (int i = 0; i < g.length; i++) {
                g[i] = la - alpha * lnx[i];
            }
        }

        @Override
        void gradient(double[] p, int i, double[] out) {
            out[0] = 1.0 / p[0];
            out[1] = -lnx[i];
        }

        /** Weighted least squares of ln y on ln x by centred sums (two passes, so no cancellation). */
        @Override
        double[] linearSolution(Problem problem) {
            if (problem.m != 2 || !(problem.transforms[0] instanceof Transform.Log)
                    || !(problem.transforms[1] instanceof Transform.Identity)) {
                return null;
            }
            int n = problem.n;
            double sw = 0;
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                double w = problem.sqrtW[i] * problem.sqrtW[i];
                sw += w;
                mx += w * lnx[i];
                my += w * problem.target[i];
            }
            mx /= sw;
            my /= sw;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                double w = problem.sqrtW[i] * problem.sqrtW[i];
                double dx = lnx[i] - mx;
                sxx += w * dx * dx;
                sxy += w * dx * (problem.target[i] - my);
            }
            if (!(sxx > 0)) {
                return null;
            }
            double slope = sxy / sxx;
            double[] theta = {my - slope * mx, -slope};
            return Double.isFinite(theta[0]) && Double.isFinite(theta[1]) ? theta : null;
        }
    }

    /** E + exp(ln A − α·ln x), as {@link org.scalefit.model.OffsetPowerLaw#value}. */
    private static final class OffsetPower extends PointKernel {
        OffsetPower(Problem problem) {
            super(problem);
        }

        @Override
        Terms newTerms(int parameters) {
            return new Terms(parameters, lnx.length);
        }

        @Override
        void values(double[] p, double[] g, Terms terms) {
            double e = p[0];
            double la = Math.log(p[1]);
            double alpha = p[2];
            double[] kept = terms == null ? null : terms.fillFor(p);
            double t = 0;
            for (int i = 0; i < g.length; i++) {
                if (!repeat[i]) {
                    t = Math.exp(la - alpha * lnx[i]);
                }
                if (kept != null) {
                    kept[i] = t;
                }
                g[i] = e + t;
            }
        }

        @Override
        void gradient(double[] p, int i, double[] out) {
            double lx = lnx[i];
            double t = Math.exp(Math.log(p[1]) - p[2] * lx);
            out[0] = 1.0;
            out[1] = t / p[1];
            out[2] = -t * lx;
        }

        @Override
        void jacobian(double[] p, int[] free, double[] sqrtW, double[][] jac, double[] grad, Terms terms) {
            double la = Math.log(p[1]);
            double[] known = terms == null ? null : terms.at(p);
            for (int i = 0; i < jac.length; i++) {
                double lx = lnx[i];
                double t = known != null ? known[i] : Math.exp(la - p[2] * lx);
                grad[0] = 1.0;
                grad[1] = t / p[1];
                grad[2] = -t * lx;
                store(free, sqrtW[i], grad, jac[i]);
            }
        }
    }

    /** ln(E + A·x^(−α)) and its gradient divided by f: the law's log-space defaults. */
    private static final class LogOffsetPower extends PointKernel {
        LogOffsetPower(Problem problem) {
            super(problem);
        }

        @Override
        Terms newTerms(int parameters) {
            return new Terms(parameters, lnx.length);
        }

        @Override
        void values(double[] p, double[] g, Terms terms) {
            double e = p[0];
            double la = Math.log(p[1]);
            double alpha = p[2];
            double[] kept = terms == null ? null : terms.fillFor(p);
            double t = 0;
            for (int i = 0; i < g.length; i++) {
                if (!repeat[i]) {
                    t = Math.exp(la - alpha * lnx[i]);
                }
                if (kept != null) {
                    kept[i] = t;
                }
                double f = e + t;
                g[i] = f > 0 ? Math.log(f) : Double.NaN;
            }
        }

        @Override
        void gradient(double[] p, int i, double[] out) {
            double lx = lnx[i];
            double la = Math.log(p[1]);
            double f = p[0] + Math.exp(la - p[2] * lx);
            double t = Math.exp(la - p[2] * lx);
            out[0] = 1.0 / f;
            out[1] = t / p[1] / f;
            out[2] = -t * lx / f;
        }

        @Override
        void jacobian(double[] p, int[] free, double[] sqrtW, double[][] jac, double[] grad, Terms terms) {
            double la = Math.log(p[1]);
            double[] known = terms == null ? null : terms.at(p);
            for (int i = 0; i < jac.length; i++) {
                double lx = lnx[i];
                double t = known != null ? known[i] : Math.exp(la - p[2] * lx);
                double f = p[0] + t;
                grad[0] = 1.0 / f;
                grad[1] = t / p[1] / f;
                grad[2] = -t * lx / f;
                store(free, sqrtW[i], grad, jac[i]);
            }
        }
    }
}
