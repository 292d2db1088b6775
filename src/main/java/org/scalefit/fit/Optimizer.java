package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalefit.Progress;
import org.scalefit.stats.Parallel;

/**
 * One of the engine's optimisers, run from a list of starts: one result per start (per distinct start for
 * variable projection), each carrying its start index, so that the {@link MultiStart} driver can keep the best
 * whatever the thread count. The {@link RunPlan} chooses the optimiser once; each receives the plan.
 */
sealed interface Optimizer {
    /**
     * @param problem     the problem
     * @param starts      start points in full parameter space
     * @param indexOffset the index of the first start among all the fit's starts
     * @param seed        curvature to start L-BFGS's memory with (a refit near a previous optimum), or null
     * @param progress    told of completed starts
     * @return the runs
     */
    List<LeastSquaresRun.Result> run(Problem problem, List<double[]> starts, int indexOffset, Lbfgs.Curvature seed,
                                     Progress progress);

    /** @return the optimiser's name as {@link Solver} spells it ({@code lm}, {@code lbfgs}, {@code varpro}) */
    String name();

    /** Levenberg–Marquardt from every start (reweighted for robust losses). */
    record LevenbergMarquardtRuns(RunPlan plan) implements Optimizer {
        @Override
        public String name() {
            return Solver.LM.toString();
        }

        @Override
        public List<LeastSquaresRun.Result> run(Problem problem, List<double[]> starts, int indexOffset,
                                                Lbfgs.Curvature seed, Progress progress) {
            LeastSquaresRun.Result[] out = new LeastSquaresRun.Result[starts.size()];
            Parallel.forEach(plan.threads(), out.length, s -> out[s] = LeastSquaresRun.run(problem,
                    problem.toInternal(starts.get(s)), plan, indexOffset + s), progress);
            return List.of(out);
        }
    }

    /**
     * L-BFGS on Σ ρ from every start; with many starts, all are screened at a loose tolerance and the
     * {@link QuasiNewtonRun#POLISHED} best polished at the tight one.
     */
    record QuasiNewtonRuns(RunPlan plan) implements Optimizer {
        @Override
        public String name() {
            return Solver.LBFGS.toString();
        }

        @Override
        public List<LeastSquaresRun.Result> run(Problem problem, List<double[]> starts, int indexOffset,
                                                Lbfgs.Curvature seed, Progress progress) {
            int count = starts.size();
            LeastSquaresRun.Result[] out = new LeastSquaresRun.Result[count];
            double tolerance = count > QuasiNewtonRun.POLISHED ? QuasiNewtonRun.SCREENING_TOLERANCE
                    : QuasiNewtonRun.RELATIVE_TOLERANCE;
            Parallel.forEach(plan.threads(), count, s -> out[s] = QuasiNewtonRun.run(problem,
                    problem.toInternal(starts.get(s)), plan, indexOffset + s, tolerance, seed), progress);
            if (tolerance != QuasiNewtonRun.RELATIVE_TOLERANCE) {
                polish(problem, out);
            }
            return List.of(out);
        }

        /**
         * Continues the {@link QuasiNewtonRun#POLISHED} best screened runs (lowest objective, ties to the lower
         * start index) at the tight tolerance, in place; the others keep their screened result.
         */
        private void polish(Problem problem, LeastSquaresRun.Result[] runs) {
            Integer[] order = new Integer[runs.length];
            for (int i = 0; i < runs.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                double fa = runs[a].valid() ? runs[a].objective() : Double.POSITIVE_INFINITY;
                double fb = runs[b].valid() ? runs[b].objective() : Double.POSITIVE_INFINITY;
                int c = Double.compare(fa, fb);
                return c != 0 ? c : Integer.compare(a, b);
            });
            int k = Math.min(QuasiNewtonRun.POLISHED, runs.length);
            Parallel.forEach(plan.threads(), k, q -> {
                LeastSquaresRun.Result r = runs[order[q]];
                if (!r.valid()) {
                    return;
                }
                LeastSquaresRun.Result p = QuasiNewtonRun.run(problem, r.theta(), plan, r.startIndex(),
                        QuasiNewtonRun.RELATIVE_TOLERANCE, null);
                if (p.valid() && p.objective() <= r.objective()) {
                    runs[order[q]] = new LeastSquaresRun.Result(p.theta(), p.objective(), r.iterations() + p.iterations(),
                            r.evaluations() + p.evaluations(), p.converged(), p.reason(), r.startIndex(),
                            p.curvature() != null ? p.curvature() : r.curvature());
                }
            });
        }
    }

    /** Maximum likelihood under Huber's density with a free scale from every start ({@link LikelihoodRun}). */
    record LikelihoodRuns(RunPlan plan) implements Optimizer {
        @Override
        public String name() {
            return "huber-likelihood";
        }

        @Override
        public List<LeastSquaresRun.Result> run(Problem problem, List<double[]> starts, int indexOffset,
                                                Lbfgs.Curvature seed, Progress progress) {
            LeastSquaresRun.Result[] out = new LeastSquaresRun.Result[starts.size()];
            Parallel.forEach(plan.threads(), out.length, s -> out[s] = LikelihoodRun.run(problem,
                    problem.toInternal(starts.get(s)), plan, indexOffset + s), progress);
            return List.of(out);
        }
    }

    /**
     * Variable projection from every distinct nonlinear start, then the best run polished by the full
     * solver (L-BFGS for robust losses, LM for squares) at the tight tolerance, so that both paths end at
     * the same optimum. Results carry the index of the first start of each distinct group within
     * {@code starts} (the offset does not apply).
     */
    record VarProRuns(RunPlan plan) implements Optimizer {
        @Override
        public String name() {
            return Solver.VARPRO.toString();
        }

        @Override
        public List<LeastSquaresRun.Result> run(Problem problem, List<double[]> starts, int indexOffset,
                                                Lbfgs.Curvature seed, Progress progress) {
            VarProRun.Plan distinct = VarProRun.plan(problem, starts);
            int count = distinct.starts().size();
            LeastSquaresRun.Result[] out = new LeastSquaresRun.Result[count];
            Parallel.forEach(plan.threads(), count, s -> out[s] = VarProRun.run(problem, plan, distinct, s), progress);
            List<LeastSquaresRun.Result> results = new ArrayList<>(List.of(out));
            LeastSquaresRun.Result best = MultiStart.best(results);
            if (best != null) {
                LeastSquaresRun.Result polished = plan.loss().isSquares()
                        ? LeastSquaresRun.run(problem, best.theta(), plan, best.startIndex())
                        : QuasiNewtonRun.run(problem, best.theta(), plan, best.startIndex(),
                                QuasiNewtonRun.RELATIVE_TOLERANCE, null);
                if (polished.valid() && polished.objective() <= best.objective()) {
                    results.set(results.indexOf(best), new LeastSquaresRun.Result(polished.theta(), polished.objective(),
                            best.iterations() + polished.iterations(), best.evaluations() + polished.evaluations(),
                            best.converged() && polished.converged(), polished.reason(), best.startIndex(),
                            polished.curvature() != null ? polished.curvature() : best.curvature()));
                }
            }
            return results;
        }
    }
}
