package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.Numbers;

/**
 * The warning each fitted model carries, by the case that triggers it: a 50% horizon below the shortest or
 * above the longest task (read off the model's own fitted p50), and a success rate that does not fall with
 * task length. The flat case is exact: on tasks of one minute log2(length) = 0, so the gradient of sklearn's
 * objective in the slope is the slope itself and the optimum has b1 = 0 exactly.
 */
class HorizonWarningsTest {
    private static Runs runs(Object[][] rows) {
        Runs.Builder b = Runs.builder("mem");
        for (Object[] r : rows) {
            b.add((String) r[0], (String) r[1], "f-" + r[1], (Double) r[2], (Double) r[3]);
        }
        return b.build();
    }

    private static final HorizonResult FIT = Horizons.fit(runs(new Object[][] {
        {"low", "a", 8.0, 1.0}, {"low", "a", 8.0, 0.0}, {"low", "a", 8.0, 0.0}, {"low", "a", 8.0, 0.0},
        {"low", "b", 16.0, 0.0}, {"low", "c", 32.0, 0.0}, {"low", "d", 64.0, 0.0},
        {"high", "a", 8.0, 1.0}, {"high", "b", 16.0, 1.0}, {"high", "c", 32.0, 1.0},
        {"high", "d", 64.0, 1.0}, {"high", "d", 64.0, 1.0}, {"high", "d", 64.0, 1.0}, {"high", "d", 64.0, 0.0},
        {"flat", "e", 1.0, 1.0}, {"flat", "e", 1.0, 0.0}, {"flat", "f", 1.0, 1.0}, {"flat", "f", 1.0, 1.0},
        {"inside", "a", 8.0, 1.0}, {"inside", "b", 16.0, 1.0}, {"inside", "c", 32.0, 0.0}, {"inside", "d", 64.0, 0.0},
    }), HorizonOptions.defaults().withBootstrap(0));

    @Test
    void aHorizonBelowTheShortestTaskIsAnExtrapolation() {
        ModelHorizon m = FIT.model("low");
        assertTrue(m.p50() < 8, "p50 " + m.p50());
        assertEquals(List.of("low: the 50% horizon (" + Numbers.format(m.p50(), 3)
                + " min) lies below the shortest task (8 min): an extrapolation"), m.warnings());
    }

    @Test
    void aHorizonAboveTheLongestTaskIsAnExtrapolation() {
        ModelHorizon m = FIT.model("high");
        assertTrue(m.p50() > 64, "p50 " + m.p50());
        assertEquals(List.of("high: the 50% horizon (" + Numbers.format(m.p50(), 3)
                + " min) lies above the longest task (64 min): an extrapolation"), m.warnings());
    }

    @Test
    void aFlatSuccessRateHasNoHorizon() {
        ModelHorizon m = FIT.model("flat");
        assertEquals(0.0, m.slope(), 0.0);
        assertEquals(List.of("flat: success rises with task length (slope 0 log-odds per doubling ≥ 0); its horizons are "
                + "not meaningful"), m.warnings());
    }

    @Test
    void aHorizonInsideTheTasksHasNoWarning() {
        ModelHorizon m = FIT.model("inside");
        assertTrue(m.p50() > 8 && m.p50() < 64, "p50 " + m.p50());
        assertEquals(List.of(), m.warnings());
        assertEquals(4, m.runs());
        assertEquals(4, m.tasks());
        assertEquals(8, m.shortestTask(), 0.0);
        assertEquals(64, m.longestTask(), 0.0);
    }
}
