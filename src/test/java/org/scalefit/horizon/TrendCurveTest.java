package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Dates;

/**
 * A trend curve's arithmetic against its closed forms, on curves built with known parameters: ln h of
 * each shape, the doubling time on each side of a break, the date a horizon is reached (including the
 * flat, falling and never-reached cases), the superexponential's doublings T·(r^D − 1)/ln r and its
 * singularity t₀ − T/ln r; the information criteria against their definitions (Gaussian log-likelihood
 * at RSS/n as statsmodels' OLS {@code llf}, AIC = 2k − 2 ln L, AICc = AIC + 2k(k+1)/(n − k − 1) of
 * Burnham &amp; Anderson (2002, eq. 2.14), BIC = k ln n − 2 ln L), and a noisy exponential trend's fit
 * against the OLS line of ln h on the date written out here.
 */
class TrendCurveTest {
    private static final double LN2 = Math.log(2);
    private static final double T0 = 19000;

    @Test
    void informationCriteriaAreTheirDefinitions() {
        TrendCurve c = new TrendCurve(TrendKind.EXPONENTIAL, new double[] {0, 0.01, T0}, 10, 2.5, 10, 3);
        double lnL = -0.5 * 10 * (Math.log(2 * Math.PI * 2.5 / 10) + 1);
        assertEquals(lnL, c.logLikelihood(), 1e-12);
        assertEquals(6 - 2 * lnL, c.aic(), 1e-12);
        assertEquals(6 - 2 * lnL + 2.0 * 3 * 4 / 6, c.aicc(), 1e-12);
        assertEquals(3 * Math.log(10) - 2 * lnL, c.bic(), 1e-12);
        assertEquals(0.75, c.r2(), 1e-15);
        assertEquals(10, c.n());
        assertEquals(3, c.informationParameters());
        assertEquals(2.5, c.rss(), 0.0);
        // AICc's correction needs n > k + 1: five points for three parameters still have one
        TrendCurve five = new TrendCurve(TrendKind.EXPONENTIAL, new double[] {0, 0.01, T0}, 5, 2.5, 10, 3);
        assertEquals(five.aic() + 24, five.aicc(), 1e-12);
        TrendCurve four = new TrendCurve(TrendKind.EXPONENTIAL, new double[] {0, 0.01, T0}, 4, 2.5, 10, 3);
        assertEquals(Double.POSITIVE_INFINITY, four.aicc());
        TrendCurve three = new TrendCurve(TrendKind.EXPONENTIAL, new double[] {0, 0.01, T0}, 3, 2.5, 10, 3);
        assertEquals(Double.POSITIVE_INFINITY, three.aicc(), "n − k − 1 < 0: no correction, not a negative one");
        // no spread to explain: no R², whatever the residuals
        assertEquals(Double.NaN, new TrendCurve(TrendKind.EXPONENTIAL, new double[] {0, 0.01, T0}, 4, 0, 0, 3).r2());
        assertEquals(Double.NaN, new TrendCurve(TrendKind.EXPONENTIAL, new double[] {0, 0.01, T0}, 4, 1, 0, 3).r2());
    }

    @Test
    void anExponentialDoublesEveryLn2OverBDays() {
        double b = LN2 / 200;
        TrendCurve c = new TrendCurve(TrendKind.EXPONENTIAL, new double[] {Math.log(60), b, T0}, 10, 1, 2, 3);
        assertEquals(Math.log(60) + 2 * LN2, c.lnHorizon(T0 + 400), 1e-12);
        assertEquals(240, c.horizonAt(T0 + 400), 1e-9);
        assertEquals(200, c.doublingTimeDays(T0 + 1234), 1e-9);
        assertEquals(T0 + 600, c.dateReaching(480), 1e-9);
        assertEquals(T0 - 200, c.dateReaching(30), 1e-9);
        assertEquals(T0, c.dateReaching(60), 0.0, "the reference horizon is reached at the reference date");
        assertEquals(T0, c.referenceDate(), 0.0);
        assertEquals(b, c.slopePerDay(), 0.0);
        assertEquals(1.0, c.ratio(), 0.0);
        assertEquals(Double.NaN, c.breakDate());
        assertEquals(Double.POSITIVE_INFINITY, c.singularityDate());
        assertEquals("exponential trend: doubling " + LN2 / b + " days at " + Dates.format(T0) + ", R² 0.5", c.toString());
        // flat and falling trends never reach a higher horizon; a falling one passed a lower one earlier
        TrendCurve flat = new TrendCurve(TrendKind.EXPONENTIAL, new double[] {Math.log(60), 0, T0}, 10, 1, 2, 3);
        assertEquals(Double.POSITIVE_INFINITY, flat.dateReaching(120));
        TrendCurve falling = new TrendCurve(TrendKind.EXPONENTIAL, new double[] {Math.log(60), -b, T0}, 10, 1, 2, 3);
        assertEquals(Double.POSITIVE_INFINITY, falling.dateReaching(120));
        assertEquals(T0 + 200, falling.dateReaching(30), 1e-9);
    }

    @Test
    void aPiecewiseTrendChangesItsSlopeAtTheBreak() {
        double b1 = LN2 / 300;
        double b2 = LN2 / 100;
        TrendCurve c = new TrendCurve(TrendKind.PIECEWISE, new double[] {Math.log(10), b1, b2, T0}, 20, 1, 2, 5);
        assertEquals(Math.log(10) - LN2, c.lnHorizon(T0 - 300), 1e-12);
        assertEquals(Math.log(10) + 2 * LN2, c.lnHorizon(T0 + 200), 1e-12);
        assertEquals(300, c.doublingTimeDays(T0 - 1), 1e-9);
        assertEquals(100, c.doublingTimeDays(T0), 1e-9, "at the break the later slope holds");
        assertEquals(T0 + 100, c.dateReaching(20), 1e-9, "above the break's horizon: the later segment");
        assertEquals(T0 - 300, c.dateReaching(5), 1e-9, "below it: the earlier segment");
        assertEquals(T0, c.dateReaching(10), 1e-9);
        assertEquals(T0, c.breakDate(), 0.0);
        assertEquals(T0, c.referenceDate(), 0.0);
        assertEquals(b2, c.slopePerDay(), 0.0);
        // a flat start: a lower horizon lay before any data of the rising part (−∞), or never (+∞) when both fall
        TrendCurve flatThenUp = new TrendCurve(TrendKind.PIECEWISE, new double[] {Math.log(10), 0, b2, T0}, 20, 1, 2, 5);
        assertEquals(Double.NEGATIVE_INFINITY, flatThenUp.dateReaching(5));
        assertEquals(T0, flatThenUp.dateReaching(10), 0.0, "the break's own horizon is reached at the break");
        TrendCurve flatThenDown = new TrendCurve(TrendKind.PIECEWISE, new double[] {Math.log(10), 0, -b2, T0}, 20, 1, 2, 5);
        assertEquals(Double.POSITIVE_INFINITY, flatThenDown.dateReaching(5), "never below the break's horizon before it");
        assertEquals(T0, flatThenDown.dateReaching(10), 0.0);
        TrendCurve flat = new TrendCurve(TrendKind.PIECEWISE, new double[] {Math.log(10), 0, 0, T0}, 20, 1, 2, 5);
        assertEquals(Double.POSITIVE_INFINITY, flat.dateReaching(5));
        TrendCurve falling = new TrendCurve(TrendKind.PIECEWISE, new double[] {Math.log(10), -b1, -b2, T0}, 20, 1, 2, 5);
        assertEquals(Double.POSITIVE_INFINITY, falling.dateReaching(5));
        assertEquals(Double.POSITIVE_INFINITY, falling.dateReaching(20));
    }

    @Test
    void aSuperexponentialShortensEachDoublingByItsRatio() {
        double t = 150;
        double r = 0.8;
        double s = Math.log(r);
        TrendCurve c = new TrendCurve(TrendKind.SUPEREXPONENTIAL, new double[] {Math.log(30), t, s, T0}, 20, 1, 2, 4);
        // one doubling from t₀ takes T·(r − 1)/ln r days, two take T·(r² − 1)/ln r
        assertEquals(T0 + t * (r - 1) / s, c.dateReaching(60), 1e-9);
        assertEquals(T0 + t * (r * r - 1) / s, c.dateReaching(120), 1e-9);
        assertEquals(Math.log(60), c.lnHorizon(T0 + t * (r - 1) / s), 1e-12);
        assertEquals(Math.log(120), c.lnHorizon(T0 + t * (r * r - 1) / s), 1e-12, "two doublings");
        assertEquals(t, c.doublingTimeDays(T0), 1e-9);
        assertEquals(t * r, c.doublingTimeDays(T0 + t * (r - 1) / s), 1e-9, "after one doubling, r times shorter");
        assertEquals(T0 - t / s, c.singularityDate(), 1e-9);
        assertEquals(r, c.ratio(), 1e-15);
        assertEquals(LN2 / t, c.slopePerDay(), 1e-15);
        assertEquals(T0, c.referenceDate(), 0.0);
        // past the singularity the horizon is infinite and the doubling time 0; any horizon is reached before it
        assertEquals(Double.POSITIVE_INFINITY, c.horizonAt(T0 - t / s + 1));
        assertEquals(0.0, c.doublingTimeDays(T0 - t / s + 1), 0.0);
        assertEquals(T0 - t / s, c.dateReaching(1e300), 1e-6);
        // a ratio above 1 slows down: no singularity, and before its start (1 + ln r·τ/T ≤ 0) it is undefined
        TrendCurve slowing = new TrendCurve(TrendKind.SUPEREXPONENTIAL, new double[] {Math.log(30), t, -s, T0}, 20, 1, 2, 4);
        assertEquals(Double.POSITIVE_INFINITY, slowing.singularityDate());
        TrendCurve steady = new TrendCurve(TrendKind.SUPEREXPONENTIAL, new double[] {Math.log(30), t, 0, T0}, 20, 1, 2, 4);
        assertEquals(Double.POSITIVE_INFINITY, steady.singularityDate(), "r = 1 is an exponential: no singularity");
        assertEquals(Math.log(60), steady.lnHorizon(T0 + t), 1e-12, "r = 1: one doubling every T");
        assertEquals(Double.NaN, slowing.lnHorizon(T0 + t / s - 1));
        assertEquals(Double.NaN, slowing.doublingTimeDays(T0 + t / s - 1));
    }

    @Test
    void theShapesAreComparedByAkaikeWeights() {
        Random rnd = new Random(12);
        List<HorizonPoint> pts = new ArrayList<>();
        int n = 25;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + 45 * i;
            y[i] = Math.log(2) + LN2 * (t[i] - T0) / 210 + 0.4 * rnd.nextGaussian();
            pts.add(HorizonPoint.of("m" + i, t[i], Math.exp(y[i])));
        }
        TrendFit fit = Trends.fit(pts, TrendOptions.defaults().withReplicates(0));
        // the exponential shape is the OLS line of ln h on t
        double mt = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mt += t[i] / n;
            my += y[i] / n;
        }
        double stt = 0;
        double sty = 0;
        double tss = 0;
        for (int i = 0; i < n; i++) {
            stt += (t[i] - mt) * (t[i] - mt);
            sty += (t[i] - mt) * (y[i] - my);
            tss += (y[i] - my) * (y[i] - my);
        }
        double slope = sty / stt;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - my - slope * (t[i] - mt);
            rss += e * e;
        }
        TrendCurve exp = fit.exponential();
        assertEquals(slope, exp.slopePerDay(), 1e-9 * slope);
        assertEquals(rss, exp.rss(), 1e-9 * rss);
        assertEquals(1 - rss / tss, exp.r2(), 1e-9);
        assertEquals(LN2 / slope, fit.doublingTimeDays(), 1e-6 * LN2 / slope);
        assertEquals(1 - rss / tss, fit.r2(), 1e-9);
        List<TrendComparison> rows = fit.comparison();
        assertEquals(EnumSet.allOf(TrendKind.class).size(), rows.size());
        double best = rows.stream().mapToDouble(TrendComparison::aicc).min().orElseThrow();
        double bestBic = rows.stream().mapToDouble(TrendComparison::bic).min().orElseThrow();
        double total = rows.stream().mapToDouble(c -> Math.exp(-0.5 * (c.aicc() - best))).sum();
        double weights = 0;
        for (TrendComparison row : rows) {
            TrendCurve c = fit.curve(row.kind()).orElseThrow();
            assertEquals(c.aic(), row.aic(), 0.0);
            assertEquals(c.aicc(), row.aicc(), 0.0);
            assertEquals(c.bic(), row.bic(), 0.0);
            assertEquals(c.rss(), row.rss(), 0.0);
            assertEquals(c.r2(), row.r2(), 0.0);
            assertEquals(c.n(), row.n());
            assertEquals(c.informationParameters(), row.k());
            assertEquals(c.aicc() - best, row.deltaAicc(), 1e-12);
            assertEquals(c.bic() - bestBic, row.deltaBic(), 1e-12);
            assertEquals(Math.exp(-0.5 * (c.aicc() - best)) / total, row.akaikeWeight(), 1e-12);
            weights += row.akaikeWeight();
        }
        assertEquals(1, weights, 1e-12);
        double lnL = -0.5 * n * (Math.log(2 * Math.PI * rss / n) + 1);
        assertEquals(2 * 3 - 2 * lnL, exp.aic(), 1e-8, "three parameters: a, b and the variance");
    }
}
