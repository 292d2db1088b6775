package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.Laws;

/**
 * Every fit ends, and the work it may do is bounded in advance: each optimiser run stops after at most
 * three times {@code maxIterations} solver iterations (Levenberg–Marquardt, then MINPACK from the same
 * start when it did not converge; reweighting rounds for robust losses stop once the budget is spent;
 * L-BFGS screening plus polishing), the number of starts is fixed by the options (the grid is refused
 * beyond {@value Fitter#MAX_GRID_STARTS} points, random starts beyond {@value Starts#MAX_RANDOM}), so a
 * fit costs at most starts × 3 × maxIterations iterations.
 */
class FitBoundsTest {

    @Test
    void noRunExceedsThreeTimesTheIterationLimit() {
        SplittableRandom rng = new SplittableRandom(31);
        int returned = 0;
        int stoppedByTheLimit = 0;
        for (int round = 0; round < 3; round++) {
            for (String name : Laws.names()) {
                for (int limit : new int[] {2, 15}) {
                    Law template = EngineGuaranteeTest.template(name);
                    Observations data = EngineGuaranteeTest.randomData(template, rng);
                    Law law = EngineGuaranteeTest.forData(name, template, data);
                    for (FitOptions.Builder b : List.of(FitOptions.builder(), FitOptions.builder().loss(Loss.parse("huber:0.01")),
                            FitOptions.builder().solver(Solver.LBFGS))) {
                        FitOptions options = b.maxIterations(limit).build();
                        try {
                            Fit fit = Fitter.fit(law, data, options);
                            EngineGuaranteeTest.check(fit, name);
                            assertTrue(fit.iterations() <= 3 * limit, name + " with " + options.loss().spec() + ": "
                                    + fit.iterations() + " iterations under a limit of " + limit);
                            returned++;
                            if (!fit.converged()) {
                                stoppedByTheLimit++;
                                assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("did not converge")),
                                        fit.warnings().toString());
                            }
                        } catch (InvalidDataException | FitFailedException e) {
                            assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
                        } catch (RuntimeException e) {
                            fail(name + " threw " + e, e);
                        }
                    }
                }
            }
        }
        assertTrue(returned > 60, "only " + returned + " fits returned");
        assertTrue(stoppedByTheLimit > 10, "only " + stoppedByTheLimit + " fits were stopped by the limit: the bound is not exercised");
    }

    /** 2^11 grid points for eleven free parameters: refused at once, with what to do instead. */
    @Test
    void theGridIsRefusedBeyondItsCap() {
        StringBuilder formula = new StringBuilder("p0");
        for (int k = 1; k < 11; k++) {
            formula.append(" + p").append(k).append("*x^").append(k);
        }
        Law law = new ExpressionLaw(formula.toString(), List.of("x"), Map.of());
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / 10.0;
            y[i] = 1 + x[i];
        }
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Fitter.fit(law, Observations.of(x, y),
                FitOptions.builder().starts(Starts.grid()).build()));
        assertEquals("--starts grid would try 2048 starts for the 11 free parameters of " + formula + ", more than 1024;"
                + " use --starts random:N, or fix some parameters with --fix", org.scalefit.TestFlags.message(e));
    }

    @Test
    void randomStartsAreCapped() {
        assertEquals(Starts.MAX_RANDOM, Starts.parse("random:" + Starts.MAX_RANDOM).randomCount());
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Starts.parse("random:" + (Starts.MAX_RANDOM + 1)));
        assertEquals("at most 100000 random starts, got 100001; a few hundred are plenty for any law here", e.getMessage());
    }

    /**
     * The default starts are bounded: the first start, the basins of the scan (at most
     * {@link MultiStart#MAX_BETTER_BASINS} better than the first start's optimum and
     * {@link MultiStart#EXPLORED_BASINS} others), then a fixed number of seeded fallback starts and as many
     * unexplored basins — never more.
     */
    @Test
    void automaticFallbackAddsAFixedNumberOfStarts() {
        List<Integer> tried = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < 20; i++) {
            double[] x = new double[12];
            double[] y = new double[12];
            for (int k = 0; k < x.length; k++) {
                x[k] = k + 1;
                y[k] = Math.exp(rng.nextGaussian());
            }
            try {
                tried.add(Fitter.fit(new ExpressionLaw("a*sin(b*x) + c", List.of("x"), Map.of()), Observations.of(x, y))
                        .startsTried());
            } catch (FitFailedException e) {
                tried.add(-1);
            }
        }
        int most = 1 + MultiStart.MAX_BETTER_BASINS + MultiStart.EXPLORED_BASINS + 2 * Fitter.AUTO_FALLBACK_STARTS;
        assertTrue(tried.stream().allMatch(t -> t == -1 || (t >= 1 && t <= most)), tried.toString());
        assertTrue(tried.stream().anyMatch(t -> t > 1), "the scan adds starts where the first one is not the optimum: " + tried);
    }

    /** A Java caller reads the library's words; the command line names the same option by its flag. */
    @Test
    void unknownFixedParameterIsAnOptionErrorInTheLibrarysWords() {
        Observations data = Observations.of(new double[] {1, 2, 4, 8}, new double[] {4, 3, 2.2, 1.6});
        org.scalefit.InvalidOptionException e = assertThrows(org.scalefit.InvalidOptionException.class,
                () -> Fitter.fit(new org.scalefit.model.PowerLaw(), data, FitOptions.builder().fix("zzz", 1).build()));
        assertEquals("unknown parameter \"zzz\" in the fixed parameters; power-law has parameters a, alpha", e.getMessage());
        assertEquals("unknown parameter \"zzz\" in --fix; power-law has parameters a, alpha", org.scalefit.TestFlags.message(e));
        assertEquals(java.util.List.of(org.scalefit.OptionKey.FIX), e.optionKeys());
    }

    /** Bad data carry their place as fields: source, row, column and value. */
    @Test
    void aNonPositiveResponseInLogSpaceCarriesItsPlace() {
        Observations data = Observations.of(new double[] {1, 2, 4, 8}, new double[] {4, 3, -2.2, 1.6});
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> Fitter.fit(new org.scalefit.model.PowerLaw(), data));
        assertEquals(new org.scalefit.Place("data", 4, "y", "-2.2"), e.place());
        assertTrue(e.getMessage().endsWith("(use space linear to fit in linear space)"), e.getMessage());
    }
}
