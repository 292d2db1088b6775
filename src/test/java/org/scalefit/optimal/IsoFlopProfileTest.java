package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One IsoFLOP profile, the parabola of loss in ln N, against NumPy 2's {@code numpy.polyfit(ln N, loss, 2)}:
 * the optimum N* = exp(−p₁/(2p₂)), the loss there {@code numpy.polyval(p, ln N*)} and D* = C/(6N*); and the
 * profiles that have no optimum (fewer than three sizes, a parabola opening downward) or only an
 * extrapolated one.
 */
class IsoFlopProfileTest {
    private static final double[] N = {1e8, 2e8, 4e8, 8e8, 1.6e9};
    private static final int[] ALL = {0, 1, 2, 3, 4};

    @Test
    void theOptimumIsTheVertexOfTheLeastSquaresParabola() {
        IsoFlop.Profile p = IsoFlop.profile(1e20, ALL, N, new double[] {3.10, 2.98, 2.93, 2.95, 3.04});
        assertTrue(p.valid());
        assertTrue(p.interior());
        assertEquals("", p.note());
        assertEquals(464051754.4640636, p.nOpt(), 1e-9 * p.nOpt());
        assertEquals(2.928392857142896, p.minLoss(), 1e-12);
        assertEquals(35915534218.62419, p.dOpt(), 1e-9 * p.dOpt());
        assertEquals(5, p.points());
        assertEquals(2.928392857142896, p.parabola().lossAt(p.nOpt()), 1e-12);
    }

    @Test
    void aVertexBeyondTheLargestModelIsExtrapolated() {
        IsoFlop.Profile p = IsoFlop.profile(1e20, ALL, N, new double[] {3.2, 3.05, 2.95, 2.89, 2.86});
        assertTrue(p.valid());
        assertFalse(p.interior());
        assertEquals(1714837540.0579948, p.nOpt(), 1e-9 * p.nOpt());
        assertEquals(2.861800000000013, p.minLoss(), 1e-12);
        assertEquals("the minimum at compute 1e+20 lies outside the sampled model sizes (extrapolated)", p.note());
    }

    @Test
    void profilesWithoutAMinimumSayWhy() {
        IsoFlop.Profile down = IsoFlop.profile(1e20, ALL, N, new double[] {2.9, 3.0, 3.05, 3.0, 2.9});
        assertFalse(down.valid());
        assertEquals("the loss profile at compute 1e+20 has no minimum (the parabola opens downward)", down.note());
        assertEquals(Double.NaN, down.nOpt());
        double[] twoSizes = {1e8, 1e8, 2e8, 2e8};
        IsoFlop.Profile two = IsoFlop.profile(1e20, new int[] {0, 1, 2, 3}, twoSizes, new double[] {3, 3.1, 2.9, 2.95});
        assertFalse(two.valid());
        assertEquals("only 2 distinct model sizes at compute 1e+20; a parabola needs 3", two.note());
        IsoFlop.Profile one = IsoFlop.profile(1e20, new int[] {0, 1}, twoSizes, new double[] {3, 3.1, 2.9, 2.95});
        assertEquals("only 1 distinct model size at compute 1e+20; a parabola needs 3", one.note());
        // three sizes, one of them twice, are enough
        double[] threeSizes = {1e8, 2e8, 2e8, 4e8};
        assertTrue(IsoFlop.profile(1e20, new int[] {0, 1, 2, 3}, threeSizes, new double[] {3.0, 2.9, 2.92, 3.0}).valid());
    }

    @Test
    void aFlatProfileHasNoMinimum() {
        // every size reaches the same loss: the parabola is the constant 3 (c₂ = 0), which has no vertex
        IsoFlop.Profile flat = IsoFlop.profile(1e20, ALL, N, new double[] {3, 3, 3, 3, 3});
        assertFalse(flat.valid());
        assertEquals("the loss profile at compute 1e+20 has no minimum (the parabola opens downward)", flat.note());
        assertEquals(Double.NaN, flat.nOpt());
    }
}
