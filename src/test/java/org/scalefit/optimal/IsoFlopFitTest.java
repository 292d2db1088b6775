package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.FitFailedException;
import org.scalefit.InvalidDataException;

/**
 * Approach 2 end to end on profiles whose optimum is known exactly: at each budget C the loss is the parabola
 * L = 2 + 0.05·(ln N − ln N*)² with N* = 0.1·√C, sampled at N*·{¼, ½, 1, 2, 4}; least squares reproduces a
 * parabola exactly, so N_opt(C) = N* and the power law through them is N_opt = 0.1·C^0.5, D_opt = C/(6·N_opt) =
 * (1/0.6)·C^0.5 (to rounding, 1e-9). Then the grouping of runs into budgets and the refusals of bad input.
 */
class IsoFlopFitTest {
    private static final double[] BUDGETS = {1e19, 1e20, 1e21};
    private static final double[] FACTORS = {0.25, 0.5, 1, 2, 4};

    private static double nStar(double c) {
        return 0.1 * Math.sqrt(c);
    }

    /** Fifteen runs, the budgets interleaved and the sizes out of order (run i: budget i % 3, size (7·i) % 5). */
    private static double[][] runs() {
        int n = BUDGETS.length * FACTORS.length;
        double[] c = new double[n];
        double[] size = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = BUDGETS[i % 3];
            size[i] = nStar(c[i]) * FACTORS[(7 * i) % 5];
            double d = Math.log(size[i] / nStar(c[i]));
            loss[i] = 2 + 0.05 * d * d;
        }
        return new double[][] {c, size, loss};
    }

    @Test
    void exactParabolasGiveTheKnownPowerLaw() {
        double[][] r = runs();
        // a CSV of logged FLOP may round a budget in its last digits: 1e-12 relative still counts as one budget
        r[0][4] *= 1 + 1e-12;
        IsoFlop.Result fit = IsoFlop.fit(r[0], r[1], r[2]);
        List<IsoFlop.Profile> p = fit.profiles();
        assertEquals(3, p.size());
        for (int j = 0; j < 3; j++) {
            IsoFlop.Profile q = p.get(j);
            assertEquals(BUDGETS[j], q.compute(), 1e-11 * BUDGETS[j], "ascending budgets");
            assertEquals(5, q.points());
            assertTrue(q.valid() && q.interior());
            assertEquals(nStar(BUDGETS[j]), q.nOpt(), 1e-9 * q.nOpt());
            assertEquals(2.0, q.minLoss(), 1e-12);
            assertEquals(0.05, q.parabola().c2(), 1e-12);
            int[] idx = q.runs();
            for (int k = 1; k < idx.length; k++) {
                assertTrue(r[1][idx[k]] > r[1][idx[k - 1]], "runs ascending in model size");
            }
        }
        assertEquals(0.5, fit.nOpt().exponent(), 1e-10);
        assertEquals(0.1, fit.nOpt().coefficient(), 1e-9);
        assertEquals(0.5, fit.dOpt().exponent(), 1e-10);
        assertEquals(1 / 0.6, fit.dOpt().coefficient(), 1e-8);
        assertEquals(0.1 * Math.sqrt(5.76e23), fit.nOptAt(IsoFlop.GOPHER_FLOPS), 1e-8 * 7.6e10);
        assertEquals(15, fit.runsAssigned());
        assertEquals(0.0, fit.tolerance(), 0.0);
        assertEquals(List.of(), fit.excluded());
    }

    @Test
    void budgetsThatDifferBeyondRoundingStayApart() {
        double[][] r = runs();
        // 1e-8 relative is a different budget (the limit is 1e-9): run 1 now forms a budget of its own
        r[0][1] *= 1 + 1e-8;
        IsoFlop.Result fit = IsoFlop.fit(r[0], r[1], r[2]);
        assertEquals(4, fit.profiles().size());
        assertEquals(1, fit.profiles().get(2).points());
        assertEquals("only 1 distinct model size at compute 1e+20; a parabola needs 3", fit.profiles().get(2).note());
        assertEquals(4, fit.profiles().get(1).points());
    }

    @Test
    void theSameSizeTwiceCountsOnceWhateverTheOrderOfTheRuns() {
        // sizes 1e8, 2e8, 1e8, 2e8 in that order: two distinct sizes, not four
        double[] c = {1e20, 1e20, 1e20, 1e20, 1e21, 1e21, 1e21, 1e22, 1e22, 1e22};
        double[] n = {1e8, 2e8, 1e8, 2e8, 1e9, 2e9, 4e9, 1e10, 2e10, 4e10};
        double[] loss = {3.0, 2.9, 3.01, 2.91, 2.8, 2.7, 2.75, 2.6, 2.5, 2.55};
        IsoFlop.Profile p = IsoFlop.fit(c, n, loss, new double[] {1e20, 1e21, 1e22}, 0.05).profiles().get(0);
        assertEquals("only 2 distinct model sizes at compute 1e+20; a parabola needs 3", p.note());
        assertArrayEquals(new int[] {0, 2, 1, 3}, p.runs(), "by size, then by row");
    }

    @Test
    void runsGoToTheNearestBudgetWithinTheTolerance() {
        double[][] r = runs();
        // the budgets given in any order; runs at 1e20 lie exactly one decade from 1e19 and from 1e21
        IsoFlop.Result fit = IsoFlop.fit(r[0], r[1], r[2], new double[] {1e21, 1e19}, 1.0);
        assertEquals(1e19, fit.profiles().get(0).compute(), 0.0);
        assertEquals(1e21, fit.profiles().get(1).compute(), 0.0);
        assertEquals(10, fit.profiles().get(0).points(), "a tie goes to the lower budget; one decade is within 1.0");
        assertEquals(5, fit.profiles().get(1).points());
        assertEquals(1.0, fit.tolerance(), 0.0);
        IsoFlop.Result tight = IsoFlop.fit(r[0], r[1], r[2], new double[] {1e21, 1e19}, 0.5);
        assertEquals(5, tight.excluded().size());
        IsoFlop.Excluded e = tight.excluded().get(0);
        assertEquals(1, e.run());
        assertEquals(1e20, e.compute(), 0.0);
        assertEquals(1e19, e.nearest(), 0.0);
        assertEquals(1.0, e.decades(), 1e-15);
        assertEquals(10, tight.runsAssigned());
    }

    @Test
    void profilesWithoutAMinimumFailTheFitAndTooFewSizesAreBadData() {
        double[] c = {1e20, 1e20, 1e20, 1e21, 1e21, 1e21};
        double[] n = {1e8, 2e8, 4e8, 1e9, 2e9, 4e9};
        double[] down = {2.9, 3.0, 2.9, 2.7, 2.8, 2.7};
        assertEquals("IsoFLOP fit needs at least 2 compute budgets with a valid parabola (3 or more model sizes and a minimum), "
                + "found 0 of 2: the loss profiles have no minimum (the parabolas open downward); the runs of each budget must "
                + "span both sides of its optimal size", assertThrows(FitFailedException.class, () -> IsoFlop.fit(c, n, down)).getMessage());
        double[] twoSizes = {1e8, 2e8, 2e8, 1e9, 2e9, 4e9};
        double[] up = {3.0, 2.9, 2.95, 2.8, 2.7, 2.75};
        assertEquals("IsoFLOP fit needs at least 2 compute budgets with a valid parabola (3 or more model sizes and a minimum), "
                + "found 1 of 2", assertThrows(InvalidDataException.class, () -> IsoFlop.fit(c, twoSizes, up)).getMessage());
    }

    @Test
    void badRunsAndBudgetsAreRefusedByName() {
        double[][] r = runs();
        double[] zeroC = r[0].clone();
        zeroC[1] = 0;
        assertEquals("IsoFLOP fit needs compute > 0, params > 0 and a finite loss: run 2 has compute 0.0, params "
                + r[1][1] + ", loss " + r[2][1], assertThrows(InvalidDataException.class, () -> IsoFlop.fit(zeroC, r[1], r[2])).getMessage());
        double[] zeroN = r[1].clone();
        zeroN[2] = 0;
        assertThrows(InvalidDataException.class, () -> IsoFlop.fit(r[0], zeroN, r[2], BUDGETS, 0.1));
        double[] infC = r[0].clone();
        infC[0] = Double.POSITIVE_INFINITY;
        assertThrows(InvalidDataException.class, () -> IsoFlop.fit(infC, r[1], r[2]));
        assertEquals("IsoFLOP fit needs compute, params and loss of equal length, got 15, 15, 14", assertThrows(
                InvalidDataException.class, () -> IsoFlop.fit(r[0], r[1], java.util.Arrays.copyOf(r[2], 14))).getMessage());
        assertEquals("IsoFLOP fit needs at least one compute budget",
                assertThrows(InvalidDataException.class, () -> IsoFlop.fit(r[0], r[1], r[2], new double[0], 0.1)).getMessage());
        assertEquals("the IsoFLOP budget tolerance must be a finite number of decades > 0, got 0.0",
                assertThrows(InvalidDataException.class, () -> IsoFlop.fit(r[0], r[1], r[2], BUDGETS, 0)).getMessage());
        assertThrows(InvalidDataException.class, () -> IsoFlop.fit(r[0], r[1], r[2], BUDGETS, Double.POSITIVE_INFINITY));
        assertEquals("IsoFLOP budgets must be finite and > 0 FLOP, got 0.0", assertThrows(InvalidDataException.class,
                () -> IsoFlop.fit(r[0], r[1], r[2], new double[] {1e19, 0, 1e21}, 0.1)).getMessage());
        assertEquals("IsoFLOP budget 1e+20 is given twice", assertThrows(InvalidDataException.class,
                () -> IsoFlop.fit(r[0], r[1], r[2], new double[] {1e20, 1e19, 1e20}, 0.1)).getMessage());
    }
}
