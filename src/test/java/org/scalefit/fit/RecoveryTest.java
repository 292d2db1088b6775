package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.data.Observations;
import org.scalefit.model.DoublingTrend;
import org.scalefit.model.Exponential;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;

/**
 * Noiseless data from random true parameters (exponents 0.01–3, x over 1–20 decades, offsets from 0 to
 * 90% of y) are recovered to 1e-6 relative by every built-in law, with no user start values.
 */
class RecoveryTest {
    private static final int SEEDS = 150;
    private static final double TOL = 1e-6;

    static Stream<Integer> seeds() {
        return IntStream.range(0, SEEDS).boxed();
    }

    private static double[] logSpaced(double lo, double decades, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo * Math.pow(10, decades * i / (n - 1));
        }
        return x;
    }

    private static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    private static double logUniform(SplittableRandom r, double lo, double hi) {
        return Math.exp(uniform(r, Math.log(lo), Math.log(hi)));
    }

    private static Observations generate(Law law, double[] x, double[] p) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = law.value(new double[] {x[i]}, p);
        }
        return Observations.of(x, y);
    }

    private static void assertRecovered(Law law, double[] truth, Fit fit, double[] scale, String context) {
        assertTrue(fit.converged(), context + ": " + fit.convergenceReason());
        double[] got = fit.values();
        for (int j = 0; j < truth.length; j++) {
            double err = Math.abs(got[j] - truth[j]) / scale[j];
            assertTrue(err <= TOL, context + ": " + law.parameters().get(j) + " = " + got[j] + ", truth " + truth[j]
                    + " (relative error " + err + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void powerLaw(int seed) {
        SplittableRandom r = new SplittableRandom(1000 + seed);
        double decades = uniform(r, 1, 20);
        double[] x = logSpaced(Math.pow(10, uniform(r, -5, 12)), decades, 12 + r.nextInt(30));
        double alpha = logUniform(r, 0.01, 3) * (r.nextInt(5) == 0 ? -1 : 1);
        double center = Math.sqrt(x[0] * x[x.length - 1]);
        double a = logUniform(r, 0.01, 100) * Math.pow(center, alpha);
        double[] truth = {a, alpha};
        Law law = new PowerLaw();
        Fit fit = Fitter.fit(law, generate(law, x, truth));
        assertRecovered(law, truth, fit, new double[] {Math.abs(a), Math.abs(alpha)}, "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void offsetPowerLaw(int seed) {
        SplittableRandom r = new SplittableRandom(2000 + seed);
        double decades = uniform(r, 1, 20);
        double[] x = logSpaced(Math.pow(10, uniform(r, -3, 12)), decades, 15 + r.nextInt(30));
        double alpha = logUniform(r, 0.01, 3);
        double xmax = x[x.length - 1];
        double reducibleAtMax = logUniform(r, 0.01, 10);
        double a = reducibleAtMax * Math.pow(xmax, alpha);
        double fraction = r.nextInt(6) == 0 ? 0.0 : uniform(r, 0, 0.9);
        double e = fraction / (1 - fraction) * reducibleAtMax;
        double[] truth = {e, a, alpha};
        Law law = new OffsetPowerLaw();
        Fit fit = Fitter.fit(law, generate(law, x, truth));
        double yMin = e + reducibleAtMax;
        assertRecovered(law, truth, fit, new double[] {Math.max(Math.abs(e), yMin), a, alpha},
                "seed " + seed + " (decades " + decades + ", alpha " + alpha + ", E fraction " + fraction + ")");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void exponential(int seed) {
        SplittableRandom r = new SplittableRandom(3000 + seed);
        int n = 10 + r.nextInt(30);
        double span = uniform(r, 1, 1000);
        double x0 = uniform(r, -500, 500);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = x0 + span * i / (n - 1);
        }
        double efolds = uniform(r, 0.5, 40) * (r.nextBoolean() ? 1 : -1);
        double b = efolds / span;
        double a = logUniform(r, 1e-3, 1e3) * Math.exp(-b * (x0 + span / 2));
        double[] truth = {a, b};
        Law law = new Exponential();
        Fit fit = Fitter.fit(law, generate(law, x, truth));
        assertRecovered(law, truth, fit, new double[] {a, Math.abs(b)}, "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void doublingTrend(int seed) {
        SplittableRandom r = new SplittableRandom(4000 + seed);
        int n = 5 + r.nextInt(30);
        double start = 17000 + uniform(r, 0, 2000);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + uniform(r, 0, 2500);
        }
        double doubling = logUniform(r, 30, 3000) * (r.nextInt(8) == 0 ? -1 : 1);
        double y0 = logUniform(r, 0.01, 1000);
        DoublingTrend law = new DoublingTrend(17000);
        double[] truth = {y0, doubling};
        Fit fit = Fitter.fit(law, generate(law, t, truth));
        assertRecovered(law, truth, fit, new double[] {y0, Math.abs(doubling)}, "seed " + seed);
        assertEquals(doubling / DoublingTrend.DAYS_PER_MONTH, fit.derived("doubling_time_months").value(),
                1e-6 * Math.abs(doubling));
    }
}
