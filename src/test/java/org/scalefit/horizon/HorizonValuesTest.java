package org.scalefit.horizon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Dates;

/**
 * The horizon value types against their definitions: a fitted model's success probability is the logistic
 * 1/(1 + e^−z) with z = b0 + b1·log2(minutes) (METR's model: Kwa et al. 2025, "Measuring AI Ability to
 * Complete Long Tasks"), its p-horizon the inverse 2^((logit p − b0)/b1); a point's interval brackets its horizon; the enums parse their own codes.
 */
class HorizonValuesTest {
    private static ModelHorizon model(HorizonStatus status, double b0, double b1) {
        return new ModelHorizon("m", 10, 5, 2, 0.5, status, b0, b1, 1, 100, 4, List.of());
    }

    @Test
    void aFittedModelsSuccessProbabilityIsTheLogisticInLog2Minutes() {
        ModelHorizon m = model(HorizonStatus.FITTED, 3, -0.75);
        for (double minutes : new double[] {1, 16, 64, 4096}) {
            double z = 3 - 0.75 * Math.log(minutes) / Math.log(2);
            assertEquals(1 / (1 + Math.exp(-z)), m.successProbability(minutes), 1e-15, "at " + minutes + " min");
        }
        // p50 where z = 0: 2^(3/0.75) = 16 minutes; p80 where z = ln 4: 2^((3 − ln 4)/0.75)
        assertEquals(16, m.p50(), 1e-12);
        assertEquals(Math.pow(2, (3 - Math.log(4)) / 0.75), m.p80(), 1e-12);
        assertEquals(0.5, m.successProbability(m.p50()), 1e-15);
        assertEquals(0.8, m.successProbability(m.p80()), 1e-15);
        // far out on either side: no overflow, no 0/0
        assertEquals(1.0, model(HorizonStatus.FITTED, 800, 0).successProbability(1), 0.0);
        assertEquals(0.0, model(HorizonStatus.FITTED, -800, 0).successProbability(1), 0.0);
    }

    @Test
    void unfittedModelsHaveNoHorizonButKnownProbabilities() {
        assertEquals(0.0, model(HorizonStatus.NO_SUCCESSES, Double.NaN, Double.NaN).successProbability(5), 0.0);
        assertEquals(1.0, model(HorizonStatus.ALL_SUCCESSES, Double.NaN, Double.NaN).successProbability(5), 0.0);
        assertEquals(Double.NaN, model(HorizonStatus.NOT_CONVERGED, 1, 1).successProbability(5));
        assertEquals(Double.NaN, model(HorizonStatus.NOT_CONVERGED, 1, 1).p50());
        assertEquals(Double.NaN, model(HorizonStatus.ALL_SUCCESSES, 1, 1).p80());
    }

    @Test
    void aHorizonNeedsAProbabilityStrictlyBetweenZeroAndOne() {
        ModelHorizon m = model(HorizonStatus.FITTED, 3, -0.75);
        for (double p : new double[] {0, 1, -0.1, Double.NaN}) {
            assertEquals("p must lie in (0, 1), got " + p,
                    assertThrows(IllegalArgumentException.class, () -> m.horizon(p)).getMessage());
        }
    }

    @Test
    void aPointsIntervalMustBracketItsHorizon() {
        HorizonPoint p = HorizonPoint.of("gpt", 19000, 30);
        assertFalse(p.hasInterval(), "no interval");
        assertTrue(p.withInterval(10, 60).hasInterval());
        assertTrue(p.withInterval(30, 30).hasInterval(), "a zero-width interval at the horizon brackets it");
        assertTrue(p.withInterval(0, 30).hasInterval());
        assertFalse(p.withInterval(31, 60).hasInterval(), "above the horizon");
        assertFalse(p.withInterval(10, 29).hasInterval(), "below the horizon");
        assertFalse(p.withInterval(-1, 60).hasInterval(), "negative minutes");
        assertFalse(p.withInterval(10, Double.POSITIVE_INFINITY).hasInterval(), "unbounded");
        assertEquals("gpt (" + Dates.format(19000) + "): 30.0 min", p.toString());
    }

    @Test
    void aPointHoldsItsOwnCopyOfTheReplicates() {
        double[] r = {20, 30, Double.NaN};
        HorizonPoint p = HorizonPoint.of("m", 19000, 30).withReplicates(r);
        r[0] = 99;
        assertEquals(3, p.replicateCount());
        assertEquals(20, p.replicate(0), 0.0);
        double[] out = p.replicates();
        out[1] = 99;
        assertArrayEquals(new double[] {20, 30, Double.NaN}, p.replicates());
        assertEquals(0, HorizonPoint.of("m", 19000, 30).replicateCount());
    }

    @Test
    void pointsAreEqualComponentByComponent() {
        HorizonPoint p = new HorizonPoint("m", 19000, 30, 10, 60, new double[] {1, 2});
        assertEquals(p, new HorizonPoint("m", 19000, 30, 10, 60, new double[] {1, 2}));
        assertEquals(p.hashCode(), new HorizonPoint("m", 19000, 30, 10, 60, new double[] {1, 2}).hashCode());
        assertNotEquals(p, new HorizonPoint("n", 19000, 30, 10, 60, new double[] {1, 2}));
        assertNotEquals(p, new HorizonPoint("m", 19001, 30, 10, 60, new double[] {1, 2}));
        assertNotEquals(p, new HorizonPoint("m", 19000, 31, 10, 60, new double[] {1, 2}));
        assertNotEquals(p, new HorizonPoint("m", 19000, 30, 11, 60, new double[] {1, 2}));
        assertNotEquals(p, new HorizonPoint("m", 19000, 30, 10, 61, new double[] {1, 2}));
        assertNotEquals(p, new HorizonPoint("m", 19000, 30, 10, 60, new double[] {1, 3}));
        assertNotEquals(p.hashCode(), new HorizonPoint("m", 19000, 30, 10, 60, new double[] {1, 3}).hashCode());
        assertNotEquals(p, "m");
    }

    @Test
    void aPointNeedsADateAndAFiniteNonNegativeHorizon() {
        assertEquals("model \"m\" has no valid date",
                assertThrows(InvalidDataException.class, () -> HorizonPoint.of("m", Double.NaN, 3)).getMessage());
        assertEquals("model \"m\" has horizon -1.0; horizons must be finite and ≥ 0 minutes",
                assertThrows(InvalidDataException.class, () -> HorizonPoint.of("m", 19000, -1)).getMessage());
        assertThrows(InvalidDataException.class, () -> HorizonPoint.of("m", 19000, Double.POSITIVE_INFINITY));
        assertThrows(InvalidDataException.class, () -> HorizonPoint.of("m", 19000, Double.NaN));
        assertEquals(0, HorizonPoint.of("m", 19000, 0).minutes(), 0.0, "0 minutes: below every task");
    }

    @Test
    void theEnumsReadTheirOwnCodes() {
        for (Resampling r : Resampling.values()) {
            assertEquals(r, Resampling.parse(" " + r.code().toUpperCase() + " "));
        }
        assertEquals(List.of("ftr", "tr", "t"), List.of(Resampling.values()).stream().map(Resampling::code).toList());
        assertEquals("unknown resampling \"x\": use ftr (families, tasks, runs), tr or t",
                assertThrows(InvalidDataException.class, () -> Resampling.parse("x")).getMessage());
        for (TrendKind k : TrendKind.values()) {
            assertEquals(k, TrendKind.parse(k.label().toUpperCase()));
        }
        assertEquals("unknown trend \"cubic\": use exponential, piecewise or superexponential",
                assertThrows(InvalidDataException.class, () -> TrendKind.parse("cubic")).getMessage());
        assertEquals("run-bootstrap", UncertaintySource.RUN_BOOTSTRAP.code());
        assertTrue(UncertaintySource.NONE.description().startsWith("no per-model intervals"));
        assertEquals("no successes: the horizon is below the shortest task", HorizonStatus.NO_SUCCESSES.describe());
        assertEquals("not_converged", HorizonStatus.NOT_CONVERGED.code());
    }
}
