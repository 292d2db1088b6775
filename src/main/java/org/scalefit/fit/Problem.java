package org.scalefit.fit;

import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;
import org.scalefit.model.Space;

/**
 * A least-squares problem in the optimiser's coordinates: the law, the data laid out for fast
 * point-wise evaluation, the residual space, which parameters are free and how each is
 * transformed. Immutable and shared by all starts; every evaluation works in caller-owned buffers.
 */
final class Problem {
    final Law law;
    final Space space;
    final int n;
    final int m;
    final int[] free;
    final Transform[] transforms;
    final double[] template;
    /** The bound of each free parameter (the user's, else the law's range), or null. */
    final Bound[] bounds;
    /** True where {@link #bounds} is the law's own range rather than the user's bound. */
    final boolean[] fromLaw;
    /** The restrictions the engine adds by default (law ranges, positive domains), in free-parameter order. */
    final java.util.List<Constraint> constraints;
    /** See {@link FitOptions#stallTolerance()}; 0 = off. */
    final double stallTolerance;
    final double[][] xRows;
    final double[] target;
    final double[] sqrtW;
    /** order[k] = the data index of problem row k (rows are sorted, so row order never changes the answer). */
    final int[] order;
    /** The all-rows evaluator of the law, or null (then the law is called point by point). */
    final PointKernel kernel;

    Problem(Law law, Observations data, Space space, int[] free, Transform[] transforms, double[] template,
            Bound[] bounds, boolean[] fromLaw, double stallTolerance, java.util.List<Constraint> constraints) {
        this.constraints = java.util.List.copyOf(constraints);
        this.stallTolerance = stallTolerance;
        this.bounds = bounds;
        this.fromLaw = fromLaw;
        this.law = law;
        this.space = space;
        this.n = data.size();
        this.m = free.length;
        this.free = free;
        this.transforms = transforms;
        this.template = template;
        int k = data.predictorCount();
        this.xRows = new double[n][k];
        this.target = new double[n];
        this.sqrtW = new double[n];
        this.order = canonicalOrder(data);
        for (int row = 0; row < n; row++) {
            int i = order[row];
            for (int j = 0; j < k; j++) {
                xRows[row][j] = data.x(j, i);
            }
            target[row] = space.target(data.y(i));
            sqrtW[row] = Math.sqrt(data.weight(i));
        }
        this.kernel = PointKernel.forProblem(this);
    }

    /** The problem of fitting {@code law} to {@code data} under {@code options}' fixed values and bounds, in {@code space}. */
    static Problem of(Law law, Observations data, FitOptions options, Space space) {
        List<String> params = law.parameters();
        int[] freeAll = new int[params.size()];
        int freeCount = 0;
        double[] template = new double[params.size()];
        for (int j = 0; j < params.size(); j++) {
            Double f = options.fixed().isEmpty() ? null : options.fixed().get(params.get(j));
            if (f != null) {
                template[j] = f;
            } else {
                freeAll[freeCount++] = j;
            }
        }
        int[] free = java.util.Arrays.copyOf(freeAll, freeCount);
        Transform[] transforms = new Transform[free.length];
        Bound[] bounds = new Bound[free.length];
        boolean[] fromLaw = new boolean[free.length];
        java.util.List<Constraint> constraints = new java.util.ArrayList<>();
        for (int j = 0; j < free.length; j++) {
            String name = params.get(free[j]);
            Bound user = options.bounds().get(name);
            boolean positive = law.domain(free[j]) == org.scalefit.model.ParameterDomain.POSITIVE;
            if (positive) {
                constraints.add(new Constraint(name, 0, Double.POSITIVE_INFINITY, Constraint.Source.DOMAIN,
                        "the law's domain; fitted as ln " + name + (user != null && !(user.lower() > 0)
                                ? " (the bound's lower end " + user.lower() + " counts as the smallest positive number)" : "")));
            }
            if (user != null) {
                bounds[j] = user;
                transforms[j] = Transform.of(law.domain(free[j]), user);
                continue;
            }
            var range = law.range(free[j], data);
            if (range.isPresent()) {
                bounds[j] = new Bound(range.get().lower(), range.get().upper());
                fromLaw[j] = true;
                transforms[j] = Transform.ofRange(law.domain(free[j]), bounds[j]);
                constraints.add(new Constraint(name, range.get().lower(), range.get().upper(), Constraint.Source.RANGE,
                        range.get().reason()));
            } else {
                transforms[j] = Transform.of(law.domain(free[j]), null);
            }
        }
        return new Problem(law, data, space, free, transforms, template, bounds, fromLaw, options.stallTolerance(),
                constraints);
    }

    /**
     * Sorts points by (predictors, response, weight) so that floating-point sums run in the same order
     * however the input rows were arranged: permuting rows gives bit-identical fits.
     */
    private static int[] canonicalOrder(Observations data) {
        int k = data.predictorCount();
        int n = data.size();
        long[][] keys = new long[k + 2][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                keys[j][i] = IndexSort.sortable(data.x(j, i));
            }
            keys[k][i] = IndexSort.sortable(data.y(i));
            keys[k + 1][i] = IndexSort.sortable(data.weight(i));
        }
        return IndexSort.lexicographic(keys);
    }

    /**
     * @param j free parameter index
     * @param v its value
     * @return true when v rests on an end of the parameter's bound (the user's or the law's range), within
     *         a relative 1e-6
     */
    boolean atBound(int j, double v) {
        Bound b = bounds[j];
        return b != null && (Double.isFinite(b.lower()) && v - b.lower() <= 1e-6 * Math.max(1.0, Math.abs(b.lower()))
                || Double.isFinite(b.upper()) && b.upper() - v <= 1e-6 * Math.max(1.0, Math.abs(b.upper())));
    }

    /** Fills the full parameter vector (fixed values included) from internal coordinates. */
    void toFull(double[] theta, double[] p) {
        System.arraycopy(template, 0, p, 0, template.length);
        for (int j = 0; j < m; j++) {
            p[free[j]] = transforms[j].toExternal(theta[j]);
        }
    }

    /** Internal coordinates of a full parameter vector. */
    double[] toInternal(double[] p) {
        double[] theta = new double[m];
        for (int j = 0; j < m; j++) {
            theta[j] = transforms[j].toInternal(p[free[j]]);
        }
        return theta;
    }

    /** The model in the fit's space: ln f or f. */
    double model(double[] x, double[] p) {
        return space.value(law, x, p);
    }

    /** The model in the fit's space at full parameters p for every problem row, into g. */
    void modelValues(double[] p, double[] g) {
        modelValues(p, g, null);
    }

    /** The same, keeping a kernel's power terms for the next {@link #jacobianP} at p (see {@link PointKernel.Terms}). */
    void modelValues(double[] p, double[] g, PointKernel.Terms terms) {
        if (kernel != null) {
            kernel.values(p, g, terms);
            return;
        }
        for (int i = 0; i < n; i++) {
            g[i] = model(xRows[i], p);
        }
    }

    /**
     * Weighted residuals rᵢ = √wᵢ·(tᵢ − gᵢ) at full parameters p, in problem row order.
     *
     * @return the number of points where the model is not finite (their residual is NaN)
     */
    /** @return the power terms one run keeps between its residuals and its Jacobian, or null (no kernel keeps any) */
    PointKernel.Terms newTerms() {
        return kernel == null ? null : kernel.newTerms(template.length);
    }

    int residuals(double[] p, double[] r) {
        if (kernel != null) {
            kernel.values(p, r);
        }
        int bad = 0;
        for (int i = 0; i < n; i++) {
            double g = kernel != null ? r[i] : model(xRows[i], p);
            if (Double.isFinite(g)) {
                r[i] = sqrtW[i] * (target[i] - g);
            } else {
                r[i] = Double.NaN;
                bad++;
            }
        }
        return bad;
    }

    /**
     * Which free parameters still move the model: entry j is true when column j of the weighted Jacobian at full
     * parameters p has a finite non-zero entry. Without a kernel the rows are differentiated only until every
     * parameter has moved (usually at the first row): every run's answer check asks this.
     */
    boolean[] moving(double[] p) {
        boolean[] moved = new boolean[m];
        int left = m;
        if (kernel != null) {
            double[][] jac = new double[n][m];
            jacobianP(p, jac, new double[p.length]);
            for (int i = 0; i < n && left > 0; i++) {
                left -= markMoved(jac[i], moved);
            }
            return moved;
        }
        double[] grad = new double[p.length];
        double[] row = new double[m];
        for (int i = 0; i < n && left > 0; i++) {
            space.gradient(law, xRows[i], p, grad);
            for (int j = 0; j < m; j++) {
                double v = sqrtW[i] * grad[free[j]];
                row[j] = Double.isFinite(v) ? v : 0.0;
            }
            left -= markMoved(row, moved);
        }
        return moved;
    }

    /** Marks the columns with a non-zero entry in this Jacobian row; returns how many were newly marked. */
    private static int markMoved(double[] row, boolean[] moved) {
        int marked = 0;
        for (int j = 0; j < row.length; j++) {
            if (!moved[j] && row[j] != 0) {
                moved[j] = true;
                marked++;
            }
        }
        return marked;
    }

    /**
     * Jacobian of the weighted model √wᵢ·gᵢ with respect to the free parameters p (not θ),
     * into {@code jac[i][j]}; {@code grad} is a scratch array of the law's parameter count.
     */
    void jacobianP(double[] p, double[][] jac, double[] grad) {
        jacobianP(p, jac, grad, null);
    }

    /** The same, reusing the power terms of a {@link #modelValues} call at exactly p (null: none). */
    void jacobianP(double[] p, double[][] jac, double[] grad, PointKernel.Terms terms) {
        if (kernel != null) {
            kernel.jacobian(p, free, sqrtW, jac, grad, terms);
            return;
        }
        for (int i = 0; i < n; i++) {
            space.gradient(law, xRows[i], p, grad);
            for (int j = 0; j < m; j++) {
                double v = sqrtW[i] * grad[free[j]];
                jac[i][j] = Double.isFinite(v) ? v : 0.0;
            }
        }
    }
}
