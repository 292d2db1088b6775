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
     *
     * @param fallbackFrom the index of the first fallback start, or −1 when there was no fallback
     * @param scanned      runs started from the basins the scan found (0 when there was no scan)
     * @param rejected     the flaw of a run with a lower objective than the best that failed the answer checks, or null
     * @param solver       the optimiser that found the best run
     * @param retry        the retry for systematic residuals, or null when there was none
     */
    record Solved(Problem problem, LeastSquaresRun.Result best, int tried, int convergedCount, int fallbackFrom,
                  int scanned, AnswerCheck.Flaw rejected, String solver, Retry retry) {
        /** @return true when the fallback starts ran */
        boolean fellBack() {
            return fallbackFrom >= 0;
        }
    }

    /**
     * A retry from more starts because the first optimum left strongly systematic residuals.
     *
     * @param from     the index of the first retry start
     * @param runsZ    the runs test's z of the optimum before the retry
     * @param improved true when a retry start reached a lower objective, now the best
     * @param finalZ   the runs test's z of the optimum after the retry
     */
    record Retry(int from, double runsZ, boolean improved, double finalZ) {
    }

    /**
     * Below this runs-test z (too few sign changes: p ≈ 3e-5 one-sided) the residuals of an optimum are called
     * strongly systematic. On NIST's Gauss1 and Gauss2 the scan's best basin puts a peak where there is none (runs
     * z −9.8 and −10.7, RSS 61 and 22 times the certified); at the certified optima z is 0.1 and 1.7.
     */
    static final double SYSTEMATIC_RUNS_Z = -4;
    /** Seeded random starts of each round of that retry. */
    static final int SYSTEMATIC_RETRY_STARTS = 50;
    /** Most rounds of that retry. */
    static final int SYSTEMATIC_RETRY_ROUNDS = 3;

    /** Runs by objective, ties to the lower start index: the order every choice among runs uses. */
    private static final java.util.Comparator<LeastSquaresRun.Result> LOWEST_FIRST =
            java.util.Comparator.comparingDouble(LeastSquaresRun.Result::objective).thenComparingInt(LeastSquaresRun.Result::startIndex);

    /**
     * How far below the best converged run (relative) an unconverged run must end for the fit to report it instead.
     * A converged point within 1% of the lowest run is kept: the runaway probe judges from there whether the optimum
     * lies at infinity (on flat data a run creeping along a flat direction ends a hair lower, and the probe names
     * the runaway from the converged point where it cannot from the creeping one). Beyond 1% the converged point is
     * plainly not the optimum, and returning it would be a wrong answer with exit 0.
     */
    static final double BELOW_CONVERGED = 0.01;

    /** Most runs started from basins the scan sees below the first start's optimum. */
    static final int MAX_BETTER_BASINS = 4;
    /**
     * Runs started from the best other basins the scan sees, whatever their profiled objective.
     *
     * <p>Why these runs stay even where the scan is exact. With one nonlinear parameter θ, squares in linear space
     * and the linear coefficients c left where least squares puts them, the scan's value at a level θₖ is the
     * profile objective φ(θₖ) = min_c S(c, θₖ) itself, and every local optimum of S is (θ*, c(θ*)) with θ* a local
     * minimum of φ. But the scan sees φ only at its levels: a basin whose sampled value lies above the first
     * start's optimum can still dip below it between two levels, and a basin narrower than the spacing of the
     * levels leaves no sign at all. Without a bound on how fast φ can change between levels, samples prove
     * nothing about the points between them, so they cannot certify the first optimum as the global one; only
     * the runs can. They are also cheap where it matters: on T1 (10,000 power-law fits in linear space) only
     * about one fit in five has an unexplored basin to run, against a scan that every fit pays for.
     */
    static final int EXPLORED_BASINS = 2;

    /**
     * Validates, builds the problem and the starts, runs the plan's optimiser from every start, then (under the
     * default starts) from the basins of the scan that the first starts did not reach, keeps the best run that
     * passes the answer checks, and falls back to seeded random starts when none does.
     *
     * @param seed     curvature to start L-BFGS's memory with (a refit near a previous optimum), or null
     * @param progress told of completed starts
     */
    static Solved solve(RunPlan plan, Observations data, Lbfgs.Curvature seed, Progress progress) {
        return solve(plan, data, seed, progress, true);
    }

    /**
     * The same, choosing whether a Huber fit is carried to its exact optimum ({@link HuberNewton}). Bootstrap
     * refits skip it: near least absolute deviations the continuation to the vertex costs tens of times the refit
     * itself (T3's 1,000-resample bootstrap: 23 s against 0.35 s), while it moves the parameters by far less than
     * the spread of the replicates it would be one of.
     *
     * @param exactHuber true to polish a Huber fit to its exact optimum
     */
    static Solved solve(RunPlan plan, Observations data, Lbfgs.Curvature seed, Progress progress, boolean exactHuber) {
        FitValidation.validate(plan.law(), data, plan.options(), plan.space());
        Problem problem = Problem.of(plan.law(), data, plan.options(), plan.space());
        List<double[]> starts = StartGenerator.starts(problem, plan.law(), data, plan.options());
        Optimizer optimizer = plan.optimizer(problem, starts);
        List<LeastSquaresRun.Result> results = new ArrayList<>(optimizer.run(problem, starts, 0, seed, progress));
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
        List<double[]> tried = new ArrayList<>(starts);
        Verdicts verdicts = new Verdicts(problem, plan.loss());
        int scanned = 0;
        List<BasinScan.Basin> unexplored = List.of();
        int gridded = 0;
        if (plan.scans()) {
            BasinScan scan = new BasinScan(problem, plan.loss(), starts.get(0));
            gridded = scan.nonlinearCount();
            List<BasinScan.Basin> basins = scan.basins(plan.seed());
            List<double[]> more = new ArrayList<>();
            unexplored = chooseBasins(problem, scan, basins, results, verdicts, more);
            if (!more.isEmpty()) {
                tried.addAll(more);
                results.addAll(optimizer.run(problem, more, results.size(), null, Progress.NONE));
                scanned = more.size();
            }
            if (gridded >= 2 && !unexplored.isEmpty()) {
                List<double[]> rest = new ArrayList<>();
                for (BasinScan.Basin b : unexplored.subList(0, Math.min(SCREENED_BASINS, unexplored.size()))) {
                    rest.add(b.p());
                }
                tried.addAll(rest);
                results.addAll(regularBelow(problem, verdicts.best(results, true),
                        screened(plan, optimizer, problem, rest, results.size())));
                scanned += rest.size();
            }
        }
        if (plan.nonconvexStarts() > 0) {
            // A loss that is not convex in the residuals (a likelihood with a free scale) has optima at many
            // points the scan cannot tell apart: seeded random starts spread over the parameters' scales.
            List<double[]> more = StartGenerator.randomStarts(problem, starts.get(0), plan.nonconvexStarts(), plan.seed(),
                    Stream.RANDOM_STARTS);
            tried.addAll(more);
            results.addAll(optimizer.run(problem, more, results.size(), null, Progress.NONE));
        }
        int fallbackFrom = -1;
        if (plan.fallbackStarts() > 0 && verdicts.best(results, true) == null) {
            List<double[]> more = StartGenerator.randomStarts(problem, starts.get(0), plan.fallbackStarts(),
                    plan.seed(), Stream.FALLBACK_STARTS);
            for (int b = 0; b < Math.min(unexplored.size(), plan.fallbackStarts()); b++) {
                more.add(unexplored.get(b).p());
            }
            tried.addAll(more);
            fallbackFrom = results.size();
            results.addAll(optimizer.run(problem, more, results.size(), null, Progress.NONE));
        }
        LeastSquaresRun.Result best = verdicts.best(results, true);
        LeastSquaresRun.Result lowestAny = verdicts.best(results, false);
        if (best == null || (lowestAny != null && !lowestAny.converged() && lowestAny.objective() < best.objective() * (1 - BELOW_CONVERGED))) {
            // A run cut off by the iteration limit far below every converged one is mostly a run chasing an
            // optimum at infinity (an offset power law's E → −∞ while alpha → 0) while the only runs that converged
            // stopped on a degenerate curve (on OLMo's MMLU bits-per-byte a constant, R² 0, at 80 times the
            // objective): reporting the converged one would be a wrong answer with exit 0. The unconverged one is
            // reported, and the runaway probe says where it was going.
            best = lowestAny;
        }
        if (best == null) {
            LeastSquaresRun.Result flawed = best(results);
            if (flawed != null) {
                AnswerCheck.Flaw f = verdicts.flaw(flawed);
                throw new FitFailedException(plan.law().name() + " fit found no acceptable curve: at its best, "
                        + f.reason() + ", and none of the " + results.size() + " start" + (results.size() == 1 ? "" : "s")
                        + " reached a curve without such a flaw; " + f.remedy());
            }
            rejectRowsNoStartCanEvaluate(problem, data, tried);
            String why = results.isEmpty() ? "no start" : results.get(0).reason();
            throw new FitFailedException(plan.law().name() + " fit failed from all " + results.size() + " starts: " + why);
        }
        Retry retry = null;
        if (plan.scans() && best.converged()) {
            // The scan's grid is coarse (a level a decade), so an optimum may be a local one: a peak put where there
            // is none (its residuals keep a strongly systematic shape; with one parameter outside the linear set the
            // grid is the whole profile and that shape is the law's, not a missed basin), or a ridge at infinity (a
            // singular information matrix: R0 → −∞ while exp(lrc) → ∞ fits one point and averages the rest). Retry
            // from seeded random starts, in rounds while a round lowers the objective and the sign remains, and keep
            // the lowest.
            double z = gridded >= 2 ? runsZ(problem, best) : Double.NaN;
            boolean degenerate = degenerate(problem, best);
            double first = z;
            int from = results.size();
            boolean improved = false;
            for (int round = 0; round < SYSTEMATIC_RETRY_ROUNDS && (z < SYSTEMATIC_RUNS_Z || degenerate); round++) {
                List<double[]> more = StartGenerator.randomStarts(problem, starts.get(0), round * SYSTEMATIC_RETRY_STARTS,
                        SYSTEMATIC_RETRY_STARTS, plan.seed(), Stream.SYSTEMATIC_RETRY);
                tried.addAll(more);
                results.addAll(screened(plan, optimizer, problem, more, results.size()));
                LeastSquaresRun.Result after = verdicts.best(results, true);
                if (after == best || !(after.objective() < best.objective()) || degenerate(problem, after)) {
                    // Only a regular optimum replaces the first: a lower point further along a ridge to infinity says
                    // nothing new, and the runaway probe judges the first answer where it left the data (the probe
                    // cannot see the objective fall from a point already at its infimum to rounding).
                    break;
                }
                best = after;
                improved = true;
                z = gridded >= 2 ? runsZ(problem, best) : Double.NaN;
                degenerate = degenerate(problem, best);
            }
            retry = results.size() > from ? new Retry(from, first, improved, z) : null;
        }
        if (exactHuber && plan.loss() instanceof Loss.Huber huber) {
            LeastSquaresRun.Result exact = HuberNewton.polish(problem, huber, best, plan.maxIterations());
            if (exact != best && verdicts.flaw(exact) == null) {
                results.set(results.indexOf(best), exact);
                best = exact;
            }
        }
        int convergedCount = 0;
        for (LeastSquaresRun.Result r : results) {
            if (r.valid() && r.converged()) {
                convergedCount++;
            }
        }
        LeastSquaresRun.Result lowest = best(results);
        AnswerCheck.Flaw rejected = lowest != null && lowest != best && lowest.objective() < best.objective()
                ? verdicts.flaw(lowest) : null;
        return new Solved(problem, best, results.size(), convergedCount, fallbackFrom, scanned, rejected, solver, retry);
    }

    /**
     * Runs from far-off starts, screened: every start gets {@value #SCREEN_ITERATIONS} iterations, and the
     * {@value #SCREEN_CONTINUED} lowest that have not converged by then continue under the plan's own limit (a random start
     * of a rational or a peak model can wander for the whole limit; screening keeps 50 of them near the cost of a few runs).
     */
    private static List<LeastSquaresRun.Result> screened(RunPlan plan, Optimizer optimizer, Problem problem, List<double[]> starts,
                                                         int offset) {
        if (!(optimizer instanceof Optimizer.LevenbergMarquardtRuns) || plan.maxIterations() <= SCREEN_ITERATIONS) {
            return optimizer.run(problem, starts, offset, null, Progress.NONE);
        }
        RunPlan quick = new RunPlan(plan.law(), plan.options().toBuilder().maxIterations(SCREEN_ITERATIONS).build(),
                plan.space(), plan.method());
        List<LeastSquaresRun.Result> runs = new ArrayList<>(new Optimizer.LevenbergMarquardtRuns(quick).run(problem, starts,
                offset, null, Progress.NONE));
        List<LeastSquaresRun.Result> open = new ArrayList<>();
        for (LeastSquaresRun.Result r : runs) {
            if (r.valid() && !r.converged()) {
                open.add(r);
            }
        }
        open.sort(LOWEST_FIRST);
        for (LeastSquaresRun.Result r : open.subList(0, Math.min(SCREEN_CONTINUED, open.size()))) {
            double[] from = new double[problem.template.length];
            problem.toFull(r.theta(), from);
            LeastSquaresRun.Result continued = optimizer.run(problem, List.of(from), r.startIndex(), null, Progress.NONE).get(0);
            runs.set(r.startIndex() - offset, continued);
        }
        return runs;
    }

    /**
     * Screened runs from the rest of the basins the scan sees, when it grids two or more parameters, whatever their
     * sampled objective.
     *
     * <p>Why. With two or more parameters outside the linear set, a coarse grid sees a narrow valley that runs
     * diagonally across it (two parameters that trade off against each other, as a Weibull's rate and power do) as
     * a string of unrelated cells, the valley's best sampled somewhere far along it, so ranking the basins by their
     * sampled objective may leave the global one unexplored: on ChickWeight's chick 5 the Weibull's global optimum
     * (RSS 145.1, lrc −7.2, pwr 2.8) is reached only from the ninth basin, the first start's is a local one (RSS
     * 201.1, pwr −1.7, with random-looking residuals that no retry trigger sees). Screening keeps the cost near a
     * few full runs.
     */
    static final int SCREENED_BASINS = 12;

    /**
     * The runs from far-off starts that may compete with the incumbent: a converged run below it whose optimum is
     * regular. A lower point further along a ridge to infinity (a singular information matrix) says nothing the
     * runaway probe will not judge on the incumbent, and accepting it would turn "no finite optimum" into an answer
     * on the ridge; such runs are kept as invalid entries, so start indices stay in step with the starts.
     */
    private static List<LeastSquaresRun.Result> regularBelow(Problem problem, LeastSquaresRun.Result incumbent,
                                                             List<LeastSquaresRun.Result> runs) {
        List<LeastSquaresRun.Result> kept = new ArrayList<>(runs.size());
        for (LeastSquaresRun.Result r : runs) {
            boolean competes = r.valid() && r.converged() && (incumbent == null || r.objective() < incumbent.objective())
                    && !degenerate(problem, r);
            kept.add(competes ? r : new LeastSquaresRun.Result(null, Double.NaN, r.iterations(), r.evaluations(), false,
                    "not lower than the best run, or on a ridge", r.startIndex()));
        }
        return kept;
    }

    /** Iterations each far-off retry start gets before the screen. */
    static final int SCREEN_ITERATIONS = 100;
    /** Screened runs continued under the plan's limit. */
    static final int SCREEN_CONTINUED = 5;

    /**
     * True when the information matrix at a run's optimum is singular (its scaled Jacobian rank-deficient, as the
     * covariance would find it): the optimum lies on a ridge, often one that runs off to infinity.
     */
    private static boolean degenerate(Problem problem, LeastSquaresRun.Result run) {
        double[] p = new double[problem.template.length];
        problem.toFull(run.theta(), p);
        double[][] jac = new double[problem.n][problem.m];
        problem.jacobianP(p, jac, new double[p.length]);
        for (double[] row : jac) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return true;
                }
            }
        }
        FitAssembler.Inverse inv = FitAssembler.invertNormalMatrix(jac, problem.n, problem.m);
        return inv.rankDeficient || !(inv.condition < RunawayProbe.CONDITION);
    }

    /** The runs test's z of a run's residuals, in the problem's order (sorted by the first predictor). */
    private static double runsZ(Problem problem, LeastSquaresRun.Result run) {
        double[] p = new double[problem.template.length];
        problem.toFull(run.theta(), p);
        double[] r = new double[problem.n];
        problem.residuals(p, r);
        return problem.n >= 10 ? SignRuns.of(r).z() : Double.NaN;
    }

    /**
     * The basins worth a run, into {@code out}: those the scan sees below the best sane optimum found so far
     * (or every basin when there is none), then the {@value #EXPLORED_BASINS} best others whose grid cell no
     * converged run has reached. A basin next to a found optimum is taken as that optimum's.
     *
     * @return the basins left unexplored, best first (for the fallback)
     */
    private static List<BasinScan.Basin> chooseBasins(Problem problem, BasinScan scan, List<BasinScan.Basin> basins, List<LeastSquaresRun.Result> results,
                                                      Verdicts verdicts, List<double[]> out) {
        LeastSquaresRun.Result incumbent = verdicts.best(results, true);
        double bar = incumbent == null ? Double.POSITIVE_INFINITY : incumbent.objective() * (1 - 1e-9);
        List<int[]> found = new ArrayList<>();
        double[] p = new double[problem.template.length];
        for (LeastSquaresRun.Result r : results) {
            if (r.valid() && r.converged()) {
                problem.toFull(r.theta(), p);
                found.add(scan.cell(p));
            }
        }
        List<BasinScan.Basin> left = new ArrayList<>();
        int better = 0;
        int explored = 0;
        for (BasinScan.Basin b : basins) {
            boolean known = false;
            for (int[] cell : found) {
                known |= BasinScan.adjacent(cell, b.cell());
            }
            if (b.objective() < bar && better < MAX_BETTER_BASINS && (!known || incumbent == null)) {
                out.add(b.p());
                better++;
            } else if (!known && explored < EXPLORED_BASINS) {
                out.add(b.p());
                explored++;
            } else if (!known) {
                left.add(b);
            }
        }
        return left;
    }

    /** The answer checks of each run, computed once. */
    private static final class Verdicts {
        private final Problem problem;
        private final Loss loss;
        private final java.util.IdentityHashMap<LeastSquaresRun.Result, AnswerCheck.Flaw> cache = new java.util.IdentityHashMap<>();
        private final java.util.Set<LeastSquaresRun.Result> sane = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        /** The objective of the zero curve: the data's own scale, for ties at a perfect fit. */
        private final double scale;

        Verdicts(Problem problem, Loss loss) {
            this.problem = problem;
            this.loss = loss;
            double s = 0;
            for (int i = 0; i < problem.n; i++) {
                s += loss.rho(problem.sqrtW[i] * problem.target[i]);
            }
            this.scale = Double.isFinite(s) ? s : 0;
        }

        AnswerCheck.Flaw flaw(LeastSquaresRun.Result r) {
            if (sane.contains(r)) {
                return null;
            }
            AnswerCheck.Flaw f = cache.get(r);
            if (f == null) {
                double[] p = new double[problem.template.length];
                problem.toFull(r.theta(), p);
                f = AnswerCheck.check(problem, loss, p);
                if (f == null) {
                    sane.add(r);
                } else {
                    cache.put(r, f);
                }
            }
            return f;
        }

        /**
         * The lowest objective among valid runs that pass the answer checks (converged ones only when asked);
         * runs within a relative 1e-9 of it (or rounding of the data's own scale) are a tie, which goes to the
         * lower start index: the same optimum reached under other labels (the terms of a sum of exponentials
         * swapped) or a rounding-level difference never moves the answer away from the user's start.
         * Null when there is none.
         */
        LeastSquaresRun.Result best(List<LeastSquaresRun.Result> results, boolean converged) {
            List<LeastSquaresRun.Result> order = new ArrayList<>();
            for (LeastSquaresRun.Result r : results) {
                if (r.valid() && (!converged || r.converged())) {
                    order.add(r);
                }
            }
            order.sort(LOWEST_FIRST);
            LeastSquaresRun.Result lowest = null;
            for (LeastSquaresRun.Result r : order) {
                if (flaw(r) == null) {
                    lowest = r;
                    break;
                }
            }
            if (lowest == null) {
                return null;
            }
            double tie = lowest.objective() + 1e-9 * Math.abs(lowest.objective()) + 1e-18 * scale;
            LeastSquaresRun.Result chosen = lowest;
            for (LeastSquaresRun.Result r : order) {
                if (r.objective() > tie) {
                    break;
                }
                if (r.startIndex() < chosen.startIndex() && flaw(r) == null) {
                    chosen = r;
                }
            }
            return chosen;
        }
    }

    private static boolean anyGood(List<LeastSquaresRun.Result> results) {
        for (LeastSquaresRun.Result r : results) {
            if (r.valid() && r.converged()) {
                return true;
            }
        }
        return false;
    }

    /** The notes a fit reports about how its best run was found. */
    static List<String> notes(Solved s, FitOptions options) {
        List<String> notes = new ArrayList<>();
        if (s.fallbackFrom() >= 0 && s.best().startIndex() >= s.fallbackFrom()) {
            notes.add("no first start reached a converged curve that passes the checks; the best of the "
                    + (s.tried() - s.fallbackFrom()) + " fallback starts was used");
        }
        if (s.retry() != null && s.retry().finalZ() < SYSTEMATIC_RUNS_Z) {
            // The shape remains after more starts: the objective has several optima, and the lowest may lie where no
            // start has been (a peak or a period the starts do not reach). Nothing lower is weak evidence where the
            // lower basin is small (on NIST's Gauss2 about one random start in a hundred reaches the certified
            // optimum): the shape may be the law's misfit or a missed optimum, and the reader should know both.
            int more = s.tried() - s.retry().from();
            notes.add("possibly a local optimum: the residuals stay strongly systematic (runs test z = "
                    + describe(s.retry().finalZ()) + ") " + (s.retry().improved()
                    ? "after " + more + " more starts, some of which found lower optima than the first"
                    : "and none of " + more + " more starts found a lower optimum")
                    + "; try " + OptionKey.STARTS.with("random:500") + " or start values near the curve you expect ("
                    + OptionKey.START.label() + "), or another law");
        } else if (s.retry() != null && s.retry().improved()) {
            int more = s.tried() - s.retry().from();
            if (Double.isNaN(s.retry().runsZ()) || s.retry().runsZ() >= SYSTEMATIC_RUNS_Z) {
                notes.add("the first optimum lay on a ridge (a singular information matrix); one of " + more
                        + " more starts reached a lower objective, reported here");
            } else {
                notes.add("the first optimum left strongly systematic residuals (runs test z = " + describe(s.retry().runsZ())
                        + "); one of " + more + " more starts reached a lower objective, reported here");
            }
        }
        if (s.rejected() != null) {
            notes.add("a lower objective was reached where " + s.rejected().reason()
                    + "; that answer was rejected and the best curve without the flaw is reported");
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
        throw new InvalidDataException(problem.law.name() + " cannot be evaluated at " + data.describePoint(first)
                + " (" + at + ") from any of the " + tried.size() + " start" + (tried.size() == 1 ? "" : "s")
                + ": it is not finite there (a division by zero, an overflow, or the logarithm or root of a negative"
                + " number); " + (data.hasSourceRows() ? "leave the row out with " + OptionKey.WHERE.label() : "leave the point out")
                + ", or rewrite the formula so that it is finite there");
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
