package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;

/**
 * The options of the horizon fit and the trend fit: METR's defaults (regularisation 0.1, i.e. scikit-learn's
 * C = 10; 1,000 bootstrap replicates; families, tasks and runs resampled; a clip of 1e-3 minutes), each
 * {@code with…} changing its own component only, and every value outside its range refused at its edge.
 */
class HorizonOptionsTest {
    @Test
    void horizonDefaultsAreMetrsAndEachWithChangesOneComponent() {
        HorizonOptions d = HorizonOptions.defaults();
        assertEquals(0.1, d.regularization(), 0.0);
        assertEquals(10, d.c(), 1e-12);
        assertEquals(1000, d.bootstrap());
        assertEquals(Resampling.FAMILY_TASK_RUN, d.resampling());
        assertEquals(Weighting.INVSQRT, d.weighting());
        assertEquals(0.95, d.confidenceLevel(), 0.0);
        assertEquals(new HorizonOptions(Weighting.EQUAL_TASK, 0.1, 1000, Resampling.FAMILY_TASK_RUN, d.seed(), d.threads(),
                0.95), d.withWeighting(Weighting.EQUAL_TASK));
        assertEquals(0.5, d.withRegularization(0.5).regularization(), 0.0);
        assertEquals(2, d.withRegularization(0.5).c(), 1e-15);
        assertEquals(0.9, d.withConfidenceLevel(0.9).confidenceLevel(), 0.0);
        assertEquals(0, d.withBootstrap(0).bootstrap());
        assertEquals(1, d.withThreads(1).threads());
    }

    @Test
    void horizonOptionsOutsideTheirRangesAreRefused() {
        HorizonOptions d = HorizonOptions.defaults();
        assertEquals("regularization must be a finite number > 0, got 0.0",
                assertThrows(InvalidDataException.class, () -> d.withRegularization(0)).getMessage());
        assertThrows(InvalidDataException.class, () -> d.withRegularization(Double.POSITIVE_INFINITY));
        assertThrows(InvalidDataException.class, () -> d.withRegularization(Double.NaN));
        assertEquals("bootstrap replicates must be ≥ 0, got -1",
                assertThrows(InvalidDataException.class, () -> d.withBootstrap(-1)).getMessage());
        assertEquals("threads must be ≥ 1, got 0", assertThrows(InvalidDataException.class, () -> d.withThreads(0)).getMessage());
        for (double level : new double[] {0, 1}) {
            assertEquals("confidence level must lie in (0, 1), got " + level,
                    assertThrows(InvalidDataException.class, () -> d.withConfidenceLevel(level)).getMessage());
        }
    }

    @Test
    void trendDefaultsAndTheirRanges() {
        TrendOptions d = TrendOptions.defaults();
        assertEquals(1e-3, d.clipMinutes(), 0.0);
        assertEquals(EnumSet.allOf(TrendKind.class), d.kinds());
        assertEquals(1000, d.replicates());
        assertEquals(Set.of(TrendKind.EXPONENTIAL), d.withKinds(Set.of()).kinds(), "no shape asked: the exponential");
        assertEquals(0.8, d.withConfidenceLevel(0.8).confidenceLevel(), 0.0);
        assertEquals(0.9, d.withIntervalLevel(0.9).intervalLevel(), 0.0);
        assertEquals(100, d.withSince(100).withUntil(100).until(), 0.0, "a range of one day is not empty");
        assertThrows(org.scalefit.InvalidOptionException.class, () -> d.withSince(100).withUntil(99));
        assertEquals("replicates must be ≥ 0, got -1",
                assertThrows(InvalidDataException.class, () -> d.withReplicates(-1)).getMessage());
        assertEquals(0, d.withReplicates(0).replicates());
        assertEquals("threads must be ≥ 1, got 0", assertThrows(InvalidDataException.class, () -> d.withThreads(0)).getMessage());
        for (double level : new double[] {0, 1}) {
            assertEquals("confidence levels must lie in (0, 1)",
                    assertThrows(InvalidDataException.class, () -> d.withConfidenceLevel(level)).getMessage());
            assertEquals("confidence levels must lie in (0, 1)",
                    assertThrows(InvalidDataException.class, () -> d.withIntervalLevel(level)).getMessage());
        }
        assertEquals("the clip must be > 0 minutes, got 0.0", assertThrows(InvalidDataException.class,
                () -> new TrendOptions(false, Double.NaN, Double.NaN, Double.NaN, Set.of(), 0, 0.95, 1, 1, 0.95, 0)).getMessage());
    }

    @Test
    void weightingsParseTheirLabels() {
        for (Weighting w : Weighting.values()) {
            assertEquals(w, Weighting.parse(" " + w.label().toUpperCase() + " "));
        }
        assertEquals("unknown weighting \"x\": use invsqrt, equal or none",
                assertThrows(InvalidDataException.class, () -> Weighting.parse("x")).getMessage());
    }
}
