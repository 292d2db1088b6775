package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.Exponential;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;

/** Over ≥ 200 seeded noisy replications, the 95% t-intervals cover the true parameters 90–99% of the time. */
class CoverageTest {
    private static final int REPLICATIONS = 300;

    private static double[] logSpaced(double lo, double decades, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(10, decades * i / (n - 1));
        }
        return x;
    }

    /** Fraction of replications whose interval covers the truth, per parameter. */
    private static double[] coverage(Law law, double[] x, double[] truth, double logNoise, long seed) {
        int np = truth.length;
        int[] hits = new int[np];
        for (int rep = 0; rep < REPLICATIONS; rep++) {
            SplittableRandom r = new SplittableRandom(seed * 7919 + rep);
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = law.value(new double[] {x[i]}, truth) * Math.exp(logNoise * r.nextGaussian());
            }
            Fit fit = Fitter.fit(law, Observations.of(x, y));
            for (int j = 0; j < np; j++) {
                Parameter p = fit.parameters().get(j);
                if (p.lower() <= truth[j] && truth[j] <= p.upper()) {
                    hits[j]++;
                }
            }
        }
        double[] out = new double[np];
        for (int j = 0; j < np; j++) {
            out[j] = (double) hits[j] / REPLICATIONS;
        }
        return out;
    }

    private static void assertNominal(double[] cov, Law law) {
        for (int j = 0; j < cov.length; j++) {
            assertTrue(cov[j] >= 0.90 && cov[j] <= 0.99,
                    law.name() + " " + law.parameters().get(j) + " coverage " + cov[j] + " outside [0.90, 0.99]");
        }
    }

    @Test
    void powerLawIntervalsCoverTruth() {
        Law law = new PowerLaw();
        assertNominal(coverage(law, logSpaced(1e15, 8, 20), new double[] {60, 0.05}, 0.01, 1), law);
    }

    @Test
    void offsetPowerLawIntervalsCoverTruth() {
        Law law = new OffsetPowerLaw();
        assertNominal(coverage(law, logSpaced(1e17, 6, 30), new double[] {1.8, 1000, 0.15}, 0.005, 2), law);
    }

    @Test
    void exponentialIntervalsCoverTruth() {
        Law law = new Exponential();
        double[] x = new double[25];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        assertNominal(coverage(law, x, new double[] {3, 0.2}, 0.05, 3), law);
    }
}
