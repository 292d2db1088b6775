package org.scalefit.fit;

/**
 * Limited-memory BFGS (Nocedal 1980; Liu and Nocedal 1989) with a strong-Wolfe line search
 * (Nocedal and Wright 2006, Algorithms 3.5 and 3.6, cubic interpolation), for smooth robust
 * objectives Σ ρ(rᵢ) where least-squares solvers need reweighting rounds. It is the same method
 * SciPy's L-BFGS-B runs without bounds (memory 10, c₁ = 1e-4, c₂ = 0.9, at most 20 evaluations per
 * line search, first step 1/‖g‖).
 *
 * <p>An instance owns every buffer it needs, so an iteration allocates nothing; it is confined to one
 * thread. Where the objective is +∞ (the model cannot be evaluated) the line search backs off.
 *
 * <p>Stopping: the objective fell by less than {@code relativeTolerance}·|f| in a quasi-Newton iteration (after a
 * steepest-descent step, whose length is a guess, only when it left no curvature to take a quasi-Newton step with), the
 * gradient is exactly zero, a line search from a fresh steepest-descent direction finds no lower
 * value (the minimum is resolved to machine precision), or the iteration limit is reached (the only
 * case reported as not converged).
 */
final class Lbfgs {
    static final int MEMORY = 10;
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LINE_EVALUATIONS = 20;

    /** How a minimisation ended; {@code curvature} is the run's final memory (null when it has none). */
    record Outcome(double[] theta, double value, int iterations, int evaluations, boolean converged, String reason,
                   Curvature curvature) {
        Outcome(double[] theta, double value, int iterations, int evaluations, boolean converged, String reason) {
            this(theta, value, iterations, evaluations, converged, reason, null);
        }
    }

    /**
     * The curvature pairs (sₖ, yₖ) = (xₖ₊₁ − xₖ, gₖ₊₁ − gₖ) a run ended with, oldest first. Seeding a run that
     * starts near where this one ended (a bootstrap refit from the full-data optimum) with them lets its first
     * steps be quasi-Newton steps instead of steepest descent.
     */
    record Curvature(double[][] s, double[][] y) {
        /** The step of {@link #byDifferences}, relative to a coordinate's size (at least 1). */
        static final double DIFFERENCE_STEP = 1e-3;

        /** @return true when these pairs can seed a run in {@code dimension} coordinates */
        boolean fits(int dimension) {
            return s.length > 0 && s[0].length == dimension;
        }

        /**
         * Pairs measured at x by central differences of the gradient along the principal axes of a covariance of
         * the coordinates, one standard deviation each way: sₖ = 2·√λₖ·vₖ and yₖ = ∇f(x + √λₖ·vₖ) − ∇f(x − √λₖ·vₖ)
         * for each eigenpair (λₖ, vₖ) with λₖ &gt; 0, the most spread axis last (newest), the pairs without positive
         * curvature left out.
         *
         * <p>Why the covariance's axes: a refit on a resample of the data ends about one standard error away,
         * along the fit's confidence ellipsoid, and the ellipsoid's long axes are the objective's flat valleys
         * (an amplitude traded against its exponent). Pairs measured across the ellipsoid at its own scale give
         * L-BFGS the valley's true curvature from the first step. Pairs by small coordinate steps
         * ({@link #byDifferences}) see, on a near-absolute-deviations objective, the kinks of single residuals
         * instead: on Epoch's Chinchilla data under Huber δ = 1e-3 the first line search then crept along the
         * valley with steps 10⁻⁷ of the way, and refits took 46 evaluations on average and ended up to 8e-6 above
         * their optimum; along the axes they take 15 and end within 4e-10 (300 resamples; the full fit's own
         * L-BFGS pairs: 17 and 5e-10). Steps of 0.1 to 2 standard deviations gave the same.
         *
         * @param covariance the coordinates' covariance (m×m, symmetric), e.g. a fit's in the optimiser's coordinates
         * @return the pairs (an axis whose ends f cannot be evaluated at is left out), or null when the covariance
         *         is not finite or no axis gave a pair with positive curvature
         */
        static Curvature alongAxes(SmoothObjective f, double[] x, double[][] covariance) {
            int n = x.length;
            for (double[] row : covariance) {
                if (!finite(row)) {
                    return null;
                }
            }
            SmallSvd axes = new SmallSvd(covariance, n, n);
            Integer[] bySpread = new Integer[n];
            for (int k = 0; k < n; k++) {
                bySpread[k] = k;
            }
            java.util.Arrays.sort(bySpread, java.util.Comparator.comparingDouble(axes::value));
            double[] gPlus = new double[n];
            double[] gMinus = new double[n];
            double[][] ss = new double[n][];
            double[][] yy = new double[n][];
            int kept = 0;
            for (int k : bySpread) {
                double sd = Math.sqrt(axes.value(k));
                if (!(sd > 0)) {
                    continue;
                }
                double[] v = axes.rightVector(k);
                double[] plus = x.clone();
                double[] minus = x.clone();
                double[] step = new double[n];
                for (int j = 0; j < n; j++) {
                    plus[j] += sd * v[j];
                    minus[j] -= sd * v[j];
                    step[j] = plus[j] - minus[j];
                }
                if (!Double.isFinite(f.evaluate(plus, gPlus)) || !finite(gPlus)
                        || !Double.isFinite(f.evaluate(minus, gMinus)) || !finite(gMinus)) {
                    continue;
                }
                double[] change = new double[n];
                double sy = 0;
                for (int j = 0; j < n; j++) {
                    change[j] = gPlus[j] - gMinus[j];
                    sy += step[j] * change[j];
                }
                if (sy > 0) {
                    ss[kept] = step;
                    yy[kept] = change;
                    kept++;
                }
            }
            return kept == 0 ? null : new Curvature(java.util.Arrays.copyOf(ss, kept), java.util.Arrays.copyOf(yy, kept));
        }

        /**
         * Pairs measured at x by differences of the gradient along each coordinate: sⱼ = hⱼ·eⱼ and
         * yⱼ = ∇f(x + sⱼ) − ∇f(x), hⱼ = 1e-3·max(1, |xⱼ|), the pairs without positive curvature left out: the
         * last resort of refits near an optimum without a usable covariance ({@link #alongAxes}) that no L-BFGS run
         * ended at (variable projection runs in the nonlinear coordinates alone; an exact Huber optimum leaves no
         * step to learn from). On Epoch's Chinchilla data under Huber δ = 1e-3, bootstrap refits seeded so took a
         * third fewer evaluations than unseeded ones, whose first steepest-descent step alone cost 12–17 (steps 1e-4
         * to 1e-2 gave the same), but three times as many as seeded along the covariance's axes.
         *
         * @return the pairs, or null when none has positive curvature or f cannot be evaluated at x
         */
        static Curvature byDifferences(SmoothObjective f, double[] x) {
            int n = x.length;
            double[] g0 = new double[n];
            if (!Double.isFinite(f.evaluate(x, g0)) || !finite(g0)) {
                return null;
            }
            double[][] ss = new double[n][];
            double[][] yy = new double[n][];
            int kept = 0;
            for (int j = 0; j < n; j++) {
                double h = DIFFERENCE_STEP * Math.max(1.0, Math.abs(x[j]));
                double[] xs = x.clone();
                xs[j] += h;
                double[] g = new double[n];
                if (!Double.isFinite(f.evaluate(xs, g)) || !finite(g)) {
                    continue;
                }
                double[] step = new double[n];
                step[j] = h;
                double[] change = new double[n];
                for (int k = 0; k < n; k++) {
                    change[k] = g[k] - g0[k];
                }
                if (change[j] * h > 0) {
                    ss[kept] = step;
                    yy[kept] = change;
                    kept++;
                }
            }
            return kept == 0 ? null : new Curvature(java.util.Arrays.copyOf(ss, kept), java.util.Arrays.copyOf(yy, kept));
        }
    }

    private final SmoothObjective objective;
    private final int n;
    private final double relativeTolerance;
    private final double[] x;
    private final double[] g;
    private final double[] d;
    private final double[] xTrial;
    private final double[] gTrial;
    private final double[] xLo;
    private final double[] gLo;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alphas;
    private int evaluations;
    /** Pairs in memory, and the slot of the newest (fields so that the outcome can hand the memory on). */
    private int stored;
    private int newest;
    /** The memory as it was before the last restart: a run that ends right after one still hands it on. */
    private int keptStored;
    private int keptNewest;
    // Line-search state shared with zoom(): value and slope at the low end.
    private double phiLo;
    private double dphiLo;
    private double stepLo;

    Lbfgs(SmoothObjective objective, double relativeTolerance) {
        this.objective = objective;
        this.n = objective.dimension();
        this.relativeTolerance = relativeTolerance;
        this.x = new double[n];
        this.g = new double[n];
        this.d = new double[n];
        this.xTrial = new double[n];
        this.gTrial = new double[n];
        this.xLo = new double[n];
        this.gLo = new double[n];
        this.s = new double[MEMORY][n];
        this.y = new double[MEMORY][n];
        this.rho = new double[MEMORY];
        this.alphas = new double[MEMORY];
    }

    Outcome minimize(double[] theta0, int maxIterations) {
        return minimize(theta0, maxIterations, null);
    }

    /**
     * @param seed curvature pairs to start the memory with (null for none; ignored when their dimension differs)
     */
    Outcome minimize(double[] theta0, int maxIterations, Curvature seed) {
        evaluations = 0;
        System.arraycopy(theta0, 0, x, 0, n);
        double f = eval(x, g);
        if (!Double.isFinite(f) || !finite(g)) {
            return new Outcome(null, Double.NaN, 0, evaluations, false, "the objective cannot be evaluated at the start point");
        }
        stored = 0;
        newest = -1;
        keptStored = 0;
        keptNewest = -1;
        if (seed != null) {
            for (int k = 0; k < seed.s().length; k++) {
                if (seed.s()[k].length != n) {
                    stored = 0;
                    newest = -1;
                    break;
                }
                double sy = dot(seed.s()[k], seed.y()[k]);
                if (sy > 2.220446049250313e-16 * dot(seed.y()[k], seed.y()[k]) && sy > 0) {
                    int slot = (newest + 1) % MEMORY;
                    System.arraycopy(seed.s()[k], 0, s[slot], 0, n);
                    System.arraycopy(seed.y()[k], 0, y[slot], 0, n);
                    rho[slot] = 1.0 / sy;
                    newest = slot;
                    stored = Math.min(stored + 1, MEMORY);
                }
            }
        }
        int iteration = 0;
        while (iteration < maxIterations) {
            if (allZero(g)) {
                return new Outcome(x.clone(), f, iteration, evaluations, true, "converged: the gradient is zero", memory());
            }
            // Search direction d = −H·g by the two-loop recursion.
            for (int j = 0; j < n; j++) {
                d[j] = -g[j];
            }
            if (stored > 0) {
                int idx = newest;
                for (int k = 0; k < stored; k++) {
                    double a = rho[idx] * dot(s[idx], d);
                    alphas[idx] = a;
                    axpy(-a, y[idx], d);
                    idx = (idx - 1 + MEMORY) % MEMORY;
                }
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                for (int j = 0; j < n; j++) {
                    d[j] *= gamma;
                }
                idx = (newest - stored + 1 + MEMORY) % MEMORY;
                for (int k = 0; k < stored; k++) {
                    double b = rho[idx] * dot(y[idx], d);
                    axpy(alphas[idx] - b, s[idx], d);
                    idx = (idx + 1) % MEMORY;
                }
            }
            double slope = dot(g, d);
            if (!(slope < 0)) {
                // Not a descent direction (curvature information gone stale): restart from steepest descent.
                for (int j = 0; j < n; j++) {
                    d[j] = -g[j];
                }
                slope = dot(g, d);
                forget();
            }
            double step0 = stored == 0 ? 1.0 / Math.sqrt(-slope) : 1.0;
            boolean fresh = stored == 0;
            double fNew = lineSearch(f, slope, step0);
            if (Double.isNaN(fNew)) {
                if (fresh) {
                    return new Outcome(x.clone(), f, iteration, evaluations, true,
                            "converged: no lower value along the steepest descent (minimum resolved to machine precision)",
                            memory());
                }
                forget();
                continue;
            }
            iteration++;
            // Curvature pair from the accepted point (left in xTrial/gTrial by the line search).
            int slot = (newest + 1) % MEMORY;
            double sy = 0;
            double yy = 0;
            for (int j = 0; j < n; j++) {
                double sj = xTrial[j] - x[j];
                double yj = gTrial[j] - g[j];
                s[slot][j] = sj;
                y[slot][j] = yj;
                sy += sj * yj;
                yy += yj * yj;
            }
            if (sy > 2.220446049250313e-16 * yy && sy > 0) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, MEMORY);
            }
            double decrease = f - fNew;
            System.arraycopy(xTrial, 0, x, 0, n);
            System.arraycopy(gTrial, 0, g, 0, n);
            f = fNew;
            // A steepest-descent step's length is a guess (1/‖g‖ at first, or after a restart), so a small decrease
            // along it says little about the minimum: on a badly scaled valley such a step moves almost nothing. When
            // it left a curvature pair, a quasi-Newton step must confirm the stop; otherwise (no usable curvature:
            // the gradient no longer changes) the minimum is resolved.
            boolean confirmed = !fresh || stored == 0;
            if (decrease <= relativeTolerance * Math.abs(f) && confirmed) {
                return new Outcome(x.clone(), f, iteration, evaluations, true,
                        "converged: the objective fell by less than " + relativeTolerance + " relative in an iteration",
                        memory());
            }
        }
        return new Outcome(x.clone(), f, iteration, evaluations, false,
                "stopped: iteration limit (" + maxIterations + ") reached", memory());
    }

    /** Empties the memory (a restart from steepest descent), keeping its pairs for {@link #memory()}. */
    private void forget() {
        if (stored > 0) {
            keptStored = stored;
            keptNewest = newest;
        }
        stored = 0;
    }

    /** The pairs in memory (or, right after a restart, those before it), oldest first; null when there are none. */
    private Curvature memory() {
        int count = stored > 0 ? stored : keptStored;
        int last = stored > 0 ? newest : keptNewest;
        if (count == 0) {
            return null;
        }
        double[][] ss = new double[count][];
        double[][] yy = new double[count][];
        int idx = (last - count + 1 + MEMORY) % MEMORY;
        for (int k = 0; k < count; k++) {
            ss[k] = s[idx].clone();
            yy[k] = y[idx].clone();
            idx = (idx + 1) % MEMORY;
        }
        return new Curvature(ss, yy);
    }

    /**
     * Strong-Wolfe line search along d from x. On success leaves the accepted point and its gradient
     * in xTrial/gTrial and returns its value (below f); returns NaN when no acceptable lower point was found.
     */
    private double lineSearch(double f0, double slope0, double step0) {
        double prevStep = 0;
        double prevPhi = f0;
        double prevDphi = slope0;
        double step = step0;
        int budget = MAX_LINE_EVALUATIONS;
        boolean first = true;
        while (budget-- > 0) {
            double phi = trial(step);
            if (!Double.isFinite(phi)) {
                // Outside the region where the model is defined: back off towards the last good step.
                step = prevStep + 0.1 * (step - prevStep);
                continue;
            }
            double dphi = dot(gTrial, d);
            if (phi > f0 + C1 * step * slope0 || (!first && phi >= prevPhi)) {
                return zoom(f0, slope0, prevStep, prevPhi, prevDphi, step, phi, budget);
            }
            if (Math.abs(dphi) <= -C2 * slope0) {
                return phi;
            }
            if (dphi >= 0) {
                System.arraycopy(xTrial, 0, xLo, 0, n);
                System.arraycopy(gTrial, 0, gLo, 0, n);
                return zoom(f0, slope0, step, phi, dphi, prevStep, prevPhi, budget);
            }
            prevStep = step;
            prevPhi = phi;
            prevDphi = dphi;
            // Still descending steeply: remember this point (the low end of any later bracket) and step further.
            System.arraycopy(xTrial, 0, xLo, 0, n);
            System.arraycopy(gTrial, 0, gLo, 0, n);
            step = step * 4;
            first = false;
        }
        if (prevStep > 0 && prevPhi < f0) {
            System.arraycopy(xLo, 0, xTrial, 0, n);
            System.arraycopy(gLo, 0, gTrial, 0, n);
            return prevPhi;
        }
        return Double.NaN;
    }

    /**
     * Shrinks the bracket [lo, hi] (lo satisfies sufficient decrease and has the lower value; when
     * lo &gt; 0 its point and gradient are in xLo/gLo) until a step meets the strong Wolfe conditions;
     * returns NaN if lo is still 0 when the budget or the bracket's width runs out, else the best
     * point found (left in xTrial/gTrial).
     */
    private double zoom(double f0, double slope0, double lo, double phiLoIn, double dphiLoIn, double hi, double phiHi,
                        int budget) {
        stepLo = lo;
        phiLo = phiLoIn;
        dphiLo = dphiLoIn;
        double dphiHi = Double.NaN;
        while (budget-- > 0) {
            double width = Math.abs(hi - stepLo);
            if (width <= 1e-16 * Math.max(Math.abs(hi), Math.abs(stepLo)) || width == 0) {
                break;
            }
            double step = interpolate(stepLo, phiLo, dphiLo, hi, phiHi, dphiHi);
            double phi = trial(step);
            if (!Double.isFinite(phi) || phi > f0 + C1 * step * slope0 || phi >= phiLo) {
                hi = step;
                phiHi = Double.isFinite(phi) ? phi : Double.POSITIVE_INFINITY;
                dphiHi = Double.isFinite(phi) ? dot(gTrial, d) : Double.NaN;
                continue;
            }
            double dphi = dot(gTrial, d);
            if (Math.abs(dphi) <= -C2 * slope0) {
                return phi;
            }
            if (dphi * (hi - stepLo) >= 0) {
                hi = stepLo;
                phiHi = phiLo;
                dphiHi = dphiLo;
            }
            stepLo = step;
            phiLo = phi;
            dphiLo = dphi;
            System.arraycopy(xTrial, 0, xLo, 0, n);
            System.arraycopy(gTrial, 0, gLo, 0, n);
        }
        if (stepLo > 0 && phiLo < f0) {
            System.arraycopy(xLo, 0, xTrial, 0, n);
            System.arraycopy(gLo, 0, gTrial, 0, n);
            return phiLo;
        }
        return Double.NaN;
    }

    /** Minimiser of the cubic (or quadratic) through the bracket ends, kept 10% inside the bracket. */
    private static double interpolate(double lo, double philo, double dlo, double hi, double phihi, double dhi) {
        double a = Math.min(lo, hi);
        double b = Math.max(lo, hi);
        double guess;
        if (Double.isFinite(phihi) && Double.isFinite(dhi)) {
            double d1 = dlo + dhi - 3 * (philo - phihi) / (lo - hi);
            double disc = d1 * d1 - dlo * dhi;
            if (disc >= 0) {
                double d2 = Math.copySign(Math.sqrt(disc), hi - lo);
                guess = hi - (hi - lo) * (dhi + d2 - d1) / (dhi - dlo + 2 * d2);
            } else {
                guess = Double.NaN;
            }
        } else if (Double.isFinite(phihi)) {
            double h = hi - lo;
            double denom = 2 * (phihi - philo - dlo * h);
            guess = denom > 0 ? lo - dlo * h * h / denom : Double.NaN;
        } else {
            guess = Double.NaN;
        }
        double margin = 0.1 * (b - a);
        if (!Double.isFinite(guess) || guess < a + margin || guess > b - margin) {
            return 0.5 * (a + b);
        }
        return guess;
    }

    private double trial(double step) {
        for (int j = 0; j < n; j++) {
            xTrial[j] = x[j] + step * d[j];
        }
        double v = eval(xTrial, gTrial);
        return Double.isFinite(v) && finite(gTrial) ? v : Double.POSITIVE_INFINITY;
    }

    private double eval(double[] theta, double[] grad) {
        evaluations++;
        return objective.evaluate(theta, grad);
    }

    int evaluations() {
        return evaluations;
    }

    private static boolean finite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(double[] v) {
        for (double e : v) {
            if (e != 0) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] xv, double[] yv) {
        for (int i = 0; i < xv.length; i++) {
            yv[i] += a * xv[i];
        }
    }
}
