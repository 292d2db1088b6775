package org.scalefit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
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
        int n = 14;
        Random r = new Random(6);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] lnx = new double[n];
        double[] lny = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + 1.5 * i;
            y[i] = 40 * Math.pow(x[i], -0.5) * Math.exp(0.05 * r.nextGaussian());
            lnx[i] = Math.log(x[i]);
            lny[i] = Math.log(y[i]);
        }
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
}
