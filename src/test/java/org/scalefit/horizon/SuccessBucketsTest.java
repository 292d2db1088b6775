package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

/**
 * Success rates per bin of task length and the default bins, on runs written out here whose every bin's
 * rate is counted by hand: with equal weights per run a bin's rate is its successes over its runs; a task
 * on an edge belongs to the bin that starts there ([lo, hi)).
 */
class SuccessBucketsTest {
    private static Runs runs() {
        Runs.Builder b = Runs.builder("mem");
        b.add("m", "a", "f", 1, 1);
        b.add("m", "a", "f", 1, 0);
        b.add("m", "b", "f", 3.9, 1);
        b.add("m", "c", "f", 4, 0);
        b.add("m", "d", "f", 15, 1);
        b.add("m", "e", "g", 64, 0);
        b.add("other", "e", "g", 64, 1);
        return b.build();
    }

    @Test
    void ratesPerBinCountEveryRunOfTheModel() {
        List<SuccessBucket> s = Horizons.successBuckets(runs(), "m", Weighting.PER_RUN, new double[] {1, 4, 16, 64});
        assertEquals(3, s.size());
        // [1, 4): a (1 of 2) and b (1 of 1) → 2/3; [4, 16): c (0) and d (1) → 1/2; [16, 64): nothing; 64 is outside
        assertEquals(new SuccessBucket(1, 4, 3, 2, 2.0 / 3), s.get(0));
        assertEquals(new SuccessBucket(4, 16, 2, 2, 0.5), s.get(1));
        assertEquals(16, s.get(2).lowMinutes(), 0.0);
        assertEquals(0, s.get(2).runs());
        assertEquals(Double.NaN, s.get(2).successRate());
    }

    @Test
    void tasksBelowTheFirstEdgeAreLeftOut() {
        List<SuccessBucket> s = Horizons.successBuckets(runs(), "m", Weighting.PER_RUN, new double[] {2, 100});
        assertEquals(List.of(new SuccessBucket(2, 100, 4, 4, 0.5)), s, "b, c, d, e: two of four");
    }

    @Test
    void edgesMustBePositiveAndIncreasingAndTheModelKnown() {
        for (double[] bad : new double[][] {{0, 1}, {1, 1}, {4, 2}, {-1, 2}}) {
            assertEquals("bucket edges must be positive and increasing, got " + java.util.Arrays.toString(bad),
                    assertThrows(InvalidDataException.class,
                            () -> Horizons.successBuckets(runs(), "m", Weighting.PER_RUN, bad)).getMessage());
        }
        assertEquals("no model \"x\" in mem; models are: m, other", assertThrows(InvalidDataException.class,
                () -> Horizons.successBuckets(runs(), "x", Weighting.PER_RUN, new double[] {1, 2})).getMessage());
        assertEquals(List.of(), Horizons.successBuckets(runs(), "m", Weighting.PER_RUN, new double[] {1}));
    }

    @Test
    void defaultEdgesArePowersOfFourAroundEveryTask() {
        // tasks from 1 to 64 minutes: 4^0 … 4^4 (64 = 4^3 needs a bin [64, 256))
        assertArrayEquals(new double[] {1, 4, 16, 64, 256}, Horizons.defaultBucketEdges(runs()), 0.0);
        Runs odd = Runs.builder("mem").add("m", "a", "f", 0.5, 1).add("m", "b", "f", 20, 0).build();
        assertArrayEquals(new double[] {0.25, 1, 4, 16, 64}, Horizons.defaultBucketEdges(odd), 0.0);
    }
}
