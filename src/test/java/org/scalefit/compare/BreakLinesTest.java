package org.scalefit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.stats.Interval;

/**
 * The lines drawn for a break: on a noise-free kink the broken trend passes through every point (it is the model
 * that generated them), and the earlier trend with its prediction interval is the least-squares line through the
 * trained points, against NumPy 2 / SciPy 1.17: {@code np.polyfit(x[:20], ln y[:20], 1)}, s² = RSS/18,
 * {@code stats.t.ppf(0.975, 18)}, exp(ŷ ± t·√(s²(1 + 1/20 + (x₀ − x̄)²/Sxx))).
 */
class BreakLinesTest {
    private static final BreakOptions EXPONENTIAL = new BreakOptions("exponential", 0.05, 0, 99, 3, 1);

    /** ln y = 0.1·x, then 0.3 per unit beyond x = 11, at x = 0 … 29 (as in BreakTestTest). */
    private static Observations kinked() {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[29 - i] = i;   // given in reverse: the lines sort by x as the test does
            y[29 - i] = Math.exp(0.1 * i + 0.2 * Math.max(i - 11, 0));
        }
        return Observations.of(x, y);
    }

    @Test
    void theBrokenTrendPassesThroughANoiseFreeKink() {
        Observations d = kinked();
        BreakResult r = BreakTest.run(d, EXPONENTIAL);
        BreakLines lines = BreakLines.of(d, r, EXPONENTIAL);
        assertFalse(lines.logX());
        assertEquals(11.0, lines.breakAt(), 1e-12);
        assertEquals(0.1, lines.slopeBefore(), 1e-10);
        assertEquals(0.2, lines.slopeChange(), 1e-10);
        assertEquals(14.5, lines.mean(), 1e-12, "the mean of x = 0 … 29");
        for (int i = 0; i < 30; i++) {
            double y = Math.exp(0.1 * i + 0.2 * Math.max(i - 11, 0));
            assertEquals(y, lines.broken(i), 1e-9 * y, "x = " + i);
        }
    }

    @Test
    void theEarlierTrendAndItsPredictionIntervalAreTheTrainedPointsLine() {
        Observations d = kinked();
        BreakResult r = BreakTest.run(d, EXPONENTIAL);
        assertEquals(20, r.trained());
        BreakLines lines = BreakLines.of(d, r, EXPONENTIAL);
        assertEquals(19.0, lines.lastTrained(), 0.0);
        assertEquals(0.95, lines.level(), 1e-15);
        assertEquals(0.17759398496240603, lines.earlySlope(), 1e-12, "np.polyfit slope");
        assertEquals(0.0868972431077694, lines.variance(), 1e-12, "RSS/18");
        assertEquals(2.1009220402410382, lines.t(), 1e-9, "t.ppf(0.975, 18)");
        assertEquals(58.131446594909846, lines.earlier(25), 1e-9 * 58.13);
        Interval at25 = lines.earlierPrediction(25);
        assertEquals(27.853967996233003, at25.lower(), 1e-8 * 27.85);
        assertEquals(121.32077855743465, at25.upper(), 1e-8 * 121.3);
        Interval at5 = lines.earlierPrediction(5);
        assertEquals(0.8755348257183235, at5.lower(), 1e-8);
        assertEquals(3.17267311119772, at5.upper(), 1e-8 * 3.17);
        assertTrue(at25.width() > at5.width(), "wider away from the trained points");
    }

    @Test
    void aPowerLawIsDrawnInLnX() {
        // x = e^(0.1·i), ln y = −0.1·ln x, then −0.3·ln x beyond ln x = 1.1: the same kink in ln x
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = Math.exp(0.1 * i);
            y[i] = Math.exp(-0.1 * Math.log(x[i]) - 0.2 * Math.max(Math.log(x[i]) - 1.1, 0));
        }
        BreakOptions power = new BreakOptions("power-law", 0.05, 0, 99, 3, 1);
        Observations d = Observations.of(x, y);
        BreakLines lines = BreakLines.of(d, BreakTest.run(d, power), power);
        assertTrue(lines.logX());
        assertEquals(Math.exp(1.1), lines.breakAt(), 1e-9);
        assertEquals(Math.exp(1.9), lines.lastTrained(), 1e-12, "the 20th point");
        for (int i = 0; i < 30; i += 7) {
            assertEquals(y[i], lines.broken(x[i]), 1e-9 * y[i], "x = " + x[i]);
        }
        // in u = ln x = 0.1·i, ln y is −0.1 times the exponential case's ln y in i, so the earlier slope per unit of u
        // is minus np.polyfit's 0.17759398496240603
        assertEquals(-0.17759398496240603, lines.earlySlope(), 1e-11);
    }

    /**
     * Weighted points (weights 1, 2, 3, 1, 2, 3, … by x): the hinge still passes through every noise-free point, and
     * the earlier trend is the weighted least-squares line, against {@code np.polyfit(x[:20], ln y[:20], 1,
     * w=np.sqrt(weights[:20]))}: slope 0.17852985198736074, exp(ŷ(25)) = 58.20733098991466.
     */
    @Test
    void weightsEnterBothLines() {
        double[] x = new double[30];
        double[] y = new double[30];
        double[] w = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = i;
            y[i] = Math.exp(0.1 * i + 0.2 * Math.max(i - 11, 0));
            w[i] = 1 + i % 3;
        }
        Observations d = Observations.builder().predictor("x", x).response("y", y).weights("w", w).build();
        BreakResult r = BreakTest.run(d, EXPONENTIAL);
        BreakLines lines = BreakLines.of(d, r, EXPONENTIAL);
        // the weighted mean of x: Σ w·x / Σ w
        double swx = 0;
        double sw = 0;
        for (int i = 0; i < 30; i++) {
            swx += w[i] * x[i];
            sw += w[i];
        }
        assertEquals(swx / sw, lines.mean(), 1e-12);
        for (int i = 0; i < 30; i++) {
            assertEquals(y[i], lines.broken(x[i]), 1e-9 * y[i], "x = " + i);
        }
        assertEquals(0.17852985198736074, lines.earlySlope(), 1e-12);
        assertEquals(58.20733098991466, lines.earlier(25), 1e-9 * 58.2);
    }
}
