package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.model.OffsetPowerLaw;

/**
 * {@link RowRefits}: a refit on rows of the fit's data is {@link Fitter#refitNear} on {@code data.select(rows)}
 * bit for bit, whatever order the rows come in and however the fit's own rows were arranged; the rows are handed
 * over as the same multiset in the canonical order (by predictor, then response, then weight).
 */
class RowRefitsTest {
    /** An offset power law with seeded noise, its rows shuffled so that file order is not canonical order. */
    private static Observations shuffledData(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 24;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, 1 + 0.25 * (i / 2)); // pairs of equal x: ties broken by the response
            y[i] = 1.7 + 40 * Math.pow(x[i], -0.3) * Math.exp(0.03 * (rnd.nextDouble() - 0.5));
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
            t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return Observations.of(x, y);
    }

    @Test
    void aRefitOnRowsIsTheRefitOnTheirSelectionBitForBit() {
        Observations data = shuffledData(11);
        Fit fit = Fitter.fit(new OffsetPowerLaw(), data);
        FitOptions warm = fit.options().toBuilder().starts(Starts.warm(fit.values())).threads(1)
                .stallTolerance(FitOptions.REFIT_STALL_TOLERANCE).build();
        RowRefits refits = RowRefits.of(fit, warm);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int r = 0; r < 40; r++) {
            int[] rows = new int[data.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rnd.nextInt(data.size());
            }
            Refit expected = Fitter.refitNear(fit, data.select(rows), warm);
            Refit actual = refits.rows(rows);
            assertArrayEquals(expected.values(), actual.values(), 0.0, "replicate " + r);
            assertEquals(expected.objective(), actual.objective(), 0.0, "replicate " + r);
            assertEquals(expected.converged(), actual.converged(), "replicate " + r);
        }
    }

    @Test
    void rowsComeBackAsTheSameMultisetInCanonicalOrder() {
        Observations data = shuffledData(3);
        Fit fit = Fitter.fit(new OffsetPowerLaw(), data);
        RowRefits refits = RowRefits.of(fit, fit.options());
        int[] rows = {5, 0, 5, 17, 3, 3, 3, 23, 9};
        int[] canonical = refits.canonical(rows);
        int[] a = rows.clone();
        int[] b = canonical.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b, "the same rows, each as often");
        for (int k = 1; k < canonical.length; k++) {
            int p = canonical[k - 1];
            int q = canonical[k];
            boolean ordered = data.x(p) < data.x(q) || data.x(p) == data.x(q) && data.y(p) <= data.y(q);
            assertEquals(true, ordered, "rows " + p + " then " + q + " are out of (x, y) order");
        }
        assertThrows(IndexOutOfBoundsException.class, () -> refits.canonical(new int[] {data.size()}));
    }
}
