package org.scalefit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.uncertainty.Extrapolation.Severity;

/**
 * The distance of a prediction point beyond the data and its warning level, against the definition:
 * |log10(x / nearest end)| decades for a positive predictor, gap / span otherwise; the levels change at
 * ½, 1 and 2 decades (¼, ½ and 1 span). The distances below are exact in binary (log10 of a power of ten,
 * whole fractions of a span), so every point sits where the definition puts it, including the points
 * exactly on a level's edge, which belong to the milder level.
 */
class ExtrapolationTest {
    /** Positive x from 1e20 to 1e24, not in order (the ends are found, not read off the first and last row). */
    private static final Observations DECADES = Observations.of(new double[] {1e22, 1e24, 1e20, 1e21},
            new double[] {3, 2, 5, 4});
    /** x from −4 to 6 (a span of 10), not in order. */
    private static final Observations SPANS = Observations.of(new double[] {2, 6, -4, 0}, new double[] {1, 2, 3, 4});

    private static void assertExtrapolation(Extrapolation e, double distance, String unit, String side, Severity severity,
                                            String message) {
        assertEquals(distance, e.distance(), 1e-12, "distance");
        assertEquals(unit, e.unit());
        assertEquals(side, e.side());
        assertEquals(severity, e.severity());
        assertEquals(message, e.message());
    }

    @Test
    void decadesAboveAndBelowAPositivePredictor() {
        assertExtrapolation(Extrapolation.of(DECADES, true, 1e26), 2, "decades", "above", Severity.STRONG,
                "2 decades above the data: strong extrapolation; the band covers parameter and noise uncertainty, "
                        + "not a change of regime");
        assertExtrapolation(Extrapolation.of(DECADES, true, 1e25), 1, "decades", "above", Severity.MODERATE,
                "1 decade above the data: the band assumes the law keeps holding there");
        assertExtrapolation(Extrapolation.of(DECADES, true, 1e19), 1, "decades", "below", Severity.MODERATE,
                "1 decade below the data: the band assumes the law keeps holding there");
        assertExtrapolation(Extrapolation.of(DECADES, true, 1e17), 3, "decades", "below", Severity.SEVERE,
                "3 decades below the data: far extrapolation; treat it as a scenario, not a forecast");
        assertExtrapolation(Extrapolation.of(DECADES, true, Math.pow(10, 24.3)), 0.3, "decades", "above", Severity.MILD,
                "0.3 decades above the data: mild extrapolation");
    }

    @Test
    void theEndsOfTheDataAndPointsBetweenAreInside() {
        for (double x : new double[] {1e20, 1e24, 3e22}) {
            assertExtrapolation(Extrapolation.of(DECADES, true, x), 0, "decades", "inside", Severity.NONE, "inside the data");
        }
        for (double x : new double[] {-4, 6, 1.5}) {
            assertExtrapolation(Extrapolation.of(SPANS, false, x), 0, "spans", "inside", Severity.NONE, "inside the data");
        }
    }

    @Test
    void aPointOnALevelsEdgeBelongsToTheMilderLevel() {
        // half a decade above 1e24 and below 1e20: MILD, not MODERATE (the 1e-9 slack absorbs log10's rounding)
        assertEquals(Severity.MILD, Extrapolation.of(DECADES, true, Math.pow(10, 24.5)).severity());
        assertEquals(Severity.MILD, Extrapolation.of(DECADES, true, Math.pow(10, 19.5)).severity());
        // a hair beyond the edge is the next level
        assertEquals(Severity.MODERATE, Extrapolation.of(DECADES, true, Math.pow(10, 24.501)).severity());
        assertEquals(Severity.STRONG, Extrapolation.of(DECADES, true, Math.pow(10, 25.001)).severity());
        assertEquals(Severity.SEVERE, Extrapolation.of(DECADES, true, Math.pow(10, 26.001)).severity());
        // spans: the edges are ¼, ½ and 1 span (2.5, 5 and 10 beyond 6)
        assertEquals(Severity.MILD, Extrapolation.of(SPANS, false, 8.5).severity());
        assertEquals(Severity.MODERATE, Extrapolation.of(SPANS, false, 8.51).severity());
        assertEquals(Severity.MODERATE, Extrapolation.of(SPANS, false, 11).severity());
        assertEquals(Severity.STRONG, Extrapolation.of(SPANS, false, 11.01).severity());
        assertEquals(Severity.STRONG, Extrapolation.of(SPANS, false, 16).severity());
        assertEquals(Severity.SEVERE, Extrapolation.of(SPANS, false, 16.01).severity());
    }

    @Test
    void aDistanceExactlyOnTheEdgeWithItsSlackIsStillTheMilderLevel() {
        // data from −1 to 0 (a span of 1): the distance is x itself, so x can be put exactly on each edge,
        // ¼, ½ and 1 span plus the 1e-9 slack, computed as the definition writes them
        Observations unit = Observations.of(new double[] {-1, 0}, new double[] {1, 2});
        assertEquals(Severity.MILD, Extrapolation.of(unit, false, 0.5 * 0.5 + 1e-9).severity());
        assertEquals(Severity.MODERATE, Extrapolation.of(unit, false, 1.0 * 0.5 + 1e-9).severity());
        assertEquals(Severity.STRONG, Extrapolation.of(unit, false, 2.0 * 0.5 + 1e-9).severity());
    }

    @Test
    void dataReachingZeroAreMeasuredInSpansEvenForAPositiveLaw() {
        Observations fromZero = Observations.of(new double[] {0, 10}, new double[] {1, 2});
        assertExtrapolation(Extrapolation.of(fromZero, true, 15), 0.5, "spans", "above", Severity.MODERATE,
                "0.5 spans above the data: the band assumes the law keeps holding there");
    }

    @Test
    void spansForAnyOtherPredictor() {
        assertExtrapolation(Extrapolation.of(SPANS, false, 8.5), 0.25, "spans", "above", Severity.MILD,
                "0.25 spans above the data: mild extrapolation");
        assertExtrapolation(Extrapolation.of(SPANS, false, 16), 1, "spans", "above", Severity.STRONG,
                "1 span above the data: strong extrapolation; the band covers parameter and noise uncertainty, "
                        + "not a change of regime");
        assertExtrapolation(Extrapolation.of(SPANS, false, -29), 2.5, "spans", "below", Severity.SEVERE,
                "2.5 spans below the data: far extrapolation; treat it as a scenario, not a forecast");
        // a positive law asked at x ≤ 0, or data reaching 0 or below, falls back to spans
        assertExtrapolation(Extrapolation.of(DECADES, true, 0), 1e20 / (1e24 - 1e20), "spans", "below", Severity.MILD,
                "0.0001 spans below the data: mild extrapolation");
        assertExtrapolation(Extrapolation.of(SPANS, true, 11), 0.5, "spans", "above", Severity.MODERATE,
                "0.5 spans above the data: the band assumes the law keeps holding there");
    }

    @Test
    void dataAtOneXHaveNoSpanSoAnyDistanceIsSevere() {
        Observations one = Observations.of(new double[] {3, 3, 3}, new double[] {1, 2, 3});
        assertExtrapolation(Extrapolation.of(one, false, 4), Double.POSITIVE_INFINITY, "spans", "above", Severity.SEVERE,
                "inf spans above the data: far extrapolation; treat it as a scenario, not a forecast");
        assertExtrapolation(Extrapolation.of(one, false, 3), 0, "spans", "inside", Severity.NONE, "inside the data");
    }
}
