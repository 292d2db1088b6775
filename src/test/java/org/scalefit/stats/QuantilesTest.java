package org.scalefit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The quantiles and tail probabilities against SciPy 1.17 ({@code scipy.stats.t.ppf}, {@code norm.ppf},
 * {@code norm.cdf}, {@code chi2.sf}, {@code f.sf}) and NumPy 2's {@code numpy.percentile} (linear
 * interpolation), evaluated at the arguments written next to each value. Commons Math inverts Student's t with a
 * solver of absolute accuracy 1e-9 (its default), so t quantiles are held to 1e-9 — still 10⁴ times below the
 * step to a neighbouring degree of freedom even at 400 dof (1.2e-5); the closed-form tails (normal, χ², F) agree
 * with SciPy's to about 1e-15 and are held to 1e-13, or 1e-9 relative in the far tails.
 */
class QuantilesTest {

    @Test
    void studentTMatchesScipy() {
        assertEquals(2.228138851986274, Quantiles.t(0.975, 10), 1e-9, "t.ppf(0.975, 10)");
        assertEquals(1.8124611228116756, Quantiles.t(0.95, 10), 1e-9, "t.ppf(0.95, 10)");
        assertEquals(2.2224334936496004, Quantiles.t(0.95, 3.5), 1e-9, "t.ppf(0.95, 3.5): Welch's fractional dof");
        assertEquals(12.706204736174694, Quantiles.t(0.975, 1), 1e-9, "t.ppf(0.975, 1)");
    }

    @Test
    void twoSidedTUsesTheTableAndTheExactQuantileAlike() {
        assertEquals(2.228138851986274, Quantiles.tTwoSided(0.95, 10), 1e-9, "from the table");
        assertEquals(12.706204736174694, Quantiles.tTwoSided(0.95, 1), 1e-9, "the table's first row");
        assertEquals(2.5881760800347395, Quantiles.tTwoSided(0.99, 400), 1e-9, "t.ppf(0.995, 400): not 95%");
        assertEquals(1.965897465336516, Quantiles.tTwoSided(0.95, 401), 1e-9, "t.ppf(0.975, 401): past the table");
        assertEquals(1.9659123432294627, Quantiles.tTwoSided(0.95, 400), 1e-9, "t.ppf(0.975, 400): the table's last row");
        assertEquals(1.9718962236339088, Quantiles.tTwoSided(0.95, 200), 1e-9, "t.ppf(0.975, 200)");
        assertEquals(Double.NaN, Quantiles.tTwoSided(0.95, 0), "no degrees of freedom");
        assertEquals(Double.NaN, Quantiles.tTwoSided(0.90, -3));
    }

    @Test
    void normalQuantileAndCdfMatchScipy() {
        assertEquals(1.959963984540054, Quantiles.normal(0.975), 1e-12, "norm.ppf(0.975)");
        assertEquals(0.06680720126885807, Quantiles.normalCdf(-1.5), 1e-14, "norm.cdf(-1.5)");
    }

    @Test
    void chiSquareSurvivalKeepsTinyTails() {
        assertEquals(1.2197916546792866e-16, Quantiles.chiSquareSurvival(84.0, 5), 1e-9 * 1.22e-16, "chi2.sf(84, 5)");
        assertEquals(0.22313016014842982, Quantiles.chiSquareSurvival(3.0, 2), 1e-13, "chi2.sf(3, 2) = e^-1.5");
        assertEquals(0.9747728793699604, Quantiles.chiSquareSurvival(1e-3, 1), 1e-13, "chi2.sf(1e-3, 1)");
        assertEquals(1.0, Quantiles.chiSquareSurvival(0.0, 3), 0.0);
        assertEquals(1.0, Quantiles.chiSquareSurvival(-2.0, 3), 0.0);
        assertEquals(Double.NaN, Quantiles.chiSquareSurvival(Double.NaN, 3));
    }

    @Test
    void fSurvivalMatchesScipy() {
        assertEquals(0.11903956265827809, Quantiles.fSurvival(2.5, 3, 10), 1e-13, "f.sf(2.5, 3, 10)");
        assertEquals(0.6160016433881316, Quantiles.fSurvival(0.7, 4, 7), 1e-13, "f.sf(0.7, 4, 7)");
        assertEquals(0.000376507118583527, Quantiles.fSurvival(12.0, 2, 20), 1e-9 * 3.77e-4, "f.sf(12, 2, 20)");
        assertEquals(1.589553175596413e-06, Quantiles.fSurvival(40.0, 3, 12), 1e-9 * 1.59e-6, "f.sf(40, 3, 12)");
        assertEquals(0.5, Quantiles.fSurvival(1.0, 1, 1), 1e-14, "f.sf(1, 1, 1): F(1, 1) has median 1");
        assertEquals(1.0, Quantiles.fSurvival(0.0, 3, 10), 0.0);
        assertEquals(1.0, Quantiles.fSurvival(-0.5, 3, 10), 0.0, "a negative F from rounding is no evidence");
        assertEquals(0.0, Quantiles.fSurvival(Double.POSITIVE_INFINITY, 3, 10), 0.0);
        assertEquals(Double.NaN, Quantiles.fSurvival(Double.NaN, 3, 10));
    }

    @Test
    void percentileInterpolatesAsNumpy() {
        double[] v = {1, 2, 4, 8, 16};
        // numpy.percentile([1, 2, 4, 8, 16], [0, 10, 25, 50, 90, 100]) = 1, 1.4, 2, 4, 12.8, 16
        assertEquals(1.0, Quantiles.percentile(v, 0), 0.0);
        assertEquals(1.4, Quantiles.percentile(v, 0.10), 1e-15);
        assertEquals(2.0, Quantiles.percentile(v, 0.25), 0.0);
        assertEquals(4.0, Quantiles.percentile(v, 0.5), 0.0);
        assertEquals(12.8, Quantiles.percentile(v, 0.9), 1e-14);
        assertEquals(16.0, Quantiles.percentile(v, 1), 0.0);
        assertEquals(7.0, Quantiles.percentile(new double[] {7}, 0.3), 0.0, "one value is every quantile");
        // equal neighbours: no interpolation (and no 0·∞ when both are infinite)
        assertEquals(Double.POSITIVE_INFINITY, Quantiles.percentile(new double[] {1, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY}, 0.75), 0.0);
    }

    @Test
    void percentileWithInfinitiesTakesTheInfiniteNeighbour() {
        double inf = Double.POSITIVE_INFINITY;
        // between 2 and +∞ the linear interpolation is +∞ (plain percentile gives the same through 2 + f·∞)
        assertEquals(inf, Quantiles.percentileWithInfinities(new double[] {1, 2, inf}, 0.75), 0.0);
        // between −∞ and 1: −∞, where plain interpolation would give −∞ + f·∞ = NaN
        assertEquals(Double.NEGATIVE_INFINITY, Quantiles.percentileWithInfinities(new double[] {-inf, 1, 2}, 0.25), 0.0);
        assertEquals(Double.NaN, Quantiles.percentile(new double[] {-inf, 1, 2}, 0.25), "why the variant exists");
        // finite neighbours, or a quantile exactly on an order statistic: NumPy's value
        assertEquals(1.5, Quantiles.percentileWithInfinities(new double[] {-inf, 1, 2}, 0.75), 1e-15);
        assertEquals(1.0, Quantiles.percentileWithInfinities(new double[] {-inf, 1, 2}, 0.5), 0.0);
        assertEquals(inf, Quantiles.percentileWithInfinities(new double[] {1, 2, inf}, 1.0), 0.0);
        // exactly on an order statistic next to an infinite one: that statistic, not the infinity
        assertEquals(2.0, Quantiles.percentileWithInfinities(new double[] {1, 2, inf}, 0.5), 0.0);
    }
}
