package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-model edge cases: rising success curves, all-success models, fractional scores, weighting. */
class HorizonsTest {
    private static Runs runs(double[][] rows) {
        Runs.Builder b = Runs.builder("mem");
        for (double[] r : rows) {
            b.add("m" + (int) r[0], "f" + (int) r[1] % 3 + "/t" + (int) r[1], "f" + (int) r[1] % 3, r[2], r[3]);
        }
        return b.build();
    }

    @Test
    void risingSuccessIsWarnedAndKeptOutOfTrends() {
        // m0 fails short tasks and succeeds on long ones.
        Runs r = runs(new double[][] {{0, 0, 1, 0}, {0, 1, 4, 0}, {0, 2, 16, 1}, {0, 3, 64, 1}, {0, 4, 256, 1}, {0, 5, 2, 1},
            {1, 0, 1, 1}, {1, 1, 4, 1}, {1, 2, 16, 0}, {1, 3, 64, 0}, {1, 4, 256, 0}, {1, 5, 2, 0}});
        HorizonResult h = Horizons.fit(r, HorizonOptions.defaults().withBootstrap(0));
        ModelHorizon up = h.model("m0");
        assertTrue(up.slope() > 0);
        assertEquals(1, up.warnings().size());
        assertTrue(up.warnings().get(0).startsWith("m0: success rises with task length (slope "), up.warnings().get(0));
        Trends.RunPoints rp = Trends.points(h, Map.of("m0", 100.0, "m1", 200.0));
        assertEquals(List.of("m1"), rp.points().stream().map(HorizonPoint::model).toList());
        assertEquals("success does not fall with task length", rp.excluded().get(0).reason());
    }

    @Test
    void allSuccessesIsReportedNotInfinite() {
        Runs r = runs(new double[][] {{0, 0, 1, 1}, {0, 1, 30, 1}, {0, 2, 900, 1}});
        ModelHorizon h = Horizons.fit(r, HorizonOptions.defaults().withBootstrap(50)).model("m0");
        assertEquals(HorizonStatus.ALL_SUCCESSES, h.status());
        assertTrue(Double.isNaN(h.p50()));
        assertEquals(900, h.longestTask());
        assertEquals("m0: all 3 runs succeeded; the horizon is above the longest task (900 min) and is not estimated",
                h.warnings().get(0));
        assertEquals(1.0, h.successProbability(10));
    }

    @Test
    void fractionalScoresEqualWeightedSuccessAndFailureRows() {
        // One run scoring 0.25 on a task weighs as a 0.25-weight success and a 0.75-weight failure:
        // the KKT conditions of sklearn's objective on those split rows hold at our fit.
        double[][] rows = {{0, 0, 1, 1}, {0, 1, 2, 0.75}, {0, 2, 8, 0.25}, {0, 3, 32, 0.5}, {0, 4, 128, 0}, {0, 5, 512, 0.1}};
        Runs r = runs(rows);
        ModelHorizon h = Horizons.fit(r, HorizonOptions.defaults().withBootstrap(0)).model("m0");
        double[] w = r.runWeights(0, Weighting.INVSQRT);
        double g0 = 0;
        double g1 = 0;
        for (int i = 0; i < rows.length; i++) {
            double x = Math.log(rows[i][2]) / Math.log(2);
            double p = 1 / (1 + Math.exp(-(h.intercept() + h.slope() * x)));
            // success row weight y·w (target 1), failure row weight (1 − y)·w (target 0)
            double grad = rows[i][3] * w[i] * (p - 1) + (1 - rows[i][3]) * w[i] * p;
            g0 += grad;
            g1 += grad * x;
        }
        assertEquals(0, 10 * g0, 1e-10);
        assertEquals(0, 10 * g1 + h.slope(), 1e-10);
    }

    @Test
    void weightingsNormaliseToOnePerModel() {
        Runs r = runs(new double[][] {{0, 0, 1, 1}, {0, 0, 1, 0}, {0, 3, 5, 1}, {0, 1, 2, 0}, {1, 2, 9, 1}});
        for (Weighting w : Weighting.values()) {
            double s = 0;
            for (double v : r.runWeights(0, w)) {
                s += v;
            }
            assertEquals(1, s, 1e-15, w.label());
        }
        // Task t0 (family f0) has two runs and f0 holds t0 and t3: each t0 run weighs 1/2 · 1/√2 before normalising.
        double[] inv = r.runWeights(0, Weighting.INVSQRT);
        double[] expected = {0.5 / Math.sqrt(2), 0.5 / Math.sqrt(2), 1 / Math.sqrt(2), 1.0};
        double total = expected[0] + expected[1] + expected[2] + expected[3];
        assertEquals(expected[0] / total, inv[0], 1e-15);
        assertEquals(expected[3] / total, inv[3], 1e-15);
    }
}
