package org.scalefit.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scalefit.FitFailedException;
import org.scalefit.data.DataSpec;
import org.scalefit.data.Observations;
import org.scalefit.model.OffsetPowerLaw;

/**
 * A converged point far above a run the iteration limit cut off is not the answer (MultiStart.BELOW_CONVERGED).
 *
 * <p>Found by the scaling-law sweep on OLMo's model ladder: the offset power law on the 190M-10xC run's MMLU
 * bits-per-byte over its 65 checkpoints has no finite optimum (E → −∞, A → +∞ while alpha → 0: the data follow a log
 * law). The runs that chase that limit stop at the iteration limit; the only run that converged stopped on a
 * constant (A = 7e-119, alpha = −9.05, R² = 0), and the fit returned it with exit 0 at 82 times the infimum.
 */
class RunChasingInfinityTest {
    /**
     * The limit law c − k·ln D fitted in log space by SciPy's least_squares (method lm, tolerances 1e-15) to the same 65
     * points: RSS 0.0013207827777995521 (c = 3.7624761, k = 0.10101895); the best constant, Σ(ln y − mean ln y)²,
     * 0.10782626184655539 (NumPy): {@code python3 bench/oracles/olmo_mmlu_log_limit.py}, run 2026-12-07.
     */
    private static final double LIMIT_RSS = 0.0013207827777995521;
    private static final double CONSTANT_RSS = 0.10782626184655539;

    @Test
    void olmoMmluBitsPerByteHasNoFiniteOptimumInsteadOfAConstant() {
        Observations data = DataSpec.builder().predictor("D").response("mmlu_avg_test_bpb").where("kind==checkpoint")
                .where("run==190M-10xC").build().load(Path.of("datasets/olmo-ladder2024-tasks.csv")).observations();
        assertEquals(65, data.size());
        FitFailedException e = assertThrows(FitFailedException.class, () -> Fitter.fit(new OffsetPowerLaw(), data));
        assertTrue(e.getMessage().startsWith("offset-power-law fit has no finite optimum: E → −∞, A → +∞ while alpha → 0"
                + " (the objective keeps falling towards "), e.getMessage());
        assertTrue(e.getMessage().contains("the data look like a log law, y = c − k·ln x; bound E (bound E=0:)"), e.getMessage());
        Matcher m = Pattern.compile("falling towards ([0-9.eE+-]+) ").matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        double from = Double.parseDouble(m.group(1));
        // Where the probe started: within 0.1% above the limit law's RSS, and nowhere near the constant.
        assertTrue(from >= LIMIT_RSS * (1 - 1e-6) && from < LIMIT_RSS * 1.001, from + " against the limit " + LIMIT_RSS);
        assertTrue(from < CONSTANT_RSS / 50, from + " against the constant " + CONSTANT_RSS);
    }
}
