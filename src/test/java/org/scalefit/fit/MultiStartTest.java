package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;

/**
 * The multi-start driver ({@link MultiStart}) on the two-basin problem of {@link BasinScanTest}, whose optima SciPy's
 * MINPACK found from the profile's minima ({@code bench/oracles/search_basins.py}, run 2026-12-07): the global one at
 * a = 1.9995013003387843, b = 1.0003281754038158, RSS 0.04978904676779901, and the next at a = −1.830214481820762,
 * b = −1.1219771080107674, RSS 10.212581028773826. A start in the second basin reaches the second optimum by itself; the
 * default multi-start must still return the global one.
 */
class MultiStartTest {
    private static final Law SINE = BasinScanTest.SINE;
    private static final Observations DATA = BasinScanTest.DATA;
    private static final double GLOBAL_RSS = 0.04978904676779901;
    private static final double SECOND_RSS = 10.212581028773826;

    @Test
    void theDefaultStartsFindTheGlobalOptimumFromAStartInTheOtherBasin() {
        FitOptions options = FitOptions.builder().start("a", -1.8).start("b", -1.1).build();
        Fit fit = Fitter.fit(SINE, DATA, options);
        assertEquals(1.9995013003387843, fit.value("a"), 1e-7);
        assertEquals(1.0003281754038158, fit.value("b"), 1e-7);
        assertEquals(GLOBAL_RSS, fit.rss(), 1e-9 * GLOBAL_RSS);
        assertTrue(fit.converged());
        assertTrue(fit.bestStart() > 0, "not the first start's optimum");
        assertTrue(fit.startsTried() > 1);
        assertEquals("lm (automatic)", fit.solver());
        // The lean refit takes the same path to the same optimum, bit for bit.
        Refit refit = Fitter.refit(SINE, DATA, options);
        assertEquals(fit.value("a"), refit.value(0), 0);
        assertEquals(fit.value("b"), refit.value(1), 0);
        assertEquals(fit.objective(), refit.objective(), 0);
        assertTrue(refit.converged());
        assertEquals(fit.convergenceReason(), refit.convergenceReason());
        double[] values = refit.values();
        values[0] = 0;
        assertEquals(fit.value("a"), refit.value(0), 0, "values() is a copy");
    }

    /** Without the scan (a warm start, or starts the caller chose), the start's own basin is where the fit ends. */
    @Test
    void aStartInTheOtherBasinAloneEndsThere() {
        Refit warm = Fitter.refit(SINE, DATA, FitOptions.builder().starts(Starts.warm(new double[] {-1.8, -1.1})).build());
        assertEquals(-1.830214481820762, warm.value(0), 1e-7);
        assertEquals(-1.1219771080107674, warm.value(1), 1e-7);
        assertEquals(SECOND_RSS, warm.objective(), 1e-9 * SECOND_RSS);
        Fit chosen = Fitter.fit(SINE, DATA, FitOptions.builder().starts(Starts.explicit("mine",
                List.<double[]>of(new double[] {-1.7, -1.15}))).start("a", -1.8).start("b", -1.1).build());
        assertEquals(SECOND_RSS, chosen.rss(), 1e-9 * SECOND_RSS);
        assertEquals(2, chosen.startsTried());
        assertEquals(0, chosen.bestStart(), "a tie goes to the lower start index");
    }

    /** Random starts find the global optimum too, and the best start is the same whatever the thread count. */
    @Test
    void theBestOfManyStartsIsTheSameOnAnyThreadCount() {
        FitOptions one = FitOptions.builder().starts(Starts.random(30)).seed(4).start("a", -1.8).start("b", -1.1).threads(1).build();
        Fit a = Fitter.fit(SINE, DATA, one);
        Fit b = Fitter.fit(SINE, DATA, one.toBuilder().threads(3).build());
        assertEquals(GLOBAL_RSS, a.rss(), 1e-9 * GLOBAL_RSS);
        assertEquals(a.bestStart(), b.bestStart());
        assertEquals(a.value("b"), b.value("b"), 0);
        assertEquals(31, a.startsTried());
        assertTrue(a.startsConverged() >= 2 && a.startsConverged() <= 31);
    }

    /**
     * Explicit starts that do not bracket the optimum in some coordinate earn a note naming it: b's starts span 0.5 to 0.9
     * in its own coordinate, and the optimum b = 1.0003 lies beyond (the edge's margin is 1% of the span); starts from
     * 0.5 to 1.5 bracket it, and a coordinate with one value (a = 2 everywhere) has no span to judge.
     */
    @Test
    void theBestFitOnTheEdgeOfAGridOfStartsIsNoted() {
        List<double[]> narrow = List.of(new double[] {2, 0.5}, new double[] {2, 0.7}, new double[] {2, 0.9});
        Fit edge = Fitter.fit(SINE, DATA, FitOptions.builder().starts(Starts.explicit("narrow", narrow)).build());
        assertEquals(GLOBAL_RSS, edge.rss(), 1e-9 * GLOBAL_RSS);
        assertTrue(edge.warnings().contains("the best fit has b = 1, at or beyond the edge of the narrow starts (0.5 to 0.9):"
                + " the grid may not bracket the optimum"), edge.warnings().toString());
        assertFalse(edge.warnings().toString().contains("the best fit has a ="), edge.warnings().toString());
        List<double[]> wide = List.of(new double[] {2, 0.5}, new double[] {2, 1.5});
        Fit inside = Fitter.fit(SINE, DATA, FitOptions.builder().starts(Starts.explicit("wide", wide)).build());
        assertFalse(inside.warnings().toString().contains("edge of the"), inside.warnings().toString());
        // Within 1% of the span from an end counts as on it: b's starts 0.99 and b* + 5e-5 put the optimum 5e-5 below the
        // top, inside the margin 1% × 0.01038 = 1.04e-4.
        List<double[]> tight = List.of(new double[] {2, 0.99}, new double[] {2, 1.0003281754038158 + 5e-5});
        Fit near = Fitter.fit(SINE, DATA, FitOptions.builder().starts(Starts.explicit("tight", tight)).build());
        assertTrue(near.warnings().toString().contains("at or beyond the edge of the tight starts"), near.warnings().toString());
        // Near the lower end as well: starts b* − 5e-5 and b* + 0.01 (margin 1e-4).
        List<double[]> low = List.of(new double[] {2, 1.0003281754038158 - 5e-5}, new double[] {2, 1.0103281754038158});
        Fit nearLow = Fitter.fit(SINE, DATA, FitOptions.builder().starts(Starts.explicit("low", low)).build());
        assertTrue(nearLow.warnings().toString().contains("at or beyond the edge of the low starts"), nearLow.warnings().toString());
        // A narrow span with the optimum inside, 0.99 to 1.01 (margin 2e-4), earns no note.
        List<double[]> around = List.of(new double[] {2, 0.99}, new double[] {2, 1.01});
        Fit inNarrow = Fitter.fit(SINE, DATA, FitOptions.builder().starts(Starts.explicit("around", around)).build());
        assertFalse(inNarrow.warnings().toString().contains("edge of the"), inNarrow.warnings().toString());
        // One explicit start is no grid.
        Fit single = Fitter.fit(SINE, DATA, FitOptions.builder().starts(Starts.explicit("one",
                List.<double[]>of(new double[] {2, 0.9}))).build());
        assertFalse(single.warnings().toString().contains("edge of the"), single.warnings().toString());
    }

    /**
     * When the first start converges nowhere (one iteration allowed), the sixteen fallback starts run as well, and a fit
     * in which no start converged says so.
     */
    @Test
    void noConvergedStartIsReportedAsSuch() {
        Fit fit = Fitter.fit(SINE, DATA, FitOptions.builder().maxIterations(1).start("a", 2).start("b", 1).build());
        assertFalse(fit.converged());
        assertEquals(0, fit.startsConverged());
        assertTrue(fit.startsTried() >= 1 + Fitter.AUTO_FALLBACK_STARTS, "tried " + fit.startsTried());
        assertTrue(fit.warnings().contains("none of the " + fit.startsTried() + " starts converged; the best unconverged run is"
                + " reported"), fit.warnings().toString());
        // One start that did not converge is just that: the fit says so through converged(), not with a count of starts.
        Fit one = Fitter.fit(SINE, DATA, FitOptions.builder().maxIterations(1).starts(Starts.warm(new double[] {2, 1})).build());
        assertFalse(one.converged());
        assertEquals(1, one.startsTried());
        assertFalse(one.warnings().toString().contains("starts converged"), one.warnings().toString());
        // The caller's own starts get no fallback.
        Fit chosen = Fitter.fit(SINE, DATA, FitOptions.builder().maxIterations(1).starts(Starts.random(2)).start("a", 2)
                .start("b", 1).build());
        assertEquals(3, chosen.startsTried());
    }

    /**
     * A row at which the model is not finite from any start (a/(x − 3) at x = 3, whatever a) is the data's problem, named
     * by its place; a model that no start can evaluate anywhere fails with the first start's reason.
     */
    @Test
    void aPointNoStartCanEvaluateIsNamed() {
        Law pole = new ExpressionLaw("a/(x - 3) + b", List.of("x"));
        Observations data = Observations.of(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5});
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Fitter.fit(pole, data));
        assertTrue(e.getMessage().startsWith("a/(x - 3) + b cannot be evaluated at ") && e.getMessage().contains("(x = 3) from any"
                + " of the "), e.getMessage());
        // Of two such points the first in the caller's order is named (0-based: x = 5, 3, 1, 3, 2 has x = 3 at 1 and 3), after
        // the first start and the sixteen fallback starts have all failed there.
        Observations twice = Observations.of(new double[] {5, 3, 1, 3, 2}, new double[] {1, 2, 3, 4, 5});
        InvalidDataException first = assertThrows(InvalidDataException.class, () -> Fitter.fit(pole, twice));
        assertTrue(first.getMessage().startsWith("a/(x - 3) + b cannot be evaluated at point 1 of data (x = 3) from any of the 17"
                + " starts: "), first.getMessage());
        Law nowhere = new ExpressionLaw("a*log(b - 10) + x", List.of("x"));
        FitFailedException f = assertThrows(FitFailedException.class, () -> Fitter.fit(nowhere, data,
                FitOptions.builder().starts(Starts.warm(new double[] {1, 1})).build()));
        assertTrue(f.getMessage().startsWith("a*log(b - 10) + x fit failed from all 1 starts: "), f.getMessage());
    }
    /**
     * Two exponentials cannot follow a sine: y = 3 + sin(x) on x = 0.25, 0.5, …, 10 leaves strongly systematic residuals at
     * the optimum. Their runs test, computed here from the fit's residuals by Wald and Wolfowitz's formula — z = (R − μ)/σ,
     * μ = 1 + 2n₊n₋/n, σ² = 2n₊n₋(2n₊n₋ − n)/(n²(n − 1)) —, lies below −4, so the driver retries from a round of 50 seeded
     * starts; none goes lower, and the fit says the answer may be a local optimum (or the law's misfit).
     */
    @Test
    void stronglySystematicResidualsEarnARetryAndANote() {
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = 0.25 * (i + 1);
            y[i] = 3 + Math.sin(x[i]);
        }
        Fit fit = Fitter.fit(new ExpressionLaw("a*exp(-b*x) + c*exp(-d*x)", List.of("x")), Observations.of(x, y));
        int pos = 0;
        int neg = 0;
        int runs = 0;
        double last = 0;
        for (double r : fit.residuals()) {
            pos += r > 0 ? 1 : 0;
            neg += r < 0 ? 1 : 0;
            runs += r != 0 && Math.signum(r) != last ? 1 : 0;
            last = r != 0 ? Math.signum(r) : last;
        }
        double n = pos + neg;
        double mu = 1 + 2.0 * pos * neg / n;
        double sigma = Math.sqrt(2.0 * pos * neg * (2.0 * pos * neg - n) / (n * n * (n - 1)));
        double z = (runs - mu) / sigma;
        assertTrue(z < MultiStart.SYSTEMATIC_RUNS_Z, "z = " + z);
        assertTrue(fit.warnings().contains("possibly a local optimum: the residuals stay strongly systematic (runs test z = "
                + org.scalefit.Numbers.format(z, 4) + ") and none of 50 more starts found a lower optimum; try starts random:500 or"
                + " start values near the curve you expect (start value), or another law"), fit.warnings().toString());
        assertTrue(fit.startsTried() > 50);
        assertTrue(fit.bestStart() < fit.startsTried() - 50, "the best run is from before the retry");
    }
    /**
     * Every optimiser reaches the same Huber optimum: a line under Huber's loss with δ = 0.5 on the ten points of
     * {@code bench/oracles/optimizer_cores.py} (one wild point at x = 6), whose exact optimum is a = 1.025416666666669,
     * b = 2.012083333333333, Σρ = 8.4419375 (the oracle's active-set solution, confirmed by Nelder–Mead). L-BFGS from one
     * start, L-BFGS from twelve (screened at a loose tolerance, the best ten polished at the tight one) and reweighted
     * Levenberg–Marquardt each end within their tolerance of it as lean refits (no exact polish), and every fit, polished
     * by Newton's method on the quadratic zone, on it.
     */
    @Test
    void everyOptimiserReachesTheHuberOptimum() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] y = {1.1, 2.9, 5.2, 6.8, 9.1, 11.0, 30.0, 15.1, 16.8, 19.2};
        Law line = new ExpressionLaw("a + b*x", List.of("x"));
        Observations data = Observations.of(x, y);
        for (Starts starts : new Starts[] {Starts.auto(), Starts.random(12)}) {
            for (Solver solver : new Solver[] {Solver.AUTO, Solver.LBFGS, Solver.LM}) {
                FitOptions options = FitOptions.builder().loss(Loss.huber(0.5)).starts(starts).solver(solver).seed(2).build();
                String what = starts.name() + " " + solver;
                Refit refit = Fitter.refit(line, data, options);
                assertEquals(8.4419375, refit.objective(), 1e-10 * 8.4419375, what);
                assertEquals(1.025416666666669, refit.value(0), 1e-6, what);
                assertEquals(2.012083333333333, refit.value(1), 1e-6, what);
                assertTrue(refit.converged(), what);
                Fit fit = Fitter.fit(line, data, options);
                assertEquals(1.025416666666669, fit.value("a"), 1e-12, what);
                assertEquals(2.012083333333333, fit.value("b"), 1e-12, what);
                assertEquals(solver == Solver.AUTO ? "lbfgs (automatic)" : solver.toString(), fit.solver(), what);
                assertEquals(1 + starts.randomCount(), fit.startsTried(), what);
            }
        }
    }
    /**
     * Exact data, y = 0.3 + 0.7·e^(−0.37x) on {@link BasinScanTest}'s points: several starts reach the truth, at objectives
     * that differ only by rounding (0 and 1.8e-32: each start replayed below as a warm refit). The documented tie rule —
     * within 1e-9 relative of the lowest, or 1e-18 of the data's own scale Σy² — keeps the first start's answer rather than
     * the one a rounding error happened to put lowest.
     */
    @Test
    void aRoundingLevelDifferenceNeverMovesTheAnswerAwayFromTheFirstStart() {
        double[] x = BasinScanTest.X;
        double[] y = new double[x.length];
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.3 + 0.7 * Math.exp(-0.37 * x[i]);
            scale += y[i] * y[i];
        }
        Law law = new ExpressionLaw("c + a*exp(-b*x)", List.of("x"));
        Observations data = Observations.of(x, y);
        FitOptions options = FitOptions.builder().starts(Starts.random(12)).seed(3).start("c", 0.37670152543942065)
                .start("a", 1.4107947816088984).start("b", 2.690755516302719).build();
        Fit fit = Fitter.fit(law, data, options);
        assertEquals(0, fit.bestStart());
        assertEquals(0.3, fit.value("c"), 1e-12);
        assertEquals(0.7, fit.value("a"), 1e-12);
        assertEquals(0.37, fit.value("b"), 1e-12);
        assertTrue(fit.objective() <= 1e-18 * scale, "at the truth to rounding: " + fit.objective());
        List<double[]> starts = StartGenerator.starts(Problem.of(law, data, options, org.scalefit.model.Space.LINEAR), law, data,
                options);
        double lowest = Double.POSITIVE_INFINITY;
        for (double[] start : starts.subList(1, starts.size())) {
            try {
                lowest = Math.min(lowest, Fitter.refit(law, data, FitOptions.builder().starts(Starts.warm(start)).build()).objective());
            } catch (FitFailedException e) {
                // a start that stalls on a plateau (a driven to overflow) is no competitor
            }
        }
        assertTrue(lowest < fit.objective(), "a later start ends lower, by rounding: " + lowest + " against " + fit.objective());
    }

    /**
     * A step, y = −1, −1, −1, 1, 1, 1: a/(x − c) + b gets lowest by putting its pole between the two halves (at 3.5, by the
     * data's symmetry), which is no fit; from starts that only find that, the fit fails naming the flaw.
     */
    @Test
    void anAnswerWithAPoleAmongTheDataIsRefused() {
        Law law = new ExpressionLaw("a/(x - c) + b", List.of("x"));
        Observations step = Observations.of(new double[] {1, 2, 3, 4, 5, 6}, new double[] {-1, -1, -1, 1, 1, 1});
        FitFailedException e = assertThrows(FitFailedException.class, () -> Fitter.fit(law, step, FitOptions.builder()
                .starts(Starts.explicit("near the pole", List.<double[]>of(new double[] {0.1, 3.47, 0}))).build()));
        assertEquals("a/(x - c) + b fit found no acceptable curve: at its best, the fitted curve is not finite at x = 3.5, between"
                + " the data points at x = 3 and x = 4, and none of the 2 starts reached a curve without such a flaw; try starts"
                + " grid or give start values near the curve you expect (start value)", e.getMessage());
    }

    /** A lean refit that ran out of iterations says so. */
    @Test
    void aRefitCutOffByTheIterationLimitIsNotConverged() {
        Refit cut = Fitter.refit(SINE, DATA, FitOptions.builder().maxIterations(1)
                .starts(Starts.warm(new double[] {1.5, 0.9})).build());
        assertFalse(cut.converged());
        assertTrue(cut.convergenceReason().contains("iteration"), cut.convergenceReason());
        assertTrue(cut.objective() > GLOBAL_RSS);
    }
}
