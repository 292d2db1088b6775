package org.scalefit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.Fitter;
import org.scalefit.model.PowerLaw;

/**
 * Confidence and prediction bands of a weighted fit, against oracles that share no code with {@link Bands}:
 * the delta-method bands against the closed-form weighted least-squares intervals (exact, since a power
 * law is a straight line in log space), the bootstrap bands against the replicates recomputed here.
 */
class BandsTest {
    private static final Observations DATA = WeightedLine.weightedPowerLaw(5);
    private static final Fit FIT = Fitter.fit(new PowerLaw(), DATA);
    private static final WeightedLine LINE = WeightedLine.ofLogLog(DATA);
    /** SciPy 1.17: {@code scipy.stats.t.ppf(0.975, 7)} (nine points, two parameters). */
    private static final double T_7 = 2.364624251592784;
    /** The median of the weights 1,4,2,3,1,5,2,1,3: the weight of a new point. */
    private static final double NEW_POINT_WEIGHT = 2;

    @Test
    void deltaBandsAreTheWeightedLeastSquaresIntervals() {
        for (double x : new double[] {1e17, 3e20, 1e24}) {
            double u = Math.log(x);
            double g = LINE.b0 + LINE.b1 * u;
            double s2 = LINE.sigma2();
            // confidence: t·σ̂·√(xᵀ(XᵀWX)⁻¹x); prediction adds σ̂²/w of a new point of the median weight
            double conf = T_7 * Math.sqrt(s2 * LINE.leverage(u));
            double pred = T_7 * Math.sqrt(s2 * LINE.leverage(u) + s2 / NEW_POINT_WEIGHT);
            Prediction p = Bands.delta(FIT, x);
            assertEquals(Math.exp(g), p.value(), 1e-9 * Math.exp(g), "curve at " + x);
            assertEquals(Math.exp(g - conf), p.confidence().lower(), 1e-8 * Math.exp(g), "confidence low at " + x);
            assertEquals(Math.exp(g + conf), p.confidence().upper(), 1e-8 * Math.exp(g), "confidence high at " + x);
            assertEquals(Math.exp(g - pred), p.prediction().lower(), 1e-8 * Math.exp(g), "prediction low at " + x);
            assertEquals(Math.exp(g + pred), p.prediction().upper(), 1e-8 * Math.exp(g), "prediction high at " + x);
            assertEquals("delta", p.method());
        }
    }

    /** NumPy's default percentile (linear interpolation between order statistics), written out. */
    private static double numpyPercentile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    @Test
    void bootstrapBandsArePercentilesOfTheReplicateCurvesAndOfFreshPoints() {
        long seed = 11;
        BootstrapResult boot = Bootstrap.run(FIT, Resampler.rows(), 200, seed, 2);
        double[][] reps = boot.replicates();
        int[] index = boot.replicateIndices();
        // the pool by its definition (see ResamplerTest): centred √w·r, inflated by √(n/dof)
        int n = DATA.size();
        double[] pool = LINE.pool(DATA);
        for (double x : new double[] {1e19, 1e23}) {
            double[] curve = new double[reps.length];
            double[] fresh = new double[reps.length];
            for (int b = 0; b < reps.length; b++) {
                curve[b] = Math.log(reps[b][0]) - reps[b][1] * Math.log(x);
                // a fresh point: one pool draw from the replicate's extra generator, over √(median weight)
                int k = Bootstrap.extraRandom(seed, index[b]).nextInt(n);
                fresh[b] = curve[b] + pool[k] / Math.sqrt(NEW_POINT_WEIGHT);
            }
            Prediction p = Bands.bootstrap(boot, x);
            double value = Math.exp(LINE.b0 + LINE.b1 * Math.log(x));
            assertEquals(value, p.value(), 1e-9 * value);
            assertEquals(Math.exp(numpyPercentile(curve, 0.025)), p.confidence().lower(), 1e-12 * value);
            assertEquals(Math.exp(numpyPercentile(curve, 0.975)), p.confidence().upper(), 1e-12 * value);
            assertEquals(Math.exp(numpyPercentile(fresh, 0.025)), p.prediction().lower(), 1e-12 * value);
            assertEquals(Math.exp(numpyPercentile(fresh, 0.975)), p.prediction().upper(), 1e-12 * value);
            assertEquals("bootstrap-percentile", p.method());
        }
    }

    @Test
    void aBootstrapBandIsTheBootstrapConfidenceIntervalAtEachX() {
        BootstrapResult boot = Bootstrap.run(FIT, Resampler.rows(), 100, 3, 2);
        double[] xs = {1e17, 1e20, 1e22, 1e25};
        PointwiseBand band = Bands.bootstrapBand(boot, xs);
        assertEquals(4, band.size());
        assertArrayEquals(xs, band.x(), 0.0);
        assertEquals(0.95, band.level(), 0.0);
        assertEquals("bootstrap-percentile", band.method());
        for (int i = 0; i < xs.length; i++) {
            Prediction p = Bands.bootstrap(boot, xs[i]);
            assertEquals(p.value(), band.center()[i], 0.0);
            assertEquals(p.confidence().lower(), band.lower()[i], 0.0);
            assertEquals(p.confidence().upper(), band.upper()[i], 0.0);
        }
    }

    @Test
    void aBandsLevelLiesStrictlyBetweenZeroAndOne() {
        double[] one = {1};
        for (double level : new double[] {0, 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PointwiseBand(one, one, one, one, level, "delta"));
            assertEquals("confidence level must be in (0, 1), got " + level, e.getMessage());
        }
        assertEquals(0.5, new PointwiseBand(one, one, one, one, 0.5, "delta").level(), 0.0);
    }
}
