package org.scalefit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Fitter;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.stats.Interval;

/**
 * On 200 seeded synthetic data sets per law, the 95% intervals for the exponent — bootstrap (percentile and
 * BCa) and delta method — cover the truth 90–99% of the time, and so do the 95% prediction bands for a new
 * point one decade beyond the data.
 */
class UncertaintyCoverageTest {
    static final int DATA_SETS = 200;
    static final int REPLICATES = 199;

    record Tally(int delta, int percentile, int bca, int residual, int bandDelta, int bandBoot) {
    }

    static Tally run(Law law, double[] truth, int alphaIndex, double lo, double decades, int n, double noise, long seed,
                     boolean residualPlan) {
        int delta = 0;
        int pct = 0;
        int bca = 0;
        int res = 0;
        int bandD = 0;
        int bandB = 0;
        double trueAlpha = truth[alphaIndex];
        String name = law.parameters().get(alphaIndex);
        for (int s = 0; s < DATA_SETS; s++) {
            SplittableRandom r = new SplittableRandom(seed * 100_003 + s);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = lo * Math.pow(10, decades * i / (n - 1));
                y[i] = law.value(new double[] {x[i]}, truth) * Math.exp(noise * r.nextGaussian());
            }
            double xNew = x[n - 1] * 10;
            double yNew = law.value(new double[] {xNew}, truth) * Math.exp(noise * r.nextGaussian());
            Fit fit = Fitter.fit(law, Observations.of(x, y));
            if (fit.parameter(name).lower() <= trueAlpha && trueAlpha <= fit.parameter(name).upper()) {
                delta++;
            }
            BootstrapResult b = Bootstrap.run(fit, Resampler.rows(), REPLICATES, s, 2);
            if (new Interval(b.parameter(name).lower(), b.parameter(name).upper()).contains(trueAlpha)) {
                pct++;
            }
            if (new Interval(b.parameter(name, IntervalMethod.BCA).lower(), b.parameter(name, IntervalMethod.BCA).upper())
                    .contains(trueAlpha)) {
                bca++;
            }
            if (residualPlan) {
                BootstrapResult rb = Bootstrap.run(fit, Resampler.residuals(fit), REPLICATES, s, 2);
                if (new Interval(rb.parameter(name).lower(), rb.parameter(name).upper()).contains(trueAlpha)) {
                    res++;
                }
            }
            if (Bands.delta(fit, xNew).prediction().contains(yNew)) {
                bandD++;
            }
            if (Bands.bootstrap(b, xNew).prediction().contains(yNew)) {
                bandB++;
            }
        }
        return new Tally(delta, pct, bca, res, bandD, bandB);
    }

    static void assertNominal(String what, int hits) {
        double rate = (double) hits / DATA_SETS;
        System.out.println(what + " coverage " + rate);
        assertTrue(rate >= 0.90 && rate <= 0.99, what + " coverage " + rate + " outside [0.90, 0.99]");
    }

    @Test
    void powerLawExponentIntervalsAndBandsCoverTheTruth() {
        Tally t = run(new PowerLaw(), new double[] {60, 0.05}, 1, 1e18, 5, 20, 0.02, 1, true);
        assertNominal("power-law delta", t.delta());
        assertNominal("power-law bootstrap percentile", t.percentile());
        assertNominal("power-law bootstrap BCa", t.bca());
        assertNominal("power-law residual bootstrap", t.residual());
        assertNominal("power-law delta prediction band one decade out", t.bandDelta());
        assertNominal("power-law bootstrap prediction band one decade out", t.bandBoot());
    }

    @Test
    void offsetPowerLawExponentIntervalsAndBandsCoverTheTruth() {
        Tally t = run(new OffsetPowerLaw(), new double[] {1.8, 1000, 0.15}, 2, 1e17, 6, 30, 0.005, 2, false);
        assertNominal("offset-power-law delta", t.delta());
        assertNominal("offset-power-law bootstrap percentile", t.percentile());
        assertNominal("offset-power-law bootstrap BCa", t.bca());
        assertNominal("offset-power-law delta prediction band one decade out", t.bandDelta());
        assertNominal("offset-power-law bootstrap prediction band one decade out", t.bandBoot());
    }
}
