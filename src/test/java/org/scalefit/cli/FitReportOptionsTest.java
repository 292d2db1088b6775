package org.scalefit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Bound;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.model.OffsetPowerLaw;
import org.scalefit.model.Space;

/** {@code optimal} reads a saved fit's options with the reader that sits next to the writer: they round-trip. */
class FitReportOptionsTest {
    @Test
    void theOptionsAFitJsonRecordsAreReadBackAsWritten() {
        double[] x = {1e18, 1e19, 1e20, 1e21, 1e22, 1e23};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1.7 + 400 * Math.pow(x[i], -0.12) * (1 + 0.01 * Math.sin(i));
        }
        FitOptions written = FitOptions.builder().space(Space.LINEAR).loss(Loss.huber(0.05)).solver(Solver.LBFGS)
                .bound("E", new Bound(0, 3)).fix("alpha", 0.12).maxIterations(777).confidenceLevel(0.9).build();
        Fit fit = Fitter.fit(new OffsetPowerLaw(), Observations.of(x, y), written);
        FitOptions read = FitReport.readOptions(FitReport.options(written, fit));
        assertEquals(written.space(), read.space());
        assertEquals(written.loss().spec(), read.loss().spec());
        assertEquals(written.solver(), read.solver());
        assertEquals(written.bounds(), read.bounds());
        assertEquals(written.fixed(), read.fixed());
        assertEquals(written.maxIterations(), read.maxIterations());
        assertEquals(written.confidenceLevel(), read.confidenceLevel());
    }
}
