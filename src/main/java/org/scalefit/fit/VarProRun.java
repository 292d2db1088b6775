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
