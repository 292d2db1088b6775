package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.scalefit.data.Observations;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;

/**
 * Properties over random noisy data sets: rescaling x by c leaves α unchanged and scales the
 * amplitude by c^α; permuting the rows changes nothing at all (bit for bit).
 */
class InvarianceTest {

    private static Observations noisy(Law law, double[] p, SplittableRandom r, double x0, int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = x0 * Math.pow(10, 6.0 * i / (n - 1) + 0.1 * r.nextDouble());
            y[i] = law.value(new double[] {x[i]}, p) * Math.exp(0.02 * r.nextGaussian());
        }
        return Observations.of(x, y);
    }

    @RepeatedTest(40)
    void rescalingXKeepsExponent(RepetitionInfo info) {
        SplittableRandom r = new SplittableRandom(info.getCurrentRepetition());
        double alpha = 0.02 + 1.5 * r.nextDouble();
        Law law = r.nextBoolean() ? new PowerLaw() : new OffsetPowerLaw();
        double[] p = law instanceof PowerLaw ? new double[] {Math.pow(1e18, alpha) * 3, alpha}
                : new double[] {1.5, Math.pow(1e18, alpha) * 3, alpha};
        Observations data = noisy(law, p, r, 1e15, 25);
        double c = Math.pow(10, -20 + 40 * r.nextDouble());
        double[] scaledX = data.xValues(0);
        for (int i = 0; i < scaledX.length; i++) {
            scaledX[i] *= c;
        }
        Fit fit = Fitter.fit(law, data);
        Fit scaled = Fitter.fit(law, Observations.of(scaledX, data.yValues()));
        int ia = law.parameters().indexOf("alpha");
        int amp = ia - 1;
        assertEquals(fit.values()[ia], scaled.values()[ia], 1e-7 * Math.abs(fit.values()[ia]) + 1e-9, "alpha");
        double expected = fit.values()[amp] * Math.pow(c, fit.values()[ia]);
        assertEquals(1.0, scaled.values()[amp] / expected, 1e-6, "amplitude scales by c^alpha");
        assertEquals(fit.rss(), scaled.rss(), 1e-8 * fit.rss());
    }

    @RepeatedTest(20)
    void permutingRowsChangesNothing(RepetitionInfo info) {
        SplittableRandom r = new SplittableRandom(100 + info.getCurrentRepetition());
        Law law = new OffsetPowerLaw();
        Observations data = noisy(law, new double[] {2.0, 5e3, 0.2}, r, 1e10, 30);
        int n = data.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        Fit a = Fitter.fit(law, data);
        Fit b = Fitter.fit(law, data.select(perm));
        // Rows are put in canonical order inside the engine, so the results are bit-identical.
        assertArrayEquals(a.values(), b.values(), 0.0);
        assertEquals(a.rss(), b.rss(), 0.0);
        assertEquals(a.parameter("alpha").stderr(), b.parameter("alpha").stderr(), 0.0);
    }
}
