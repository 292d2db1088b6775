package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.stats.Interval;

/**
 * The bootstrap store's bookkeeping on a hand-built store of two models × four replicates whose every
 * outcome is known: replicate b of model m sits at b·2 + m; a fitted replicate's p-horizon is
 * 2^((logit p − b0)/b1), one without successes 0 minutes, one without failures +∞, a failed or absent one NaN.
 */
class HorizonBootstrapTest {
    private static final byte OK = Logistic.OK;
    private static final byte NONE = Logistic.NO_SUCCESSES;
    private static final byte ALL = Logistic.ALL_SUCCESSES;
    private static final byte FAIL = Logistic.NOT_CONVERGED;
    private static final byte EMPTY = Logistic.EMPTY;
    private static final byte ABSENT = HorizonBootstrap.ABSENT;

    /** Model "a": fitted, fitted, no successes, absent; model "b": fitted, all successes, not converged, empty. */
    private static final HorizonBootstrap STORE = new HorizonBootstrap(List.of("a", "b"), 4, 17, Resampling.TASK,
            new double[] {4, 1, 6, 2, 9, 9, 9, 9},
            new double[] {-1, -0.5, -2, -1, 9, 9, 9, 9},
            new byte[] {OK, OK, OK, ALL, NONE, FAIL, ABSENT, EMPTY});

    @Test
    void replicateHorizonsByOutcome() {
        // a: b0 = 4, b1 = −1 → p50 at 2^4 = 16; b0 = 6, b1 = −2 → 2^3 = 8
        assertArrayEquals(new double[] {16, 8, 0, Double.NaN}, STORE.horizons("a", 0.5), 1e-12);
        // b: b0 = 1, b1 = −0.5 → 2^2 = 4
        assertArrayEquals(new double[] {4, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN}, STORE.horizons("b", 0.5), 1e-12);
        // p80: 2^((ln 4 − b0)/b1)
        assertEquals(Math.pow(2, (Math.log(4) - 4) / -1), STORE.horizons("a", 0.8)[0], 1e-12);
    }

    @Test
    void slopesAndInterceptsOnlyWhereTheReplicateWasFitted() {
        assertArrayEquals(new double[] {-1, -2, Double.NaN, Double.NaN}, STORE.slopes("a"));
        assertArrayEquals(new double[] {4, 6, Double.NaN, Double.NaN}, STORE.intercepts("a"));
        assertArrayEquals(new double[] {-0.5, Double.NaN, Double.NaN, Double.NaN}, STORE.slopes("b"));
        assertArrayEquals(new double[] {1, Double.NaN, Double.NaN, Double.NaN}, STORE.intercepts("b"));
    }

    @Test
    void degenerateAndMissingReplicatesAreCountedPerModel() {
        assertEquals(1, STORE.degenerate("a"), "no successes");
        assertEquals(1, STORE.missing("a"), "absent");
        assertEquals(1, STORE.degenerate("b"), "all successes");
        assertEquals(2, STORE.missing("b"), "not converged and empty");
    }

    @Test
    void theIntervalIsThePercentileIntervalOfTheReplicates() {
        Interval i = STORE.interval("a", 0.5, 0.5);
        Interval expected = Interval.percentile(new double[] {16, 8, 0, Double.NaN}, 0.5);
        assertEquals(expected.lower(), i.lower(), 0.0);
        assertEquals(expected.upper(), i.upper(), 0.0);
    }

    @Test
    void theStoreNamesItsModelsAndSettings() {
        assertEquals(List.of("a", "b"), STORE.models());
        assertEquals(4, STORE.replicates());
        assertEquals(17, STORE.seed());
        assertEquals(Resampling.TASK, STORE.resampling());
        assertEquals(OptionalInt.of(0), STORE.indexOf("a"));
        assertEquals(OptionalInt.of(1), STORE.indexOf("b"));
        assertEquals(OptionalInt.empty(), STORE.indexOf("c"));
        assertEquals("no model \"c\" in the bootstrap; models are: a, b",
                assertThrows(InvalidDataException.class, () -> STORE.missing("c")).getMessage());
    }
}
