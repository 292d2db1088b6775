package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.scalefit.stats.Interval;

/**
 * The closed-form trend shapes on eight dated points, against SciPy 1.17 / NumPy 2 run on the same numbers:
 * the exponential trend and its OLS doubling-time interval against {@code scipy.stats.linregress} with
 * {@code scipy.stats.t.ppf(0.975, n − 2)} mapped to ln 2/b; the hinge with a given break against
 * {@code numpy.linalg.lstsq} on the columns 1, min(u, 0), max(u, 0) with u = (t − break)/365.2425.
 */
class TrendShapesTest {
    private static final double[] T = {18000, 18100, 18250, 18400, 18600, 18700, 18900, 19100};
    private static final double[] Y = {0.1, 0.45, 0.62, 1.3, 1.75, 1.6, 2.4, 2.9};

    @Test
    void theExponentialTrendAndItsOlsIntervalAreLinregress() {
        TrendCurve exp = TrendShapes.exponential(T, Y, 8, T[0]);
        assertEquals(0.002481021681021681, exp.slopePerDay(), 1e-15);
        assertEquals(279.379735317149, exp.doublingTimeDays(T[0]), 1e-9);
        Interval ci = TrendShapes.olsInterval(T, Y, 8, exp, 0.95);
        assertEquals(242.9541183114394, ci.lower(), 1e-9);
        assertEquals(328.65418980396254, ci.upper(), 1e-9);
        assertEquals(0.95, ci.level(), 0.0);
        assertEquals(8, ci.used());
    }

    @Test
    void anOlsIntervalReachingAFlatTrendHasNoUpperEnd() {
        // three points, one degree of freedom: the slope's interval [−0.0248, 0.0265] per day contains 0
        double[] t = {18000, 18300, 18600};
        double[] y = {1.0, 0.2, 1.5};
        TrendCurve exp = TrendShapes.exponential(t, y, 3, t[0]);
        Interval ci = TrendShapes.olsInterval(t, y, 3, exp, 0.95);
        assertEquals(26.147527425773212, ci.lower(), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, ci.upper());
        Interval two = TrendShapes.olsInterval(t, y, 2, TrendShapes.exponential(t, y, 2, t[0]), 0.95);
        assertEquals(Double.NaN, two.lower(), "two points leave no degree of freedom");
    }

    @Test
    void theHingeWithAGivenBreakIsLeastSquares() {
        TrendCurve c = TrendShapes.hinge(T, Y, 8, 18500, 4);
        assertNotNull(c);
        assertEquals(1.390826166143883, c.lnHorizon(18500), 1e-12);
        assertEquals(0.9261889015228166 / 365.2425, Math.log(2) / c.doublingTimeDays(18499), 1e-15);
        assertEquals(0.8887093223085092 / 365.2425, c.slopePerDay(), 1e-15);
        assertEquals(0.14527473945158353, c.rss(), 1e-12);
        assertEquals(0.9780637907390476, c.r2(), 1e-12, "1 − RSS/Σ(y − ȳ)², NumPy");
        assertEquals(4, c.informationParameters());
        assertEquals(8, c.n());
    }

    @Test
    void eachSideOfABreakNeedsTwoPointsCountingOneOnTheBreak() {
        assertNull(TrendShapes.hinge(T, Y, 8, 18050, 4), "one point before the break");
        assertNotNull(TrendShapes.hinge(T, Y, 8, 18100, 4), "the point on the break counts on both sides");
        assertNull(TrendShapes.hinge(T, Y, 8, 19000, 4), "one point after the break");
        assertNotNull(TrendShapes.hinge(T, Y, 8, 18900, 4));
    }
}
