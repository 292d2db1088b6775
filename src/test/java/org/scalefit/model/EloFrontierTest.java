package org.scalefit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;

/** Jones's change-point frontier: exact recovery of his published parameters and his two headline numbers. */
class EloFrontierTest {
    private static final double[] JONES = {510, -430, -4400, -270, 570};

    @Test
    void recoversThePublishedParametersFromTheirOwnFrontier() {
        EloFrontier law = new EloFrontier();
        List<double[]> rows = new ArrayList<>();
        for (int n = 3; n <= 9; n++) {
            for (int i = 0; i <= 60; i++) {
                double lc = 9 + 8.0 * i / 60;
                double c = Math.pow(10, lc);
                rows.add(new double[] {c, n, law.value(new double[] {c, n}, JONES)});
            }
        }
        double[] c = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] n = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] y = rows.stream().mapToDouble(r -> r[2]).toArray();
        Observations obs = Observations.builder().predictor("C", c).predictor("n", n).response("elo", y).build();
        Fit fit = Fitter.fit(law, obs, FitOptions.defaults());
        double[] p = fit.values();
        for (int j = 0; j < 5; j++) {
            assertEquals(JONES[j], p[j], 1e-4 * Math.abs(JONES[j]), law.parameters().get(j));
        }
        // "About 500 Elo per tenfold compute" and "7× the compute per board row".
        assertEquals(510, fit.derived("elo_per_decade").value(), 1e-3);
        assertEquals(Math.pow(10, 430.0 / 510), fit.derived("compute_factor_per_board").value(), 1e-5);
        assertEquals(6.97, fit.derived("compute_factor_per_board").value(), 0.01);
    }

    @Test
    void valueIsCappedAtPerfectPlayAndFloorsAtThePlateau() {
        EloFrontier law = new EloFrontier();
        assertEquals(0, law.value(new double[] {1e20, 3}, JONES), 0);
        assertEquals(-270 * 9 + 570, law.value(new double[] {1e9, 9}, JONES), 1e-9);
        assertEquals(510 * 14 - 430 * 9 - 4400, law.value(new double[] {1e14, 9}, JONES), 1e-9);
        double[] g = new double[5];
        law.gradient(new double[] {1e14, 9}, JONES, g);
        assertEquals(14, g[0], 1e-12);
        assertEquals(9, g[1], 0);
        assertEquals(1, g[2], 0);
        assertEquals(0, g[3], 0);
        assertEquals("elo = min(0, max(510·log10(C) + (-430)·n + (-4400), (-270)·n + 570))",
                law.formula(List.of("C", "n"), "elo", JONES));
    }
}
