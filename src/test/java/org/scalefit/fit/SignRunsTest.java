package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Wald–Wolfowitz runs test against its closed form: with n₊ positive and n₋ negative signs (N = n₊ + n₋), the
 * expected number of runs is 1 + 2n₊n₋/N and its variance 2n₊n₋(2n₊n₋ − N)/(N²(N − 1)) (Wald and Wolfowitz 1940;
 * the numbers below worked out in Python from those formulas, 2026-12-07).
 */
class SignRunsTest {
    @Test
    void runsExpectedAndZOfAMixedSequenceWithAZeroSkipped() {
        // Signs + + (0) − − − + − + +: the zero is skipped, leaving ++−−−+−++ with n₊ = 5, n₋ = 4 and 5 runs.
        SignRuns r = SignRuns.of(new double[] {0.3, 1e-9, 0.0, -2, -0.5, -1e-12, 4, -3, 0.1, 7});
        assertEquals(5, r.runs());
        assertEquals(5.444444444444445, r.expected(), 1e-15);
        assertEquals(-0.32128773156099966, r.z(), 1e-14);
    }

    @Test
    void twoLongRunsAreStronglySystematic() {
        // ++++−−−−: 2 runs where 5 are expected, variance 1.7142857 → z = −2.2912878474779204.
        SignRuns r = SignRuns.of(new double[] {1, 2, 3, 4, -1, -2, -3, -4});
        assertEquals(2, r.runs());
        assertEquals(5.0, r.expected(), 0);
        assertEquals(-2.2912878474779204, r.z(), 1e-14);
    }

    @Test
    void oneSignOrTooFewLeaveTheTestUndefined() {
        SignRuns same = SignRuns.of(new double[] {1, 2, 0, 3});
        assertEquals(1, same.runs());
        assertTrue(Double.isNaN(same.expected()) && Double.isNaN(same.z()));
        SignRuns negative = SignRuns.of(new double[] {-1, -2, -3});
        assertEquals(1, negative.runs());
        assertTrue(Double.isNaN(negative.expected()) && Double.isNaN(negative.z()));
        // One of each sign: expected 2 runs, variance 2·1·1·(2 − 2)/(4·1) = 0, so z is undefined.
        SignRuns two = SignRuns.of(new double[] {1, -1});
        assertEquals(2, two.runs());
        assertEquals(2.0, two.expected(), 0);
        assertTrue(Double.isNaN(two.z()));
        assertEquals(0, SignRuns.of(new double[] {0, 0}).runs());
    }
}
