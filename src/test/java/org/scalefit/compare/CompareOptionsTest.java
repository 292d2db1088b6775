package org.scalefit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.InvalidDataException;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.model.PowerLaw;

/**
 * The comparison's options and small parts: each criterion is the fit's own AIC, AICc or BIC; the names
 * parse case-blind; which laws nest in which; and every option outside its range is refused at its edge.
 */
class CompareOptionsTest {
    @Test
    void eachCriterionIsTheFitsOwn() {
        Fit fit = Fitter.fit(new PowerLaw(), Observations.of(new double[] {1, 2, 4, 8, 16}, new double[] {5, 4.1, 3.3, 2.8, 2.2}));
        assertEquals(fit.aic(), Criterion.AIC.of(fit), 0.0);
        assertEquals(fit.aicc(), Criterion.AICC.of(fit), 0.0);
        assertEquals(fit.bic(), Criterion.BIC.of(fit), 0.0);
        assertEquals(Criterion.AICC, Criterion.parse(" AICc "));
        assertEquals(Criterion.AIC, Criterion.parse("aic"));
        assertEquals(Criterion.BIC, Criterion.parse("BIC"));
        assertEquals("AICc", Criterion.AICC.label());
        assertEquals("unknown criterion \"hqc\": use aic, aicc or bic",
                assertThrows(InvalidDataException.class, () -> Criterion.parse("hqc")).getMessage());
    }

    @Test
    void nestingIsAPartialOrder() {
        assertTrue(Nesting.nestedIn("power-law", "offset-power-law"));
        assertTrue(Nesting.nestedIn("offset-power-law", "broken-power-law-2"));
        assertFalse(Nesting.nestedIn("offset-power-law", "power-law"));
        assertFalse(Nesting.nestedIn("exponential", "power-law"));
        assertFalse(Nesting.nestedIn("user-formula", "power-law"));
    }

    @Test
    void comparisonOptionsAtTheEdgesOfTheirRanges() {
        ComparisonOptions d = ComparisonOptions.defaults();
        assertEquals(Criterion.AICC, d.criterion());
        assertEquals(3, d.holdoutLargest());
        assertTrue(d.leaveOneOut());
        assertEquals(2.0, d.evidenceThreshold(), 0.0);
        assertEquals(0, new ComparisonOptions(d.fitOptions(), Criterion.AIC, 0, false, 1e-9, 1).holdoutLargest());
        assertThrows(InvalidDataException.class, () -> new ComparisonOptions(d.fitOptions(), Criterion.AIC, -1, false, 2, 1));
        assertThrows(InvalidDataException.class, () -> new ComparisonOptions(d.fitOptions(), Criterion.AIC, 0, false, 0, 1));
        assertThrows(InvalidDataException.class, () -> new ComparisonOptions(d.fitOptions(), Criterion.AIC, 0, false, 2, 0));
        FitOptions huber = FitOptions.builder().loss(Loss.parse("huber:1")).build();
        assertTrue(assertThrows(InvalidDataException.class, () -> new ComparisonOptions(huber, Criterion.AIC, 0, false, 2, 1))
                .getMessage().startsWith("model comparison needs the squares loss"));
    }

    @Test
    void slopeOptionsAtTheEdgesOfTheirRanges() {
        assertEquals(List.of(1e20), SlopeOptions.powerLaw(List.of(1e20), List.of(-1.0)).atCompute());
        assertThrows(InvalidDataException.class, () -> SlopeOptions.powerLaw(List.of(0.0), List.of()));
        assertThrows(InvalidDataException.class, () -> SlopeOptions.powerLaw(List.of(Double.POSITIVE_INFINITY), List.of()));
        assertThrows(InvalidDataException.class, () -> SlopeOptions.powerLaw(List.of(), List.of(Double.NaN)));
        SlopeOptions d = SlopeOptions.powerLaw(List.of(), List.of());
        assertEquals(0, new SlopeOptions(d.law(), d.fitOptions(), List.of(), List.of(), 0, 1, false).replicates());
        assertThrows(InvalidDataException.class, () -> new SlopeOptions(d.law(), d.fitOptions(), List.of(), List.of(), -1, 1, false));
        assertThrows(InvalidDataException.class, () -> new SlopeOptions(d.law(), d.fitOptions(), List.of(), List.of(), 0, 0, false));
    }
}
