package org.scalefit.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.Numbers;
import org.scalefit.Progress;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;
import org.scalefit.model.ParameterDomain;
import org.scalefit.model.Space;
import org.scalefit.stats.Parallel;
import org.scalefit.stats.Seeds;
import org.scalefit.stats.Stream;

/**
 * The fitting engine: fits a {@link Law} to {@link Observations} by (robust, weighted) nonlinear least
 * squares in linear or log space, from one or many starts, and returns an immutable {@link Fit}.
 *
 * <p>What it does, in order: validates the data against the law and the space (naming the row and
 * column of any value that cannot be used); builds the starts (the law's data-driven guess, then any grid,
 * random or explicit starts); runs the {@link Solver} from each (Levenberg–Marquardt for squares, L-BFGS
 * for robust losses; with many L-BFGS starts, all are screened at a loose tolerance and the best ten
 * polished); keeps the lowest objective (ties to the lower start index, so the answer
 * does not depend on thread count); and computes covariance, intervals, information criteria,
 * residual diagnostics and warnings at the optimum.
 *
 * <pre>{@code
 * Observations data = Observations.of(compute, loss);
 * Fit fit = Fitter.fit(new OffsetPowerLaw(), data, FitOptions.defaults());
 * System.out.println(fit.formulaWithValues() + "  R² = " + fit.r2());
 * }</pre>
 */
public final class Fitter {
    /** Random starts tried automatically when the data-driven start fails under {@link Starts#auto()}. */
    static final int AUTO_FALLBACK_STARTS = 16;
    /** Most starts {@code --starts grid} may generate (2^10: ten free parameters). */
    static final int MAX_GRID_STARTS = 1024;
    private static final List<String> HOFFMANN_PARAMETERS = List.of("E", "A", "B", "alpha", "beta");

    private Fitter() {
    }

    /**
     * Fits with the default options (least squares, the law's default space, automatic starts).
     *
     * @param law  the law
     * @param data the observations
     * @return the fit
     */
    public static Fit fit(Law law, Observations data) {
        return fit(law, data, FitOptions.defaults());
    }

    /**
     * Fits a law to data.
     *
     * @param law     the law
     * @param data    observations whose predictors match the law's, in order
     * @param options what to minimise and how
     * @return the fit; check {@link Fit#converged()} and {@link Fit#warnings()}
     * @throws InvalidDataException if the data or options cannot be used with this law
     * @throws FitFailedException   if no start produced a finite result
     */
    public static Fit fit(Law law, Observations data, FitOptions options) {
        return fit(law, data, options, Progress.NONE);
    }

    /**
     * Fits a law to data, telling {@code progress} as starts complete (one unit per start: worth it for
     * grids such as {@code hoffmann-grid}'s 4,500 starts). The result does not depend on the listener.
     *
     * <pre>{@code
     * FitOptions grid = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid()).build();
     * Fit fit = Fitter.fit(new ChinchillaLaw(), data, grid, (done, total) -> { });
     * }</pre>
     *
     * @param law      the law
     * @param data     observations whose predictors match the law's, in order
     * @param options  what to minimise and how
     * @param progress told of completed starts
     * @return the fit; check {@link Fit#converged()} and {@link Fit#warnings()}
     * @throws InvalidDataException if the data or options cannot be used with this law
     * @throws FitFailedException   if no start produced a finite result
     */
    public static Fit fit(Law law, Observations data, FitOptions options, Progress progress) {
        Solved s = solve(law, data, options, null, progress);
        List<String> notes = new ArrayList<>();
        if (s.fellBack && s.best.startIndex() > 0) {
            notes.add("the data-driven start did not converge; the best of " + AUTO_FALLBACK_STARTS
                    + " seeded random starts was used");
        }
        if (s.convergedCount == 0 && s.tried > 1) {
            notes.add("none of the " + s.tried + " starts converged; the best unconverged run is reported");
        }
        gridEdgeWarnings(s.problem, options, s.best, notes);
        return FitAssembler.assemble(s.problem, data, options, s.best, s.tried, s.convergedCount, notes);
    }

    /**
     * The lean refit that bootstraps, jackknives and sweeps need: the same validation, starts, solver runs
     * and choice of the best run as {@link #fit(Law, Observations, FitOptions)}, hence bit-identical
     * parameters and objective, but none of the covariance, diagnostics and warnings of a {@link Fit}.
     *
     * <pre>{@code
     * FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).build();
     * Refit r = Fitter.refit(fit.law(), data.select(rows), warm);
     * if (r.converged()) { double alpha = r.value(2); }
     * }</pre>
     *
     * @param law     the law
     * @param data    observations whose predictors match the law's, in order
     * @param options what to minimise and how
     * @return the parameters and objective of the best run
     * @throws InvalidDataException if the data or options cannot be used with this law
     * @throws FitFailedException   if no start produced a finite result, or the fit ended where the model
     *                              cannot be evaluated or some parameter no longer moves the curve (as
     *                              {@link #fit(Law, Observations, FitOptions)} would)
     */
    public static Refit refit(Law law, Observations data, FitOptions options) {
        return refit(law, data, options, null);
    }

    /**
     * A lean refit of {@code from}'s law near {@code from}'s optimum: as {@link #refit(Law, Observations,
     * FitOptions)}, and where the solver is L-BFGS its memory starts with the curvature pairs {@code from}'s
     * best run ended with, so that the first steps from a warm start are quasi-Newton steps rather than
     * steepest descent (on Epoch's Chinchilla data, bootstrap replicates then take 2–4 times less time and
     * end at an equal or lower objective).
     * The result depends only on {@code from}, the data and the options, never on the thread that runs it.
     *
     * <pre>{@code
     * FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1).build();
     * Refit r = Fitter.refitNear(fit, replicate, warm);
     * }</pre>
     *
     * @param from    the fit whose optimum the refit starts near
     * @param data    the new observations (a resample of {@code from}'s)
     * @param options what to minimise and how, typically warm-started at {@code from.values()}
     * @return the parameters and objective of the best run
     */
    public static Refit refitNear(Fit from, Observations data, FitOptions options) {
        return refit(from.law(), data, options, from.curvature());
    }

    private static Refit refit(Law law, Observations data, FitOptions options, Lbfgs.Curvature seed) {
        Solved s = solve(law, data, options, seed, Progress.NONE);
        double[] p = FitAssembler.checkedParameters(s.problem, s.best);
        return new Refit(p, s.best.objective(), s.best.converged(), s.best.reason());
    }

    /** What {@link #solve} found: the problem, the best run and the counts the assembly reports. */
    private record Solved(Problem problem, LeastSquaresRun.Result best, int tried, int convergedCount, boolean fellBack) {
    }

    private static Solved solve(Law law, Observations data, FitOptions options, Lbfgs.Curvature seed,
                                Progress progress) {
        Space space = Space.resolve(options.space(), law);
        validate(law, data, options, space);
        Problem problem = problem(law, data, options, space);
        List<double[]> starts = starts(problem, law, data, options);
        List<LeastSquaresRun.Result> results;
        boolean fellBack = false;
        if (options.solver() == Solver.VARPRO) {
            VarProRun.validate(problem, options);
            results = runVarPro(problem, starts, options, progress);
        } else {
            results = runAll(problem, starts, options, 0, seed, progress);
        }
        List<double[]> tried = new ArrayList<>(starts);
        if (options.starts().isAuto() && !anyGood(results)) {
            List<double[]> more = randomStarts(problem, starts.get(0), AUTO_FALLBACK_STARTS, options.seed(), Stream.FALLBACK_STARTS);
            tried.addAll(more);
            List<LeastSquaresRun.Result> extra = options.solver() == Solver.VARPRO
                    ? runVarPro(problem, more, options, Progress.NONE)
                    : runAll(problem, more, options, 1, null, Progress.NONE);
            results = new ArrayList<>(results);
            results.addAll(extra);
            fellBack = true;
        }
        LeastSquaresRun.Result best = best(results);
        if (best == null) {
            rejectRowsNoStartCanEvaluate(problem, data, tried);
            String why = results.isEmpty() ? "no start" : results.get(0).reason();
            throw new FitFailedException(law.name() + " fit failed from all " + results.size() + " starts: " + why);
        }
        int convergedCount = 0;
        for (LeastSquaresRun.Result r : results) {
            if (r.valid() && r.converged()) {
                convergedCount++;
            }
        }
        return new Solved(problem, best, results.size(), convergedCount, fellBack);
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
        java.util.Arrays.fill(everywhere, true);
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
                + " number); leave the row out with --where, or rewrite the formula so that it is finite there");
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

    private static List<LeastSquaresRun.Result> runAll(Problem problem, List<double[]> starts, FitOptions options,
                                                       int indexOffset, Lbfgs.Curvature seed, Progress progress) {
        int count = starts.size();
        LeastSquaresRun.Result[] out = new LeastSquaresRun.Result[count];
        boolean quasiNewton = usesQuasiNewton(options);
        // Many starts under L-BFGS: screen them all at a loose tolerance, then polish the best few.
        double tolerance = quasiNewton && count > QuasiNewtonRun.POLISHED ? QuasiNewtonRun.SCREENING_TOLERANCE
                : QuasiNewtonRun.RELATIVE_TOLERANCE;
        Parallel.forEach(options.threads(), count, s -> out[s] = runOne(problem, starts.get(s), options, indexOffset + s,
                tolerance, seed), progress);
        if (quasiNewton && tolerance != QuasiNewtonRun.RELATIVE_TOLERANCE) {
            polish(problem, options, out);
        }
        return List.of(out);
    }

    private static LeastSquaresRun.Result runOne(Problem problem, double[] start, FitOptions options, int index,
                                                 double tolerance, Lbfgs.Curvature seed) {
        double[] theta0 = problem.toInternal(start);
        if (usesQuasiNewton(options)) {
            return QuasiNewtonRun.run(problem, theta0, options.loss(), options.maxIterations(), index, tolerance, seed);
        }
        return LeastSquaresRun.run(problem, theta0, options.loss(), options.maxIterations(), index);
    }

    /**
     * Continues the {@link QuasiNewtonRun#POLISHED} best screened runs (lowest objective, ties to the lower
     * start index) at the tight tolerance, in place; the others keep their screened result.
     */
    private static void polish(Problem problem, FitOptions options, LeastSquaresRun.Result[] runs) {
        Integer[] order = new Integer[runs.length];
        for (int i = 0; i < runs.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            double fa = runs[a].valid() ? runs[a].objective() : Double.POSITIVE_INFINITY;
            double fb = runs[b].valid() ? runs[b].objective() : Double.POSITIVE_INFINITY;
            int c = Double.compare(fa, fb);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int k = Math.min(QuasiNewtonRun.POLISHED, runs.length);
        Parallel.forEach(options.threads(), k, q -> {
            LeastSquaresRun.Result r = runs[order[q]];
            if (!r.valid()) {
                return;
            }
            LeastSquaresRun.Result p = QuasiNewtonRun.run(problem, r.theta(), options.loss(), options.maxIterations(),
                    r.startIndex(), QuasiNewtonRun.RELATIVE_TOLERANCE);
            if (p.valid() && p.objective() <= r.objective()) {
                runs[order[q]] = new LeastSquaresRun.Result(p.theta(), p.objective(), r.iterations() + p.iterations(),
                        r.evaluations() + p.evaluations(), p.converged(), p.reason(), r.startIndex(),
                        p.curvature() != null ? p.curvature() : r.curvature());
            }
        });
    }

    /**
     * Variable projection from every distinct nonlinear start, then the best run polished by the full
     * solver (L-BFGS for robust losses, LM for squares) at the tight tolerance, so that both paths end at
     * the same optimum. Results carry the index of the first start of each distinct group.
     */
    private static List<LeastSquaresRun.Result> runVarPro(Problem problem, List<double[]> starts, FitOptions options,
                                                          Progress progress) {
        VarProRun.Plan plan = VarProRun.plan(problem, starts);
        int count = plan.starts().size();
        LeastSquaresRun.Result[] out = new LeastSquaresRun.Result[count];
        Parallel.forEach(options.threads(), count, s -> out[s] = VarProRun.run(problem, options.loss(), plan, s,
                options.maxIterations()), progress);
        List<LeastSquaresRun.Result> results = new ArrayList<>(List.of(out));
        LeastSquaresRun.Result best = best(results);
        if (best != null) {
            LeastSquaresRun.Result polished = options.loss().isSquares()
                    ? LeastSquaresRun.run(problem, best.theta(), options.loss(), options.maxIterations(), best.startIndex())
                    : QuasiNewtonRun.run(problem, best.theta(), options.loss(), options.maxIterations(), best.startIndex(),
                            QuasiNewtonRun.RELATIVE_TOLERANCE);
            if (polished.valid() && polished.objective() <= best.objective()) {
                results.set(results.indexOf(best), new LeastSquaresRun.Result(polished.theta(), polished.objective(),
                        best.iterations() + polished.iterations(), best.evaluations() + polished.evaluations(),
                        best.converged() && polished.converged(), polished.reason(), best.startIndex(),
                        polished.curvature() != null ? polished.curvature() : best.curvature()));
            }
        }
        return results;
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

    /** L-BFGS when asked for, and by default for robust losses. */
    static boolean usesQuasiNewton(FitOptions options) {
        return options.solver() == Solver.LBFGS || (options.solver() == Solver.AUTO && !options.loss().isSquares());
    }

    private static void validate(Law law, Observations data, FitOptions options, Space space) {
        List<String> params = law.parameters();
        if (data.predictorCount() != law.predictors().size()) {
            throw new InvalidDataException(law.name() + " needs " + law.predictors().size() + " predictor(s) ("
                    + String.join(", ", law.predictors()) + "), the data have " + data.predictorCount());
        }
        checkNames(options.startValues(), "--start", law);
        checkNames(options.bounds(), "--bound", law);
        checkNames(options.fixed(), "--fix", law);
        int free = 0;
        for (String p : params) {
            if (!options.fixed().containsKey(p)) {
                free++;
            }
        }
        if (free == 0) {
            throw new InvalidDataException("every parameter of " + law.name() + " is fixed: nothing to fit");
        }
        int n = data.size();
        int need = Math.max(free, law.minimumPoints() - (params.size() - free));
        if (n < need) {
            throw new InvalidDataException(law.name() + " has " + free + " free parameters but " + data.source()
                    + " has only " + n + " point" + (n == 1 ? "" : "s") + ": need at least " + need);
        }
        if (options.starts().name().equals(Starts.HOFFMANN_GRID) && !params.equals(HOFFMANN_PARAMETERS)) {
            throw new InvalidDataException("--starts " + Starts.HOFFMANN_GRID + " is Hoffmann et al.'s grid for the chinchilla "
                    + "law (E, A, B, alpha, beta); " + law.name() + " has parameters " + String.join(", ", params));
        }
        for (int k = 0; k < data.predictorCount(); k++) {
            if (!law.requiresPositive(k)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (!(data.x(k, i) > 0)) {
                    throw new InvalidDataException(law.name() + " fit needs " + law.predictors().get(k) + " > 0: "
                            + data.where(i, data.predictorColumn(k)) + " is " + data.x(k, i));
                }
            }
        }
        if (space.needsPositive()) {
            for (int i = 0; i < n; i++) {
                if (!(data.y(i) > 0)) {
                    throw new InvalidDataException("fitting in log space needs " + data.responseColumn() + " > 0: "
                            + data.where(i, data.responseColumn()) + " is " + data.y(i)
                            + " (use --space linear to fit in linear space)");
                }
            }
        }
        boolean allEqual = true;
        for (int i = 1; i < n && allEqual; i++) {
            allEqual = data.y(i) == data.y(0);
        }
        if (allEqual && n > 1) {
            throw new InvalidDataException("all " + n + " values of \"" + data.responseColumn() + "\" in " + data.source()
                    + " are equal (" + data.y(0) + "): there is no trend to fit");
        }
        for (Map.Entry<String, Double> e : options.fixed().entrySet()) {
            Bound b = options.bounds().get(e.getKey());
            if (b != null && !b.contains(e.getValue())) {
                throw new InvalidDataException("--fix " + e.getKey() + "=" + e.getValue() + " lies outside its bound " + b);
            }
            int j = params.indexOf(e.getKey());
            if (law.domain(j) == ParameterDomain.POSITIVE && !(e.getValue() > 0)) {
                throw new InvalidDataException("--fix " + e.getKey() + "=" + e.getValue() + ": " + e.getKey() + " must be > 0");
            }
        }
    }

    private static void checkNames(Map<String, ?> map, String flag, Law law) {
        if (map.isEmpty()) {
            return;
        }
        for (String name : map.keySet()) {
            if (!law.parameters().contains(name)) {
                throw new InvalidDataException("unknown parameter \"" + name + "\" in " + flag + "; " + law.name()
                        + " has parameters " + String.join(", ", law.parameters()));
            }
        }
    }

    private static Problem problem(Law law, Observations data, FitOptions options, Space space) {
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
        for (int j = 0; j < free.length; j++) {
            Bound user = options.bounds().get(params.get(free[j]));
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
            } else {
                transforms[j] = Transform.of(law.domain(free[j]), null);
            }
        }
        return new Problem(law, data, space, free, transforms, template, bounds, fromLaw, options.stallTolerance());
    }

    private static List<double[]> starts(Problem problem, Law law, Observations data, FitOptions options) {
        // The guess sees the rows in canonical order too, so that row order cannot move the start.
        // A warm start never uses the data-driven guess, so it is not computed (bootstrap refits).
        Observations canonical = options.starts().includeGuess() ? data.select(problem.order) : null;
        double[] guess = canonical != null ? law.initialGuess(canonical) : new double[law.parameters().size()];
        List<String> params = law.parameters();
        for (int j = 0; j < params.size(); j++) {
            Double s = options.startValues().get(params.get(j));
            if (s != null) {
                guess[j] = s;
            }
            Double f = options.fixed().get(params.get(j));
            if (f != null) {
                guess[j] = f;
            }
        }
        List<double[]> starts = new ArrayList<>();
        if (options.starts().includeGuess()) {
            starts.add(admissible(problem, law, guess, options));
        }
        for (double[] e : options.starts().explicit()) {
            if (e.length != params.size()) {
                throw new InvalidDataException("explicit start has " + e.length + " values; " + law.name() + " has "
                        + params.size() + " parameters");
            }
            double[] s = e.clone();
            for (Map.Entry<String, Double> f : options.fixed().entrySet()) {
                s[params.indexOf(f.getKey())] = f.getValue();
            }
            starts.add(admissible(problem, law, s, options));
        }
        if (!options.starts().includeGuess()) {
            return starts;
        }
        for (double[] e : law.extraStarts(canonical)) {
            double[] s = e.clone();
            for (Map.Entry<String, Double> f : options.fixed().entrySet()) {
                s[params.indexOf(f.getKey())] = f.getValue();
            }
            starts.add(admissible(problem, law, s, options));
        }
        if (options.starts().withGrid()) {
            starts.addAll(gridStarts(problem, starts.get(0)));
        }
        if (options.starts().randomCount() > 0) {
            starts.addAll(randomStarts(problem, starts.get(0), options.starts().randomCount(), options.seed(), Stream.RANDOM_STARTS));
        }
        return starts;
    }

    /** Moves a start inside its bounds and the law's domain, off the bound itself. */
    private static double[] admissible(Problem problem, Law law, double[] start, FitOptions options) {
        double[] s = start.clone();
        for (int j = 0; j < problem.m; j++) {
            int pj = problem.free[j];
            String name = law.parameters().get(pj);
            double v = s[pj];
            if (!Double.isFinite(v)) {
                v = 1.0;
            }
            if (law.domain(pj) == ParameterDomain.POSITIVE && !(v > 0)) {
                v = Math.abs(v) > 0 ? Math.abs(v) : 1.0;
            }
            Bound b = problem.bounds[j];
            if (b != null) {
                double lo = b.lower();
                double hi = b.upper();
                double width = Double.isFinite(lo) && Double.isFinite(hi) ? hi - lo : Math.max(1.0, Math.abs(v));
                double inset = 1e-3 * width;
                if (v <= lo) {
                    v = lo + inset;
                }
                if (v >= hi) {
                    v = hi - inset;
                }
            }
            s[pj] = v;
        }
        return s;
    }

    /** A grid around the guess: scales ×{0.01, 0.1, 1, 10, 100}, other parameters shifted by ±1, ±2 × their size. */
    private static List<double[]> gridStarts(Problem problem, double[] guess) {
        int m = problem.m;
        int levels = m <= 3 ? 5 : (m <= 5 ? 3 : 2);
        double count = Math.pow(levels, m);
        if (count > MAX_GRID_STARTS + 1) {
            // 2^m grows without bound with a long formula: refuse rather than run for hours (or overflow an int).
            throw new InvalidDataException("--starts grid would try " + Numbers.format(count - 1, 4) + " starts for the "
                    + m + " free parameters of " + problem.law.name() + ", more than " + MAX_GRID_STARTS
                    + "; use --starts random:N, or fix some parameters with --fix");
        }
        int total = (int) count;
        List<double[]> out = new ArrayList<>();
        for (int code = 0; code < total; code++) {
            double[] theta = problem.toInternal(guess);
            int c = code;
            boolean isGuess = true;
            for (int j = 0; j < m; j++) {
                int level = c % levels;
                c /= levels;
                double offset = level - (levels - 1) / 2.0;
                if (offset != 0) {
                    isGuess = false;
                }
                Transform t = problem.transforms[j];
                if (t instanceof Transform.Log) {
                    theta[j] += offset * Math.log(10) * (levels == 2 ? 2 : 1);
                } else {
                    double size = Math.max(Math.abs(theta[j]), 1.0);
                    theta[j] += offset * size * (levels == 2 ? 2 : 1);
                }
            }
            if (isGuess) {
                continue;
            }
            double[] p = guess.clone();
            problem.toFull(theta, p);
            out.add(p);
        }
        return out;
    }

    /** Seeded random starts: start s draws from Seeds.random(seed, stream, s), whatever the thread count. */
    private static List<double[]> randomStarts(Problem problem, double[] guess, int count, long seed, Stream stream) {
        List<double[]> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            SplittableRandom rng = Seeds.random(seed, stream, s);
            double[] theta = problem.toInternal(guess);
            for (int j = 0; j < problem.m; j++) {
                double z = rng.nextGaussian();
                if (problem.transforms[j] instanceof Transform.Log) {
                    theta[j] += 2.0 * z;
                } else if (problem.transforms[j] instanceof Transform.Identity) {
                    // Explore magnitudes, not just a window around the guess: |p| spread log-normally over
                    // about ±1.5 decades, with the sign flipped one time in five.
                    double magnitude = Math.max(Math.abs(theta[j]), 1e-3) * Math.pow(10, 1.5 * z);
                    double sign = Math.signum(theta[j]) == 0 ? 1 : Math.signum(theta[j]);
                    theta[j] = (rng.nextDouble() < 0.2 ? -sign : sign) * magnitude;
                } else {
                    theta[j] += z * Math.max(Math.abs(theta[j]), 1.0);
                }
            }
            double[] p = guess.clone();
            problem.toFull(theta, p);
            out.add(p);
        }
        return out;
    }

    static String describe(double v) {
        return Numbers.format(v, 4);
    }
}
