package org.scalefit.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Which free parameters a problem's model is linear in, found numerically: f(x; p + t·eⱼ) must be affine in
 * t at every data point, and jointly so with every parameter already in the set (the mixed second difference
 * vanishes), at two base points. A scale {@code Vm} in {@code Vm*x/(K+x)}, the offset and scale of
 * {@code a*exp(-b*x)+c}, the E, A and B of Chinchilla's law pass; a rate, an exponent or a location do not.
 * Used only to build starts ({@link BasinScan}), so a parameter that is linear on the data but not
 * everywhere (one branch of a min or max) costs at most a poorer start.
 *
 * @param linear    free indices of the linear parameters
 * @param nonlinear free indices of the others
 */
record LinearParameters(int[] linear, int[] nonlinear) {
    /** Relative size of a second difference still counted as zero (rounding of a few operations). */
    private static final double TOLERANCE = 1e-8;

    /**
     * The law's own answer ({@link org.scalefit.model.Law#linearParameters()}) restricted to the free
     * parameters, else the numerical test.
     *
     * @param problem the problem
     * @param start   the first start (a base point of the test)
     * @return the split of the free parameters
     */
    static LinearParameters of(Problem problem, double[] start) {
        int[] declared = problem.law.linearParameters();
        if (declared == null) {
            return detect(problem, start);
        }
        List<Integer> linear = new ArrayList<>();
        List<Integer> nonlinear = new ArrayList<>();
        for (int j = 0; j < problem.m; j++) {
            boolean isLinear = false;
            for (int d : declared) {
                isLinear |= d == problem.free[j];
            }
            (isLinear ? linear : nonlinear).add(j);
        }
        return new LinearParameters(linear.stream().mapToInt(Integer::intValue).toArray(),
                nonlinear.stream().mapToInt(Integer::intValue).toArray());
    }

    static LinearParameters detect(Problem problem, double[] start) {
        // Base points where the model responds to its parameters: the start, a shifted start, and every free
        // parameter at the scale of the data (the predictors' median magnitude and its reciprocal), so that a
        // parameter the model ignores at one base (exp(-(x - xmid)/scal) underflowing) is tested at another.
        double scale = medianMagnitude(problem);
        double[][] bases = {start.clone(), start.clone(), start.clone(), start.clone()};
        for (int j = 0; j < problem.m; j++) {
            int pj = problem.free[j];
            double v = start[pj];
            bases[1][pj] = Double.isFinite(v) ? 1.37 * v + (v >= 0 ? 0.11 : -0.11) : 0.5;
            bases[2][pj] = scale * (1 + 0.13 * j);
            bases[3][pj] = (1 + 0.17 * j) / scale;
        }
        List<Integer> linear = new ArrayList<>();
        List<Integer> nonlinear = new ArrayList<>();
        for (int j = 0; j < problem.m; j++) {
            boolean ok = true;
            for (double[] base : bases) {
                ok = ok && affine(problem, base, j);
                for (int k : linear) {
                    ok = ok && jointlyAffine(problem, base, j, k);
                }
            }
            (ok ? linear : nonlinear).add(j);
        }
        return new LinearParameters(linear.stream().mapToInt(Integer::intValue).toArray(),
                nonlinear.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double medianMagnitude(Problem problem) {
        double[] a = new double[problem.n * problem.xRows[0].length];
        int k = 0;
        for (double[] row : problem.xRows) {
            for (double v : row) {
                a[k++] = Math.abs(v);
            }
        }
        java.util.Arrays.sort(a);
        double m = a[a.length / 2];
        return m > 0 && Double.isFinite(m) ? m : 1;
    }

    private static double step(double[] base, int pj) {
        return 0.5 * Math.max(Math.abs(base[pj]), 1.0);
    }

    private static boolean affine(Problem problem, double[] base, int j) {
        int pj = problem.free[j];
        double t = step(base, pj);
        double[] p1 = base.clone();
        double[] p2 = base.clone();
        p1[pj] += t;
        p2[pj] += 2 * t;
        for (double[] x : problem.xRows) {
            double f0 = problem.law.value(x, base);
            double f1 = problem.law.value(x, p1);
            double f2 = problem.law.value(x, p2);
            if (!zero(f2 - 2 * f1 + f0, f0, f1, f2)) {
                return false;
            }
        }
        return true;
    }

    private static boolean jointlyAffine(Problem problem, double[] base, int j, int k) {
        int pj = problem.free[j];
        int pk = problem.free[k];
        double[] pa = base.clone();
        double[] pb = base.clone();
        double[] pab = base.clone();
        pa[pj] += step(base, pj);
        pb[pk] += step(base, pk);
        pab[pj] += step(base, pj);
        pab[pk] += step(base, pk);
        for (double[] x : problem.xRows) {
            double f0 = problem.law.value(x, base);
            double fa = problem.law.value(x, pa);
            double fb = problem.law.value(x, pb);
            double fab = problem.law.value(x, pab);
            if (!zero(fab - fa - fb + f0, f0, fa, fb)) {
                return false;
            }
        }
        return true;
    }

    private static boolean zero(double d, double a, double b, double c) {
        double scale = Math.abs(a) + Math.abs(b) + Math.abs(c);
        return Double.isFinite(d) && Double.isFinite(scale) && Math.abs(d) <= TOLERANCE * scale + 1e-300;
    }
}
