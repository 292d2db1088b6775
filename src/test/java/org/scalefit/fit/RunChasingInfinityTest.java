package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefit.FitFailedException;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.model.OffsetPowerLaw;

/**
 * Real subsets on which the offset power law has no finite optimum (E → −∞, A → +∞ while alpha → 0: the data follow
 * a log law c − k·ln x), found by the scaling-law sweep, each once answered with exit 0.
 *
 * <p>The infima are the limit law's RSS, fitted in log space by SciPy's least_squares (method lm, tolerances 1e-15)
 * from a grid of starts: {@code python3 bench/oracles/offset_law_log_limits.py}, run 2026-12-07.
 */
class RunChasingInfinityTest {
    private static final Pattern FALLING = Pattern.compile("falling towards ([0-9.eE+-]+) ");
    private static final String RUNAWAY = "offset-power-law fit has no finite optimum: E → −∞, A → +∞ while alpha → 0"
            + " (the objective keeps falling towards ";

    /**
     * A converged point far above a run the iteration limit cut off is not the answer (MultiStart.BELOW_CONVERGED):
     * OLMo's 190M-10xC run, MMLU bits-per-byte over its 65 checkpoints. The runs chasing the limit stop at the
     * iteration limit; the only converged run stopped on a constant (A = 7e-119, alpha = −9.05, R² = 0) that the fit
     * returned with exit 0 at 82 times the infimum. Limit law RSS 0.0013207827777995521 (c = 3.76248, k = 0.101019);
     * the best constant's, Σ(ln y − mean ln y)², 0.10782626184655539.
     */
    @Test
    void olmoMmluBitsPerByteHasNoFiniteOptimumInsteadOfAConstant() {
        Observations data = DataSpec.builder().predictor("D").response("mmlu_avg_test_bpb").where("kind==checkpoint")
                .where("run==190M-10xC").build().load(Path.of("datasets/olmo-ladder2024-tasks.csv")).observations();
        assertEquals(65, data.size());
        double from = runaway(data);
        assertTrue(from >= 0.0013207827777995521 * (1 - 1e-9) && from < 0.0013207827777995521 * 1.001, "from " + from);
        assertTrue(from < 0.10782626184655539 / 50, "the constant's objective is 82 times the infimum: " + from);
    }

    /**
     * A point on the ridge that the optimiser calls converged (E = −1,749, A = 1,767, alpha = 2e-4 on four points),
     * within 1e-4 of the infimum: the runaway probe pushes alpha towards 0 with E and A refitted, and where their
     * least-squares solve loses its digits (E and A near 1e6 cancel to a loss near 3) it restarts the refit where
     * their own path leads (RunawayProbe). Before, the third step's refit was lost and the fit returned exit 0.
     */
    @ParameterizedTest(name = "{0} {1} on {2}")
    @CsvSource({
            "c4_original, loss_c4_val, compute_C, token_multiplier_M==5.0, 4, 0.004527686966274032",
            "rw_original, loss_c4_val, compute_C, token_multiplier_M==5.0, 4, 0.001985033541738055",
            "rpj, err_avg_17, tokens_D, size_label==0.411B, 8, 0.0010202781096408213"})
    void gadreSubsetsOnTheRidgeFailWithTheRunaway(String dataset, String y, String x, String filter, int n, double limitRss) {
        Observations data = DataSpec.builder().predictor(x).response(y).where("dataset==" + dataset).where(filter).build()
                .load(Path.of("datasets/gadre2024-overtraining.csv")).observations();
        assertEquals(n, data.size());
        double from = runaway(data);
        // The probe starts from the reported point: on the ridge, within 1e-4 above the limit law's infimum.
        assertTrue(from >= limitRss * (1 - 1e-9) && from < limitRss * (1 + 1e-4), "from " + from + " against " + limitRss);
    }

    /** @return the objective the runaway message says the fit falls from */
    private static double runaway(Observations data) {
        FitFailedException e = assertThrows(FitFailedException.class, () -> Fitter.fit(new OffsetPowerLaw(), data));
        assertTrue(e.getMessage().startsWith(RUNAWAY), e.getMessage());
        assertTrue(e.getMessage().contains("the data look like a log law, y = c − k·ln x; bound E (bound E=0:)"), e.getMessage());
        Matcher m = FALLING.matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        return Double.parseDouble(m.group(1));
    }
}
