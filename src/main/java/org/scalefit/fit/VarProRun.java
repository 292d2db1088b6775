package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalefit.InvalidDataException;
import org.scalefit.InvalidOptionException;
import org.scalefit.OptionKey;
import org.scalefit.model.SeparableLaw;

/**
 * Runs of the variable-projection solver: L-BFGS over the free nonlinear parameters of a
 * {@link SeparableLaw}, with the linear coefficients solved at every step by {@link VarProObjective}.
 * Starts that differ only in their linear coefficients are the same start here and run once (Hoffmann's
 * 4,500-point grid is 25 distinct (α, β) pairs).
 */
final class VarProRun {
    private VarProRun() {
    }

    /** Starts in full parameter space, reduced to distinct nonlinear coordinates. */
    record Plan(List<double[]> starts, int[] startIndex, int[] outer) {
    }

    /**
     * @throws InvalidDataException when the law is not separable or a linear coefficient is fixed or bounded
     */
    static void validate(Problem problem) {
        if (!(problem.law instanceof SeparableLaw law)) {
            throw new InvalidOptionException(OptionKey.SOLVER.with("varpro") + " needs a law that is linear in some of its parameters "
                    + "(chinchilla); " + problem.law.name() + " is not");
        }
        for (int idx : law.linearParameters()) {
            String name = law.parameters().get(idx);
            int j = indexOfFree(problem, idx);
            if (j < 0 || !(problem.transforms[j] instanceof Transform.Log)) {
                throw new InvalidOptionException(OptionKey.SOLVER.with("varpro") + " solves " + name + " itself (" + name
                        + " ≥ 0): it cannot be fixed or bounded; use " + OptionKey.SOLVER.with("lbfgs"));
            }
        }
    }

    /**
     * @return true when variable projection can run on this problem: a separable law whose linear
     *         coefficients are all free on a log scale (what {@link #validate} requires, without the error)
     */
    static boolean applies(Problem problem) {
        if (!(problem.law instanceof SeparableLaw law)) {
            return false;
        }
        for (int idx : law.linearParameters()) {
            int j = indexOfFree(problem, idx);
            if (j < 0 || !(problem.transforms[j] instanceof Transform.Log)) {
                return false;
            }
        }
        return true;
    }

    /** A linear term contributing less than this fraction of the largest model value is at its bound 0. */
    static final double NEGLIGIBLE_TERM = 1e-6;

    /**
     * Whether a projected optimum is interior: every linear coefficient's term contributes to the model. When
     * one is at its bound 0 (the inner solve keeps coefficients ≥ 0), its nonlinear partner no longer moves
     * the curve and the unconstrained optimiser may find a lower optimum elsewhere (an exponent below 0, a
     * term traded for another): there the projection is not trusted alone.
     *
     * @param problem the problem
     * @param best    the best projected run (internal coordinates)
     * @return true when no linear term is negligible at {@code best}
     */
    static boolean interior(Problem problem, LeastSquaresRun.Result best) {
        SeparableLaw law = (SeparableLaw) problem.law;
        int[] linear = law.linearParameters();
        double[] p = new double[problem.template.length];
        problem.toFull(best.theta(), p);
        double[] phi = new double[linear.length];
        double[] largestTerm = new double[linear.length];
        double largestValue = 0;
        for (double[] x : problem.xRows) {
            law.basis(x, p, phi);
            for (int q = 0; q < linear.length; q++) {
                largestTerm[q] = Math.max(largestTerm[q], Math.abs(p[linear[q]] * phi[q]));
            }
            largestValue = Math.max(largestValue, Math.abs(problem.law.value(x, p)));
        }
        for (double term : largestTerm) {
            if (!(term > NEGLIGIBLE_TERM * largestValue)) {
                return false;
            }
        }
        return true;
    }

    /** @return how many starts remain once starts that differ only in their linear coefficients are merged */
    static int distinctStarts(Problem problem, List<double[]> starts) {
        return plan(problem, starts).starts().size();
    }

    static Plan plan(Problem problem, List<double[]> starts) {
        SeparableLaw law = (SeparableLaw) problem.law;
        List<Integer> outerList = new ArrayList<>();
        for (int idx : law.nonlinearParameters()) {
            int j = indexOfFree(problem, idx);
            if (j >= 0) {
                outerList.add(j);
            }
        }
        int[] outer = outerList.stream().mapToInt(Integer::intValue).toArray();
        List<double[]> distinct = new ArrayList<>();
        List<double[]> fullStarts = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            double[] theta = problem.toInternal(starts.get(s));
            double[] key = new double[outer.length];
            for (int q = 0; q < outer.length; q++) {
                key[q] = theta[outer[q]];
            }
            boolean seen = false;
            for (double[] d : distinct) {
                if (Arrays.equals(d, key)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                distinct.add(key);
                fullStarts.add(starts.get(s));
                index.add(s);
            }
        }
        return new Plan(fullStarts, index.stream().mapToInt(Integer::intValue).toArray(), outer);
    }

    static LeastSquaresRun.Result run(Problem problem, RunPlan runPlan, Plan plan, int s) {
        Loss loss = runPlan.loss();
        int maxIterations = runPlan.maxIterations();
        double[] start = plan.starts().get(s);
        VarProObjective objective = new VarProObjective(problem, loss, plan.outer());
        objective.seed(start);
        double[] theta = problem.toInternal(start);
        double[] outer0 = new double[plan.outer().length];
        for (int q = 0; q < outer0.length; q++) {
            outer0[q] = theta[plan.outer()[q]];
        }
        int index = plan.startIndex()[s];
        Lbfgs.Outcome o;
        if (outer0.length == 0) {
            double v = objective.evaluate(outer0, new double[0]);
            o = new Lbfgs.Outcome(outer0, v, 0, 1, Double.isFinite(v), "converged: no nonlinear parameter is free");
        } else {
            o = new Lbfgs(objective, QuasiNewtonRun.RELATIVE_TOLERANCE).minimize(outer0, maxIterations);
        }
        if (o.theta() == null || !Double.isFinite(o.value())) {
            return new LeastSquaresRun.Result(null, Double.NaN, o.iterations(), o.evaluations(), false, o.reason(), index);
        }
        double[] full = objective.fullParameters(o.theta());
        for (double v : full) {
            if (!Double.isFinite(v)) {
                return new LeastSquaresRun.Result(null, Double.NaN, o.iterations(), o.evaluations(), false, o.reason(), index);
            }
        }
        return new LeastSquaresRun.Result(problem.toInternal(full), o.value(), o.iterations(), o.evaluations(),
                o.converged(), o.reason(), index);
    }

    private static int indexOfFree(Problem problem, int lawIndex) {
        for (int j = 0; j < problem.m; j++) {
            if (problem.free[j] == lawIndex) {
                return j;
            }
        }
        return -1;
    }
}
