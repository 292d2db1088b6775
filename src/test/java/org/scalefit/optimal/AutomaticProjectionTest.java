package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.SharedData;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ParameterDomain;
import org.scalefit.model.SeparableLaw;

/**
 * Variable projection is the automatic solver of a robust Chinchilla fit from a grid of starts (what
 * {@code scalefit fit … --law chinchilla --loss huber:1e-3 --starts hoffmann-grid} runs) because it reaches
 * the optimum that L-BFGS from every one of the grid's starts reaches, or a lower one. On Epoch's 240 runs
 * and the shared T3 benchmark data: the same objective to 1e-7 relative (L-BFGS stops up to ~1e-8 short
 * along a flat valley) and the same parameters to 5e-4 relative or 1% of their standard error (the
 * tolerance {@link EpochReplicationTest} states: B is the flattest direction). On seeded random Chinchilla
 * problems the automatic objective is never above L-BFGS's by more than 1e-9; where it is lower, L-BFGS
 * started there stays there (a true minimum the grid's L-BFGS runs missed); where projection ends with a
 * linear term at 0 (E, A or B), L-BFGS also searches from every start and the lower optimum is kept. Where
 * projection cannot run (a fixed or bounded linear coefficient) or has nothing to merge (one warm start, as
 * bootstrap refits have), the automatic choice stays L-BFGS; when projection finds no converged run, L-BFGS
 * runs from every start.
 */
class AutomaticProjectionTest {
    private static final FitOptions GRID = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid())
            .threads(2).build();
    /** The automatic objective is never above L-BFGS's by more than this (relative: L-BFGS's step tolerance 1e-10, and margin). */
    private static final double SAME_OBJECTIVE = 1e-9;
    /**
     * Where it is lower, by at most this (relative): L-BFGS stops along a flat valley up to ~1e-8 above the
     * optimum projection reaches (6e-9 seen on these problems), while the optimum itself is the same.
     */
    private static final double EQUAL_OBJECTIVE = 1e-7;
    private static final double SAME_PARAMETERS = 5e-4;
    /** ... or to this fraction of the parameter's standard error, where that is wider. */
    private static final double SAME_IN_STDERR = 0.01;
    /** The problems where projection found a lower minimum than L-BFGS from every start (one test thread). */
    private static final List<String> LOWER = new ArrayList<>();
    /** The problems where projection ended with a term at 0 and L-BFGS searched too. */
    private static final List<String> CHECKED = new ArrayList<>();

    /**
     * Fits automatically and by L-BFGS from every start and asserts the same optimum: the automatic objective is
     * never above L-BFGS's by more than {@link #SAME_OBJECTIVE}; at an interior optimum both agree to that
     * tolerance and the parameters to {@link #SAME_PARAMETERS}. At an optimum on the boundary E = 0 (possible on
     * random problems whose data cannot separate E from the power terms), projection solves E = 0 exactly and
     * ends lower, while L-BFGS, which moves ln E, creeps towards it and stops short: there the automatic fit
     * must be the lower one, with E at its bound.
     *
     * @return the automatic fit
     */
    private static Fit assertSameOptimum(Observations data, FitOptions options, String what) {
        Fit automatic = Fitter.fit(new ChinchillaLaw(), data, options);
        Fit full = Fitter.fit(new ChinchillaLaw(), data, options.toBuilder().solver(Solver.LBFGS).build());
        assertEquals("lbfgs", full.solver(), what);
        assertEquals(options.starts().explicitCount(), full.startsTried(), what);
        assertTrue(automatic.converged(), what + ": automatic fit converged");
        assertTrue(automatic.objective() <= full.objective() * (1 + SAME_OBJECTIVE),
                what + ": automatic objective " + automatic.objective() + " above L-BFGS's " + full.objective());
        if (!automatic.solver().equals("varpro (automatic)")) {
            // Projection ended with a term at 0: L-BFGS searched from every start too, and the lower optimum was kept.
            assertTrue(automatic.solver().matches("(lbfgs|varpro) \\(automatic, .*ended with a term at 0\\)"), automatic.solver());
            CHECKED.add(what + ": " + automatic.solver());
            return automatic;
        }
        if (automatic.objective() < full.objective() * (1 - EQUAL_OBJECTIVE)) {
            // Lower than L-BFGS from every start: a minimum the grid's L-BFGS runs missed (or stopped short of,
            // at E = 0). L-BFGS started there must stay there: a true minimum of the same objective.
            Fit check = Fitter.fit(new ChinchillaLaw(), data, options.toBuilder().solver(Solver.LBFGS)
                    .starts(Starts.warm(automatic.values())).build());
            assertTrue(check.objective() >= automatic.objective() * (1 - EQUAL_OBJECTIVE),
                    what + ": L-BFGS from the automatic optimum goes lower: " + check.objective() + " < " + automatic.objective());
            LOWER.add(what + String.format(java.util.Locale.ROOT, " (%.2g lower, E %.3g vs %.3g)",
                    1 - automatic.objective() / full.objective(), automatic.values()[0], full.values()[0]));
            return automatic;
        }
        assertEquals(full.objective(), automatic.objective(), EQUAL_OBJECTIVE * full.objective(), what);
        for (int j = 0; j < 5; j++) {
            double ref = full.values()[j];
            // Along a flat direction (B on small random problems) the two stopping points may differ by more
            // than 5e-4 relative, but never by a meaningful fraction of the parameter's standard error.
            double tolerance = Math.max(SAME_PARAMETERS * Math.abs(ref), SAME_IN_STDERR * full.parameters().get(j).stderr());
            assertEquals(ref, automatic.values()[j], tolerance, what + ": " + full.parameterNames().get(j));
        }
        return automatic;
    }

    @Test
    void epochsRunsFromTheRepositoryCopy() {
        // datasets/epoch2024-chinchilla-runs.csv: epoch_excluded marks the 5 highest losses Epoch dropped.
        Observations data = DataSpec.builder().predictor("N=params").predictor("D=tokens").response("loss")
                .where("epoch_excluded==0").build().load(Path.of("datasets", "epoch2024-chinchilla-runs.csv")).observations();
        assertEquals(240, data.size());
        Fit fit = assertSameOptimum(data, GRID, "Epoch's 240 runs");
        assertEquals("varpro (automatic)", fit.solver());
        assertEquals(25, fit.startsTried(), "the grid's 25 distinct (alpha, beta) pairs");
        // Epoch's notebook (Besiroglu et al. 2024): objective 0.0010182740.
        assertTrue(fit.objective() <= EpochData.OBJECTIVE * (1 + 1e-6), "objective " + fit.objective());
    }

    @Test
    void theSharedBenchmarkGridData() {
        // ../shared/bench/data/t3_chinchilla.csv: 250 synthetic runs of the T3 benchmark (columns N, D, L).
        Path file = SharedData.require("bench/data/t3_chinchilla.csv");
        Observations data = DataSpec.builder().predictor("N=N").predictor("D=D").response("L").build().load(file)
                .observations();
        assertEquals(250, data.size());
        assertEquals("varpro (automatic)", assertSameOptimum(data, GRID, "t3_chinchilla.csv").solver());
    }

    @Test
    void seededRandomChinchillaProblems() {
        // Truths spread over the range real fits report (E 1–3, A and B 10²–10⁴·⁵, exponents 0.2–0.6), 40–250
        // runs, log noise 0.5–5%, every third problem with 5% of its losses raised by 30% (what Huber is for).
        SplittableRandom rng = new SplittableRandom(20_240_416L);
        LOWER.clear();
        CHECKED.clear();
        for (int k = 0; k < 10; k++) {
            double[] truth = {rng.nextDouble(1.0, 3.0), Math.exp(rng.nextDouble(Math.log(100), Math.log(3e4))),
                Math.exp(rng.nextDouble(Math.log(100), Math.log(3e4))), rng.nextDouble(0.2, 0.6), rng.nextDouble(0.2, 0.6)};
            int n = rng.nextInt(40, 251);
            double sigma = rng.nextDouble(0.005, 0.05);
            Observations data = Synthetic.chinchilla(truth, n, sigma, 1000 + k);
            if (k % 3 == 2) {
                double[] y = data.yValues();
                for (int i = 0; i < n; i += 20) {
                    y[i] *= 1.3;
                }
                data = Observations.builder().source("synthetic with outliers").predictor("N", "params", data.xValues(0))
                        .predictor("D", "tokens", data.xValues(1)).response("loss", y).build();
            }
            assertSameOptimum(data, GRID, "problem " + k + " (n " + n + ", sigma " + sigma + ")");
        }
        System.out.println("projection lower than L-BFGS from every start: " + LOWER + "; checked by L-BFGS: " + CHECKED);
        // Today (seed 20240416): 5 the same optimum; 4 where projection is lower (2 at interior minima L-BFGS's
        // grid missed, 2 with E at 0 that L-BFGS creeps towards), checked by L-BFGS; 1 where L-BFGS, from every
        // start, went lower with alpha < 0 and was kept. A change of the engine that moves these counts is news.
        assertTrue(LOWER.size() + CHECKED.size() <= 5, "at least half the problems show the same optimum: " + LOWER + CHECKED);
    }

    @Test
    void lbfgsWhereProjectionCannotRunOrHasNothingToMerge() {
        Observations data = Synthetic.chinchilla(Synthetic.HOFFMANN, 120, 0.01, 3);
        Fit warm = Fitter.fit(new ChinchillaLaw(), data, GRID.toBuilder().starts(Starts.warm(Synthetic.HOFFMANN)).build());
        assertEquals("lbfgs (automatic)", warm.solver(), "one start: L-BFGS, which a bootstrap refit seeds with curvature");
        Fit fixed = Fitter.fit(new ChinchillaLaw(), data, GRID.toBuilder().fix("E", 1.69).build());
        assertEquals("lbfgs (automatic)", fixed.solver(), "a fixed linear coefficient: projection cannot solve it");
        Fit squares = Fitter.fit(new ChinchillaLaw(), data, GRID.toBuilder().loss(Loss.parse("squares")).build());
        assertEquals("lm (automatic)", squares.solver(), "squares keep Levenberg-Marquardt");
        Fit asked = Fitter.fit(new ChinchillaLaw(), data, GRID.toBuilder().solver(Solver.VARPRO).build());
        assertEquals("varpro", asked.solver());
    }

    @Test
    void lbfgsFromEveryStartWhenProjectionFindsNoConvergedRun() {
        // Chinchilla's law whose separable basis cannot be evaluated: every projected run fails, so the
        // automatic choice falls back to L-BFGS from every start, which fits the law by its value and gradient.
        Observations data = Synthetic.chinchilla(Synthetic.HOFFMANN, 80, 0.01, 5);
        Fit fit = Fitter.fit(new UnprojectableChinchilla(), data, GRID);
        assertEquals("lbfgs (automatic, after varpro found no converged run)", fit.solver());
        assertEquals(4500, fit.startsTried(), "L-BFGS ran from every start");
        Fit reference = Fitter.fit(new ChinchillaLaw(), data, GRID.toBuilder().solver(Solver.LBFGS).build());
        assertEquals(reference.objective(), fit.objective(), 1e-9 * reference.objective(), "L-BFGS's own optimum");
        assertTrue(fit.summary().contains("solver     lbfgs (automatic, after varpro found no converged run): converged"),
                fit.summary());
    }

    /** {@link ChinchillaLaw} in everything but its separable basis, which is not finite anywhere. */
    private static final class UnprojectableChinchilla implements SeparableLaw {
        private final ChinchillaLaw law = new ChinchillaLaw();

        @Override
        public String name() {
            return law.name();
        }

        @Override
        public List<String> predictors() {
            return law.predictors();
        }

        @Override
        public List<String> parameters() {
            return law.parameters();
        }

        @Override
        public double value(double[] x, double[] p) {
            return law.value(x, p);
        }

        @Override
        public void gradient(double[] x, double[] p, double[] out) {
            law.gradient(x, p, out);
        }

        @Override
        public double logValue(double[] x, double[] p) {
            return law.logValue(x, p);
        }

        @Override
        public void logGradient(double[] x, double[] p, double[] out) {
            law.logGradient(x, p, out);
        }

        @Override
        public double[] initialGuess(Observations data) {
            return law.initialGuess(data);
        }

        @Override
        public ParameterDomain domain(int j) {
            return law.domain(j);
        }

        @Override
        public boolean requiresPositive(int k) {
            return law.requiresPositive(k);
        }

        @Override
        public int minimumPoints() {
            return law.minimumPoints();
        }

        @Override
        public String formula(List<String> predictorLabels, String responseLabel, double[] values) {
            return law.formula(predictorLabels, responseLabel, values);
        }

        @Override
        public int[] linearParameters() {
            return law.linearParameters();
        }

        @Override
        public int[] nonlinearParameters() {
            return law.nonlinearParameters();
        }

        @Override
        public void basis(double[] x, double[] p, double[] out) {
            java.util.Arrays.fill(out, Double.NaN);
        }
    }
}
