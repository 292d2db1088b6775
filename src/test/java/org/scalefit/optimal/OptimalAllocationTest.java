package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.PowerLaw;
import org.scalefit.uncertainty.Bootstrap;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.Resampler;

/**
 * The interval arithmetic of {@link OptimalAllocation#estimate} on quantities simple enough to work out outside
 * the code: the bootstrap standard error and percentile interval of given replicates (NumPy 2:
 * {@code np.std(v, ddof=1)}, {@code np.percentile} with NaN sorted as +∞), and the delta method on the log scale
 * for E and A·B with a given covariance (closed form: Var ln E = σ²_E/E²; Var ln(AB) = σ²_A/A² + σ²_B/B² +
 * 2σ_AB/(AB)), t from {@code scipy.stats.t.ppf(0.975, 10)} = 2.228138851986274.
 */
class OptimalAllocationTest {
    private static final double[] P = Synthetic.HOFFMANN;

    private static double[] withE(double e) {
        double[] q = P.clone();
        q[0] = e;
        return q;
    }

    /** Eight replicates differing in E; √(E − 1.62) is undefined in the first. */
    private static final double[][] REPLICATES = {withE(1.60), withE(1.66), withE(1.69), withE(1.70), withE(1.73),
            withE(1.78), withE(1.81), withE(1.64)};

    @Test
    void bootstrapStandardErrorAndPercentilesOfTheReplicates() {
        OptimalAllocation a = OptimalAllocation.bootstrap(P, REPLICATES, 0.5);
        assertEquals("bootstrap-percentile", a.method());
        assertEquals(0.5, a.level(), 0.0);
        Estimate e = a.estimate("root", "", "sqrt(E - 1.62)", q -> Math.sqrt(q[0] - 1.62));
        assertEquals(0.26457513110645875, e.value(), 1e-15, "√0.07 at the fit's E = 1.69");
        // NumPy: the seven finite values, np.std(ddof=1)
        assertEquals(0.10479613970070764, e.stderr(), 1e-13);
        // NumPy: np.percentile(values with NaN → +inf, [25, 75])
        assertEquals(0.24843134832984395, e.lower(), 1e-14);
        assertEquals(0.40897247358851674, e.upper(), 1e-14);
        assertEquals("bootstrap-percentile", e.method());
        assertEquals("root", e.name());
    }

    @Test
    void twoReplicatesAreEnoughAndOneFiniteValueHasNoStandardError() {
        OptimalAllocation two = OptimalAllocation.bootstrap(P, new double[][] {withE(1.66), withE(1.70)}, 0.95);
        // E itself: the sample standard deviation of {1.66, 1.70} is 0.04/√2
        Estimate e = two.estimate("E", "", "E", q -> q[0]);
        // (one pass, Σv² − (Σv)²/m: cancellation costs about eps·(mean/sd)² = 4e-13 relative)
        assertEquals(0.04 / Math.sqrt(2), e.stderr(), 1e-12);
        // np.percentile([1.66, 1.70], [2.5, 97.5]) = 1.661, 1.699
        assertEquals(1.661, e.lower(), 1e-14);
        assertEquals(1.699, e.upper(), 1e-14);
        Estimate root = OptimalAllocation.bootstrap(P, new double[][] {withE(1.60), withE(1.70)}, 0.95)
                .estimate("root", "", "", q -> Math.sqrt(q[0] - 1.62));
        assertEquals(Double.NaN, root.stderr(), "one finite replicate: no spread to measure");
        assertEquals(Double.POSITIVE_INFINITY, root.upper(), 0.0, "the undefined replicate counts against the interval");
        assertEquals("bootstrap intervals need at least 2 successful replicates, got 1", assertThrows(InvalidDataException.class,
                () -> OptimalAllocation.bootstrap(P, new double[][] {P}, 0.95)).getMessage());
        assertEquals("bootstrap replicate 1 has 4 parameters; chinchilla has 5", assertThrows(InvalidDataException.class,
                () -> OptimalAllocation.bootstrap(P, new double[][] {P, {1, 2, 3, 4}}, 0.95)).getMessage());
    }

    @Test
    void deltaMethodOnTheLogScaleForAGivenCovariance() {
        double[][] cov = new double[5][5];
        cov[0][0] = 0.02 * 0.02;
        cov[1][1] = 25;
        cov[2][2] = 16;
        cov[1][2] = 6;
        cov[2][1] = 6;
        OptimalAllocation a = OptimalAllocation.delta(P, cov, 10, 0.95);
        assertEquals("delta-log", a.method());
        assertEquals(0.95, a.level(), 0.0);
        Estimate e = a.estimate("E", "", "E", q -> q[0]);
        assertEquals(1.69, e.value(), 0.0);
        assertEquals(0.02, e.stderr(), 1e-10, "E·se(ln E) = σ_E");
        // 1.69·exp(∓2.228138851986274·0.02/1.69) (NumPy)
        assertEquals(1.6460196197061148, e.lower(), 1e-9);
        assertEquals(1.7351555022837066, e.upper(), 1e-9);
        Estimate ab = a.estimate("AB", "", "A·B", q -> q[1] * q[2]);
        // AB·√(25/A² + 16/B² + 2·6/(AB)), AB·exp(∓t·se) (NumPy)
        assertEquals(2976.968150652606, ab.stderr(), 1e-8 * 2977);
        assertEquals(160405.45557727205, ab.lower(), 1e-8 * 1.6e5);
        assertEquals(173675.1446243059, ab.upper(), 1e-8 * 1.7e5);
    }

    @Test
    void aZeroCovarianceGivesAZeroWidthIntervalAndANonPositiveValueNone() {
        OptimalAllocation fixed = OptimalAllocation.delta(P, new double[5][5], 10, 0.95);
        Estimate e = fixed.estimate("E", "", "E", q -> q[0]);
        assertEquals(0.0, e.stderr(), 0.0);
        assertEquals(1.69, e.lower(), 0.0);
        assertEquals(1.69, e.upper(), 0.0);
        double[][] cov = new double[5][5];
        cov[0][0] = 1e-4;
        // Σ(q − p̂)² is 0 at the estimate and positive a step away in every direction: ln 0 has no interval, so none
        // is given (not the zero-width one the finite differences of its logarithm would suggest)
        Estimate zero = OptimalAllocation.delta(P, cov, 10, 0.95).estimate("sq", "", "", q -> {
            double s = 0;
            for (int j = 0; j < 5; j++) {
                s += (q[j] - P[j]) * (q[j] - P[j]);
            }
            return s;
        });
        assertEquals(0.0, zero.value(), 0.0);
        assertEquals(Double.NaN, zero.stderr());
        assertEquals(Double.NaN, zero.lower());
        assertEquals(Double.NaN, zero.upper());
    }

    @Test
    void pointAllocationsCarryNoInterval() {
        OptimalAllocation a = OptimalAllocation.point(P);
        assertEquals("none", a.method());
        assertEquals(ComputeOptimal.of(P).nOpt(1e23), a.point().nOpt(1e23), 0.0);
        assertArrayEquals(P, a.point().parameters(), 0.0);
        Estimate n = a.at(1e23).nOpt();
        assertEquals(ComputeOptimal.nOpt(P, 1e23), n.value(), 0.0);
        assertEquals(Double.NaN, n.stderr());
        assertEquals(Double.NaN, n.lower());
        assertEquals("compute must be a positive number of FLOP, got 0.0",
                assertThrows(InvalidDataException.class, () -> a.at(0)).getMessage());
        assertThrows(InvalidDataException.class, () -> a.at(Double.POSITIVE_INFINITY));
        assertEquals("target loss must be a finite number, got NaN",
                assertThrows(InvalidDataException.class, () -> a.computeForLoss(Double.NaN)).getMessage());
    }

    @Test
    void onlyAChinchillaFitHasAnAllocation() {
        assertThrows(InvalidDataException.class, () -> OptimalAllocation.point(new double[] {1.7, 400, 400, 0.3, -0.3}),
                "beta ≤ 0 has no optimum");
        assertThrows(InvalidDataException.class, () -> OptimalAllocation.bootstrap(new double[] {1.7, 400, 0, 0.3, 0.3},
                new double[][] {P, P}, 0.95));
        assertEquals("the covariance must be 5×5 for the chinchilla parameters, got 4 rows", assertThrows(
                InvalidDataException.class, () -> OptimalAllocation.delta(P, new double[4][4], 10, 0.95)).getMessage());
        assertThrows(InvalidDataException.class, () -> OptimalAllocation.delta(P, new double[5][4], 10, 0.95));
        double[] x = {1, 2, 4, 8, 16};
        Observations data = Observations.builder().predictor("x", x).response("y", new double[] {3, 2.1, 1.5, 1.05, 0.76}).build();
        Fit power = Fitter.fit(new PowerLaw(), data, FitOptions.defaults());
        assertEquals("compute-optimal allocation needs a chinchilla fit, not " + power.law().name(),
                assertThrows(InvalidDataException.class, () -> OptimalAllocation.delta(power)).getMessage());
        BootstrapResult boot = Bootstrap.run(power, Resampler.rows(), 5, 1, 1);
        assertEquals("compute-optimal allocation needs a chinchilla fit, not " + power.law().name(),
                assertThrows(InvalidDataException.class, () -> OptimalAllocation.bootstrap(boot)).getMessage());
    }
}
