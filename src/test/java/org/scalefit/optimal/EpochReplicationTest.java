package org.scalefit.optimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.SharedData;
import org.scalefit.data.Observations;
import org.scalefit.fit.Fit;
import org.scalefit.fit.FitOptions;
import org.scalefit.fit.Fitter;
import org.scalefit.fit.Loss;
import org.scalefit.fit.Solver;
import org.scalefit.fit.Starts;
import org.scalefit.model.ChinchillaLaw;

/**
 * Epoch AI's "replicate exactly" fit (Besiroglu et al. 2024): Hoffmann's 4,500-start grid, Huber δ = 1e-3
 * on log residuals summed over the 240 points left after dropping the 5 highest losses. Their notebook
 * reports objective 0.0010182740 at E = 1.8172, A = 477.84, B = 2143.86, α = 0.34731, β = 0.36718.
 * We must reach that objective or lower (to 1e-6 relative) and the same parameters to 4 significant
 * digits (relative 5e-4: B is the flattest direction of the objective, where two optimisers that agree
 * on the objective to ten digits differ in B's fourth digit), by the full L-BFGS grid and by variable
 * projection. Skipped when {@code ../shared/reference-data/epoch-chinchilla} is absent.
 */
class EpochReplicationTest {

    private static void assertEpoch(Fit fit, String what) {
        assertTrue(fit.objective() <= EpochData.OBJECTIVE * (1 + 1e-6),
                what + ": objective " + fit.objective() + " above Epoch's " + EpochData.OBJECTIVE);
        double[] p = fit.values();
        List<String> names = fit.parameterNames();
        for (int j = 0; j < 5; j++) {
            double ref = EpochData.PARAMETERS[j];
            assertEquals(ref, p[j], 5e-4 * ref, what + ": " + names.get(j));
        }
        assertTrue(fit.converged(), what + " converged");
        assertTrue(fit.warnings().stream().noneMatch(w -> w.contains("edge")), what + ": no grid-edge warning " + fit.warnings());
    }

    @Test
    void hoffmannGridReproducesEpochsOptimum() {
        EpochData.require();
        Observations data = EpochData.epoch240();
        assertEquals(240, data.size());
        FitOptions options = FitOptions.builder().loss(Loss.huber(1e-3)).starts(Starts.hoffmannGrid()).threads(2).build();
        Fit full = Fitter.fit(new ChinchillaLaw(), data, options.toBuilder().solver(Solver.LBFGS).build());
        assertEquals(4500, full.startsTried());
        assertEpoch(full, "L-BFGS over 4,500 starts");

        Fit projected = Fitter.fit(new ChinchillaLaw(), data, options.toBuilder().solver(Solver.VARPRO).build());
        assertEquals(25, projected.startsTried(), "the grid has 25 distinct (alpha, beta) pairs");
        assertEpoch(projected, "variable projection");
        assertEquals(full.objective(), projected.objective(), 1e-9 * full.objective(), "both paths reach the same optimum");
    }
}
