package org.scalefit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Estimate;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.model.Exponential;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/** The delta-method band agrees with the fit's own delta-method estimates and covers the truth as often as it says. */
class DeltaMethodBandTest {

    private static Observations powerLawData(long seed, double noise) {
        Random r = new Random(seed);
        int n = 25;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 17 + 5.0 * i / (n - 1));
            y[i] = 50 * Math.pow(x[i], -0.05) * Math.exp(noise * r.nextGaussian());
        }
        return Observations.of(x, y);
    }

    @Test
    void logSpaceBandMatchesTheDeltaMethodEstimateOfLnF() {
        Fit fit = Fitter.fit(new PowerLaw(), powerLawData(7, 0.02), FitOptions.defaults());
        double[] xs = {1e16, 1e18, 1e20, 1e23, 1e25};
        PointwiseBand band = DeltaMethodBand.of(fit, xs);
        assertEquals("delta", band.method());
        assertEquals(0.95, band.level(), 0);
        for (int i = 0; i < xs.length; i++) {
            double at = xs[i];
            Estimate e = fit.estimate("lnf", "", "", p -> new PowerLaw().logValue(new double[] {at}, p));
            double lnLo = Math.log(band.lower()[i]);
            double lnHi = Math.log(band.upper()[i]);
            assertEquals(e.lower(), lnLo, 1e-6 * Math.max(1, Math.abs(e.lower())) + 1e-7);
            assertEquals(e.upper(), lnHi, 1e-6 * Math.max(1, Math.abs(e.upper())) + 1e-7);
            assertEquals(fit.predict(at), band.center()[i], 1e-12 * band.center()[i]);
            // Symmetric in log space around the curve.
            assertEquals(Math.log(band.center()[i]) - lnLo, lnHi - Math.log(band.center()[i]), 1e-9);
        }
        // Narrowest inside the data, wider in extrapolation.
        double inner = Math.log(band.upper()[2] / band.lower()[2]);
        double outer = Math.log(band.upper()[4] / band.lower()[4]);
        assertTrue(outer > 2 * inner, inner + " vs " + outer);
    }

    @Test
    void linearSpaceBandIsSymmetricInY() {
        Random r = new Random(3);
        int n = 30;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 3.0;
            y[i] = 2 * Math.exp(0.3 * x[i]) + 0.2 * r.nextGaussian();
        }
        Fit fit = Fitter.fit(new Exponential(), Observations.of(x, y), FitOptions.builder().space(Space.LINEAR).build());
        PointwiseBand band = DeltaMethodBand.of(fit, new double[] {0, 5, 12});
        for (int i = 0; i < 3; i++) {
            assertEquals(band.center()[i] - band.lower()[i], band.upper()[i] - band.center()[i], 1e-9 * band.center()[i]);
        }
        double at = 5;
        Estimate e = fit.estimate("f", "", "", p -> new Exponential().value(new double[] {at}, p));
        assertEquals(e.lower(), band.lower()[1], 1e-6 * Math.abs(e.lower()));
    }

    @Test
    void theBandIsNaNWhereTheCurveIsNotFinite() {
        Fit fit = Fitter.fit(new PowerLaw(), WeightedLine.weightedPowerLaw(5));
        // x = 0: a·0^−α = ∞; x = ∞: the curve is 0, whose log is not finite either
        PointwiseBand band = DeltaMethodBand.of(fit, new double[] {0, Double.POSITIVE_INFINITY, 1e20});
        for (int i = 0; i < 2; i++) {
            assertEquals(Double.NaN, band.lower()[i], "lower at " + band.x()[i]);
            assertEquals(Double.NaN, band.upper()[i], "upper at " + band.x()[i]);
        }
        assertTrue(band.lower()[2] > 0 && band.upper()[2] > band.lower()[2], "a band inside the data");
    }

    /** SciPy 1.17: {@code scipy.stats.t.ppf(0.975, 8)} (ten points, two parameters). */
    private static final double T_8 = 2.306004135204166;

    @Test
    void aLinearSpaceBandMayLieBelowZero() {
        // a straight line fitted in linear space: the band is the OLS confidence interval of the mean, exactly
        Random r = new Random(4);
        int n = 10;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 1 - 0.5 * x[i] + 0.3 * r.nextGaussian();
            w[i] = 1;
        }
        Law line = new org.scalefit.model.ExpressionLaw("c + b*x", java.util.List.of("x"));
        Fit fit = Fitter.fit(line, Observations.of(x, y), FitOptions.builder().space(Space.LINEAR).build());
        WeightedLine ols = new WeightedLine(x, y, w);
        PointwiseBand band = DeltaMethodBand.of(fit, new double[] {8});
        double f = ols.b0 + 8 * ols.b1;
        double half = T_8 * Math.sqrt(ols.sigma2() * ols.leverage(8));
        assertTrue(f + half < 0, "the whole interval is negative");
        assertEquals(f - half, band.lower()[0], 1e-8);
        assertEquals(f + half, band.upper()[0], 1e-8);
    }

    /** Over 200 seeded data sets the 95% band at an interior x covers the true curve 90–99% of the time. */
    @Test
    void coverageIsNearNominal() {
        int covered = 0;
        int trials = 200;
        double at = 3e19;
        double truth = 50 * Math.pow(at, -0.05);
        for (int s = 0; s < trials; s++) {
            Fit fit = Fitter.fit(new PowerLaw(), powerLawData(1000 + s, 0.03), FitOptions.defaults());
            PointwiseBand band = DeltaMethodBand.of(fit, new double[] {at});
            if (band.lower()[0] <= truth && truth <= band.upper()[0]) {
                covered++;
            }
        }
        assertTrue(covered >= 180 && covered <= 198, "covered " + covered + " of " + trials);
    }

    @Test
    void bandOfAnOffsetPowerLawContainsTheCurve() {
        Random r = new Random(11);
        int n = 30;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 17 + 6.0 * i / (n - 1));
            y[i] = (1.8 + 1000 * Math.pow(x[i], -0.15)) * Math.exp(0.02 * r.nextGaussian());
        }
        Fit fit = Fitter.fit(new OffsetPowerLaw(), Observations.of(x, y), FitOptions.defaults());
        PointwiseBand band = DeltaMethodBand.of(fit, new double[] {1e16, 1e20, 1e24});
        for (int i = 0; i < 3; i++) {
            assertTrue(band.lower()[i] < band.center()[i] && band.center()[i] < band.upper()[i]);
        }
    }
}
