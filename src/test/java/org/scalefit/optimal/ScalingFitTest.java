package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The log-log power law N_opt = k·C^e of Approaches 1 and 2 against SciPy 1.17's
 * {@code scipy.stats.linregress(np.log(c), np.log(y))}: slope e, k = exp(intercept), the slope's standard
 * error ({@code stderr}) and R² = {@code rvalue**2}; and its degenerate inputs worked out by hand.
 */
class ScalingFitTest {
    private static final double[] C = {1e19, 3e19, 1e20, 3e20, 1e21};
    private static final double[] N = {2.1e8, 3.3e8, 6.4e8, 1.05e9, 1.9e9};

    @Test
    void fiveBudgetsMatchLinregress() {
        ScalingFit f = ScalingFit.of(C, N);
        // linregress: slope 0.48338461126802323, exp(intercept) 0.13369115943561086,
        // stderr 0.010412684227554717, rvalue² 0.9986098653685543 (double rounding: 1e-12 relative)
        assertEquals(0.48338461126802323, f.exponent(), 1e-12);
        assertEquals(0.13369115943561086, f.coefficient(), 1e-10 * 0.1337);
        assertEquals(0.010412684227554717, f.exponentStderr(), 1e-12);
        assertEquals(0.9986098653685543, f.r2(), 1e-12);
        assertEquals(5, f.points());
        // 0.13369115943561086 · (1e24)^0.48338461126802323 (NumPy)
        assertEquals(53374443524.29804, f.at(1e24), 1e-9 * 5.34e10);
    }

    @Test
    void twoPointsGiveTheLineThroughThemWithoutAStandardError() {
        ScalingFit f = ScalingFit.of(new double[] {1e20, 1e22}, new double[] {1e9, 1e10});
        // ten times the size for a hundred times the compute: e = 1/2, k = 1e9/(1e20)^(1/2) = 0.1
        assertEquals(0.5, f.exponent(), 1e-15);
        assertEquals(0.1, f.coefficient(), 1e-13);
        assertEquals(Double.NaN, f.exponentStderr(), "no residual degree of freedom");
        assertEquals(1.0, f.r2(), 1e-15, "the line passes through both points");
        assertEquals(2, f.points());
    }

    @Test
    void degenerateInputsGiveNaNNotANumberThatLooksReal() {
        ScalingFit one = ScalingFit.of(new double[] {1e20}, new double[] {1e9});
        assertEquals(Double.NaN, one.exponent());
        assertEquals(Double.NaN, one.coefficient());
        assertEquals(Double.NaN, one.exponentStderr());
        assertEquals(Double.NaN, one.r2());
        assertEquals(1, one.points());
        // one compute value three times: no slope, so no standard error either
        ScalingFit sameC = ScalingFit.of(new double[] {1e20, 1e20, 1e20}, new double[] {1e9, 2e9, 3e9});
        assertEquals(Double.NaN, sameC.exponent());
        assertEquals(Double.NaN, sameC.exponentStderr());
        // the same size at every compute: slope 0 exactly, a perfect fit with nothing to explain (R² NaN)
        ScalingFit sameN = ScalingFit.of(new double[] {1e19, 1e20, 1e21}, new double[] {1e9, 1e9, 1e9});
        assertEquals(0.0, sameN.exponent(), 0.0);
        assertEquals(1e9, sameN.coefficient(), 1e-6);
        assertEquals(0.0, sameN.exponentStderr(), 0.0);
        assertEquals(Double.NaN, sameN.r2());
    }
}
