package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

/**
 * The run store built from runs given in any order: counts per model, task and family, score sums and
 * per-run weights are those of the runs written here, whatever their order; values at the edges of their
 * ranges are accepted or refused as documented.
 */
class RunsTest {
    /** Two models, three tasks in two families, the runs interleaved. */
    private static Runs interleaved() {
        return Runs.builder("mem")
                .add("A", "t1", "f", 2, 1)
                .add("B", "t3", "g", 8, 0)
                .add("A", "t2", "f", 4, 0.5)
                .add("B", "t1", "f", 2, 1)
                .add("A", "t1", "f", 2, 0)
                .add("A", "t3", "g", 8, 1)
                .build();
    }

    @Test
    void countsAreThoseOfTheRunsInAnyOrder() {
        Runs r = interleaved();
        assertEquals(List.of("A", "B"), r.models());
        assertEquals(OptionalInt.of(1), r.modelIndex("B"));
        assertEquals(OptionalInt.empty(), r.modelIndex("C"));
        assertEquals(6, r.runCount());
        assertEquals(4, r.runCount(0));
        assertEquals(2, r.runCount(1));
        assertEquals(3, r.taskCount(0));
        assertEquals(2, r.taskCount(1));
        assertEquals(3, r.taskCount());
        assertEquals(2, r.familyCount());
        assertEquals(2, r.familyCount(0), "t1 and t2 share family f");
        assertEquals(2, r.familyCount(1));
        assertEquals(2.5, r.scoreSum(0), 0.0);
        assertEquals(1.0, r.scoreSum(1), 0.0);
        // tasks in order of first appearance: t1, t3, t2
        assertEquals("t3", r.task(1));
        assertEquals(8, r.minutes(1), 0.0);
        assertEquals("g", r.family(r.familyOf(1)));
        assertEquals("f", r.family(r.familyOf(2)));
        assertEquals("mem", r.source());
        assertEquals("mem: 6 runs of 2 models on 3 tasks in 2 families", r.toString());
    }

    @Test
    void perRunWeightsFollowTheirRuns() {
        Runs r = interleaved();
        // model A: t1 twice, t2 once (family f, two tasks), t3 once (family g, one task)
        // per run: 1/4 each; equal per task: 1/(3·runs of the task); invsqrt: 1/runs/√(tasks of the family), normalised
        double[] none = r.runWeights(0, Weighting.PER_RUN);
        assertEquals(4, none.length);
        for (double w : none) {
            assertEquals(0.25, w, 1e-15);
        }
        double[] equal = r.runWeights(0, Weighting.EQUAL_TASK);
        assertEquals(1.0, java.util.Arrays.stream(equal).sum(), 1e-15);
        double[] sorted = equal.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(new double[] {1.0 / 6, 1.0 / 6, 1.0 / 3, 1.0 / 3}, sorted, 1e-15);
        double[] inv = r.runWeights(0, Weighting.INVSQRT);
        double t1 = 0.5 / Math.sqrt(2);
        double t2 = 1 / Math.sqrt(2);
        double t3 = 1;
        double total = 2 * t1 + t2 + t3;
        double[] expected = {t1 / total, t1 / total, t2 / total, t3 / total};
        java.util.Arrays.sort(expected);
        double[] got = inv.clone();
        java.util.Arrays.sort(got);
        assertArrayEquals(expected, got, 1e-15);
    }

    @Test
    void valuesAtTheEdgesOfTheirRanges() {
        Runs edge = Runs.builder("mem").add("A", "t", "f", Double.MIN_VALUE, 0).add("A", "u", "f", 1, 1).build();
        assertEquals(1.0, edge.scoreSum(0), 0.0);
        assertEquals("run 1 of mem: human minutes is 0.0; task lengths must be finite and > 0", assertThrows(
                InvalidDataException.class, () -> Runs.builder("mem").add("A", "t", "f", 0, 1)).getMessage());
        assertThrows(InvalidDataException.class, () -> Runs.builder("mem").add("A", "t", "f", Double.POSITIVE_INFINITY, 1));
        assertEquals("run 2 of mem: score is 1.0001; scores must lie in [0, 1]", assertThrows(InvalidDataException.class,
                () -> Runs.builder("mem").add("A", "t", "f", 1, 1).add("A", "t", "f", 1, 1.0001)).getMessage());
        assertThrows(InvalidDataException.class, () -> Runs.builder("mem").add("A", "t", "f", 1, -0.0001));
        assertEquals("mem has no model runs", assertThrows(InvalidDataException.class, () -> Runs.builder("mem").build())
                .getMessage());
    }
}
