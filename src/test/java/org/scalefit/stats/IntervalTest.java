package org.scalefit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Percentile intervals of replicates against NumPy 2 ({@code np.percentile(v[~np.isnan(v)], [2.5, 97.5])}, linear
 * interpolation), with NaN replicates counted apart, and the small arithmetic of an interval.
 */
class IntervalTest {

    @Test
    void percentileIntervalLeavesNaNOutAndCountsIt() {
        double[] v = {3.0, Double.NaN, 1.0, 4.0, 1.5, 9.0, 2.6, Double.NaN, 5.0, 3.3};
        Interval i = Interval.percentile(v, 0.95);
        // np.percentile([3, 1, 4, 1.5, 9, 2.6, 5, 3.3], [2.5, 97.5]) = 1.0875, 8.3
        assertEquals(1.0875, i.lower(), 1e-14);
        assertEquals(8.3, i.upper(), 1e-14);
        assertEquals(0.95, i.level(), 0.0);
        assertEquals(8, i.used());
        assertEquals(2, i.excluded());
        // np.percentile(..., [25, 75]) = 2.325, 4.25
        Interval half = Interval.percentile(v, 0.5);
        assertEquals(2.325, half.lower(), 1e-14);
        assertEquals(4.25, half.upper(), 1e-14);
    }

    @Test
    void infiniteReplicatesMakeAnUnboundedSide() {
        double inf = Double.POSITIVE_INFINITY;
        Interval i = Interval.percentile(new double[] {1, 2, 3, inf}, 0.9);
        // np.percentile: 0.05 quantile 1 + 0.15·(2 − 1) = 1.15; the 0.95 quantile lies between 3 and +∞, where NumPy's
        // interpolation gives NaN and the documented answer is +∞, an unbounded side
        assertEquals(1.15, i.lower(), 1e-15);
        assertEquals(inf, i.upper(), 0.0);
        assertFalse(i.isFinite());
        assertEquals(4, i.used(), "an infinite value is a value (the horizon above every task), not a missing one");
    }

    @Test
    void noValueAtAllGivesAnUnknownInterval() {
        Interval i = Interval.percentile(new double[] {Double.NaN, Double.NaN, Double.NaN}, 0.8);
        assertEquals(Double.NaN, i.lower());
        assertEquals(Double.NaN, i.upper());
        assertEquals(0.8, i.level(), 0.0);
        assertEquals(0, i.used());
        assertEquals(3, i.excluded());
        Interval none = Interval.none(0.9);
        assertEquals(Double.NaN, none.lower());
        assertEquals(0.9, none.level(), 0.0);
        assertEquals(0, none.used());
        assertFalse(none.isFinite());
        assertFalse(none.contains(0));
    }

    @Test
    void containsIsClosedAndWidthIsTheDifference() {
        Interval i = new Interval(0.12, 0.17);
        assertEquals(Double.NaN, i.level());
        assertEquals(0, i.used());
        assertEquals(0, i.excluded());
        assertTrue(i.contains(0.12));
        assertTrue(i.contains(0.17));
        assertTrue(i.contains(0.15));
        assertFalse(i.contains(0.11));
        assertFalse(i.contains(0.18));
        assertEquals(0.05, i.width(), 1e-16);
        assertTrue(i.isFinite());
        assertFalse(new Interval(0.12, Double.POSITIVE_INFINITY).isFinite());
        assertFalse(new Interval(Double.NEGATIVE_INFINITY, 0.17).isFinite());
    }
}
