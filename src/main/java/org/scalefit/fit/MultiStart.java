package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.OptionKey;
import org.scalefit.Progress;
import org.scalefit.data.Observations;
import org.scalefit.stats.Stream;

/**
 * The multi-start driver: runs the plan's optimiser from every start, falls back to seeded random starts
 * when automatic starts found nothing, keeps the best run (lowest objective among converged runs, ties to
 * the lower start index, so the answer does not depend on the thread count) and says what the reader should
 * know about the choice (a fallback, no converged run, a best fit on the edge of a start grid).
 *
 * <p>The place for checks of an answer before it is accepted (and for retries from more starts) is
 * {@link #solve}, between choosing the best run and returning it.
 */
final class MultiStart {
    private MultiStart() {
    }

    /**
     * What {@link #solve} found: the problem, the best run, the counts the assembly reports and the optimiser
     * that found it ({@link RunPlan#describe}, e.g. {@code varpro (automatic)}).
     */
    record Solved(Problem problem, LeastSquaresRun.Result best, int tried, int convergedCount, boolean fellBack,
                  String solver) {
    }

    /**
     * Validates, builds the problem and the starts, runs the plan's optimiser from every start (then from the
     * fallback starts if none converged) and keeps the best run.
     *
     * @param seed     curvature to start L-BFGS's memory with (a refit near a previous optimum), or null
     * @param progress told of completed starts
     */
    static Solved solve(RunPlan plan, Observations data, Lbfgs.Curvature seed, Progress progress) {
        FitValidation.validate(plan.law(), data, plan.options(), plan.space());
        Problem problem = Problem.of(plan.law(), data, plan.options(), plan.space());
        List<double[]> starts = StartGenerator.starts(problem, plan.law(), data, plan.options());
        Optimizer optimizer = plan.optimizer(problem, starts);
        List<LeastSquaresRun.Result> results = optimizer.run(problem, starts, 0, seed, progress);
        String solver = plan.describe(optimizer);
        if (plan.automatic() && optimizer instanceof Optimizer.VarProRuns) {
            // The automatic projection is a shortcut, not a different answer: when it found nothing, or ended
            // with a linear term at its bound 0 (where the unconstrained search may go lower), the optimiser the
            // plan would otherwise run searches from every start, and the lower of the two optima is kept.
            LeastSquaresRun.Result projected = anyGood(results) ? best(results) : null;
            String why = projected == null ? "found no converged run"
                    : VarProRun.interior(problem, projected) ? null : "ended with a term at 0";
            if (why != null) {
                optimizer = new Optimizer.QuasiNewtonRuns(plan);
                results = new ArrayList<>(optimizer.run(problem, starts, 0, seed, Progress.NONE));
                LeastSquaresRun.Result searched = best(results);
                if (projected != null && (searched == null || projected.objective() < searched.objective())) {
                    results.add(projected);
                    solver = "varpro (automatic, lower than lbfgs from every start, which ran as varpro " + why + ")";
                } else {
                    solver = "lbfgs (automatic, after varpro " + why + ")";
                }
            }
        }
        boolean fellBack = false;
        List<double[]> tried = new ArrayList<>(starts);
        if (plan.fallbackStarts() > 0 && !anyGood(results)) {
            List<double[]> more = StartGenerator.randomStarts(problem, starts.get(0), plan.fallbackStarts(),
                    plan.seed(), Stream.FALLBACK_STARTS);
            tried.addAll(more);
            results = new ArrayList<>(results);
            results.addAll(optimizer.run(problem, more, 1, null, Progress.NONE));
            fellBack = true;
        }
        LeastSquaresRun.Result best = best(results);
        if (best == null) {
            rejectRowsNoStartCanEvaluate(problem, data, tried);
            String why = results.isEmpty() ? "no start" : results.get(0).reason();
            throw new FitFailedException(plan.law().name() + " fit failed from all " + results.size() + " starts: " + why);
        }
        int convergedCount = 0;
        for (LeastSquaresRun.Result r : results) {
            if (r.valid() && r.converged()) {
                convergedCount++;
            }
        }
        return new Solved(problem, best, results.size(), convergedCount, fellBack, solver);
    }

    /** The notes a fit reports about how its best run was found. */
    static List<String> notes(Solved s, FitOptions options) {
        List<String> notes = new ArrayList<>();
        if (s.fellBack() && s.best().startIndex() > 0) {
            notes.add("the data-driven start did not converge; the best of " + Fitter.AUTO_FALLBACK_STARTS
                    + " seeded random starts was used");
        }
        if (s.convergedCount() == 0 && s.tried() > 1) {
            notes.add("none of the " + s.tried() + " starts converged; the best unconverged run is reported");
        }
        gridEdgeWarnings(s.problem(), options, s.best(), notes);
        return notes;
    }

    /**
     * When every start failed, a point at which the model is not finite from any of them (a formula
     * dividing by zero there, overflowing, or taking the logarithm of a negative number) is a problem of
     * the data and the law together, not of the optimiser: name the first such row instead of blaming
     * the starts.
     */
    private static void rejectRowsNoStartCanEvaluate(Problem problem, Observations data, List<double[]> tried) {
        if (tried.isEmpty()) {
            return;
        }
        boolean[] everywhere = new boolean[problem.n];
        Arrays.fill(everywhere, true);
        double[] r = new double[problem.n];
        for (double[] start : tried) {
            problem.residuals(start, r);
            for (int row = 0; row < problem.n; row++) {
                everywhere[row] &= Double.isNaN(r[row]);
            }
        }
        int first = -1;
        int blamed = 0;
        for (int row = 0; row < problem.n; row++) {
            blamed += everywhere[row] ? 1 : 0;
        }
        if (blamed == problem.n && tried.size() == 1) {
            // One start that cannot evaluate the model at any row says more about that start than the data.
            return;
        }
        for (int row = 0; row < problem.n; row++) {
            if (everywhere[row] && (first < 0 || problem.order[row] < first)) {
                first = problem.order[row];
            }
        }
        if (first < 0) {
            return;
        }
        StringBuilder at = new StringBuilder();
        for (int k = 0; k < data.predictorCount(); k++) {
            at.append(k == 0 ? "" : ", ").append(data.predictorColumn(k)).append(" = ").append(describe(data.x(k, first)));
        }
        throw new InvalidDataException(problem.law.name() + " cannot be evaluated at row " + data.row(first) + " of "
                + data.source() + " (" + at + ") from any of the " + tried.size() + " start" + (tried.size() == 1 ? "" : "s")
                + ": it is not finite there (a division by zero, an overflow, or the logarithm or root of a negative"
                + " number); leave the row out with " + OptionKey.WHERE.label() + ", or rewrite the formula so that it is finite there");
    }

    private static boolean anyGood(List<LeastSquaresRun.Result> results) {
        for (LeastSquaresRun.Result r : results) {
            if (r.valid() && r.converged()) {
                return true;
            }
        }
        return false;
    }

    /** Lowest objective among converged runs; among all valid runs if none converged. */
    static LeastSquaresRun.Result best(List<LeastSquaresRun.Result> results) {
        LeastSquaresRun.Result best = null;
        for (boolean needConverged : new boolean[] {true, false}) {
            for (LeastSquaresRun.Result r : results) {
                if (!r.valid() || (needConverged && !r.converged())) {
                    continue;
                }
                if (best == null || r.objective() < best.objective()
                        || (r.objective() == best.objective() && r.startIndex() < best.startIndex())) {
                    best = r;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /**
     * With an explicit grid of starts (e.g. Hoffmann's), warns when the best fit lies at or beyond the
     * grid's span in some coordinate: the grid may not bracket the optimum.
     */
    private static void gridEdgeWarnings(Problem problem, FitOptions options, LeastSquaresRun.Result best,
                                         List<String> notes) {
        List<double[]> explicit = options.starts().explicit();
        if (explicit.size() < 2) {
            return;
        }
        for (int j = 0; j < problem.m; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] start : explicit) {
                double t = problem.transforms[j].toInternal(start[problem.free[j]]);
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
            if (!(hi > lo)) {
                continue;
            }
            double t = best.theta()[j];
            double margin = 0.01 * (hi - lo);
            if (t <= lo + margin || t >= hi - margin) {
                Transform tr = problem.transforms[j];
                String name = problem.law.parameters().get(problem.free[j]);
                notes.add("the best fit has " + name + " = " + describe(tr.toExternal(t)) + ", at or beyond the edge of the "
                        + options.starts().name() + " starts (" + describe(tr.toExternal(lo)) + " to "
                        + describe(tr.toExternal(hi)) + "): the grid may not bracket the optimum");
            }
        }
    }

    private static String describe(double v) {
        return Numbers.format(v, 4);
    }
}
