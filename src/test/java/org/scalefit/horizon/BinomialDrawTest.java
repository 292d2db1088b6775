package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.stats.Interval;

/**
 * Tasks with many runs draw their bootstrap successes by inverting a tabulated Binomial(n, k/n)
 * CDF: the table is the exact distribution, the draws have its mean and variance, and a bootstrap
 * of such runs is as reproducible as one drawing run by run.
 */
class BinomialDrawTest {
    private static double exactPmf(int n, int k, int i) {
        BigDecimal p = BigDecimal.valueOf(k).divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
        BigDecimal q = BigDecimal.ONE.subtract(p);
        BigInteger c = BigInteger.ONE;
        for (int j = 0; j < i; j++) {
            c = c.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
        }
        return new BigDecimal(c).multiply(p.pow(i, MathContext.DECIMAL128)).multiply(q.pow(n - i, MathContext.DECIMAL128))
                .doubleValue();
    }

    @Test
    void tabulatedCdfIsTheExactBinomial() {
        for (int[] nk : new int[][] {{17, 1}, {40, 10}, {167, 83}, {300, 299}}) {
            int n = nk[0];
            int k = nk[1];
            double[] cdf = new double[n + 3];
            Horizons.binomialCdf(n, k, cdf, 2);
            double acc = 0;
            for (int i = 0; i < n; i++) {
                acc += exactPmf(n, k, i);
                assertEquals(acc, cdf[2 + i], 1e-13, "n " + n + " k " + k + " i " + i);
            }
            assertEquals(Double.POSITIVE_INFINITY, cdf[2 + n]);
        }
        // Large n with a rare success: no underflow, the mass is all there.
        double[] big = new double[5001];
        Horizons.binomialCdf(5000, 1, big, 0);
        assertEquals(Math.pow(1 - 1 / 5000.0, 5000), big[0], 1e-12);
        assertEquals(1.0, big[60], 1e-15);
    }

    @Test
    void inversionDrawsHaveTheBinomialMeanAndVariance() {
        int n = 60;
        int k = 12;
        double[] cdf = new double[n + 1];
        Horizons.binomialCdf(n, k, cdf, 0);
        SplittableRandom r = new SplittableRandom(1);
        int draws = 200_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < draws; i++) {
            int x = Horizons.invert(cdf, 0, n, r.nextDouble());
            assertTrue(x >= 0 && x <= n);
            sum += x;
            sq += (double) x * x;
        }
        double mean = sum / draws;
        double var = sq / draws - mean * mean;
        assertEquals(12.0, mean, 4 * Math.sqrt(9.6 / draws));
        assertEquals(9.6, var, 0.15);
        assertEquals(0, Horizons.invert(cdf, 0, n, 0.0));
        assertTrue(Horizons.invert(cdf, 0, n, Math.nextDown(1.0)) > 25, "the top of the unit interval maps to the upper tail");
    }

    @Test
    void manyRunsPerTaskBootstrapIsReproducibleAndCentred() {
        // 40 runs per task: the tabulated path. Intervals bracket the estimate; threads do not matter.
        SyntheticRuns syn = new SyntheticRuns(7, 4, 10, 3, 40, 212, 0.7, 18000, 19000, 2, 0.05, 500);
        HorizonOptions o = HorizonOptions.defaults().withBootstrap(300).withSeed(5);
        HorizonResult a = Horizons.fit(syn.runs, o.withThreads(1));
        HorizonResult b = Horizons.fit(syn.runs, o.withThreads(2));
        for (String m : syn.models) {
            assertEquals(a.interval(m, 0.5), b.interval(m, 0.5));
            Interval ci = a.interval(m, 0.5);
            assertTrue(ci.lower() < a.model(m).p50() && a.model(m).p50() < ci.upper(), m + " " + ci);
        }
        // Without run resampling (tasks only) the tables are not used and the draws differ.
        HorizonResult t = Horizons.fit(syn.runs, o.withResampling(Resampling.TASK).withThreads(1));
        assertTrue(!t.interval(syn.models.get(0), 0.5).equals(a.interval(syn.models.get(0), 0.5)));
    }
}
