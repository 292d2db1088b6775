package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Group;
import org.scalefit.data.Observations;
import org.scalefit.model.ChinchillaLaw;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/**
 * The lean row of a sweep ({@code GroupFit.of(…, full = false)}: no {@link Fit} is built) against the row of the
 * full {@link Fit}: every cell equal, bit for bit, over laws, spaces, losses, solvers, weights, sigmas, fixed and
 * bounded parameters, and fits that warn or do not converge; and the columns are those the Spark module writes.
 */
class GroupRowTest {
    private static Observations data(long seed, int n, boolean offset, boolean sigma) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 1 + 5.0 * rng.nextDouble());
            double f = offset ? 1.7 + 40 * Math.pow(x[i], -0.4) : 30 * Math.pow(x[i], -0.6);
            s[i] = 0.01 + 0.04 * rng.nextDouble();
            y[i] = f * Math.exp(s[i] * rng.nextGaussian() + (i == 3 ? 0.5 : 0));
        }
        Observations.Builder b = Observations.builder().source("g.csv").predictor("x", x).response("y", y);
        if (sigma) {
            b.sigma("sd", s);
        }
        return b.build();
    }

    private static Observations saturating(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[15];
        double[] y = new double[15];
        for (int i = 0; i < x.length; i++) {
            x[i] = 200 + 400 * i;
            y[i] = 200 * (1 - Math.exp(-0.0008 * x[i])) + rng.nextGaussian();
        }
        return Observations.of(x, y);
    }

    private static Observations chinchilla(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 60;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.pow(10, 7 + 4 * rng.nextDouble());
            dd[i] = Math.pow(10, 9 + 3 * rng.nextDouble());
            y[i] = (1.7 + 400 / Math.pow(nn[i], 0.34) + 410 / Math.pow(dd[i], 0.28)) * Math.exp(0.01 * rng.nextGaussian());
        }
        return Observations.builder().predictor("N", nn).predictor("D", dd).response("loss", y).build();
    }

    @Test
    void theLeanRowEqualsTheFitsRowBitForBit() {
        record Case(String name, Function<Observations, Law> law, Observations data, FitOptions options) {
        }
        List<Case> cases = List.of(
                new Case("power log", d -> new PowerLaw(), data(1, 15, false, false), FitOptions.defaults()),
                new Case("power linear", d -> new PowerLaw(), data(2, 9, false, false),
                        FitOptions.builder().space(Space.LINEAR).build()),
                new Case("power sigma", d -> new PowerLaw(), data(3, 12, false, true), FitOptions.defaults()),
                new Case("offset", d -> new OffsetPowerLaw(), data(4, 30, true, false), FitOptions.defaults()),
                new Case("offset huber", d -> new OffsetPowerLaw(), data(5, 30, true, false),
                        FitOptions.builder().loss(Loss.parse("huber:0.01")).build()),
                new Case("offset fixed and bound", d -> new OffsetPowerLaw(), data(6, 20, true, false),
                        FitOptions.builder().fix("E", 1.7).bound("alpha", new Bound(0, 0.3)).build()),
                new Case("offset 3 iterations", d -> new OffsetPowerLaw(), data(7, 20, true, false),
                        FitOptions.builder().maxIterations(3).build()),
                new Case("formula", d -> new ExpressionLaw("b1*(1-exp(-b2*x))", List.of("x")), saturating(8),
                        FitOptions.builder().space(Space.LINEAR).start("b1", 150).start("b2", 1e-3).build()),
                new Case("chinchilla varpro", d -> new ChinchillaLaw(), chinchilla(9),
                        FitOptions.builder().solver(Solver.VARPRO).build()),
                new Case("chinchilla huber", d -> new ChinchillaLaw(), chinchilla(10),
                        FitOptions.builder().loss(Loss.parse("huber:1e-3")).build()));
        int warned = 0;
        int unconverged = 0;
        for (Case c : cases) {
            Group g = Group.of(0, List.of(c.name()), c.data());
            GroupFit full = GroupFit.of(g, c.law(), c.options(), null, true);
            GroupFit lean = GroupFit.of(g, c.law(), c.options(), null, false);
            assertTrue(full.fit().isPresent(), c.name() + ": " + full.error());
            assertFalse(lean.fit().isPresent());
            assertArrayEquals(full.row().cells(null), lean.row().cells(null), c.name());
            assertEquals(GroupRow.of(List.of(c.name()), full.fit().get()).toString(), lean.row().toString());
            assertEquals(full.fit().get().convergenceReason(), lean.row().convergenceReason().orElseThrow());
            warned += lean.row().warnings() > 0 ? 1 : 0;
            unconverged += lean.row().converged() ? 0 : 1;
        }
        assertTrue(warned >= 2, "cases that warn: " + warned);
        assertEquals(1, unconverged);
    }

    @Test
    void failedGroupsAndTheColumns() {
        Observations one = Observations.builder().predictor("x", new double[] {1}).response("y", new double[] {2}).build();
        GroupFit g = GroupFit.of(Group.of(3, List.of("r9"), one), d -> new PowerLaw(), FitOptions.defaults(), null, false);
        assertTrue(g.invalidData());
        Object[] cells = g.row().cells(null);
        assertEquals(GroupRow.columns(List.of("a", "alpha")).size(), cells.length);
        assertEquals(null, cells[0]);
        assertEquals(1, cells[11]);
        assertEquals(false, cells[12]);
        assertEquals(1, cells[13]);
        assertTrue(((String) cells[14]).contains("only 1 point"));
        assertEquals(List.of("a", "a_stderr", "a_ci95_low", "a_ci95_high", "rss", "r2", "aic", "n", "converged",
                "warnings", "first_warning"), GroupRow.columns(List.of("a")).stream().map(GroupRow.Column::name).toList());
    }
}
