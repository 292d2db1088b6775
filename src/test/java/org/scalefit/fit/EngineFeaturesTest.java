package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.scalefit.SharedData;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.model.ExpressionLaw;
import org.scalefit.model.Law;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.PowerLaw;
import org.scalefit.model.Space;

/** The engine's options, each checked against a number computed independently. */
class EngineFeaturesTest {
    private static final String T2 = "bench/data/t2_irreducible.csv";

    /** SciPy 1.17 curve_fit (xtol = ftol = 1e-14) on the T2 anchor data, printed to full precision. */
    @Test
    void matchesScipyCurveFitInLinearAndLogSpace() {
        Observations obs = DataSpec.builder().predictor("C").response("L").build().load(SharedData.require(T2)).observations();
        Fit lin = Fitter.fit(new OffsetPowerLaw(), obs, FitOptions.builder().space(Space.LINEAR).build());
        assertEquals(1.80904215, lin.value("E"), 1e-7);
        assertEquals(1009.17850, lin.value("A"), 1e-3);
        assertEquals(0.150180573, lin.value("alpha"), 1e-8);
        assertEquals(0.05487865089604612, 0.5 * lin.rss(), 1e-12);
        // SciPy's covariance comes from a finite-difference Jacobian, ours from the analytic one: 1e-6 relative.
        assertEquals(7.62933258e-02, lin.parameter("E").stderr(), 1e-6 * 7.6e-2);
        assertEquals(3.68779957e+02, lin.parameter("A").stderr(), 1e-6 * 3.7e2);
        assertEquals(9.74377679e-03, lin.parameter("alpha").stderr(), 1e-6 * 9.7e-3);
        Fit log = Fitter.fit(new OffsetPowerLaw(), obs);
        assertEquals(1.78234444, log.value("E"), 1e-7);
        assertEquals(875.584620, log.value("A"), 1e-3);
        assertEquals(0.146440203, log.value("alpha"), 1e-8);
        assertEquals(0.009047446360560003, log.rss(), 1e-13);
        assertEquals(8.65465906e-03, log.parameter("alpha").stderr(), 1e-6 * 8.7e-3);
    }

    @Test
    void criteriaAndIntervalsFollowTheirDefinitions() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 20;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 10 + 0.4 * i);
            y[i] = 40 * Math.pow(x[i], -0.07) * Math.exp(0.03 * r.nextGaussian());
        }
        Fit fit = Fitter.fit(new PowerLaw(), Observations.of(x, y));
        double rss = fit.rss();
        double logL = -0.5 * n * (Math.log(2 * Math.PI * rss / n) + 1);
        assertEquals(logL, fit.logLikelihood(), 1e-9);
        assertEquals(2 * 3 - 2 * logL, fit.aic(), 1e-9);
        assertEquals(2 * 3 - 2 * logL + 2.0 * 3 * 4 / (n - 3 - 1), fit.aicc(), 1e-9);
        assertEquals(3 * Math.log(n) - 2 * logL, fit.bic(), 1e-9);
        double t = new TDistribution(n - 2).inverseCumulativeProbability(0.975);
        Parameter alpha = fit.parameter("alpha");
        assertEquals(alpha.value() + t * alpha.stderr(), alpha.upper(), 1e-12);
        assertEquals(alpha.value() - t * alpha.stderr(), alpha.lower(), 1e-12);
        double tss = 0;
        double mean = 0;
        for (double v : y) {
            mean += Math.log(v) / n;
        }
        for (double v : y) {
            tss += (Math.log(v) - mean) * (Math.log(v) - mean);
        }
        assertEquals(1 - rss / tss, fit.r2(), 1e-12);
    }

    /** With σ given, errors come from the absolute covariance: scaling the noise does not change them. */
    @Test
    void sigmaGivesAbsoluteCovariance() {
        int n = 25;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] y2 = new double[n];
        double[] sigma = new double[n];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 15 + 0.3 * i);
            sigma[i] = 0.02 + 0.01 * (i % 3);
            double z = r.nextGaussian();
            y[i] = 60 * Math.pow(x[i], -0.05) * Math.exp(sigma[i] * z);
            y2[i] = 60 * Math.pow(x[i], -0.05) * Math.exp(3 * sigma[i] * z);
        }
        Observations a = Observations.builder().predictor("x", x).response("y", y).sigma("s", sigma).build();
        Observations b = Observations.builder().predictor("x", x).response("y", y2).sigma("s", sigma).build();
        Fit fa = Fitter.fit(new PowerLaw(), a);
        Fit fb = Fitter.fit(new PowerLaw(), b);
        assertTrue(fa.stderrFromAbsoluteCovariance());
        assertEquals(fa.parameter("alpha").stderr(), fb.parameter("alpha").stderr(), 1e-9);
        assertEquals(Math.sqrt(fa.covarianceAbsolute()[1][1]), fa.parameter("alpha").stderr(), 0.0);
        double s2 = fa.rss() / fa.dof();
        assertEquals(fa.covarianceAbsolute()[1][1] * s2, fa.covariance()[1][1], 1e-15);
    }

    @Test
    void weightsScaleTheirPoints() {
        double[] x = {1, 10, 100, 1000, 1e4, 1e5};
        double[] y = {10, 5.2, 2.4, 1.3, 0.61, 0.33};
        double[] w = {1, 1, 1, 1, 1, 100};
        Fit plain = Fitter.fit(new PowerLaw(), Observations.of(x, y));
        Fit weighted = Fitter.fit(new PowerLaw(),
                Observations.builder().predictor("x", x).response("y", y).weights("w", w).build());
        double residualLast = Math.log(y[5]) - Math.log(weighted.predict(x[5]));
        double residualLastPlain = Math.log(y[5]) - Math.log(plain.predict(x[5]));
        assertTrue(Math.abs(residualLast) < Math.abs(residualLastPlain) / 5, residualLast + " vs " + residualLastPlain);
        assertFalse(weighted.stderrFromAbsoluteCovariance());
    }

    /** One wild point: squares is dragged and warns; Huber recovers the exponent. */
    @Test
    void huberResistsAnOutlierThatSquaresWarnsAbout() {
        int n = 30;
        double[] x = new double[n];
        double[] y = new double[n];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 17 + 0.2 * i);
            y[i] = (1.7 + 800 * Math.pow(x[i], -0.14)) * Math.exp(0.003 * r.nextGaussian());
        }
        y[20] *= 1.5;
        Observations obs = Observations.of(x, y);
        Fit squares = Fitter.fit(new OffsetPowerLaw(), obs);
        Fit huber = Fitter.fit(new OffsetPowerLaw(), obs, FitOptions.builder().loss(Loss.huber(0.01)).build());
        assertTrue(squares.warnings().stream().anyMatch(w -> w.startsWith("possible outlier: row 22")), squares.warnings().toString());
        assertTrue(Math.abs(huber.value("alpha") - 0.14) < 0.01, "huber alpha " + huber.value("alpha"));
        assertTrue(Math.abs(huber.value("alpha") - 0.14) < Math.abs(squares.value("alpha") - 0.14) / 3,
                "huber " + huber.value("alpha") + " vs squares " + squares.value("alpha"));
        double objective = 0;
        for (double res : huber.residuals()) {
            objective += Loss.huber(0.01).rho(res);
        }
        assertEquals(objective, huber.objective(), 1e-12);
    }

    /** An expectile with λ = 0.05 puts the curve under nearly all points: a lower envelope. */
    @Test
    void asymmetricLossTracksTheLowerEnvelope() {
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 18 + 4 * r.nextDouble());
            y[i] = 30 * Math.pow(x[i], -0.05) * (1 + 0.2 * Math.abs(r.nextGaussian()));
        }
        Fit fit = Fitter.fit(new PowerLaw(), Observations.of(x, y), FitOptions.builder().loss(Loss.asymmetric(0.05)).build());
        int above = 0;
        for (double res : fit.residuals()) {
            if (res > 0) {
                above++;
            }
        }
        assertTrue(above > 0.7 * n, above + " of " + n + " points above the curve");
        assertEquals(0.05, fit.value("alpha"), 0.01);
    }

    /** A multi-modal formula: the default start finds a poor local minimum, random starts the global one. */
    @Test
    void randomStartsEscapeALocalMinimum() {
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.1 * i + 0.037 * Math.sin(3.1 * i);
            y[i] = 2 * Math.sin(2.2 * x[i]);
        }
        Law law = new ExpressionLaw("a*sin(b*x)", List.of("x"), Map.of());
        Observations obs = Observations.of(x, y);
        Fit single = Fitter.fit(law, obs);
        Fit multi = Fitter.fit(law, obs, FitOptions.builder().starts(Starts.random(100)).seed(1).build());
        assertTrue(single.rss() > 1, "the single start should get stuck, rss " + single.rss());
        assertTrue(multi.rss() < 1e-16, "rss " + multi.rss() + " at b = " + multi.value("b"));
        assertEquals(2.2, Math.abs(multi.value("b")), 1e-8);
        assertEquals(2.0, Math.abs(multi.value("a")), 1e-8);
        assertEquals(101, multi.startsTried());
        Fit again = Fitter.fit(law, obs, FitOptions.builder().starts(Starts.random(100)).seed(1).threads(2).build());
        assertEquals(multi.value("b"), again.value("b"), 0.0);
        assertEquals(multi.bestStart(), again.bestStart());
    }

    @Test
    void gridStartsAreTried() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {3.1, 4.4, 5.2, 5.6, 5.9, 6.0, 6.05, 6.1};
        Fit grid = Fitter.fit(new ExpressionLaw("b1*(1-exp(-b2*x))", List.of("x")), Observations.of(x, y),
                FitOptions.builder().starts(Starts.grid()).build());
        assertEquals(25, grid.startsTried());
        assertTrue(grid.converged());
    }
}
