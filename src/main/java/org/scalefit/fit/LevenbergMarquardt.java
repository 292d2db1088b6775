package org.scalefit.fit;

/**
 * A compact Levenberg–Marquardt solver on primitive arrays: Marquardt's scaled damping with
 * Nielsen's update of the damping factor, normal equations solved by Cholesky on the small m×m
 * system, no allocation inside the iteration loop.
 *
 * <p>Why our own instead of Commons Math's MINPACK port: a scaling-law fit has two to five
 * parameters and is run thousands of times (multi-start grids, bootstrap replicates, sweeps), where
 * the port's per-iteration object churn dominated; we also need steps into regions where the model
 * cannot be evaluated to be rejected (not to end the run), and the best point kept when the iteration
 * limit is reached. The normal equations square the condition number, so callers finish with
 * {@link LeastSquaresRun}'s SVD Gauss–Newton polish, which recovers full accuracy on the NIST problems.
 */
final class LevenbergMarquardt {

    /** The residual model: r(θ) = target − model(θ), and the Jacobian J = ∂model/∂θ. */
    interface Model {
        /** @return false when some residual is not finite (the point is rejected) */
        boolean residuals(double[] theta, double[] r);

        void jacobian(double[] theta, double[][] jac);
    }

    /** How a run ended. */
    enum Stop {
        SMALL_REDUCTION("relative reduction of the sum of squares below tolerance"),
        SMALL_STEP("relative step below tolerance"),
        SMALL_GRADIENT("gradient orthogonal to the residuals within tolerance"),
        ZERO_RESIDUAL("residuals are zero"),
        NO_PROGRESS("no further reduction possible at machine precision"),
        STALLED("the cost fell by less than the stall tolerance (in noise variances) over the last "
                + LeastSquaresRun.STALL_WINDOW + " evaluations: a flat valley, along which the parameters are poorly determined"),
        ITERATION_LIMIT("iteration limit reached"),
        INVALID_START("the model cannot be evaluated at the start point");

        final String text;

        Stop(String text) {
            this.text = text;
        }

        boolean converged() {
            return this != ITERATION_LIMIT && this != INVALID_START;
        }
    }

    private final int n;
    private final int m;
    private final double tolerance;
    private final double[] r;
    private final double[] rTrial;
    private final double[][] jac;
    private final double[][] a;
    private final double[][] chol;
    private final double[] g;
    private final double[] h;
    private final double[] d;
    private final double[] trial;
    private final double stallTolerance;
    int iterations;
    int evaluations;
    double cost;

    LevenbergMarquardt(int n, int m, double tolerance) {
        this(n, m, tolerance, 0);
    }

    /**
     * @param stallTolerance stop as converged when the cost falls by less than this many noise variances
     *                       (cost/(n − m)) over {@link LeastSquaresRun#STALL_WINDOW} evaluations; 0 = never
     */
    LevenbergMarquardt(int n, int m, double tolerance, double stallTolerance) {
        this.n = n;
        this.m = m;
        this.tolerance = tolerance;
        this.stallTolerance = stallTolerance;
        this.r = new double[n];
        this.rTrial = new double[n];
        this.jac = new double[n][m];
        this.a = new double[m][m];
        this.chol = new double[m][m];
        this.g = new double[m];
        this.h = new double[m];
        this.d = new double[m];
        this.trial = new double[m];
    }

    /**
     * Minimises ‖r(θ)‖² from θ, in place.
     *
     * @param model         residuals and Jacobian
     * @param theta         start; on return the best point found
     * @param maxIterations iteration limit
     * @return why it stopped
     */
    Stop minimise(Model model, double[] theta, int maxIterations) {
        iterations = 0;
        evaluations = 1;
        if (!model.residuals(theta, r)) {
            cost = Double.POSITIVE_INFINITY;
            return Stop.INVALID_START;
        }
        cost = sumSquares(r);
        if (cost == 0) {
            return Stop.ZERO_RESIDUAL;
        }
        normalEquations(model, theta);
        for (int j = 0; j < m; j++) {
            d[j] = Math.max(a[j][j], Double.MIN_NORMAL);
        }
        // Damping is relative to diag(JᵀJ) (Marquardt's scaling), so μ is dimensionless. Steps are
        // also held inside a trust region ‖D·h‖ ≤ Δ with D the column norms of J, as MINPACK does: it
        // keeps the first steps from leaping onto a plateau where the gradient vanishes (NIST's BoxBOD).
        double mu = 1e-3;
        double radius = 100 * scaledNorm(theta);
        if (radius == 0) {
            radius = 100;
        }
        double nu = 2;
        double windowStart = cost;
        int windowEvaluations = evaluations;
        while (iterations < maxIterations) {
            if (stallTolerance > 0 && evaluations - windowEvaluations >= LeastSquaresRun.STALL_WINDOW) {
                if (windowStart - cost <= stallTolerance * cost / Math.max(n - m, 1)) {
                    return Stop.STALLED;
                }
                windowStart = cost;
                windowEvaluations = evaluations;
            }
            if (gradientSmall()) {
                return Stop.SMALL_GRADIENT;
            }
            iterations++;
            boolean solved = solveDamped(mu);
            while (solved && scaledNorm(h) > radius && mu < 1e300) {
                mu *= 2;
                solved = solveDamped(mu);
            }
            if (!solved) {
                mu *= nu;
                nu *= 2;
                if (!Double.isFinite(mu) || mu > 1e300) {
                    return Stop.NO_PROGRESS;
                }
                continue;
            }
            double stepNorm = 0;
            double thetaNorm = 0;
            for (int j = 0; j < m; j++) {
                trial[j] = theta[j] + h[j];
                stepNorm += h[j] * h[j];
                thetaNorm += theta[j] * theta[j];
            }
            boolean smallStep = Math.sqrt(stepNorm) <= tolerance * (Math.sqrt(thetaNorm) + tolerance);
            double predicted = 0;
            for (int j = 0; j < m; j++) {
                predicted += h[j] * (g[j] + mu * d[j] * h[j]);
            }
            evaluations++;
            boolean valid = model.residuals(trial, rTrial);
            double trialCost = valid ? sumSquares(rTrial) : Double.POSITIVE_INFINITY;
            double actual = cost - trialCost;
            double rho = predicted > 0 ? actual / predicted : -1;
            if (valid && Double.isFinite(trialCost) && actual > 0) {
                System.arraycopy(trial, 0, theta, 0, m);
                System.arraycopy(rTrial, 0, r, 0, n);
                double previous = cost;
                cost = trialCost;
                if (cost == 0) {
                    return Stop.ZERO_RESIDUAL;
                }
                normalEquations(model, theta);
                for (int j = 0; j < m; j++) {
                    d[j] = Math.max(d[j], a[j][j]);
                }
                double t = 2 * rho - 1;
                mu *= Math.max(1.0 / 3, 1 - t * t * t);
                nu = 2;
                if (rho > 0.75) {
                    radius = Math.max(radius, 2 * scaledNorm(h));
                } else if (rho < 0.25) {
                    radius = Math.max(0.5 * scaledNorm(h), radius * 0.25);
                }
                if (actual <= tolerance * previous && predicted <= tolerance * previous) {
                    return Stop.SMALL_REDUCTION;
                }
                if (smallStep) {
                    return Stop.SMALL_STEP;
                }
            } else {
                if (smallStep && mu <= 1) {
                    // A barely damped Gauss–Newton step too small to change θ: converged.
                    return Stop.SMALL_STEP;
                }
                if (predicted <= 1e-15 * cost) {
                    // The model predicts no gain from any step and none was found: we are at the optimum
                    // as far as double precision can tell.
                    return Stop.NO_PROGRESS;
                }
                mu *= nu;
                nu *= 2;
                radius = 0.5 * scaledNorm(h);
                if (!Double.isFinite(mu) || mu > 1e300) {
                    return Stop.NO_PROGRESS;
                }
            }
        }
        return Stop.ITERATION_LIMIT;
    }

    /** ‖D·v‖ with D the column norms of J (√ of the running maximum of diag(JᵀJ)). */
    private double scaledNorm(double[] v) {
        double s = 0;
        for (int j = 0; j < m; j++) {
            double x = v[j] * Math.sqrt(d[j]);
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double sumSquares(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    /** A = JᵀJ and g = Jᵀr at θ (J = ∂model/∂θ, so g points downhill in ‖r‖²). */
    private void normalEquations(Model model, double[] theta) {
        model.jacobian(theta, jac);
        if (m == 3) {
            normalEquations3();
            return;
        }
        for (int j = 0; j < m; j++) {
            g[j] = 0;
            for (int k = 0; k <= j; k++) {
                a[j][k] = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            double[] row = jac[i];
            double ri = r[i];
            for (int j = 0; j < m; j++) {
                double v = row[j];
                g[j] += v * ri;
                double[] aj = a[j];
                for (int k = 0; k <= j; k++) {
                    aj[k] += v * row[k];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            for (int k = j + 1; k < m; k++) {
                a[j][k] = a[k][j];
            }
        }
    }

    /**
     * The same sums for three parameters (the offset power law, a bootstrap's commonest refit) in local
     * variables, which the compiler keeps in registers instead of reloading the rows of {@code a}: every sum
     * still runs over the points in order, so the result is bit for bit the general loop's.
     */
    private void normalEquations3() {
        double g0 = 0;
        double g1 = 0;
        double g2 = 0;
        double a00 = 0;
        double a10 = 0;
        double a11 = 0;
        double a20 = 0;
        double a21 = 0;
        double a22 = 0;
        for (int i = 0; i < n; i++) {
            double[] row = jac[i];
            double ri = r[i];
            double v0 = row[0];
            double v1 = row[1];
            double v2 = row[2];
            g0 += v0 * ri;
            a00 += v0 * v0;
            g1 += v1 * ri;
            a10 += v1 * v0;
            a11 += v1 * v1;
            g2 += v2 * ri;
            a20 += v2 * v0;
            a21 += v2 * v1;
            a22 += v2 * v2;
        }
        g[0] = g0;
        g[1] = g1;
        g[2] = g2;
        a[0][0] = a00;
        a[1][0] = a10;
        a[1][1] = a11;
        a[2][0] = a20;
        a[2][1] = a21;
        a[2][2] = a22;
        a[0][1] = a10;
        a[0][2] = a20;
        a[1][2] = a21;
    }

    /** MINPACK's gtol test: max_j |gⱼ| / √(Aⱼⱼ·‖r‖²) small means r is orthogonal to J's columns. */
    private boolean gradientSmall() {
        double worst = 0;
        for (int j = 0; j < m; j++) {
            if (a[j][j] > 0) {
                worst = Math.max(worst, Math.abs(g[j]) / Math.sqrt(a[j][j] * cost));
            }
        }
        return worst <= tolerance;
    }

    /** Solves (A + μ·diag(d)) h = g by Cholesky; false when the matrix is not positive definite. */
    private boolean solveDamped(double mu) {
        for (int j = 0; j < m; j++) {
            for (int k = 0; k <= j; k++) {
                double s = a[j][k] + (j == k ? mu * d[j] : 0);
                for (int l = 0; l < k; l++) {
                    s -= chol[j][l] * chol[k][l];
                }
                if (j == k) {
                    if (!(s > 0)) {
                        return false;
                    }
                    chol[j][j] = Math.sqrt(s);
                } else {
                    chol[j][k] = s / chol[k][k];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            double s = g[j];
            for (int l = 0; l < j; l++) {
                s -= chol[j][l] * h[l];
            }
            h[j] = s / chol[j][j];
        }
        for (int j = m - 1; j >= 0; j--) {
            double s = h[j];
            for (int l = j + 1; l < m; l++) {
                s -= chol[l][j] * h[l];
            }
            h[j] = s / chol[j][j];
        }
        for (int j = 0; j < m; j++) {
            if (!Double.isFinite(h[j])) {
                return false;
            }
        }
        return true;
    }
}
