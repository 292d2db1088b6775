package org.scalefit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalefit.Numbers;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitOptions;
import org.scalefit.model.Exponential;
import org.scalefit.model.PowerLaw;

/**
 * Every number of a model comparison between a power law and an exponential fitted in log space, where both
 * are straight lines (ln y on ln x, ln y on x) and so have closed forms written out here, sharing no code with
 * the fitter: the criterion (AICc of the Gaussian likelihood of the ln residuals at RSS/n, three parameters
 * with σ, Burnham &amp; Anderson 2002 eq. 2.14), its differences and Akaike weights; the leave-one-out RMSE by
 * the PRESS identity eᵢ/(1 − hᵢᵢ) of least squares (no refits); the backtest's RMSE, bias and largest error on
 * the three largest x from the line through the others.
 */
class ModelComparisonOracleTest {
    /** OLS of v on s: {intercept, slope}. */
    private static double[] line(double[] s, double[] v, int from, int to) {
        int n = to - from;
        double ms = 0;
        double mv = 0;
        for (int i = from; i < to; i++) {
            ms += s[i] / n;
            mv += v[i] / n;
        }
        double sss = 0;
        double ssv = 0;
        for (int i = from; i < to; i++) {
            sss += (s[i] - ms) * (s[i] - ms);
            ssv += (s[i] - ms) * (v[i] - mv);
        }
        double b = ssv / sss;
        return new double[] {mv - b * ms, b, ms, sss};
    }

    /** {AICc, LOO RMSE, backtest RMSE, bias, max |e|} of the line of v on s; the last three points held out. */
    private static double[] oracle(double[] s, double[] v) {
        int n = s.length;
        double[] all = line(s, v, 0, n);
        double rss = 0;
        double press = 0;
        for (int i = 0; i < n; i++) {
            double e = v[i] - all[0] - all[1] * s[i];
            rss += e * e;
            double h = 1.0 / n + (s[i] - all[2]) * (s[i] - all[2]) / all[3];
            press += Math.pow(e / (1 - h), 2);
        }
        double lnL = -0.5 * n * (Math.log(2 * Math.PI * rss / n) + 1);
        double aicc = 2 * 3 - 2 * lnL + 2.0 * 3 * 4 / (n - 4);
        double[] early = line(s, v, 0, n - 3);
        double s2 = 0;
        double sum = 0;
        double max = 0;
        for (int i = n - 3; i < n; i++) {
            double e = v[i] - early[0] - early[1] * s[i];
            s2 += e * e;
            sum += e;
            max = Math.max(max, Math.abs(e));
        }
        return new double[] {aicc, Math.sqrt(press / n), Math.sqrt(s2 / 3), sum / 3, max};
    }

    @Test
    void everyNumberOfTheComparisonIsItsClosedForm() {
        double[][] d = sample();
        int n = 14;
        double[] x = d[0];
        double[] y = d[1];
        double[] lnx = d[2];
        double[] lny = d[3];
        Comparison c = ModelComparison.run(List.of(new PowerLaw(), new Exponential()), Observations.of(x, y),
                ComparisonOptions.defaults());
        double[] power = oracle(lnx, lny);
        double[] exp = oracle(x, lny);
        double best = Math.min(power[0], exp[0]);
        double total = Math.exp(-(power[0] - best) / 2) + Math.exp(-(exp[0] - best) / 2);
        assertEquals(2, c.ranking().size());
        for (Candidate k : c.ranking()) {
            double[] o = k.law().equals("power-law") ? power : exp;
            String law = k.law();
            assertEquals(o[0], k.score(), 1e-8, law + " AICc");
            assertEquals(o[0] - best, k.delta(), 1e-8, law + " ΔAICc");
            assertEquals(Math.exp(-(o[0] - best) / 2) / total, k.weight(), 1e-9, law + " Akaike weight");
            assertEquals(o[1], k.looRmse(), 1e-7 * o[1], law + " leave-one-out RMSE (PRESS)");
            assertEquals(0, k.looFailed());
            assertEquals(3, k.backtest().holdout());
            assertEquals(n - 3, k.backtest().trainedOn());
            assertEquals(o[2], k.backtest().rmse(), 1e-7 * o[2], law + " backtest RMSE");
            assertEquals(o[3], k.backtest().bias(), 1e-7 * Math.abs(o[3]), law + " backtest bias");
            assertEquals(o[4], k.backtest().maxError(), 1e-7 * o[4], law + " backtest largest error");
        }
        assertEquals(power[0] < exp[0] ? "power-law" : "exponential", c.ranking().get(0).law());
        assertEquals(1, c.ranking().get(0).rank());
        assertEquals(2, c.ranking().get(1).rank());
    }

    /** The data of these tests: y = 40·x^(−1/2)·e^(0.05·z) at x = 1, 2.5, …, 20.5, z from {@code new Random(6)}. */
    private static double[][] sample() {
        int n = 14;
        Random r = new Random(6);
        double[][] d = new double[4][n];
        for (int i = 0; i < n; i++) {
            d[0][i] = 1 + 1.5 * i;
            d[1][i] = 40 * Math.pow(d[0][i], -0.5) * Math.exp(0.05 * r.nextGaussian());
            d[2][i] = Math.log(d[0][i]);
            d[3][i] = Math.log(d[1][i]);
        }
        return d;
    }

    /** Burnham &amp; Anderson's (2002, §2.6) reading of a criterion difference, as the verdict words it. */
    private static String strength(double delta) {
        return delta >= 10 ? "decisive evidence" : delta >= 4 ? "strong evidence" : delta >= 2 ? "some evidence"
                : "no real evidence";
    }

    /**
     * The verdict, worded from the closed forms: the winner by ΔAICc with its evidence ratio exp(Δ/2) and Akaike
     * weight, and the backtest's agreement (the line with the lower held-out RMSE "also extrapolates best").
     */
    @Test
    void theVerdictWordsTheClosedFormNumbers() {
        double[][] d = sample();
        Observations data = Observations.of(d[0], d[1]);
        double[] power = oracle(d[2], d[3]);
        double[] exp = oracle(d[0], d[3]);
        boolean powerWins = power[0] < exp[0];
        double delta = Math.abs(power[0] - exp[0]);
        String top = powerWins ? "power-law" : "exponential";
        String second = powerWins ? "exponential" : "power-law";
        double weight = 1 / (1 + Math.exp(-delta / 2));
        double ratio = Math.exp(delta / 2);
        Comparison c = ModelComparison.run(List.of(new PowerLaw(), new Exponential()), data, ComparisonOptions.defaults());
        String words = top + " wins with " + strength(delta) + ": AICc is " + Numbers.format(delta, 3) + " lower than for "
                + "the runner-up " + second + " (evidence ratio " + (ratio > 1e6 ? "> 10⁶" : Numbers.format(ratio, 3))
                + ":1, Akaike weight " + Numbers.format(weight, 3) + ")";
        double[] topO = powerWins ? power : exp;
        double[] secondO = powerWins ? exp : power;
        String backtest = topO[2] < secondO[2] ? ". It also extrapolates best in the backtest (3 largest x held out)"
                : ". Note: in the backtest (3 largest x held out) " + second + " extrapolates better (RMSE "
                        + Numbers.format(secondO[2], 3) + " vs " + Numbers.format(topO[2], 3) + ")";
        assertEquals(words + backtest, c.verdict());
        assertEquals(java.util.Optional.of(top), c.best());
    }

    /** BIC = k·ln n − 2 ln L with k = 3 (two coefficients and σ), and the weights are Schwarz's. */
    @Test
    void bicRanksByItsOwnClosedFormAndNamesSchwarzWeights() {
        double[][] d = sample();
        int n = 14;
        double[] bic = new double[2];
        double[][] s = {d[2], d[0]};
        for (int m = 0; m < 2; m++) {
            double aicc = oracle(s[m], d[3])[0];
            // the oracle's AICc = 6 − 2 ln L + 24/(n − 4): recover −2 ln L, then BIC
            double minus2LnL = aicc - 6 - 24.0 / (n - 4);
            bic[m] = 3 * Math.log(n) + minus2LnL;
        }
        Comparison c = ModelComparison.run(List.of(new PowerLaw(), new Exponential()), Observations.of(d[0], d[1]),
                new ComparisonOptions(FitOptions.defaults(), Criterion.BIC, 0, false, 2.0, 1));
        for (Candidate k : c.ranking()) {
            assertEquals(bic[k.law().equals("power-law") ? 0 : 1], k.score(), 1e-8, k.law() + " BIC");
            assertEquals(Double.NaN, k.looRmse(), "no leave-one-out asked for");
            assertEquals(false, k.backtest().available(), "no backtest asked for");
            assertEquals("no backtest requested", k.backtest().note());
        }
        assertEquals(Criterion.BIC, c.criterion());
        assertTrue(c.verdict().contains(", Schwarz weight "), c.verdict());
        assertFalse(c.verdict().contains("backtest"), c.verdict());
    }

    /**
     * Two laws within the evidence threshold of each other, neither a special case of the other: no winner, and
     * each named with its Akaike weight (closed form).
     */
    @Test
    void lawsWithinTheThresholdAndNotNestedCannotBeTold() {
        double[][] d = sample();
        double[] power = oracle(d[2], d[3]);
        double[] exp = oracle(d[0], d[3]);
        double best = Math.min(power[0], exp[0]);
        double wp = Math.exp(-(power[0] - best) / 2);
        double we = Math.exp(-(exp[0] - best) / 2);
        Comparison c = ModelComparison.run(List.of(new PowerLaw(), new Exponential()), Observations.of(d[0], d[1]),
                new ComparisonOptions(FitOptions.defaults(), Criterion.AICC, 0, false, 1e6, 1));
        String first = power[0] < exp[0] ? "power-law (Akaike weight " + Numbers.format(wp / (wp + we), 2) + ")"
                : "exponential (Akaike weight " + Numbers.format(we / (wp + we), 2) + ")";
        String other = power[0] < exp[0] ? "exponential (Akaike weight " + Numbers.format(we / (wp + we), 2) + ")"
                : "power-law (Akaike weight " + Numbers.format(wp / (wp + we), 2) + ")";
        assertEquals("cannot tell: " + first + ", " + other + " are within ΔAICc < 1e+06 of each other and none is a special "
                + "case of the others; more points, or points over a wider range of x, would separate them", c.verdict());
        assertEquals(java.util.Optional.empty(), c.best());
    }
}
