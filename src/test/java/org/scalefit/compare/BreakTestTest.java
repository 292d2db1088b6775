package org.scalefit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;

/**
 * The break test's false-alarm rate on clean power laws stays near its nominal 5% (≤ 10% required) and it
 * catches a 30% change of exponent at the last third of the data in ≥ 90% of seeds at moderate noise.
 */
class BreakTestTest {
    static final int N = 30;
    static final double DECADES = 6;
    static final double NOISE = 0.03;

    /** y = 10·x^(−0.1) with the exponent multiplied by {@code factor} beyond two thirds of the ln x range. */
    static Observations data(double factor, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[N];
        double[] y = new double[N];
        double u0 = Math.log(1e18);
        double uBreak = u0 + 2.0 / 3 * DECADES * Math.log(10);
        for (int i = 0; i < N; i++) {
            double u = u0 + DECADES * Math.log(10) * i / (N - 1);
            x[i] = Math.exp(u);
            double lny = Math.log(10) - 0.1 * u - 0.1 * (factor - 1) * Math.max(u - uBreak, 0);
            y[i] = Math.exp(lny + noise * r.nextGaussian());
        }
        return Observations.of(x, y);
    }

    @Test
    void falseAlarmRateOnCleanPowerLawsIsNearNominal() {
        int alarms = 0;
        int seeds = 300;
        for (int s = 0; s < seeds; s++) {
            if (BreakTest.run(data(1.0, NOISE, s), new BreakOptions("power-law", 0.05, 0, 499, 11 + s, 2)).breakDetected()) {
                alarms++;
            }
        }
        double rate = (double) alarms / seeds;
        System.out.println("false-alarm rate " + rate);
        assertTrue(rate <= 0.10, "false-alarm rate " + rate);
        assertTrue(rate >= 0.01, "a 5% test that never fires is miscalibrated: " + rate);
    }

    @Test
    void catchesAThirtyPercentSlopeChangeAtTheLastThird() {
        int hits = 0;
        int seeds = 200;
        int located = 0;
        double trueBreak = 1e18 * Math.pow(10, 4);
        for (int s = 0; s < seeds; s++) {
            BreakResult r = BreakTest.run(data(1.3, NOISE, 1000 + s), new BreakOptions("power-law", 0.05, 0, 499, 12 + s, 2));
            if (r.breakDetected()) {
                hits++;
                if (r.locationLower() <= trueBreak && trueBreak <= r.locationUpper()) {
                    located++;
                }
            }
        }
        System.out.println("power " + (double) hits / seeds + ", location interval covers truth " + (double) located / hits);
        assertTrue(hits >= 0.9 * seeds, "detected in " + hits + " of " + seeds);
        assertTrue(located >= 0.85 * hits, "location interval covers the true break in " + located + " of " + hits);
    }

    @Test
    void reportsLocationSlopesAndHeldOutPointsOfAClearBreak() {
        BreakResult r = BreakTest.run(data(1.5, 0.01, 5), BreakOptions.defaults());
        assertTrue(r.breakDetected(), r.verdict());
        assertEquals(22, Math.log10(r.location()), 0.3);
        assertEquals(-0.10, r.slopeBefore(), 0.01);
        assertEquals(-0.15, r.slopeAfter(), 0.015);
        assertEquals(10, r.holdout());
        assertTrue(r.outside().size() >= 5, r.verdict());
        assertTrue(r.likelihoodPValue() < 0.01);
        assertTrue(r.verdict().startsWith("off the curve"), r.verdict());
    }

    @Test
    void cleanDataSaysOnTheCurve() {
        BreakResult r = BreakTest.run(data(1.0, 0.01, 3), BreakOptions.defaults());
        assertFalse(r.breakDetected(), r.verdict());
        assertTrue(r.verdict().startsWith("on the curve"), r.verdict());
    }

    @Test
    void sameAnswerOnOneOrTwoThreads() {
        Observations d = data(1.2, NOISE, 9);
        BreakResult one = BreakTest.run(d, new BreakOptions("power-law", 0.05, 0, 999, 5, 1));
        BreakResult two = BreakTest.run(d, new BreakOptions("power-law", 0.05, 0, 999, 5, 2));
        assertEquals(one, two);
    }

    @Test
    void badInput() {
        Observations tiny = Observations.of(new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1});
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> BreakTest.run(tiny, BreakOptions.defaults()));
        assertEquals("breaks needs at least 8 points to compare a single trend with a broken one; data has 5", e.getMessage());
        assertThrows(InvalidDataException.class, () -> BreakTest.run(data(1, 0.01, 1), BreakOptions.defaults().withHoldout(27)));
    }

    /** The first {@code n} points of {@link #data} with the noise of seed 1. */
    private static Observations first(int n) {
        Observations d = data(1, 0.01, 1);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return d.select(rows);
    }

    @Test
    void theSmallestDataAndHoldoutAreAccepted() {
        BreakOptions quick = new BreakOptions("power-law", 0.05, 0, 99, 1, 1);
        assertEquals("breaks needs at least 8 points to compare a single trend with a broken one; data has 7",
                assertThrows(InvalidDataException.class, () -> BreakTest.run(first(7), quick)).getMessage());
        BreakResult eight = BreakTest.run(first(8), quick);
        assertEquals(8, eight.n());
        assertEquals(3, eight.holdout(), "round(8/3)");
        assertEquals(5, eight.trained());
        // a holdout must leave four points to fit the earlier trend
        assertEquals(26, BreakTest.run(data(1, 0.01, 1), quick.withHoldout(26)).holdout());
        assertEquals("--holdout 27 leaves 3 points to fit the earlier trend; it needs at least 4 (data has 30)",
                org.scalefit.TestFlags.message(assertThrows(org.scalefit.InvalidOptionException.class,
                        () -> BreakTest.run(data(1, 0.01, 1), quick.withHoldout(27)))));
        assertEquals(10, BreakTest.run(data(1, 0.01, 1), quick).holdout(), "round(30/3)");
    }

    @Test
    void optionsOutsideTheirRangesAreRefused() {
        assertThrows(InvalidDataException.class, () -> new BreakOptions("cubic", 0.05, 0, 99, 1, 1));
        assertThrows(InvalidDataException.class, () -> new BreakOptions("power-law", 0, 0, 99, 1, 1));
        assertThrows(InvalidDataException.class, () -> new BreakOptions("power-law", 0.5, 0, 99, 1, 1));
        assertThrows(InvalidDataException.class, () -> new BreakOptions("power-law", 0.05, -1, 99, 1, 1));
        assertThrows(InvalidDataException.class, () -> new BreakOptions("power-law", 0.05, 0, 98, 1, 1));
        assertThrows(InvalidDataException.class, () -> new BreakOptions("power-law", 0.05, 0, 99, 1, 0));
        assertEquals(0.49, new BreakOptions("power-law", 0.49, 0, 99, 1, 1).level(), 0.0);
        assertEquals("exponential", new BreakOptions(" Exponential ", 0.05, 0, 99, 1, 1).trend());
        assertFalse(new BreakOptions("doubling", 0.05, 0, 99, 1, 1).logX());
        assertTrue(BreakOptions.defaults().logX());
    }

    /** ln y = 0.1·x, then 0.3 per unit of x beyond the kink, without noise, at x = 0, 1, …, 29 (an exponential trend). */
    private static Observations kinkedAt(double kink) {
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = i;
            y[i] = Math.exp(0.1 * i + 0.2 * Math.max(i - kink, 0));
        }
        return Observations.of(x, y);
    }

    /**
     * The location interval and whether it reaches the edge, worked out by hand. With 30 points the break is searched
     * between the 5th and the 5th-last x (m = max(3, ⌈0.15·30⌉) = 5), x = 4 to 25, on the grid τ_g = 4 + 21·g/99. A kink
     * at x = 11 is grid point 33 (21·33/99 = 7 exactly); without noise the hinge there fits exactly, so the likelihood
     * ratio there dwarfs every other grid point's, the simulated cut-off (noise scale √(RSS/(n − 4)) = 0) is 0, and the
     * interval is that one point — well inside the grid. A kink at x = 1 lies below the searched range: the nearest
     * hinge, the grid's first point, fits best, so the interval starts at the edge and says so.
     */
    @Test
    void theLocationIntervalSaysWhenItReachesTheEdgeOfTheSearchedRange() {
        BreakOptions options = new BreakOptions("exponential", 0.05, 0, 99, 3, 1);
        BreakResult inside = BreakTest.run(kinkedAt(11), options);
        assertEquals(11.0, inside.location(), 1e-12);
        assertEquals(11.0, inside.locationLower(), 1e-12);
        assertEquals(11.0, inside.locationUpper(), 1e-12);
        assertFalse(inside.locationAtEdge());
        assertEquals(0.1, inside.slopeBefore(), 1e-9);
        assertEquals(0.3, inside.slopeAfter(), 1e-9);
        assertFalse(inside.verdict().contains("edge"), inside.verdict());
        BreakResult edge = BreakTest.run(kinkedAt(1), options);
        assertEquals(4.0, edge.location(), 0.0, "the first grid point");
        assertEquals(4.0, edge.locationLower(), 0.0);
        assertTrue(edge.locationAtEdge());
        assertTrue(edge.verdict().contains("(95% interval 4 – " + org.scalefit.Numbers.format(edge.locationUpper(), 3)
                + ", reaching the edge of the searched range)"), edge.verdict());
    }

    /** {@code n} points y = x^(−1/2)·(1 ± 1%) at x = 1 … n, with the given changes. */
    private static double[][] wobbly(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = Math.pow(x[i], -0.5) * (i % 2 == 0 ? 1.01 : 0.99);
        }
        return new double[][] {x, y};
    }

    private static String refusal(double[] x, double[] y, String trend) {
        return assertThrows(InvalidDataException.class,
                () -> BreakTest.run(Observations.of(x, y), new BreakOptions(trend, 0.05, 0, 99, 1, 1))).getMessage();
    }

    @Test
    void dataWithoutATrendToBreakAreRefusedWithTheReason() {
        double[][] d = wobbly(8);
        double[] zeroX = d[0].clone();
        zeroX[0] = 0;
        assertTrue(refusal(zeroX, d[1], "power-law").startsWith("a power-law trend needs x > 0: "), refusal(zeroX, d[1], "power-law"));
        BreakTest.run(Observations.of(zeroX, d[1]), new BreakOptions("exponential", 0.05, 0, 99, 1, 1));
        double[] zeroY = d[1].clone();
        zeroY[7] = 0;
        assertTrue(refusal(d[0], zeroY, "exponential").startsWith("breaks fits ln y and needs y > 0: "));
        assertEquals("all x in data are equal: there is no trend to break", refusal(new double[8], d[1], "exponential"));
        double[] flat = new double[8];
        java.util.Arrays.fill(flat, 2.0);
        assertEquals("all 8 values of \"y\" in data are equal (2.0): there is no trend to fit", refusal(d[0], flat, "power-law"));
        // the last value alone differs: still a trend to fit
        flat[7] = 2.5;
        BreakTest.run(Observations.of(d[0], flat), new BreakOptions("power-law", 0.05, 0, 99, 1, 1));
        // 8 points need 3 on each side of a break (max(3, ⌈0.15·8⌉)): the 3rd and 6th smallest x must differ
        assertEquals("too few distinct x in data to place a break with 3 points on each side",
                refusal(new double[] {1, 1, 1, 1, 1, 1, 2, 3}, d[1], "exponential"));
        BreakTest.run(Observations.of(new double[] {1, 1, 1, 1, 1, 2, 3, 4}, d[1]), new BreakOptions("exponential", 0.05, 0, 99, 1, 1));
        double[] exact = new double[8];
        for (int i = 0; i < 8; i++) {
            exact[i] = Math.pow(d[0][i], -0.5);
        }
        assertEquals("the 8 points of data lie exactly on one power-law trend (residuals at rounding level): there is no "
                + "scatter to test a break against", refusal(d[0], exact, "power-law"));
        // the rounding threshold scales with Σ(ln y)²: large values (Σ(ln y)² = 125 > n) are refused as well
        double[] large = new double[8];
        for (int i = 0; i < 8; i++) {
            large[i] = 100 * exact[i];
        }
        assertTrue(refusal(d[0], large, "power-law").startsWith("the 8 points of data lie exactly on one power-law trend"));
    }

    /**
     * The verdict of the noise-free kink at x = 11 (see above), in the words of each trend. The p-value of the
     * likelihood ratio is 1/(99 + 1) = 0.01: the exact hinge's ratio (RSS down to rounding) is beyond every one of the
     * 99 simulations of Gaussian noise; the slopes 0.1 and 0.3 per unit of x are the data's own.
     */
    @Test
    void theVerdictNamesTheBendAndTheSlopesInTheTrendsOwnWords() {
        BreakResult exp = BreakTest.run(kinkedAt(11), new BreakOptions("exponential", 0.05, 0, 99, 3, 1));
        assertTrue(exp.breakDetected());
        assertEquals(0.01, exp.likelihoodPValue(), 1e-15);
        assertTrue(exp.verdict().startsWith("off the curve: a single exponential does not describe data at the 5% level; the "
                + "most likely bend is at x ≈ 11 (95% interval 11 – 11), where the growth rate of ln y changes from 0.1 to 0.3 "
                + "per unit of x (max likelihood ratio "), exp.verdict());
        assertTrue(exp.verdict().contains(", p = 0.01 from 99 simulations of a single exponential); "), exp.verdict());
        assertTrue(exp.verdict().contains(" of the 10 latest points fall outside the 95% prediction interval of the trend of "
                + "the earlier ones (0.5 expected by chance; Chow p = "), exp.verdict());
        // the same data on dates (x in days since 1970): the bend on 2024-10-15 = day 20011
        Observations k = kinkedAt(11);
        double[] days = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            days[i] = 20000 + k.x(i);
            y[i] = k.y(i);
        }
        BreakResult dated = BreakTest.run(Observations.of(days, y), new BreakOptions("doubling", 0.05, 0, 99, 3, 1));
        assertTrue(dated.verdict().contains("the most likely bend is at x ≈ 2024-10-15 (95% interval 2024-10-15 – 2024-10-15)"),
                dated.verdict());
        // as a power law: x = e^(0.1·i), ln y = −0.1·ln x, then −0.3·ln x beyond ln x = 1.1 (the 12th point); the verdict
        // prints the exponent as minus the slope, 0.1 → 0.3
        double[] x = new double[N];
        double[] py = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Math.exp(0.1 * i);
            py[i] = Math.exp(-0.1 * Math.log(x[i]) - 0.2 * Math.max(Math.log(x[i]) - 1.1, 0));
        }
        BreakResult power = BreakTest.run(Observations.of(x, py), new BreakOptions("power-law", 0.05, 0, 99, 3, 1));
        assertTrue(power.verdict().contains("where the exponent changes from 0.1 to 0.3 ("), power.verdict());
    }

    /** Two stages of 99 simulations each: the null distribution, then the location cut-off, reported out of 198. */
    @Test
    void progressCountsBothSetsOfSimulations() {
        java.util.List<long[]> seen = new java.util.ArrayList<>();
        BreakTest.run(kinkedAt(11), new BreakOptions("exponential", 0.05, 0, 99, 3, 1), (done, total) -> seen.add(new long[] {done, total}));
        assertEquals(2 * 100, seen.size(), "an update at the start of each stage and one per simulation");
        seen.forEach(s -> assertEquals(198, s[1]));
        assertEquals(0, seen.get(0)[0]);
        assertEquals(99, seen.get(99)[0], "the first stage ends half way");
        assertEquals(99, seen.get(100)[0], "the second starts there");
        assertEquals(198, seen.get(seen.size() - 1)[0]);
    }
}
